import { z } from 'zod';

import type { LanguageCode, QuestionType } from '../../models/vocabulary';
import { questionTypes } from '../../models/vocabulary';
import type { AnswerValue } from '../question-types/question-type';
import { questionTypeModules, questionTypeOf } from '../question-types/registry';
import { languageCode } from '../surveys/survey-schema';
import type { AskedQuestion } from './asked-questions';
import { slotKey } from './asked-questions';

// What a respondent sends, checked against exactly the questions their cycle asks. The schema is
// built per cycle, so a question id, a choice or a range that the cycle does not have is refused
// with a message beside the question it concerns, and nothing is stored.

export { defaultCommentLength } from '../question-types/text.schema';

/** One answer as sent; `value` is checked against its question once the question is known. */
export const answerInput = z.object({
  questionId: z.string().max(100),
  providerDepartmentId: z.string().max(100).nullable().default(null),
  value: z.unknown().optional(),
  skipped: z.boolean().optional(),
});

export type { AnswerValue };

export interface ValidAnswer {
  questionId: string;
  providerDepartmentId: string | null;
  value: AnswerValue | null;
  skipped?: true;
}

export interface ValidSubmission {
  answers: ValidAnswer[];
  language: LanguageCode;
}

type TypeRefusal = (typeof questionTypeModules)[QuestionType]['answer']['refusal'];

/** Each type's refusal, under its code, in the types' order (fromEntries forgets the codes). */
const typeRefusals = Object.fromEntries(
  questionTypes.map((type) => {
    const { code, message } = questionTypeModules[type].answer.refusal;
    return [code, message];
  }),
) as { [Refusal in TypeRefusal as Refusal['code']]: Refusal['message'] };

export const submissionMessages = {
  unknown: 'This question is not part of this pulse.',
  duplicate: 'This question was answered more than once.',
  required: 'Please answer this question.',
  ...typeRefusals,
  skip: 'Only a question about another department can be skipped.',
  language: 'Choose one of the languages of this survey.',
} as const;

function valueSchema(slot: AskedQuestion): z.ZodType<AnswerValue> {
  return questionTypeOf(slot.question.type).answer.schema(slot.question);
}

/**
 * The schema of a submission to a cycle asking `asked`, in one of `languages`. Errors carry the
 * slot key as their path (`q-scale`, `q-nps.<departmentId>`, or `language` / `form`).
 */
export function submissionSchema(
  asked: readonly AskedQuestion[],
  languages: readonly LanguageCode[],
) {
  const slots = new Map(asked.map((slot) => [slot.key, slot]));
  const values = new Map(asked.map((slot) => [slot.key, valueSchema(slot)]));
  return z
    .object(
      {
        answers: z
          .array(answerInput, { message: 'Send the answers as a list.' })
          .max(asked.length * 2 + 10, 'Too many answers.'),
        language: languageCode.refine(
          (code) => languages.includes(code),
          submissionMessages.language,
        ),
      },
      { message: 'Send a submission.' },
    )
    .transform((input, context): ValidSubmission => {
      const seen = new Set<string>();
      const answers: ValidAnswer[] = [];
      for (const answer of input.answers) {
        const key = slotKey(answer.questionId, answer.providerDepartmentId);
        const slot = slots.get(key);
        if (!slot) {
          context.addIssue({ code: 'custom', path: [key], message: submissionMessages.unknown });
          continue;
        }
        if (seen.has(key)) {
          context.addIssue({ code: 'custom', path: [key], message: submissionMessages.duplicate });
          continue;
        }
        seen.add(key);
        if (answer.skipped === true) {
          if (!slot.providerDepartmentId || answer.value !== undefined) {
            context.addIssue({ code: 'custom', path: [key], message: submissionMessages.skip });
            continue;
          }
          answers.push({
            questionId: slot.question.id,
            providerDepartmentId: slot.providerDepartmentId,
            value: null,
            skipped: true,
          });
          continue;
        }
        const parsed = values.get(key)?.safeParse(answer.value);
        if (!parsed?.success) {
          const message = parsed?.error.issues[0]?.message ?? submissionMessages.unknown;
          context.addIssue({ code: 'custom', path: [key], message });
          continue;
        }
        answers.push({
          questionId: slot.question.id,
          providerDepartmentId: slot.providerDepartmentId,
          value: parsed.data,
        });
      }
      for (const slot of asked) {
        if (slot.question.required && !seen.has(slot.key)) {
          context.addIssue({
            code: 'custom',
            path: [slot.key],
            message: submissionMessages.required,
          });
        }
      }
      // Keep the cycle's order, whatever order they came in.
      const order = new Map(asked.map((slot, index) => [slot.key, index]));
      answers.sort(
        (a, b) =>
          (order.get(slotKey(a.questionId, a.providerDepartmentId)) ?? 0) -
          (order.get(slotKey(b.questionId, b.providerDepartmentId)) ?? 0),
      );
      return { answers, language: input.language };
    });
}

