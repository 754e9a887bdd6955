import { describe, expect, it } from 'vitest';

import { questionInfos, wordingIn } from './filters.server';
import { questionWording } from './question-wording';

// Insight pages show a question in the reader's language where the survey has it, and word an
// internal-service question over every rated department in that language too; the template an
// action's label is built from stays in the survey's default language.

const survey = {
  defaultLanguage: 'en',
  questions: [
    {
      id: 'q-tools',
      type: 'scale' as const,
      text: { en: 'I have the tools I need.', uk: 'Я маю потрібні інструменти.' },
      driver: 'Tools',
      internalService: false,
    },
    {
      id: 'q-service',
      type: 'scale' as const,
      text: { en: '{department} responds quickly.' },
      driver: 'Responsiveness',
      internalService: true,
    },
  ],
};

describe('question texts for a reader', () => {
  it('are in the reader’s language where the survey has one, else in its default language', () => {
    const [tools, service] = questionInfos(survey, 'uk');
    expect(tools).toMatchObject({
      text: 'Я маю потрібні інструменти.',
      template: 'I have the tools I need.',
    });
    expect(service).toMatchObject({
      text: 'Оцінюваний відділ responds quickly. (кожен оцінюваний відділ)',
      template: '{department} responds quickly.',
    });
  });

  it('stay as they were for English readers and without a language', () => {
    for (const infos of [questionInfos(survey, 'en'), questionInfos(survey)]) {
      expect(infos.map((info) => info.text)).toEqual([
        'I have the tools I need.',
        'The department responds quickly. (each rated department)',
      ]);
    }
  });

  it('word the rated department in each language, mid-sentence too', () => {
    expect(questionWording('Is {department} quick?', null, wordingIn('pl'))).toBe(
      'Is oceniany dział quick? (każdy oceniany dział)',
    );
    expect(questionWording('Is {department} quick?', 'IT', wordingIn('pl'))).toBe('Is IT quick?');
  });
});
