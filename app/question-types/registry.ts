import type { QuestionType } from '../../models/vocabulary';
import { multi } from './multi';
import { nps } from './nps';
import type { QuestionTypeModule } from './question-type';
import { scale } from './scale';
import { single } from './single';
import { text } from './text';

// Every question type's module, by its name. Adding a type: its module and schema here in
// app/question-types, a line here and in schemas.ts, and its words (see question-type.ts).

export const questionTypeModules = {
  scale,
  nps,
  single,
  multi,
  text,
} as const satisfies Record<QuestionType, QuestionTypeModule>;

const byName: ReadonlyMap<string, QuestionTypeModule> = new Map(
  Object.entries(questionTypeModules),
);

/** A type's module; none for a name that is no type (an answer to an unknown question). */
export function questionTypeOf(type: QuestionType): QuestionTypeModule;
export function questionTypeOf(type: string | undefined): QuestionTypeModule | undefined;
export function questionTypeOf(type: string | undefined): QuestionTypeModule | undefined {
  return type === undefined ? undefined : byName.get(type);
}

/** The figure a type's own questions feed, or null (choices, comments). */
export const measureOf = (type: QuestionType): 'score' | 'enps' | null =>
  questionTypeModules[type].insights.measure;

/** Whether a type's answers are comments (kept apart from figures, shown once settled). */
export const isComment = (type: string | undefined): boolean =>
  questionTypeOf(type)?.answer.comment ?? false;
