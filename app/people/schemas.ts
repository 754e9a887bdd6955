import { z } from 'zod';

// Shared by the server and the browser, so nothing here may import a *.server.ts module. The two
// lists mirror models/department.server.ts and models/person.server.ts; a test keeps them in step.

export const departmentKinds = ['executive', 'operational', 'commercial', 'support'] as const;
export type DepartmentKind = (typeof departmentKinds)[number];

export const kindNames: Record<DepartmentKind, string> = {
  executive: 'Executive',
  operational: 'Operational',
  commercial: 'Commercial',
  support: 'Support',
};

export const languages = ['en', 'uk', 'nb', 'pt', 'pl', 'lv'] as const;
export type Language = (typeof languages)[number];

export const languageNames: Record<Language, string> = {
  en: 'English',
  uk: 'Ukrainian',
  nb: 'Norwegian Bokmål',
  pt: 'Portuguese',
  pl: 'Polish',
  lv: 'Latvian',
};

/** The columns of a roster file, as the upload page and the file errors name them. */
export const columnsInWords =
  'name, email, department, language, and optionally department_kind, leader_of, hr_admin and active';

/** The key that makes names unique without regard to case or stray spaces. */
export function nameKeyOf(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function emailKeyOf(email: string): string {
  return email.trim().toLowerCase();
}

const id = (message: string) => z.string().regex(/^[a-f\d]{24}$/i, message);
const optionalId = (message: string) =>
  z.preprocess((value) => (value === '' ? undefined : value), id(message).optional());

// An unticked checkbox is absent from the form; a ticked one sends "on".
const checkbox = z.preprocess((value) => value === 'on' || value === 'true', z.boolean());

export const departmentNameSchema = z
  .string({ required_error: 'Enter a name.' })
  .transform((name) => name.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'Enter a name.').max(120, 'Keep the name to 120 characters or fewer.'));

const kindSchema = z.enum(departmentKinds, {
  errorMap: () => ({ message: 'Choose a kind.' }),
});

const departmentId = id('Choose a department.');

export const departmentIntentSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('create'),
      name: departmentNameSchema,
      kind: kindSchema,
      parentId: optionalId('Choose a parent department from the list.'),
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
      parentId: optionalId('Choose a parent department from the list.'),
    }),
    z.object({ intent: z.literal('archive'), departmentId }),
    z.object({ intent: z.literal('restore'), departmentId }),
  ],
  { errorMap: () => ({ message: 'Choose what to do with the department.' }) },
);
export type DepartmentIntent = z.infer<typeof departmentIntentSchema>;

export const personSchema = z.object({
  name: z
    .string({ required_error: 'Enter a name.' })
    .trim()
    .min(1, 'Enter a name.')
    .max(200, 'Keep the name to 200 characters or fewer.'),
  email: z
    .string({ required_error: 'Enter an email address.' })
    .trim()
    .min(1, 'Enter an email address.')
    .max(254, 'Keep the email address to 254 characters or fewer.')
    .email('Enter an email address like name@example.com.'),
  departmentId,
  language: z.enum(languages, { errorMap: () => ({ message: 'Choose a language.' }) }),
  leaderOf: z.array(id('Choose departments from the list.')).default([]),
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
  departmentId: optionalId('Choose a department.').catch(undefined),
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
  { errorMap: () => ({ message: 'Choose what to do with the import.' }) },
);

export const previewQuerySchema = z.object({
  outcome: z.enum(['all', 'error', 'create', 'update', 'unchanged']).catch('all'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type PreviewQuery = z.infer<typeof previewQuerySchema>;
