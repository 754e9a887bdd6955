import { type RouteRule, staff } from './_fixture';

// Comments: every leader may open the page and post replies; the page itself narrows what they
// read and may reply to, to the departments in their scope (tested in app/insights).
export const rules: RouteRule[] = [
  {
    route: 'routes/_staff.insights.comments',
    path: (fixture) => `/insights/comments?survey=${fixture.surveyId}`,
    allow: staff,
  },
];
