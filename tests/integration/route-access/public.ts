import { everyone, nobody, type RouteRule } from './_fixture';

// Pages anyone may open: the home page, signing in and out, password reset, first-run setup.
export const rules: RouteRule[] = [
  { route: 'root', path: null, allow: everyone },
  { route: 'routes/_public', path: null, allow: everyone },
  { route: 'routes/_public._index', path: () => '/', allow: everyone },
  // Any address no route claims: 404 for everyone.
  { route: 'routes/_public.$', path: () => '/no-such-page', allow: nobody },
  // Signed-in staff are sent on from the sign-in page; both count as allowed.
  { route: 'routes/_public.login', path: () => '/login', allow: everyone },
  { route: 'routes/_public.forgot-password', path: () => '/forgot-password', allow: everyone },
  // The token is the permission; a wrong one gets the page saying the link has expired.
  {
    route: 'routes/_public.reset-password.$token',
    path: () => '/reset-password/not-a-real-token',
    allow: everyone,
  },
  // The fixture has an HR admin, so setup is closed: 404 for everyone.
  { route: 'routes/_public.setup', path: () => '/setup', allow: nobody },
  { route: 'routes/logout', path: () => '/logout', allow: everyone },
];
