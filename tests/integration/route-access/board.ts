import { everyone, type RouteRule } from './_fixture';

// The "You said, we did" board: employees never sign in, so it is open to whoever has the
// address. A department's board is reached only by its random key.
export const rules: RouteRule[] = [
  { route: 'routes/_employee.board', path: () => '/board', allow: everyone },
  { route: 'routes/_employee.board._index', path: () => '/board', allow: everyone },
  {
    route: 'routes/_employee.board.$boardKey',
    path: (fixture) => `/board/${fixture.boardKey}`,
    allow: everyone,
  },
];
