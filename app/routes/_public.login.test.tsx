import { createRemixStub } from '@remix-run/testing';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import Login from './_public.login';

afterEach(cleanup);

// The page as Remix renders it after its action answered (the action itself runs against the
// database in tests/integration/sign-in-flow.test.ts).
function renderLogin(actionData?: unknown, at = '/login?redirectTo=%2Fsurveys', setupOpen = false) {
  const Stub = createRemixStub([{ id: 'login', path: '/login', Component: Login }]);
  render(
    <Stub
      initialEntries={[at]}
      hydrationData={{ loaderData: { login: { setupOpen } }, actionData: { login: actionData } }}
    />,
  );
}

describe('login page', () => {
  it('keeps the page asked for in the form', async () => {
    renderLogin();
    await screen.findByRole('heading', { name: 'Staff sign in' });
    const form = screen.getByRole('button', { name: 'Sign in' }).closest('form');
    expect(new FormData(form ?? undefined).get('redirectTo')).toBe('/surveys');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Set up Innerloop' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Forgot your password?' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
  });

  it('points to /setup while nobody could sign in yet', async () => {
    renderLogin(undefined, '/login', true);
    const link = await screen.findByRole('link', { name: 'Set up Innerloop' });
    expect(link.getAttribute('href')).toBe('/setup');
    expect(screen.getByRole('complementary', { name: 'New installation' }).textContent).toContain(
      'no HR admin yet',
    );
  });

  it('shows a refusal as an alert and keeps the email typed, never the password', async () => {
    renderLogin({
      errors: { form: ['That email and password do not match a staff account.'] },
      values: { email: 'ana@example.com', redirectTo: '/surveys' },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'That email and password do not match a staff account.',
    );
    expect(screen.getByLabelText('Email')).toHaveProperty('value', 'ana@example.com');
    expect(screen.getByLabelText('Password')).toHaveProperty('value', '');
  });

  it('shows a field error beside its field', async () => {
    renderLogin({
      errors: { email: ['Enter an email address like name@example.com.'] },
      values: { email: 'ana' },
    });
    const message = await screen.findByText('Enter an email address like name@example.com.');
    const email = screen.getByLabelText('Email');
    expect(email.getAttribute('aria-describedby')).toBe(message.id);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email).toHaveProperty('value', 'ana');
  });
});