/**
 * A submitted form as a submission: `q.<questionId>[.<providerId>]` fields carry values (several
 * for a multi-choice question), `skip.<providerId>` or `skip.<questionId>.<providerId>` say "I
 * did not use this service", `language` the language of the comments. Empty fields are
 * unanswered questions. Unknown `q.` fields are passed on so the schema refuses them by name.
 */
export function submissionFromForm(
  form: FormData,
  asked: readonly AskedQuestion[],
  fallbackLanguage: LanguageCode,
): { answers: z.input<typeof answerInput>[]; language: unknown } {
  const byKey = new Map(asked.map((slot) => [slot.key, slot]));
  const skippedProviders = new Set<string>();
  const skippedSlots = new Set<string>();
  const sent = new Map<string, string[]>();
  for (const [name, raw] of form.entries()) {
    if (typeof raw !== 'string') continue;
    if (name.startsWith('skip.')) {
      if (raw === '') continue;
      const rest = name.slice('skip.'.length);
      if (rest.includes('.')) skippedSlots.add(rest);
      else skippedProviders.add(rest);
    } else if (name.startsWith('q.')) {
      const value = raw.trim();
      if (value === '') continue;
      const key = name.slice('q.'.length);
      sent.set(key, [...(sent.get(key) ?? []), value]);
    }
  }
  const answers: z.input<typeof answerInput>[] = [];
  const skipped = (slot: AskedQuestion) =>
    slot.providerDepartmentId !== null &&
    (skippedProviders.has(slot.providerDepartmentId) || skippedSlots.has(slot.key));
  for (const slot of asked) {
    if (skipped(slot)) {
      answers.push({
        questionId: slot.question.id,
        providerDepartmentId: slot.providerDepartmentId,
        skipped: true,
      });
    }
  }
  for (const [key, values] of sent) {
    const slot = byKey.get(key);
    if (slot && skipped(slot)) continue;
    const [questionId = key, providerDepartmentId = null] = splitKey(key);
    const read = questionTypeOf(slot?.question.type)?.answer.fromForm ?? ((raw) => raw);
    // Two values for a one-value question are two answers: refused as a duplicate.
    for (const value of read(values)) answers.push({ questionId, providerDepartmentId, value });
  }
  for (const key of skippedSlots) {
    if (!byKey.has(key)) {
      const [questionId = key, providerDepartmentId = null] = splitKey(key);
      answers.push({ questionId, providerDepartmentId, skipped: true });
    }
  }
  const language = form.get('language');
  return {
    answers,
    language: typeof language === 'string' && language !== '' ? language : fallbackLanguage,
  };
}

function splitKey(key: string): [string, string | null] {
  const dot = key.indexOf('.');
  return dot === -1 ? [key, null] : [key.slice(0, dot), key.slice(dot + 1)];
}

export type SubmissionErrorCode = Exclude<keyof typeof submissionMessages, never> | 'form';

/** The code of a refusal message, so the page can say it in the reader's language. */
export function errorCodeOf(message: string): SubmissionErrorCode {
  for (const [code, text] of Object.entries(submissionMessages)) {
    const matches =
      typeof text === 'string'
        ? text === message
        : message === text(Number(/\d+(?=\D*$)/.exec(message)?.[0]));
    if (matches) return code as SubmissionErrorCode;
  }
  return 'form';
}
