// The product's fixed lists: the values a stored document may hold and the forms, pages and
// server modules offer. models/ declare their enums from these and app/ reads the same lists, so
// a value is added in one place. A leaf module: it imports nothing, and the browser bundle may
// include it. Their words are in app/locales (see each list).

/** The languages of every page, mail and survey; words in app/locales/<code>/. */
export const languageCodes = ['en', 'uk', 'nb', 'pt', 'pl', 'lv'] as const;
export type LanguageCode = (typeof languageCodes)[number];

/** Every question type, in the order the designer offers them (surveys:questionType.<type>). */
export const questionTypes = ['scale', 'nps', 'single', 'multi', 'text'] as const;
export type QuestionType = (typeof questionTypes)[number];

/** A survey's life: drafted, running its cycles, paused, ended (surveys:status.<status>). */
export const surveyStatuses = ['draft', 'active', 'paused', 'ended'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

/** How often a survey opens a cycle (surveys:cadence.<cadence>). */
export const cadences = ['once', 'weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type Cadence = (typeof cadences)[number];

/**
 * A cycle is scheduled, then open for answers, then closed; figures show only once closed
 * (surveys:cycleStatus.<status>).
 */
export const cycleStatuses = ['scheduled', 'open', 'closed'] as const;
export type CycleStatus = (typeof cycleStatuses)[number];

/** How an invitation reaches a person: by e-mail, or on a printed QR card. */
export const inviteDeliveries = ['email', 'printed'] as const;
export type InviteDelivery = (typeof inviteDeliveries)[number];

/** An action item's status (actions:status.<status>); its moves are in app/actions/action-rules.ts. */
export const actionStatuses = ['open', 'in-progress', 'done', 'wont-do'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/**
 * What an action answers: the kind of result it was raised from, or an idea sent to a department
 * ('idea': no survey, cycle or figure, see models/idea.server.ts).
 */
export const metricKinds = ['score', 'enps', 'question', 'driver', 'service', 'idea'] as const;
export type MetricKind = (typeof metricKinds)[number];

/** The entries of an action's timeline (actions:timeline.<kind>). */
export const timelineKinds = [
  'created',
  'status',
  'update',
  'edited',
  'owner',
  'published',
  'unpublished',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

/** What a department does (people:kinds.<kind>). */
export const departmentKinds = ['executive', 'operational', 'commercial', 'support'] as const;
export type DepartmentKind = (typeof departmentKinds)[number];

/** A roster import: previewed as a draft, then applied (or failed and undone). */
export const rosterImportStatuses = ['draft', 'applying', 'done', 'failed'] as const;
export type RosterImportStatus = (typeof rosterImportStatuses)[number];

/** What someone sends a department at any time (ideas:kind.<kind>). */
export const ideaKinds = ['idea', 'concern'] as const;
export type IdeaKind = (typeof ideaKinds)[number];

/** What came of an idea (ideas:status.<status>); not doing needs a reason. */
export const ideaStatuses = ['new', 'planned', 'done', 'not-doing'] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];
