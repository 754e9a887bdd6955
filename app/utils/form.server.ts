import { json } from '@remix-run/node';
import type { z } from 'zod';

import {
  checkValues,
  type FieldErrors,
  type FormValues,
  formValues,
  parseSubmission,
  type Submission,
} from './submission';

// The one way a route reads input: `parseForm` for an action's form, `parseSearch` for a loader's
// address. A refused form answers `refuseForm` (messages per field and what was typed, 400), which
// the page shows beside each field; a refused address throws `refuseAddress` (a 400 whose text the
// error page shows). Both keep what was sent (`values`), so a refusal the domain module returns
// after the parse (`{ ok: false, errors }`) answers in the same shape.

/** A body that is not a form counts as an empty one, so bad input answers 400, never 500. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}

/** A parsed form, with what was sent kept either way for a refusal that comes later. */
export type ParsedForm<T> = Submission<T> & { values: FormValues };

/**
 * Reads the request's form and checks it with the schema (see ./submission.ts). Fields named in
 * `lists` are read as every value sent (multi-selects, checkbox groups).
 */
export async function parseForm<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
  options: { lists?: string[] } = {},
): Promise<ParsedForm<z.output<Schema>>> {
  const values = formValues(await readForm(request), options);
  return { ...checkValues<z.output<Schema>>(values, schema), values };
}

/** A loader's search params checked with the schema: the same outcome as a form's. */
export function parseSearch<Schema extends z.ZodTypeAny>(
  request: Request | URLSearchParams,
  schema: Schema,
): Submission<z.output<Schema>> {
  const params = request instanceof URLSearchParams ? request : new URL(request.url).searchParams;
  return parseSubmission<z.output<Schema>>(params, schema);
}

/**
 * The answer to a refused form: messages per field and what was typed, status 400 unless said
 * otherwise. Passwords and tokens are never sent back, not even to refill the form.
 */
export function refuseForm(
  { errors, values }: { errors: FieldErrors; values: FormValues },
  status = 400,
) {
  const kept = Object.fromEntries(
    Object.entries(values).filter(([name]) => !/password|token/i.test(name)),
  );
  return json({ errors, values: kept }, { status });
}

/**
 * What a loader throws for a refused address: a 400 whose text is the first message (a message
 * key or plain words), which the area's error page says in the reader's language. The address
 * may have parsed and still name nothing to show: then the refusal is that one message.
 */
export function refuseAddress(refusal: { errors: FieldErrors } | string, fallback = 'Bad address') {
  const first =
    typeof refusal === 'string'
      ? refusal
      : Object.values(refusal.errors).find((messages) => messages?.length)?.[0];
  return new Response(first ?? fallback, { status: 400 });
}
