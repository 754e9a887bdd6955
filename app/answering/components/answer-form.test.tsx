import { createRemixStub } from '@remix-run/testing';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';

import type { AnswerForm as AnswerFormData } from '~/answering/invite-link.server';
import { createI18n } from '~/i18n';

import { AnswerForm } from './answer-form';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const form: AnswerFormData = {
  language: 'en',
  languages: ['en'],
  title: 'Weekly pulse',
  intro: '',
  questions: [
    {
      key: 'q-scale',
      questionId: 'q-scale',
      providerDepartmentId: null,
      providerName: null,
      type: 'scale',
      text: 'I have the tools I need.',
      required: true,
      choices: [],
      maxLength: null,
    },
    {
      key: 'q-nps.it',
      questionId: 'q-nps',
      providerDepartmentId: 'it',
      providerName: 'IT',
      type: 'nps',
      text: 'Would you recommend IT?',
      required: true,
      choices: [],
      maxLength: null,
    },
    {
      key: 'q-text',
      questionId: 'q-text',
      providerDepartmentId: null,
      providerName: null,
      type: 'text',
      text: 'Anything else?',
      required: false,
      choices: [],
      maxLength: 500,
    },
  ],
};

function renderForm(errors = {}, draftKey: string | null = 'draft-test', shown = form) {
  const Stub = createRemixStub([
    {
      path: '/a/x',
      Component: () => <AnswerForm form={shown} draftKey={draftKey} errors={errors} />,
    },
  ]);
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <Stub initialEntries={['/a/x']} />
    </I18nextProvider>,
  );
}

const providers = [
  { id: 'it', name: 'IT' },
  { id: 'hr', name: 'People & Culture' },
  { id: 'fin', name: 'Finance' },
];

/** A pulse rating three departments, two service questions each, around two general ones. */
const manyProviders: AnswerFormData = {
  ...form,
  questions: [
    form.questions[0],
    ...providers.flatMap((provider) =>
      ['q-resp', 'q-rely'].map((questionId) => ({
        key: `${questionId}.${provider.id}`,
        questionId,
        providerDepartmentId: provider.id,
        providerName: provider.name,
        type: 'scale' as const,
        text: `How ${questionId === 'q-resp' ? 'responsive' : 'reliable'} is ${provider.name}?`,
        required: true,
        choices: [],
        maxLength: null,
      })),
    ),
    form.questions[2],
  ],
};

describe('AnswerForm', () => {
  it('names each question as a group, groups a provider’s questions and lets them be skipped', async () => {
    renderForm();
    const scale = await screen.findByRole('group', { name: /I have the tools I need/ });
    expect(within(scale).getAllByRole('radio')).toHaveLength(5);
    const provider = screen.getByRole('group', { name: 'IT' });
    const nps = within(provider).getByRole('group', { name: /Would you recommend IT/ });
    expect(within(nps).getAllByRole('radio')[0]?.hasAttribute('required')).toBe(true);

    fireEvent.click(within(provider).getByRole('checkbox', { name: 'I did not use this service' }));
    expect(
      within(nps)
        .getAllByRole<HTMLInputElement>('radio')
        .every((radio) => radio.matches(':disabled')),
    ).toBe(true);
    expect(screen.getByText('Answered: 1 of 3')).toBeTruthy();
  });

  it('keeps answers on the device until sent, and restores them', async () => {
    const first = renderForm();
    const scale = await screen.findByRole('group', { name: /I have the tools I need/ });
    fireEvent.click(within(scale).getByRole('radio', { name: /^4/ }));
    expect(window.localStorage.getItem('draft-test')).toContain('q.q-scale');
    first.unmount();
    renderForm();
    const again = await screen.findByRole('group', { name: /I have the tools I need/ });
    const restored = within(again).getByRole<HTMLInputElement>('radio', { name: /^4/ });
    expect(restored.checked).toBe(true);
  });

  it('keeps nothing on a shared device (the kiosk): the next person finds an empty form', async () => {
    const first = renderForm({}, null);
    const scale = await screen.findByRole('group', { name: /I have the tools I need/ });
    fireEvent.click(within(scale).getByRole('radio', { name: /^4/ }));
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Mine, unsent' } });
    expect(screen.getByText('Answered: 2 of 3')).toBeTruthy();
    expect(window.localStorage.length).toBe(0);
    first.unmount();
    renderForm({}, null);
    const again = await screen.findByRole('group', { name: /I have the tools I need/ });
    expect(
      within(again)
        .getAllByRole<HTMLInputElement>('radio')
        .some((radio) => radio.checked),
    ).toBe(false);
    expect(screen.getByRole<HTMLTextAreaElement>('textbox').value).toBe('');
  });

  it('shows a refusal beside its question', async () => {
    renderForm({ 'q-scale': 'scale' });
    const scale = await screen.findByRole('group', { name: /I have the tools I need/ });
    expect(scale.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Choose a value from 1 to 5.').length).toBeGreaterThan(0);
  });

  it('states the real length: minutes from the questions asked, and how many', async () => {
    renderForm({}, null, manyProviders);
    // Seven scale questions (70 s) and a comment (45 s): two minutes, rounded up.
    expect(await screen.findByText('About 2 min · Questions: 8')).toBeTruthy();
  });

  it('shows one rated department at a time, with its place, and keeps every answer', async () => {
    renderForm({}, 'draft-steps', manyProviders);
    const first = await screen.findByRole('group', { name: 'IT' });
    expect(screen.getByText('1 of 3')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'People & Culture' })).toBeNull();
    // The general questions stay on screen around the steps.
    expect(screen.getByRole('group', { name: /I have the tools I need/ })).toBeTruthy();
    const responsive = within(first).getByRole('group', { name: /How responsive is IT/ });
    fireEvent.click(within(responsive).getByRole('radio', { name: /^2/ }));

    fireEvent.click(screen.getByRole('button', { name: 'Next department' }));
    const second = await screen.findByRole('group', { name: 'People & Culture' });
    expect(screen.queryByRole('group', { name: 'IT' })).toBeNull();
    expect(screen.getAllByRole('button', { name: /department/ })).toHaveLength(2);
    const reliable = within(second).getByRole('group', { name: /How reliable is People/ });
    fireEvent.click(within(reliable).getByRole('radio', { name: /^5/ }));

    // Every card's fields stay in the form: what is sent and the draft hold both steps.
    const sent = document.querySelector('form');
    if (!sent) throw new Error('no form');
    const data = new FormData(sent);
    expect(data.get('q.q-resp.it')).toBe('2');
    expect(data.get('q.q-rely.hr')).toBe('5');
    expect(window.localStorage.getItem('draft-steps')).toContain('q.q-resp.it');

    fireEvent.click(screen.getByRole('button', { name: 'Previous department' }));
    const back = await screen.findByRole('group', { name: 'IT' });
    const again = within(back).getByRole('group', { name: /How responsive is IT/ });
    expect(within(again).getByRole<HTMLInputElement>('radio', { name: /^2/ }).checked).toBe(true);
    expect(screen.getByText('Answered: 2 of 8')).toBeTruthy();
  });

  it('opens on the first department with a refusal', async () => {
    renderForm({ 'q-rely.fin': 'required' }, null, manyProviders);
    const finance = await screen.findByRole('group', { name: 'Finance' });
    expect(within(finance).getByText('Please answer this question.')).toBeTruthy();
    expect(screen.getByText('3 of 3')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'IT' })).toBeNull();
  });
});
