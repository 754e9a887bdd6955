import type { ComponentType } from 'react';
import type { z } from 'zod';

import type { AskedView } from '../answering/asked-view';
import type { QuestionFrame } from '../answering/components/question-fieldset';
import type { QuestionDraft } from '../surveys/designer-form';
import type { Question } from '../surveys/survey-schema';
import type { FieldErrors } from '../utils/submission';

// What a question type is, facet by facet. Each type is one module (scale.tsx, nps.tsx, …) in the
// registry (registry.ts); its zod schema is <type>.schema.ts, kept apart so survey-schema.ts can
// read it without the components. The designer, the answer page, the submission, the rollups,
// the insights and the demo look a type up here instead of switching on it.

/** What a type's facets may read of its question: the parts some types have. */
export interface QuestionParts {
  type: string;
  choices?: readonly { id: string }[];
  maxLength?: number | null;
}

/** An answer as stored: a number, a choice id, several choice ids or a comment. */
export type AnswerValue = number | string | string[];

/** What the answer page's input of a type is given. */
export interface AnswerInputProps {
  /** Name, legend, required, error: the same for every type. */
  frame: QuestionFrame;
  question: AskedView;
}

/** What the designer's fields of a type are given. */
export interface DesignerFieldsProps {
  question: QuestionDraft;
  index: number;
  errors: FieldErrors;
}

/** What the demo draws an answer from (see app/demo/seed-responses.server.ts). */
export interface DemoDraw {
  /** How the respondent feels about what is asked, about 1–5. */
  felt: number;
  /** Noise around it, about ±1.6. */
  noise: number;
  random: () => number;
  /** Made-up comments in the respondent's language. */
  comments: readonly string[];
}

/** How the designer reads what was typed, for a type's own parts. */
export interface DraftReading {
  /** A text's languages trimmed to the survey's; empty ones go. */
  texts: (texts: QuestionDraft['text']) => Record<string, string>;
  /** A whole number as typed, or the text itself so the schema names the problem. */
  wholeNumber: (typed: string) => number | string;
}

/** The parts of a designer draft that only some types fill: every draft carries them all. */
export type TypeDraft = Pick<QuestionDraft, 'choices' | 'maxLength'>;

export interface QuestionTypeModule {
  /** Designer: the fields this type adds to a question, or null. Every question carries every
   * type's fields (so changing the type works without JavaScript); CSS shows the chosen type's. */
  DesignerFields: ComponentType<DesignerFieldsProps> | null;
  /** Designer: the type's own parts of a draft question, as typed (see surveys/designer-form). */
  draft: {
    /** What a new question of the type starts with; `newChoiceId` makes choice ids. */
    blank: (newChoiceId: () => string) => TypeDraft;
    /** A stored question's own parts as the designer shows them. */
    fromQuestion: (question: Question) => TypeDraft;
    /** The typed parts in the survey's shape, before validation. */
    toCandidate: (question: QuestionDraft, read: DraftReading) => Record<string, unknown>;
  };
  /** Answer page (and the designer's preview): the input an employee answers with. */
  AnswerInput: ComponentType<AnswerInputProps>;
  answer: {
    /** The refusal's code (`answering:errors.<code>`) and its English message for the API. */
    refusal: { code: string; message: string | ((max: number) => string) };
    /** What a valid answer to `question` is. */
    schema: (question: QuestionParts) => z.ZodType<AnswerValue>;
    /** The values sent as one form field, read as answers (more than one for a one-value type is
     * refused as a duplicate). */
    fromForm: (values: string[]) => unknown[];
    /** Its answers are comments: free text kept apart from every figure, shown only once settled. */
    comment: boolean;
    /** Seconds a respondent takes to read and answer one, deliberately generous: the invitation
     * and the page promise a length from them. */
    seconds: number;
  };
  /** What an answer adds to its rollup, beyond the count every answer adds. */
  rollup: (value: unknown) => Record<string, number>;
  insights: {
    /** The figure the type's own (not internal-service) questions feed: the engagement score,
     * eNPS, or none. A question page and an action can follow a type with a measure. */
    measure: 'score' | 'enps' | null;
    /** Favourable from `good` up, neutral from `middle`, unfavourable below (types with a measure). */
    split: { good: number; middle: number } | null;
    /** Its means make the driver table and the internal-service matrix. */
    drivers: boolean;
  };
  /** An answer the demo seeds for `question`, or null for none. Draws from `draw.random` only as
   * the type always has, so a seed keeps giving the same demo. */
  demoAnswer: (question: QuestionParts, draw: DemoDraw) => AnswerValue | null;
  /** The i18next keys the type's words use, by namespace (checked in every language). */
  words: { answering: readonly string[]; surveys: readonly string[] };
}
