import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { surveyDefinitionWith } from '../../../../tests/factories/survey';
import { SurveyView } from './survey-view';

afterEach(cleanup);

const definition = surveyDefinitionWith();
const questions = definition.questions.map((question) =>
  question.id === 'q-nps' ? { ...question, internalService: true } : question,
);
const providers = [
  { id: 'it', name: 'IT' },
  { id: 'hr', name: 'HR' },
];

/** The view of the survey above, as a reader of `language` sees it. */
function renderIn(language: 'en' | 'nb') {
  render(
    <SurveyView
      language={language}
      defaultLanguage="en"
      title={definition.title}
      intro={definition.intro}
      questions={questions}
      providers={providers}
    />,
  );
}

describe('SurveyView', () => {
  it('asks internal-service questions once per provider, each group with “I did not use this service”', () => {
    renderIn('en');
    for (const provider of ['IT', 'HR']) {
      const group = screen.getByRole('group', { name: provider });
      expect(
        within(group).getByRole('checkbox', { name: 'I did not use this service' }),
      ).toBeTruthy();
      expect(
        within(group).getByRole('group', { name: `Would you recommend ${provider}?` }),
      ).toBeTruthy();
      expect(within(group).getAllByRole('radio')).toHaveLength(11);
    }
    expect(
      screen.getByRole('group', { name: /^I have the tools I need\.\s*\(Required\)$/ }),
    ).toBeTruthy();
    expect(screen.getByRole('radio', { name: '5 Strongly agree' })).toBeTruthy();
    expect(screen.getByLabelText('Anything else?').getAttribute('maxlength')).toBe('500');
  });

  it('speaks the chosen language and falls back to the default where a text is missing', () => {
    renderIn('nb');
    expect(screen.getByRole('heading', { name: 'Ukentlig puls' })).toBeTruthy();
    expect(screen.getByRole('article').getAttribute('lang')).toBe('nb');
    expect(screen.getByRole('radio', { name: '5 Helt enig' })).toBeTruthy();
    expect(
      screen.getAllByRole('checkbox', { name: 'Jeg har ikke brukt denne tjenesten' }),
    ).toHaveLength(2);
    // No Norwegian text for this question: English stands in.
    expect(screen.getByRole('group', { name: 'Where do you work most days?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Send svarene mine' })).toBeTruthy();
  });
});
