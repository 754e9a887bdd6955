import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { withChoiceRows } from '~/surveys/designer-edits';
import { definitionFromDraft, draftFromDefinition, draftFromForm } from '~/surveys/designer-form';
import type { FieldErrors } from '~/utils/submission';

import { surveyDefinitionWith } from '../../../../tests/factories/survey';
import { SurveyForm, type SurveyFormProps } from './survey-form';

afterEach(cleanup);

const departments = [
  { id: '64b7f0c2a1b2c3d4e5f60718', name: 'Operations', depth: 0, archived: false },
  { id: '64b7f0c2a1b2c3d4e5f60719', name: 'Kitchen', depth: 1, archived: false },
];

function renderForm(
  errors?: FieldErrors,
  answeredIds: string[] = [],
  more: Partial<Pick<SurveyFormProps, 'savedIds' | 'shownLanguages' | 'saveStatus'>> = {},
) {
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
          {...more}
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
    // Folded questions and hidden languages included: neither loses a value on save.
    const definition = renderForm(undefined, [], {
      savedIds: ['q-scale', 'q-nps', 'q-single', 'q-multi', 'q-text'],
      shownLanguages: ['en'],
    });
    const posted = await postedForm();
    expect(posted.get('revision')).toBe('4');
    expect(definitionFromDraft(draftFromForm(posted))).toEqual({ ok: true, definition });
  });

  it('labels every text field with its language and offers a move button per direction', async () => {
    renderForm();
    await postedForm();
    const title = document.getElementById('f-title-nb');
    expect(document.querySelector('label[for="f-title-nb"]')?.textContent).toBe(
      'Title (Norwegian Bokmål)',
    );
    expect(title).toHaveProperty('value', 'Ukentlig puls');
    // Queries scoped to one question: role queries over the whole form are slow in jsdom.
    const first = screen.getByText('Question 1', { selector: 'legend' }).closest('fieldset');
    if (!first) throw new Error('no question 1');
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
    expect(screen.getByText('Archive question 1', { selector: 'button' })).toBeTruthy();
    expect(screen.getByText('Remove question 2', { selector: 'button' })).toBeTruthy();
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

  it('folds saved questions, and unfolds new ones and those with an error', async () => {
    renderForm({ 'questions.2.choices': ['Give at least two choices'] }, [], {
      savedIds: ['q-scale', 'q-single', 'q-multi', 'q-text'],
    });
    await postedForm();
    const unfolded = [...document.querySelectorAll('details.question-details')].map(
      (details) => (details as HTMLDetailsElement).open,
    );
    // q-nps (second) is new; q-single (third) has the error.
    expect(unfolded).toEqual([false, true, true, false, false]);
    const summary = document.querySelector('details.question-details > summary');
    expect(summary?.textContent).toBe('Agreement scale (1–5) I have the tools I need.');
  });

  it('offers a filter of the languages shown, which keeps hidden texts in the form', async () => {
    renderForm(undefined, [], { shownLanguages: ['en', 'uk'] });
    const posted = await postedForm();
    expect(posted.getAll('showLanguages')).toEqual(['en', 'uk']);
    const filter = screen.getByText('Show texts in', { selector: 'legend' }).closest('fieldset');
    const boxes = [...(filter?.querySelectorAll('input') ?? [])];
    expect(boxes.map((box) => [box.value, box.checked])).toEqual([
      ['en', true],
      ['uk', true],
      ['nb', false],
      ['pt', false],
      ['pl', false],
      ['lv', false],
    ]);
    // Norwegian is hidden from view, and still in the form.
    expect(posted.get('title.nb')).toBe('Ukentlig puls');
  });

  it('tells the outcome of saving beside the Save button, in a live region', async () => {
    renderForm(undefined, [], { saveStatus: 'Saved.' });
    const save = await screen.findByText('Save survey', { selector: '.form-actions button' });
    const status = document.getElementById(save.getAttribute('aria-describedby') ?? '');
    expect(status?.textContent).toBe('Saved.');
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.getAttribute('aria-live')).toBe('polite');
    expect(status?.parentElement).toBe(save.parentElement);
  });
});
