import { hrAdminOnly, type RouteRule, staff } from './_fixture';

// Surveys: leaders may read the list; designing, schedules, cycles and links are HR's. Index
// routes are addressed with ?index so a post reaches them rather than their parent layout.
const survey = (fixture: { surveyId: string }) => `/surveys/${fixture.surveyId}`;
const cycle = (fixture: { surveyId: string; cycleId: string }) =>
  `/surveys/${fixture.surveyId}/cycles/${fixture.cycleId}`;

export const rules: RouteRule[] = [
  {
    route: 'routes/_staff.surveys._index',
    path: () => '/surveys?index',
    allow: staff,
    allowPost: hrAdminOnly,
  },
  { route: 'routes/_staff.surveys.new', path: () => '/surveys/new', allow: hrAdminOnly },
  { route: 'routes/_staff.surveys.$surveyId', path: survey, allow: hrAdminOnly },
  {
    route: 'routes/_staff.surveys.$surveyId._index',
    path: (fixture) => `${survey(fixture)}?index`,
    allow: hrAdminOnly,
  },
  {
    route: 'routes/_staff.surveys.$surveyId.preview',
    path: (fixture) => `${survey(fixture)}/preview`,
    allow: hrAdminOnly,
  },
  {
    route: 'routes/_staff.surveys.$surveyId.cycles._index',
    path: (fixture) => `${survey(fixture)}/cycles?index`,
    allow: hrAdminOnly,
  },
  {
    route: 'routes/_staff.surveys.$surveyId.cycles.$cycleId._index',
    path: (fixture) => `${cycle(fixture)}?index`,
    allow: hrAdminOnly,
  },
  {
    route: 'routes/_staff.surveys.$surveyId.cycles.$cycleId.links[.]csv',
    path: (fixture) => `${cycle(fixture)}/links.csv`,
    allow: hrAdminOnly,
  },
  {
    route: 'routes/_staff.surveys.$surveyId.cycles.$cycleId.qr',
    path: (fixture) => `${cycle(fixture)}/qr`,
    allow: hrAdminOnly,
  },
];
