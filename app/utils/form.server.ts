import { json } from '@remix-run/node';
import type { z } from 'zod';

import { type FieldErrors, type FormValues, parseSubmission, type Submission } from './submission';

/** A body that is not a form counts as an empty one, so bad input answers 400, never 500. */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}

/** Reads the request's form and checks it with the schema (see ./submission.ts). */
export async function parseForm<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
): Promise<Submission<z.output<Schema>>> {
  return parseSubmission(await readForm(request), schema);
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
