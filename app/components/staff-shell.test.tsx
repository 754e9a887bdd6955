import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { StaffShell } from './staff-shell';
import type { ShellUser } from './user-menu';

afterEach(cleanup);

const ana: ShellUser = { name: 'Ana Lima', email: 'ana@example.com', role: 'hr-admin' };

function renderShell(user: ShellUser | null, at = '/insights', organisationName?: string) {
  const Stub = createRemixStub([
    {
      path: '*',
      Component: () => (
        <StaffShell user={user} organisationName={organisationName}>
          <h1>Page body</h1>
        </StaffShell>
      ),
    },
  ]);
  render(<Stub initialEntries={[at]} />);
}

describe('StaffShell', () => {
  it('names the organisation beside the product once settings give a name', async () => {
    renderShell(ana, '/surveys', 'Nordlys Hotels');
    const banner = await screen.findByRole('banner');
    expect(within(banner).getByText('Nordlys Hotels').className).toBe('shell-organisation');
    cleanup();
    renderShell(ana, '/surveys');
    const unnamed = await screen.findByRole('banner');
    expect(unnamed.querySelector('.shell-organisation')).toBeNull();
  });

  it('offers an HR admin the product areas in order, marking the current one', async () => {
    renderShell(ana, '/surveys');
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Insights', '/insights'],
      ['Surveys', '/surveys'],
      ['Actions', '/actions'],
      ['Charters', '/charters'],
      ['Thanks', '/thanks'],
      ['Ideas', '/ideas'],
      ['People', '/people'],
      ['Settings', '/settings'],
    ]);
    expect(within(nav).getByRole('link', { name: 'Surveys' }).getAttribute('aria-current')).toBe(
      'page',
    );
    expect(
      within(nav).getByRole('link', { name: 'Insights' }).getAttribute('aria-current'),
    ).toBeNull();
  });

  it('hides the HR-only areas from a leader', async () => {
    renderShell({ ...ana, role: 'leader' });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Insights', 'Surveys', 'Actions', 'Charters', 'Thanks', 'Ideas']);
  });

  it('puts the page in the main landmark, reachable by the skip link', async () => {
    renderShell(null);
    const main = await screen.findByRole('main');
    expect(within(main).getByRole('heading', { name: 'Page body' })).toBeTruthy();
    expect(main.id).toBe('main');
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe(
      '#main',
    );
  });

  it('offers sign-in when nobody is signed in', async () => {
    renderShell(null);
    const signIn = await screen.findByRole('link', { name: 'Sign in' });
    expect(signIn.getAttribute('href')).toBe('/login');
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('shows the signed-in user in the account menu', async () => {
    renderShell(ana);
    const menu = await screen.findByLabelText('Account menu for Ana Lima');
    expect(menu.querySelector('.avatar')?.getAttribute('data-initials')).toBe('AL');
    // Whatever text the menu shows is part of its name, so speech input can say what is seen.
    expect(menu.getAttribute('aria-label')).toContain(menu.textContent?.trim());
    expect(screen.getByText('ana@example.com')).toBeTruthy();
    expect(screen.getByText('HR admin')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Sign in' })).toBeNull();
  });
});
