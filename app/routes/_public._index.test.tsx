import { createRemixStub } from '@remix-run/testing';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import PublicLayout from './_public';
import Home from './_public._index';
import Login from './_public.login';

afterEach(cleanup);

function renderApp(at = '/', setupOpen = false) {
  const Stub = createRemixStub([
    {
      Component: PublicLayout,
      children: [
        { path: '/', Component: Home, loader: () => ({ setupOpen }) },
        { path: '/login', Component: Login, loader: () => ({ setupOpen }) },
        { path: '/setup', Component: () => <h1>Set up Innerloop</h1> },
      ],
    },
  ]);
  render(<Stub initialEntries={[at]} />);
}

describe('home page', () => {
  it('explains Innerloop and links to staff sign-in', async () => {
    renderApp();
    const main = await screen.findByRole('main');
    expect(within(main).getByRole('heading', { level: 1 }).textContent).toBe(
      'Listen to your internal customers',
    );
    const explanation = main.querySelector('.lead')?.textContent ?? '';
    expect(explanation.split(/(?<=\.)\s+/)).toHaveLength(2);
    expect(explanation).toMatch(/anonymous pulse surveys/);
    expect(within(main).getByRole('link', { name: 'Staff sign in' }).getAttribute('href')).toBe(
      '/login',
    );
  });

  it('offers /setup only while the installation has no HR admin', async () => {
    renderApp('/', true);
    const main = await screen.findByRole('main');
    const invitation = within(main).getByRole('complementary', { name: 'New installation' });
    expect(invitation.textContent).toContain('/setup');
    expect(
      within(invitation).getByRole('link', { name: 'Set up Innerloop' }).getAttribute('href'),
    ).toBe('/setup');
    cleanup();
    renderApp('/', false);
    await screen.findByRole('main');
    expect(screen.queryByRole('link', { name: 'Set up Innerloop' })).toBeNull();
    expect(screen.queryByText(/\/setup/)).toBeNull();
  });

  it('leads to the sign-in page inside the same shell', async () => {
    renderApp();
    fireEvent.click(await screen.findByRole('link', { name: 'Staff sign in' }));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Staff sign in' });
    expect(screen.getByRole('main').contains(heading)).toBe(true);
    expect(screen.getByLabelText('Email')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Innerloop' }).getAttribute('href')).toBe('/');
  });
});
