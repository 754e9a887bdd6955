import { setTimeout as sleep } from 'node:timers/promises';

import { PersonModel } from '../../models/person.server';
import { verifyPassword } from './password.server';
import { type SignInLimits, signInLimits, slowdownMs } from './sign-in-limits.server';

// One message for an unknown address, a wrong password, an employee without a staff role and
// a deactivated account, so the form never tells anyone whether an account exists.
export const signInRefusals = {
  invalid: 'staff:errors.signInInvalid',
  locked: 'staff:errors.signInLocked',
} as const;

// A hash of a random password nobody knows, with the same parameters as real hashes: checking
// against it when the email is unknown takes as long as checking a real password.
const unknownAccountHash =
  'scrypt$32768$8$1$ACL1k4DnK6LXWr0bdCNLIg$gqlxESMYtSMBrwAoxg1SkO-IlEOqDR31gxvML8INYIrHWlEdLjhhFNjSnzlsILlm9HdCwqp7OAOVrHIekxq_vg';

export type SignInResult =
  | { ok: true; personId: string }
  | { ok: false; reason: keyof typeof signInRefusals; message: string };

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client's network address, for counting failures per address. */
  address: string;
}

export interface SignInDependencies {
  limits?: SignInLimits;
  /** Waits before checking a password once failures pile up; tests replace it. */
  wait?: (ms: number) => Promise<unknown>;
  /** Checks a password against a hash; tests count the checks. */
  verify?: typeof verifyPassword;
}

/** Checks a staff member's email and password, counting and slowing repeated failures. */
export async function signIn(
  { email, password, address }: SignInAttempt,
  { limits = signInLimits(), wait = sleep, verify = verifyPassword }: SignInDependencies = {},
): Promise<SignInResult> {
  const keys = { email, address };
  // Charged before the password is checked, so parallel guesses cannot outrun the count.
  const state = await limits.take(keys);
  if (state.locked) return refusal('locked');
  await wait(slowdownMs(state.failures));

  const person = await PersonModel.findOne({ emailKey: email.trim().toLowerCase() })
    .select('+passwordHash active hrAdmin leaderOf')
    .lean();
  const staffHash =
    person?.active && (person.hrAdmin || person.leaderOf.length > 0) ? person.passwordHash : null;
  const matches = await verify(password, staffHash ?? unknownAccountHash);

  if (person && staffHash && matches) {
    await limits.recordSuccess(keys);
    return { ok: true, personId: String(person._id) };
  }
  // The attempt taken above is the failure's count.
  return refusal('invalid');
}

function refusal(reason: keyof typeof signInRefusals): SignInResult {
  return { ok: false, reason, message: signInRefusals[reason] };
}
