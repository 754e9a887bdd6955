import { everyone, type RouteRule } from './_fixture';

// The employee shell; the answering pages under it come with employee links in a later issue.
export const rules: RouteRule[] = [
  { route: 'routes/_employee', path: null, allow: everyone },
  // The receipt lookup: open to anyone, like employee links (the board's rules are in board.ts).
  { route: 'routes/_employee.receipt', path: () => '/receipt', allow: everyone },
  // The language switcher's target: a GET sends on to the board, a POST sets a cookie.
  { route: 'routes/language', path: () => '/language', allow: everyone },
  // Answering: the link's token (or the open link's id) is the only credential, whoever holds it.
  { route: 'routes/_employee.a.$token', path: (f) => `/a/${f.inviteToken}`, allow: everyone },
  { route: 'routes/_employee.k.$kioskId', path: (f) => `/k/${f.kioskId}`, allow: everyone },
];
