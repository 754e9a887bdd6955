import { type RouteRule, staff } from './_fixture';

// Hotspots: a tab of insights every leader may open; the page narrows its cells to the
// departments they lead or whose services they own.
export const rules: RouteRule[] = [
  { route: 'routes/_staff.insights.hotspots', path: () => '/insights/hotspots', allow: staff },
];
