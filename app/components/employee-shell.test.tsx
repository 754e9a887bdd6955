import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';

import { renderInLanguage } from '../../tests/support/render-in-language';
import { createI18n } from '../i18n';
import { EmployeeShell } from './employee-shell';

afterEach(cleanup);

describe('EmployeeShell', () => {
  it('frames the answering page without staff navigation or links away', () => {
    renderInLanguage(
      <EmployeeShell>
        <h1>Weekly pulse</h1>
      </EmployeeShell>,
    );
    expect(
      within(screen.getByRole('main')).getByRole('heading', { name: 'Weekly pulse' }),
    ).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    // Only the skip link: nothing that leads an employee into staff pages.
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['#main']);
  });

  it('tells the employee that answers are anonymous, in their language', () => {
    renderInLanguage(
      <EmployeeShell>
        <p>Question</p>
      </EmployeeShell>,
      'nb',
    );
    expect(screen.getByRole('contentinfo').textContent).toMatch(/anonyme/);
    expect(screen.getByRole('link', { name: 'Hopp til innholdet' })).toBeTruthy();
  });

  it('offers every language, each named in itself, posting back to the same page', () => {
    renderInLanguage(
      <EmployeeShell>
        <p>Question</p>
      </EmployeeShell>,
      'uk',
      { at: '/a/some-token?x=1' },
    );
    const switcher = screen.getByRole('group', { name: 'Мова' });
    const buttons = within(switcher).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([
      'English',
      'Українська',
      'Norsk bokmål',
      'Português',
      'Polski',
      'Latviešu',
    ]);
    expect(buttons.map((button) => button.getAttribute('lang'))).toEqual([
      'en',
      'uk',
      'nb',
      'pt',
      'pl',
      'lv',
    ]);
    const current = within(switcher).getByRole('button', { pressed: true });
    expect(current.getAttribute('value')).toBe('uk');
    const form = current.closest('form');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.getAttribute('action')).toBe('/language');
    expect(form?.querySelector<HTMLInputElement>('input[name="returnTo"]')?.value).toBe(
      '/a/some-token?x=1',
    );
  });

  it("offers on an answer page only the survey's languages", async () => {
    const Stub = createRemixStub([
      {
        path: '/a/:token',
        // As the answer page's loader says it: the survey is in English and Polish only.
        loader: () => ({ offeredLanguages: ['en', 'pl'] }),
        Component: () => (
          <EmployeeShell>
            <p>Question</p>
          </EmployeeShell>
        ),
      },
    ]);
    render(
      <I18nextProvider i18n={createI18n('pl')}>
        <Stub initialEntries={['/a/some-token']} />
      </I18nextProvider>,
    );
    const switcher = await screen.findByRole('group', { name: 'Język' });
    expect(
      within(switcher)
        .getAllByRole('button')
        .map((button) => button.getAttribute('lang')),
    ).toEqual(['en', 'pl']);
  });
});
