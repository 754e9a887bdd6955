import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import StaffLayout, { ErrorBoundary, loader } from './_staff';
import Insights from './_staff.insights';

afterEach(cleanup);

function renderStaff(at: string) {
  const Stub = createRemixStub([
    {
      id: 'routes/_staff',
      Component: StaffLayout,
      ErrorBoundary,
      loader,
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
  it('renders a page inside the staff shell with the user from its loader', async () => {
    renderStaff('/insights');
    expect(await screen.findByRole('heading', { level: 1, name: 'Insights' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    // No sign-in yet: the loader has no user, so the menu offers to sign in.
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it('keeps the shell around a page that refuses access', async () => {
    renderStaff('/people');
    expect(
      await screen.findByRole('heading', { name: 'You do not have access to this page' }),
    ).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });
});
