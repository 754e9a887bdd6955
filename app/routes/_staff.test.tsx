import { json } from '@remix-run/node';
import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { ShellUser } from '~/components/user-menu';

import StaffLayout, { ErrorBoundary } from './_staff';
import Insights from './_staff.insights';

afterEach(cleanup);

const ana: ShellUser = { name: 'Ana Lima', email: 'ana@example.com', role: 'hr-admin' };
const lee: ShellUser = { name: 'Lee Ader', email: 'lee@example.com', role: 'leader' };

// The layout as the browser gets it: its loader's real work (requireStaff) is tested with the
// database in tests/integration/route-permissions.test.ts; here it hands over a user.
function renderStaff(at: string, user: ShellUser) {
  const Stub = createRemixStub([
    {
      id: 'routes/_staff',
      Component: StaffLayout,
      ErrorBoundary,
      loader: () => json({ user }),
      children: [
        { path: '/insights', Component: Insights },
        {
          path: '/people',
          Component: () => null,
          loader: () => {
            throw new Response(null, { status: 403 });
          },
        },
      ],
    },
  ]);
  render(<Stub initialEntries={[at]} />);
}

describe('staff layout', () => {
  it('renders a page inside the staff shell with the signed-in user', async () => {
    renderStaff('/insights', ana);
    // The insights layout: its own navigation between the insight pages.
    expect(await screen.findByRole('navigation', { name: 'Insights' })).toBeTruthy();
    expect(screen.getByLabelText('Account menu for Ana Lima')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Insights',
      'Surveys',
      'Actions',
      'Charters',
      'Thanks',
      'Ideas',
      'People',
      'Settings',
    ]);
  });

  it('shows a leader only the areas leaders may open', async () => {
    renderStaff('/insights', lee);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Insights', 'Surveys', 'Actions', 'Charters', 'Thanks', 'Ideas']);
  });

  it('keeps the shell and the user around a page that refuses access', async () => {
    renderStaff('/people', lee);
    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }),
    ).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByLabelText('Account menu for Lee Ader')).toBeTruthy();
  });
});
