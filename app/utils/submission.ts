import type { z } from 'zod';

/** Plain-words messages per form field; `form` holds those about the form as a whole. */
export type FieldErrors = Record<string, string[] | undefined>;

/** What the person typed, sent back so a refused form keeps it. */
export type FormValues = Record<string, string | string[]>;

export type Submission<T> =
  { ok: true; data: T } | { ok: false; errors: FieldErrors; values: FormValues };

/** What a form or an address sends: fields by name, a name possibly sent more than once. */
export type SentFields = Pick<FormData | URLSearchParams, 'keys' | 'getAll'>;

/**
 * Reads a submitted form (or an address's search params) into plain values (files are left out)
 * and parses them with a zod schema. Fields named in `lists` are read as every value sent
 * (multi-selects, checkbox groups).
 */
export function parseSubmission<T>(
  sent: SentFields,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  { lists = [] }: { lists?: string[] } = {},
): Submission<T> {
  return checkValues(formValues(sent, { lists }), schema);
}

/** Plain values checked with a zod schema: the data, or the messages per field and the values. */
export function checkValues<T>(
  values: FormValues,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
): Submission<T> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: errorsByField(result.error), values };
}

/** The text fields of a form as plain values; `lists` are read as every value sent. */
export function formValues(
  sent: SentFields,
  { lists = [] }: { lists?: string[] } = {},
): FormValues {
  const values: FormValues = {};
  for (const key of new Set(sent.keys())) {
    const all = sent.getAll(key).filter((value) => typeof value === 'string');
    values[key] = lists.includes(key) ? all : (all[0] ?? '');
  }
  for (const key of lists) values[key] ??= [];
  return values;
}

export function errorsByField(error: z.ZodError): FieldErrors {
  // Field names can come from the request (an answer's question id), so "constructor" or
  // "__proto__" must be plain keys here, not what every object inherits.
  const errors = new Map<string, string[]>();
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors.set(field, [...(errors.get(field) ?? []), issue.message]);
  }
  return Object.fromEntries(errors);
}

/**
 * The messages of a refused form in an action's answer (see refuseForm), or none: for pages whose
 * action also answers other things (a confirmation step, a notice).
 */
export function errorsIn(answer: unknown): FieldErrors {
  if (typeof answer !== 'object' || answer === null || !('errors' in answer)) return {};
  const { errors } = answer;
  return typeof errors === 'object' && errors !== null ? { ...errors } : {};
}
