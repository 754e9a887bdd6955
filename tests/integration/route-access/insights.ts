import { type Role, type RouteRule, staff } from './_fixture';

// Insight pages are for every leader and HR admin; each narrows its numbers to the user's scope.
// A department page (and its exports) is for those whose scope holds the department: leader A and
// HR admins for department A.
const departmentA: readonly Role[] = ['leaderA', 'hrAdmin'];

export const rules: RouteRule[] = [
  { route: 'routes/_staff.insights._index', path: () => '/insights', allow: staff },
  {
    route: 'routes/_staff.insights.matrix',
    path: (fixture) => `/insights/matrix?survey=${fixture.surveyId}`,
    allow: staff,
  },
  {
    route: 'routes/_staff.insights.drivers',
    path: (fixture) => `/insights/drivers?survey=${fixture.surveyId}`,
    allow: staff,
  },
  {
    // Only forwards to the department page, which checks the scope.
    route: 'routes/_staff.insights.departments._index',
    path: (fixture) => `/insights/departments?department=${fixture.departments.a}`,
    allow: staff,
  },
  {
    route: 'routes/_staff.insights.departments.$departmentId',
    path: (fixture) => `/insights/departments/${fixture.departments.a}?survey=${fixture.surveyId}`,
    allow: departmentA,
  },
  {
    route: 'routes/_staff.insights.export[.]csv',
    path: (fixture) =>
      `/insights/export.csv?page=department&chart=trend&department=${fixture.departments.a}&survey=${fixture.surveyId}`,
    allow: departmentA,
  },
];
