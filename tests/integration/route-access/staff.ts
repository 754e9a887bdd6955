import { hrAdminOnly, type RouteRule, staff } from './_fixture';

// The staff shell and the areas every leader uses; settings are for HR admins.
export const rules: RouteRule[] = [
  { route: 'routes/_staff', path: null, allow: staff },
  { route: 'routes/_staff.insights', path: () => '/insights', allow: staff },
  { route: 'routes/_staff.surveys', path: () => '/surveys', allow: staff },
  { route: 'routes/_staff.settings', path: () => '/settings', allow: hrAdminOnly },
  { route: 'routes/_staff.settings._index', path: () => '/settings?index', allow: hrAdminOnly },
  { route: 'routes/_staff.settings.outbox', path: () => '/settings/outbox', allow: hrAdminOnly },
  {
    route: 'routes/_staff.settings.outbox.$mailId',
    path: (fixture) => `/settings/outbox/${fixture.outboxMailId}`,
    allow: hrAdminOnly,
  },
];
