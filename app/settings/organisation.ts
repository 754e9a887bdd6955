import { z } from 'zod';

import { isTimeZone } from '../surveys/local-time';
import { languageCode, languageCodes } from '../surveys/survey-schema';

// The organisation's settings as HR edits them: the one shape the form, the server and the new
// survey defaults share. Pure, so the page can show the same limits the server enforces.

/** Never below 3, as a survey's own threshold: smaller groups could single one person out. */
export const minimumAnonymityThreshold = 3;

const wholeNumber = (field: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    z
      .number({ invalid_type_error: `Enter the ${field} as a whole number` })
      .int(`Enter the ${field} as a whole number`),
  );

export const organisationSettings = z
  .object({
    organisationName: z.string().trim().max(120, 'Keep the organisation name under 120 characters'),
    anonymityThreshold: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
      z
        .number({
          required_error: 'Enter the anonymity threshold',
          invalid_type_error: 'Enter the anonymity threshold as a whole number',
        })
        .int('Enter the anonymity threshold as a whole number')
        .min(
          minimumAnonymityThreshold,
          `The anonymity threshold is at least ${minimumAnonymityThreshold}: smaller groups could single out one person`,
        )
        .max(100, 'The anonymity threshold is at most 100'),
    ),
    languages: z
      .array(languageCode, { invalid_type_error: 'Choose languages from the list' })
      .min(1, 'Choose at least one language'),
    defaultLanguage: languageCode,
    timeZone: z
      .string()
      .trim()
      .min(1, 'Enter a time zone such as Europe/Oslo')
      .refine(isTimeZone, (zone) => ({
        message: `"${zone}" is not a time zone: use a name such as Europe/Oslo or America/New_York`,
      })),
    reminderDaysBeforeClose: wholeNumber('reminder').pipe(
      z
        .number()
        .min(0, 'Use 0 for no reminder, or a number of days up to 30')
        .max(30, 'Use 0 for no reminder, or a number of days up to 30'),
    ),
  })
  .superRefine((settings, context) => {
    if (!settings.languages.includes(settings.defaultLanguage)) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['defaultLanguage'],
        message: 'The main language must be one of the languages chosen',
      });
    }
  });

export type OrganisationSettings = z.output<typeof organisationSettings>;

/**
 * What an installation starts with, before HR saves anything: every language, as the templates
 * are written in all six, so HR narrows the list rather than discovering it.
 */
export const defaultSettings: OrganisationSettings = {
  organisationName: '',
  anonymityThreshold: 5,
  languages: [...languageCodes],
  defaultLanguage: 'en',
  timeZone: 'Europe/Oslo',
  reminderDaysBeforeClose: 2,
};
