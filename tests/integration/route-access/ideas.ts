import { everyone, type Role, type RouteRule, staff } from './_fixture';

// Ideas: anyone with a department's board address may send it one, without signing in. Leaders
// and HR admins read them; the list narrows to the user's scope, and an idea sent to department
// A is for those whose scope holds A: leader A and HR admins. Leader B gets 403.
const departmentA: readonly Role[] = ['leaderA', 'hrAdmin'];

export const rules: RouteRule[] = [
  {
    route: 'routes/_employee.board.$boardKey_.idea',
    path: (fixture) => `/board/${fixture.boardKey}/idea`,
    allow: everyone,
  },
  { route: 'routes/_staff.ideas', path: () => '/ideas', allow: staff },
  { route: 'routes/_staff.ideas._index', path: () => '/ideas', allow: staff },
  {
    route: 'routes/_staff.ideas.$ideaId',
    path: (fixture) => `/ideas/${fixture.ideaId}`,
    allow: departmentA,
  },
];
