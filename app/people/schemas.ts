import { z } from 'zod';

import { departmentKinds, type LanguageCode, languageCodes } from '../../models/vocabulary';

// Shared by the server and the browser, so nothing here may import a *.server.ts module. The
// department kinds and languages are the models' own (models/vocabulary.ts).

/**
 * English names, which a roster file may give instead of a code. Pages name languages in the
 * reader's language (people:languages.*).
 */
export const languageNames: Record<LanguageCode, string> = {
  en: 'English',
  uk: 'Ukrainian',
  nb: 'Norwegian Bokmål',
  pt: 'Portuguese',
  pl: 'Polish',
  lv: 'Latvian',
};

/** The key that makes names unique without regard to case or stray spaces. */
export function nameKeyOf(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function emailKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

// Messages are keys of the people words (see ~/utils/message), shown in the reader's language.
const id = (message: string) => z.string().regex(/^[a-f\d]{24}$/i, message);
const optionalId = (message: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), id(message).optional());

// An unticked checkbox is absent from the form; a ticked one sends "on".
const checkbox = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());

const departmentNameSchema = z
  .string({ required_error: 'people:errors.nameMissing' })
  .transform((name) => name.trim().replace(/\s+/g, ' '))
  .pipe(
    z.string().min(1, 'people:errors.nameMissing').max(120, 'people:errors.departmentNameTooLong'),
  );

const kindSchema = z.enum(departmentKinds, {
  errorMap: () => ({ message: 'people:errors.kindMissing' }),
});

const departmentId = id('people:errors.departmentMissing');

export const departmentIntentSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('create'),
      name: departmentNameSchema,
      kind: kindSchema,
      parentId: optionalId('people:errors.parentNotListed'),
    }),
    z.object({
      intent: z.literal('rename'),
      departmentId,
      name: departmentNameSchema,
      kind: kindSchema,
    }),
    z.object({
      intent: z.literal('move'),
      departmentId,
      parentId: optionalId('people:errors.parentNotListed'),
    }),
    z.object({ intent: z.literal('archive'), departmentId }),
    z.object({ intent: z.literal('restore'), departmentId }),
  ],
  { errorMap: () => ({ message: 'people:errors.departmentIntent' }) },
);
export type DepartmentIntent = z.infer<typeof departmentIntentSchema>;

export const personSchema = z.object({
  name: z
    .string({ required_error: 'people:errors.nameMissing' })
    .trim()
    .min(1, 'people:errors.nameMissing')
    .max(200, 'people:errors.nameTooLong'),
  email: z
    .string({ required_error: 'people:errors.emailMissing' })
    .trim()
    .min(1, 'people:errors.emailMissing')
    .max(254, 'people:errors.emailTooLong')
    .email('people:errors.emailInvalid'),
  departmentId,
  language: z.enum(languageCodes, {
    errorMap: () => ({ message: 'people:errors.languageMissing' }),
  }),
  leaderOf: z.array(id('people:errors.leaderOfNotListed')).default([]),
  hrAdmin: checkbox,
  active: checkbox,
});
export type PersonInput = z.infer<typeof personSchema>;

export const peopleQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .catch('')
    .transform((q) => q || undefined),
  departmentId: optionalId('people:errors.departmentMissing').catch(undefined),
  status: z.enum(['active', 'inactive', 'all']).catch('active'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;

export const rosterOptionsSchema = z.object({ createDepartments: checkbox });

export const importIntentSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('options'), createDepartments: checkbox }),
    z.object({ intent: z.literal('confirm') }),
    z.object({ intent: z.literal('discard') }),
    z.object({ intent: z.literal('undo') }),
  ],
  { errorMap: () => ({ message: 'people:import.errors.intent' }) },
);

export const previewQuerySchema = z.object({
  outcome: z.enum(['all', 'error', 'create', 'update', 'unchanged']).catch('all'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type PreviewQuery = z.infer<typeof previewQuerySchema>;
