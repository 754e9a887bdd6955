import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { createI18n } from '~/i18n';

import type { LanguageCode } from '../../../models/vocabulary';
import { ChoiceQuestion } from './choice-question';
import { CommentQuestion } from './comment-question';
import { NpsQuestion } from './nps-question';
import { ProgressIndicator } from './progress-indicator';
import { ScaleQuestion } from './scale-question';

afterEach(cleanup);

function renderIn(ui: ReactNode, language: LanguageCode = 'en') {
  return render(<I18nextProvider i18n={createI18n(language)}>{ui}</I18nextProvider>);
}

describe('ScaleQuestion', () => {
  it('is a group named by the question, with five labelled radios 1–5', () => {
    renderIn(<ScaleQuestion name="q.tools" legend="I have the tools I need." required />);
    const group = screen.getByRole('group', { name: /^I have the tools I need\.\s*\(Required\)$/ });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5']);
    expect(within(group).getByRole('radio', { name: '1 Strongly disagree' })).toBeTruthy();
    expect(within(group).getByRole('radio', { name: '5 Strongly agree' })).toBeTruthy();
    expect(radios.every((radio) => radio.getAttribute('name') === 'q.tools')).toBe(true);
  });

  it('speaks the reader’s language and reports the chosen point', () => {
    const onChange = vi.fn();
    renderIn(<ScaleQuestion name="q" legend="Питання" onChange={onChange} />, 'uk');
    fireEvent.click(screen.getByRole('radio', { name: '4 Погоджуюся' }));
    expect(onChange).toHaveBeenCalledWith(4);
  });

  it('describes the group with its error', () => {
    renderIn(<ScaleQuestion name="q" legend="Question" error="Please answer this question." />);
    const group = screen.getByRole('group', { name: 'Question' });
    expect(group.getAttribute('aria-invalid')).toBe('true');
    const described = group.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe('Please answer this question.');
  });
});

describe('NpsQuestion', () => {
  it('offers 0–10, naming the two ends in words', () => {
    renderIn(<NpsQuestion name="q.nps" legend="Would you recommend IT?" defaultValue={7} />, 'nb');
    const group = screen.getByRole('group', { name: 'Would you recommend IT?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(11);
    expect(within(group).getByRole('radio', { name: '0 · Svært lite sannsynlig' })).toBeTruthy();
    expect(within(group).getByRole('radio', { name: '10 · Svært sannsynlig' })).toBeTruthy();
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: '7' }).checked).toBe(true);
  });
});

describe('ChoiceQuestion', () => {
  const choices = [
    { value: 'office', label: 'Office' },
    { value: 'home', label: 'Home' },
  ];

  it('is a radio group for one choice', () => {
    renderIn(<ChoiceQuestion name="q.where" legend="Where do you work?" choices={choices} />);
    const group = screen.getByRole('group', { name: 'Where do you work?' });
    expect(within(group).getAllByRole('radio')).toHaveLength(2);
    expect(within(group).queryByRole('checkbox')).toBeNull();
  });

  it('is check boxes with a hint for several, and reports every chosen value', () => {
    const onChange = vi.fn();
    renderIn(
      <ChoiceQuestion
        name="q.help"
        legend="What would help?"
        choices={choices}
        multiple
        defaultValue={['home']}
        onChange={onChange}
      />,
      'pl',
    );
    const group = screen.getByRole('group', { name: 'What would help?' });
    const described = group.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe(
      'Zaznacz wszystkie pasujące odpowiedzi.',
    );
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Office' }));
    expect(onChange).toHaveBeenLastCalledWith(['office', 'home']);
  });
});

describe('CommentQuestion', () => {
  it('counts characters against the limit, and announces only near it', () => {
    renderIn(<CommentQuestion name="q.text" legend="Anything else?" maxLength={60} />);
    const box = screen.getByRole('textbox', { name: 'Anything else?' });
    expect(box.getAttribute('maxlength')).toBe('60');
    expect(screen.getByText('0 / 60')).toBeTruthy();
    const live = document.querySelector('[aria-live="polite"]');
    fireEvent.change(box, { target: { value: 'Hi' } });
    expect(screen.getByText('2 / 60')).toBeTruthy();
    expect(live?.textContent).toBe('');
    fireEvent.change(box, { target: { value: 'x'.repeat(20) } });
    expect(live?.textContent).toBe('Characters left: 40');
  });

  it('stays quiet far from the limit', () => {
    renderIn(<CommentQuestion name="q.text" legend="Comentário" maxLength={500} />, 'pt');
    fireEvent.change(screen.getByRole('textbox', { name: 'Comentário' }), {
      target: { value: 'Olá' },
    });
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe('');
    expect(screen.getByText('Caracteres restantes: 497')).toBeTruthy();
  });
});

describe('ProgressIndicator', () => {
  it('says how many questions are answered in a polite live region', () => {
    const { rerender } = renderIn(<ProgressIndicator answered={1} total={6} />, 'lv');
    const live = document.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe('Atbildēti: 1 no 6');
    rerender(
      <I18nextProvider i18n={createI18n('lv')}>
        <ProgressIndicator answered={2} total={6} />
      </I18nextProvider>,
    );
    expect(live?.textContent).toBe('Atbildēti: 2 no 6');
    expect(document.querySelector('progress')?.getAttribute('value')).toBe('2');
  });
});
