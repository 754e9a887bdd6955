import { z } from 'zod';

import { languageCodes } from '../../models/vocabulary';

// The charter form's shapes, shared by the page (which names its fields by path,
// `standards.2.text.en`) and the server module (which checks again whatever it is given, then
// checks the measures and targets against the surveys: see charters.server.ts).

/** How many standards a charter holds: a short list people can remember. */
export const maxStandards = 8;

/** What a standard is measured by, as the form's one select sends it. */
export type MeasureChoice =
  { kind: 'driver'; driver: string } | { kind: 'question'; surveyId: string; questionId: string };

/** `driver:<name>` or `question:<surveyId>:<questionId>`: one select holds both kinds. */
export function measureValue(measure: MeasureChoice): string {
  return measure.kind === 'driver'
    ? `driver:${measure.driver}`
    : `question:${measure.surveyId}:${measure.questionId}`;
}

export function parseMeasure(value: string): MeasureChoice | null {
  const driver = /^driver:(.{1,40})$/.exec(value);
  if (driver?.[1]) return { kind: 'driver', driver: driver[1] };
  const question = /^question:([a-f\d]{24}):([\w-]{1,40})$/i.exec(value);
  if (question?.[1] && question[2]) {
    return { kind: 'question', surveyId: question[1], questionId: question[2] };
  }
  return null;
}

// A checkbox sends "on" when ticked and nothing when not.
const checkbox = z.preprocess((value) => value === 'on' || value === true, z.boolean());

const texts = z
  .object(
    Object.fromEntries(
      languageCodes.map((code) => [
        code,
        z.string().trim().max(200, 'charters:errors.textTooLong').default(''),
      ]),
    ) as Record<(typeof languageCodes)[number], z.ZodDefault<z.ZodString>>,
  )
  .partial()
  .default({});

/** A target as typed: "4", "4.2", "4,2" (a decimal comma is how most of our languages write it). */
const target = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().replace(',', '.') : value),
  z
    .string()
    .min(1, 'charters:errors.targetRequired')
    .regex(/^-?\d{1,3}(\.\d{1,2})?$/, 'charters:errors.targetNumber')
    .transform(Number),
);

export const standardInput = z.object({
  key: z
    .string()
    .regex(/^[a-z\d-]{0,40}$/, 'charters:errors.reload')
    .default(''),
  text: texts,
  measure: z
    .string({ required_error: 'charters:errors.chooseMeasure' })
    .refine((value) => parseMeasure(value) !== null, 'charters:errors.chooseMeasure'),
  target,
  remove: checkbox.default(false),
});
export type StandardInput = z.infer<typeof standardInput>;

/** A row of the form left as it came (the blank one at the end) says nothing: it is dropped. */
function isBlank(row: unknown): boolean {
  if (typeof row !== 'object' || row === null) return true;
  const fields = row as Record<string, unknown>;
  const text = fields.text;
  const hasText =
    typeof text === 'object' &&
    text !== null &&
    Object.values(text).some((value) => typeof value === 'string' && value.trim() !== '');
  const has = (name: string) => typeof fields[name] === 'string' && fields[name].trim() !== '';
  return !hasText && !has('measure') && !has('target');
}

export const charterInput = z.object({
  standards: z.preprocess(
    (rows: unknown): unknown[] =>
      Array.isArray(rows) ? rows.filter((row: unknown) => !isBlank(row)) : [],
    z.array(standardInput).max(maxStandards * 2, 'charters:errors.tooMany'),
  ),
});
export type CharterInput = z.infer<typeof charterInput>;

export const publishInput = z.object({
  published: z.enum(['true', 'false'], { message: 'charters:errors.reload' }),
});
