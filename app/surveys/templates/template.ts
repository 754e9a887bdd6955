import type { LocalizedText, Schedule, SurveyDefinition } from '../survey-schema';

/**
 * A ready-made survey HR starts from. It leaves out what only the organisation knows — who
 * answers, which departments are rated, the start date, hour and time zone — and keeps the rest
 * in the survey's own shape, so the designer copies it as it is.
 *
 * Every built-in template carries all six languages and leaves every question optional: a pulse
 * people may skip honestly gives better data than forced answers, and HR can make any question
 * required in the designer. Translations follow a few rules so they read naturally:
 * - no wording that agrees with the respondent's gender ("I am satisfied" needs a gendered
 *   adjective in Portuguese, Polish, Ukrainian and Latvian), so such items are rephrased;
 * - "you" as workplace surveys in each language say it: "ви" and "jūs" in Ukrainian and
 *   Latvian, "du", "ty" and "você" in Norwegian, Polish and Portuguese;
 * - `pt` is Brazilian Portuguese, the variant `Intl` and CLDR mean by the bare code.
 */
export type SurveyTemplate = {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  definition: Omit<SurveyDefinition, 'audience' | 'providerDepartmentIds' | 'schedule'> & {
    schedule: Pick<Schedule, 'cadence' | 'openDays' | 'reminderDaysBeforeClose'>;
  };
};
