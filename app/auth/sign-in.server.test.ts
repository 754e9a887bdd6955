import { describe, expect, it } from 'vitest';

import { createDepartment, createPerson } from '../../tests/factories/staff';
import { setupTestDatabase } from '../../tests/support/test-database';
import { verifyPassword } from './password.server';
import { signIn, signInRefusals } from './sign-in.server';
import { createSignInLimits, defaultSignInPolicy, slowdownMs } from './sign-in-limits.server';

setupTestDatabase('sign-in');

const password = 'a long staff password';
const noWait = () => Promise.resolve();

async function leader(fields: Parameters<typeof createPerson>[0] = {}) {
  const department = await createDepartment();
  return createPerson({ leaderOf: [department._id], password, ...fields });
}

describe('signIn', () => {
  it('signs in a leader and an HR admin, whatever the case of the email', async () => {
    const lee = await leader({ email: 'Lee@Example.com' });
    const hr = await createPerson({ hrAdmin: true, password, email: 'hr@example.com' });
    const limits = createSignInLimits();
    const attempt = (email: string) => signIn({ email, password, address: '10.0.0.1' }, { limits });
    expect(await attempt(' lee@EXAMPLE.com ')).toEqual({ ok: true, personId: String(lee._id) });
    expect(await attempt('hr@example.com')).toEqual({ ok: true, personId: String(hr._id) });
  });

  it('answers every kind of wrong sign-in with the same message', async () => {
    await leader({ email: 'lee@example.com' });
    await leader({ email: 'gone@example.com', active: false });
    await createPerson({ email: 'employee@example.com', password });
    await leader({ email: 'nopassword@example.com', password: undefined });
    const limits = createSignInLimits();
    const attempts = [
      { email: 'lee@example.com', password: 'wrong password' },
      { email: 'nobody@example.com', password },
      { email: 'gone@example.com', password },
      { email: 'employee@example.com', password },
      { email: 'nopassword@example.com', password },
    ];
    for (const attempt of attempts) {
      const result = await signIn(
        { ...attempt, address: `10.0.0.${attempts.indexOf(attempt)}` },
        { limits, wait: noWait },
      );
      expect(result).toEqual({ ok: false, reason: 'invalid', message: signInRefusals.invalid });
    }
  });

  it('takes about as long for an unknown email as for a wrong password', async () => {
    await leader({ email: 'lee@example.com' });
    const limits = createSignInLimits({ ...defaultSignInPolicy, accountFailures: 100 });
    const time = async (email: string) => {
      const started = performance.now();
      await signIn({ email, password: 'wrong', address: '10.0.0.9' }, { limits, wait: noWait });
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((x, y) => x - y)[1] ?? 0;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 3; round++) {
      known.push(await time('lee@example.com'));
      unknown.push(await time(`nobody${round}@example.com`));
    }
    // Both verify one scrypt hash; skipping it would make the unknown case many times faster.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });
});

describe('sign-in lockout', () => {
  it('refuses an account after five failures, even with the right password, slowing the later attempts', async () => {
    await leader({ email: 'lee@example.com' });
    const limits = createSignInLimits();
    const waits: number[] = [];
    const wait = (ms: number) => Promise.resolve(waits.push(ms));
    for (let failure = 0; failure < defaultSignInPolicy.accountFailures; failure++) {
      const result = await signIn(
        { email: 'lee@example.com', password: 'guess', address: `10.1.0.${failure}` },
        { limits, wait },
      );
      expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    }
    // Slowed: the later failures waited longer and longer before their password was checked.
    expect(waits).toEqual([0, 0, 0, 250, 500]);

    const refused = await signIn(
      { email: 'LEE@example.com', password, address: '10.1.1.1' },
      { limits, wait },
    );
    expect(refused).toEqual({ ok: false, reason: 'locked', message: signInRefusals.locked });
  });

  it('refuses an unknown account the same way, so the lockout reveals nothing', async () => {
    const limits = createSignInLimits();
    for (let failure = 0; failure < defaultSignInPolicy.accountFailures; failure++) {
      await signIn(
        { email: 'nobody@example.com', password: 'guess', address: `10.2.0.${failure}` },
        { limits, wait: noWait },
      );
    }
    expect(
      await signIn(
        { email: 'nobody@example.com', password: 'guess', address: '10.2.1.1' },
        { limits, wait: noWait },
      ),
    ).toEqual({ ok: false, reason: 'locked', message: signInRefusals.locked });
  });

  it('refuses an address after too many failures across accounts', async () => {
    const lee = await leader({ email: 'lee@example.com' });
    const limits = createSignInLimits({ ...defaultSignInPolicy, addressFailures: 4 });
    for (let failure = 0; failure < 4; failure++) {
      await signIn(
        { email: `guess${failure}@example.com`, password: 'guess', address: '192.0.2.7' },
        { limits, wait: noWait },
      );
    }
    expect(
      await signIn(
        { email: 'lee@example.com', password, address: '192.0.2.7' },
        { limits, wait: noWait },
      ),
    ).toMatchObject({ reason: 'locked' });
    // Another address still signs the same person in.
    expect(
      await signIn(
        { email: 'lee@example.com', password, address: '192.0.2.8' },
        { limits, wait: noWait },
      ),
    ).toEqual({ ok: true, personId: String(lee._id) });
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    await leader({ email: 'lee@example.com' });
    const limits = createSignInLimits();
    const attempt = (pw: string) =>
      signIn(
        { email: 'lee@example.com', password: pw, address: '10.3.0.1' },
        { limits, wait: noWait },
      );
    for (let failure = 0; failure < 4; failure++) await attempt('guess');
    expect(await attempt(password)).toMatchObject({ ok: true });
    for (let failure = 0; failure < 4; failure++) await attempt('guess');
    expect(await attempt(password)).toMatchObject({ ok: true });
  });

  it('stores no email address in the counts', async () => {
    const limits = createSignInLimits();
    await signIn(
      { email: 'secret.person@example.com', password: 'x', address: '10.4.0.1' },
      { limits, wait: noWait },
    );
    const { default: mongoose } = await import('mongoose');
    const counts = await mongoose.connection.collection('sign_in_limits').find().toArray();
    expect(counts).toHaveLength(2);
    expect(JSON.stringify(counts)).not.toMatch(/secret|example/i);
  });
});

describe('parallel guessing', () => {
  it('checks at most five of 24 wrong passwords sent at once against one account', async () => {
    await leader({ email: 'lee@example.com' });
    const limits = createSignInLimits();
    let checked = 0;
    const verify = async (...args: Parameters<typeof verifyPassword>) => {
      checked++;
      return verifyPassword(...args);
    };
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, guess) =>
        signIn(
          { email: 'lee@example.com', password: `guess ${guess}`, address: `10.5.0.${guess}` },
          { limits, wait: noWait, verify },
        ),
      ),
    );
    // Every 'invalid' answer is a password checked; the rest were refused unchecked.
    const invalid = results.filter((result) => !result.ok && result.reason === 'invalid');
    expect(invalid.length).toBeLessThanOrEqual(defaultSignInPolicy.accountFailures);
    expect(checked).toBe(invalid.length);
    expect(results.filter((result) => !result.ok && result.reason === 'locked')).toHaveLength(
      24 - invalid.length,
    );
    // And the account stays locked afterwards, right password or not.
    expect(
      await signIn(
        { email: 'lee@example.com', password, address: '10.5.1.1' },
        { limits, wait: noWait, verify },
      ),
    ).toMatchObject({ reason: 'locked' });
  });

  it('checks at most the address allowance when one address guesses many accounts at once', async () => {
    const limits = createSignInLimits({ ...defaultSignInPolicy, addressFailures: 6 });
    let checked = 0;
    const verify = async (...args: Parameters<typeof verifyPassword>) => {
      checked++;
      return verifyPassword(...args);
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, guess) =>
        signIn(
          { email: `person${guess}@example.com`, password: 'guess', address: '192.0.2.99' },
          { limits, wait: noWait, verify },
        ),
      ),
    );
    const invalid = results.filter((result) => !result.ok && result.reason === 'invalid');
    expect(invalid.length).toBeLessThanOrEqual(6);
    expect(checked).toBe(invalid.length);
  });

  it('gives a refused attempt back to the key that still had room', async () => {
    const lee = await leader({ email: 'lee@example.com' });
    const limits = createSignInLimits({ ...defaultSignInPolicy, addressFailures: 2 });
    const attempt = (email: string, pw: string, address: string) =>
      signIn({ email, password: pw, address }, { limits, wait: noWait });
    // The address is used up by guesses at other accounts...
    await attempt('a@example.com', 'guess', '192.0.2.50');
    await attempt('b@example.com', 'guess', '192.0.2.50');
    // ...so these are refused without a check, and cost Lee's account nothing.
    for (let refused = 0; refused < 10; refused++) {
      expect(await attempt('lee@example.com', 'guess', '192.0.2.50')).toMatchObject({
        reason: 'locked',
      });
    }
    expect(await attempt('lee@example.com', password, '192.0.2.51')).toEqual({
      ok: true,
      personId: String(lee._id),
    });
  });
});

describe('slowdownMs', () => {
  it('starts after three failures and stops growing at four seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 20].map(slowdownMs)).toEqual([
      0, 0, 0, 250, 500, 1000, 2000, 4000, 4000, 4000,
    ]);
  });
});
