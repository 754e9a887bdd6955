import { describe, expect, it } from 'vitest';

import { surveyDefinitionWith } from '../../tests/factories/survey';
import { keepAnsweredQuestions } from './survey-edits';

const stored = surveyDefinitionWith({ audienceIds: ['64b7f0c2a1b2c3d4e5f60718'] });

describe('keepAnsweredQuestions', () => {
  it('lets anything change while there are no answers', () => {
    const submitted = { ...stored, questions: stored.questions.slice(1) };
    expect(keepAnsweredQuestions(stored, submitted, false)).toEqual({
      ok: true,
      definition: submitted,
    });
  });

  it('archives an answered question left out of the edit, keeping its id and texts', () => {
    const submitted = { ...stored, questions: stored.questions.slice(1) };
    const result = keepAnsweredQuestions(stored, submitted, true);
    if (!result.ok) throw new Error('refused');
    expect(result.definition.questions.map(({ id, archived }) => [id, archived])).toEqual([
      ['q-nps', false],
      ['q-single', false],
      ['q-multi', false],
      ['q-text', false],
      ['q-scale', true],
    ]);
    expect(result.definition.questions[4].text).toEqual(stored.questions[0].text);
  });

  it('refuses to change the type of an answered question', () => {
    const submitted = {
      ...stored,
      questions: [{ ...stored.questions[0], type: 'nps' as const }, ...stored.questions.slice(1)],
    };
    expect(keepAnsweredQuestions(stored, submitted, true)).toEqual({
      ok: false,
      errors: {
        'questions.0.type': ['surveys:errors.answeredTypeFixed'],
      },
    });
  });
});
