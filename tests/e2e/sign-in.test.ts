import { describe } from 'vitest';

import { expect, test } from './harness/fixtures';

describe('staff sign-in', () => {
  test('an HR admin signs in through the form, sees the user menu and signs out', async ({
    page,
    makeStaff,
  }) => {
    const hana = await makeStaff('hr-admin');
    await page.goto('/surveys');
    // Signed out: sent to sign in, and brought back to the page afterwards.
    await page.waitForURL('**/login?redirectTo=%2Fsurveys');
    await page.getByLabel('Email').fill(hana.email.toUpperCase());
    await page.getByLabel('Password').fill(hana.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/surveys');
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();

    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name === 'innerloop_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.getByLabel(`Account menu for ${hana.name}`).click();
    expect(await page.getByText(hana.email).isVisible()).toBe(true);
    expect(await page.getByText('HR admin', { exact: true }).isVisible()).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toContain('Settings');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/insights');
    await page.waitForURL('**/login?redirectTo=%2Finsights');
  });

  test('a wrong password is refused in plain words, keeping the email', async ({
    page,
    problems,
    makeStaff,
  }) => {
    problems.allowStatus(400);
    const hana = await makeStaff('hr-admin');
    await page.goto('/login');
    await page.getByLabel('Email').fill(hana.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByRole('alert').textContent()).toBe(
      'That email and password do not match a staff account.',
    );
    expect(await page.getByLabel('Email').inputValue()).toBe(hana.email);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
  });

  test('a leader does not see People or Settings and is refused there with 403', async ({
    page,
    problems,
    signInAs,
  }) => {
    problems.allowStatus(403);
    const leo = await signInAs('leader');
    await page.goto('/insights');
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Insights',
      'Surveys',
      'Actions',
      'Charters',
      'Thanks',
      'Ideas',
    ]);
    for (const path of ['/people', '/settings', '/settings/outbox']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await page
        .getByRole('heading', { level: 1, name: 'You do not have access to this page' })
        .waitFor();
      // Still in the staff shell, still signed in.
      expect(await page.getByLabel(`Account menu for ${leo.name}`).isVisible()).toBe(true);
    }
  });
});
