import { everyone, type RouteRule } from './_fixture';

// The employee shell; the answering pages under it come with employee links in a later issue.
export const rules: RouteRule[] = [
  { route: 'routes/_employee', path: null, allow: everyone },
];
