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

function renderForm(errors = {}, draftKey: string | null = 'draft-test') {
  const Stub = createRemixStub([
    {
      path: '/a/x',
      Component: () => <AnswerForm form={form} draftKey={draftKey} errors={errors} />,
    },
  ]);
  return render(
    <I18nextProvider i18n={createI18n('en')}>
      <Stub initialEntries={['/a/x']} />
    </I18nextProvider>,
  );
}

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
});
