import { type Role, type RouteRule, staff } from './_fixture';

// Actions are for every leader and HR admin; each list narrows to the user's scope. Raising an
// action on department A's result, or opening an action about it, is for those whose scope holds
// A: leader A and HR admins. Leader B gets 403.
const departmentA: readonly Role[] = ['leaderA', 'hrAdmin'];

export const rules: RouteRule[] = [
  { route: 'routes/_staff.actions', path: () => '/actions', allow: staff },
  { route: 'routes/_staff.actions._index', path: () => '/actions', allow: staff },
  {
    route: 'routes/_staff.actions.new',
    path: (fixture) =>
      `/actions/new?survey=${fixture.surveyId}&cycle=${fixture.cycleId}&metric=score&department=${fixture.departments.a}`,
    allow: departmentA,
  },
  {
    route: 'routes/_staff.actions.$actionId',
    path: (fixture) => `/actions/${fixture.actionId}`,
    allow: departmentA,
  },
];
