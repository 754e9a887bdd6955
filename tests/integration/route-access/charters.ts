import { type Role, type RouteRule, staff } from './_fixture';

// Service charters: every staff member may read a provider's charter and its readings (a leader
// sees only their own departments' rows); HR admins and the provider's leaders change it, so an
// empty post to department A's charter is answered 400 for them and 403 for leader B.
const departmentA: readonly Role[] = ['leaderA', 'hrAdmin'];

export const rules: RouteRule[] = [
  { route: 'routes/_staff.charters', path: () => '/charters', allow: staff },
  { route: 'routes/_staff.charters._index', path: () => '/charters', allow: staff },
  {
    route: 'routes/_staff.charters.$departmentId',
    path: (fixture) => `/charters/${fixture.departments.a}`,
    allow: staff,
    allowPost: departmentA,
  },
];
