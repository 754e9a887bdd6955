import { everyone, type RouteRule, staff } from './_fixture';

// Thanks across departments: sent from a department's board by anyone with its address (an empty
// post is answered 400), read and published by staff, each in their own scope, counted in
// insights.
export const rules: RouteRule[] = [
  {
    route: 'routes/_employee.board.$boardKey_.thanks',
    path: (fixture) => `/board/${fixture.boardKey}/thanks`,
    allow: everyone,
  },
  { route: 'routes/_staff.thanks', path: () => '/thanks', allow: staff },
  { route: 'routes/_staff.insights.thanks', path: () => '/insights/thanks', allow: staff },
];
