import { z } from 'zod';

import { languageCodes } from '../../models/vocabulary';
import { isTimeZone } from '../surveys/local-time';
import { languageCode } from '../surveys/survey-schema';
import { message } from '../utils/message';

// The organisation's settings as HR edits them: the one shape the form, the server and the new
// survey defaults share. Pure, so the page can show the same limits the server enforces. Its
// messages are keys of the settings words (see ~/utils/message), shown in the reader's language.

/** Never below 3, as a survey's own threshold: smaller groups could single one person out. */
export const minimumAnonymityThreshold = 3;

const wholeNumber = (notWhole: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
    z.number({ invalid_type_error: notWhole }).int(notWhole),
  );

export const organisationSettings = z
  .object({
    organisationName: z.string().trim().max(120, 'settings:errors.organisationNameTooLong'),
    anonymityThreshold: z.preprocess(
      (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
      z
        .number({
          required_error: 'settings:errors.thresholdMissing',
          invalid_type_error: 'settings:errors.thresholdNotWhole',
        })
        .int('settings:errors.thresholdNotWhole')
        .min(
          minimumAnonymityThreshold,
          message('settings:errors.thresholdTooLow', { minimum: minimumAnonymityThreshold }),
        )
        .max(100, message('settings:errors.thresholdTooHigh', { maximum: 100 })),
    ),
    languages: z
      .array(languageCode, { invalid_type_error: 'settings:errors.languagesNotListed' })
      .min(1, 'settings:errors.languagesMissing'),
    defaultLanguage: languageCode,
    timeZone: z
      .string()
      .trim()
      .min(1, 'settings:errors.timeZoneMissing')
      .refine(isTimeZone, (zone) => ({
        message: message('settings:errors.timeZoneUnknown', { zone }),
      })),
    reminderDaysBeforeClose: wholeNumber('settings:errors.reminderNotWhole').pipe(
      z
        .number()
        .min(0, message('settings:errors.reminderRange', { maximum: 30 }))
        .max(30, message('settings:errors.reminderRange', { maximum: 30 })),
    ),
  })
  .superRefine((settings, context) => {
    if (!settings.languages.includes(settings.defaultLanguage)) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['defaultLanguage'],
        message: 'settings:errors.mainLanguageNotChosen',
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
