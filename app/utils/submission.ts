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

/**
 * The messages per field of a refused parse. A flat form names its field by the path's first
 * part; a `nested` one (see nestedValues) by the whole path, `questions.2.text.en`. A message
 * said twice about one field is kept once.
 */
export function errorsByField(
  error: z.ZodError,
  { nested = false }: { nested?: boolean } = {},
): FieldErrors {
  // Field names can come from the request (an answer's question id), so "constructor" or
  // "__proto__" must be plain keys here, not what every object inherits.
  const errors = new Map<string, string[]>();
  for (const issue of error.issues) {
    const path = nested ? issue.path : issue.path.slice(0, 1);
    const field = path.length > 0 ? path.join('.') : 'form';
    const messages = errors.get(field) ?? [];
    if (!messages.includes(issue.message)) errors.set(field, [...messages, issue.message]);
  }
  return Object.fromEntries(errors);
}

/**
 * A form whose fields are named by their path (`questions.3.text.en`) as one nested object:
 * `a.0.b` becomes `{ a: [{ b }] }`, objects keyed only by indexes become arrays in index order
 * (gaps closed). Fields named in `lists` are read as every value sent; those `flags` matches are
 * checkboxes, true when sent as `on` or `true`. Names that are not paths are left out. Never
 * throws, whatever is posted.
 */
export function nestedValues(
  sent: SentFields,
  { lists = [], flags }: { lists?: string[]; flags?: RegExp } = {},
): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const name of new Set(sent.keys())) {
    const values = sent.getAll(name).filter((value) => typeof value === 'string');
    if (name.length > 200 || values.length === 0) continue;
    const path = name.split('.');
    if (!path.every((segment) => /^[A-Za-z][\w-]*$|^\d{1,3}$/.test(segment))) continue;
    const first = values[0] ?? '';
    const value = lists.includes(name)
      ? values
      : flags?.test(name)
        ? first === 'on' || first === 'true'
        : first;
    setAt(root, path, value);
  }
  return compactArrays(root) as Record<string, unknown>;
}

function setAt(root: Record<string, unknown>, path: string[], value: unknown) {
  let node: Record<string, unknown> = root;
  for (const segment of path.slice(0, -1)) {
    const next = node[segment];
    if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
      node = next as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> = {};
      // An own property, so a field named `__proto__` or `constructor` cannot reach a prototype.
      Object.defineProperty(node, segment, { value: created, enumerable: true, writable: true });
      node = created;
    }
  }
  const last = path[path.length - 1];
  if (last in node && typeof node[last] === 'object') return;
  Object.defineProperty(node, last, { value, enumerable: true, writable: true });
}

function compactArrays(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, compactArrays(item)] as const);
  if (entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, item]) => item);
  }
  return Object.fromEntries(entries);
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
