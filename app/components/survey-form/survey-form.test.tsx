import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { withChoiceRows } from '~/surveys/designer-edits';
import {
  definitionFromDraft,
  type DraftErrors,
  draftFromDefinition,
  draftFromForm,
} from '~/surveys/designer-form';

import { surveyDefinitionWith } from '../../../tests/factories/survey';
import { SurveyForm } from './survey-form';

afterEach(cleanup);

const departments = [
  { id: '64b7f0c2a1b2c3d4e5f60718', name: 'Operations', depth: 0, archived: false },
  { id: '64b7f0c2a1b2c3d4e5f60719', name: 'Kitchen', depth: 1, archived: false },
];

function renderForm(errors?: DraftErrors, answeredIds: string[] = []) {
  const definition = surveyDefinitionWith({ audienceIds: [departments[0].id] });
  const draft = withChoiceRows(draftFromDefinition(definition));
  const Stub = createRemixStub([
    {
      path: '/surveys/x',
      Component: () => (
        <SurveyForm
          draft={draft}
          errors={errors}
          revision={4}
          departments={departments}
          timeZones={['Europe/Oslo', 'UTC']}
          answeredIds={answeredIds}
        />
      ),
    },
  ]);
  render(<Stub initialEntries={['/surveys/x']} />);
  return definition;
}

async function postedForm() {
  // By text, not role: a role query over this long form is slow in jsdom (see below).
  const save = await screen.findByText('Save survey', { selector: '.form-actions button' });
  const form = save.closest('form');
  if (!form) throw new Error('no form');
  return new FormData(form);
}

describe('SurveyForm', () => {
  it('posts back exactly the survey it shows: every question type roundtrips through the page', async () => {
    const definition = renderForm();
    const posted = await postedForm();
    expect(posted.get('revision')).toBe('4');
    expect(definitionFromDraft(draftFromForm(posted))).toEqual({ ok: true, definition });
  });

  it('labels every text field with its language and offers a move button per direction', async () => {
    renderForm();
    await postedForm();
    expect(screen.getByLabelText('Title (Norwegian Bokmål)')).toHaveProperty(
      'value',
      'Ukentlig puls',
    );
    const first = screen.getByRole('group', { name: 'Question 1' });
    expect(within(first).getByRole('button', { name: 'Move question 1 up' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(within(first).getByRole('button', { name: 'Move question 1 down' })).toHaveProperty(
      'disabled',
      false,
    );
    expect(within(first).getByRole('button', { name: 'Remove question 1' })).toBeTruthy();
  });

  it('offers to archive, not remove, a question that has answers', async () => {
    renderForm(undefined, ['q-scale']);
    await postedForm();
    expect(screen.getByRole('button', { name: 'Archive question 1' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Remove question 2' })).toBeTruthy();
  });

  it('lists every error at the top, linked to its field, and shows it beside the field', async () => {
    renderForm({
      'questions.0.text.en': ['Write the question in the default language'],
      anonymityThreshold: ['Use 3 or more'],
    });
    // Text and id queries, not role queries: computing every role of this long form takes
    // seconds in jsdom, and a test must not depend on the machine being idle.
    const title = await screen.findByText('The survey was not saved');
    const summary = title.closest('#survey-form-errors');
    if (!(summary instanceof HTMLElement)) throw new Error('no error summary');
    expect(summary.getAttribute('role')).toBe('alert');
    expect(summary.getAttribute('aria-labelledby')).toBe(title.id);
    const links = [...summary.querySelectorAll('a')];
    // In the order the fields stand in the form.
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Anonymity threshold: Use 3 or more', '#f-anonymityThreshold'],
      [
        'Question 1, text (English): Write the question in the default language',
        '#f-questions-0-text-en',
      ],
    ]);
    const threshold = document.getElementById('f-anonymityThreshold');
    expect(document.querySelector('label[for="f-anonymityThreshold"]')?.textContent).toBe(
      'Anonymity threshold',
    );
    expect(threshold?.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('f-questions-0-text-en')?.getAttribute('aria-invalid')).toBe(
      'true',
    );
  });
});
