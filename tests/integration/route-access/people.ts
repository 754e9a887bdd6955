import { hrAdminOnly, type RouteRule } from './_fixture';

// The roster, departments and roster import: HR admins only.
export const rules: RouteRule[] = [
  { route: 'routes/_staff.people', path: () => '/people', allow: hrAdminOnly },
  { route: 'routes/_staff.people._index', path: () => '/people', allow: hrAdminOnly },
  { route: 'routes/_staff.people.new', path: () => '/people/new', allow: hrAdminOnly },
  {
    route: 'routes/_staff.people.$personId',
    path: (fixture) => `/people/${fixture.people.employee}`,
    allow: hrAdminOnly,
  },
  {
    route: 'routes/_staff.people.departments',
    path: () => '/people/departments',
    allow: hrAdminOnly,
  },
  { route: 'routes/_staff.people.import._index', path: () => '/people/import', allow: hrAdminOnly },
  {
    route: 'routes/_staff.people.import.$importId',
    path: (fixture) => `/people/import/${fixture.rosterImportId}`,
    allow: hrAdminOnly,
  },
];
