import { createHash } from 'node:crypto';

import mongoose from 'mongoose';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';

export interface SignInPolicy {
  /** Failed sign-ins for one email address before it is refused for the rest of the window. */
  accountFailures: number;
  /** Failed sign-ins from one network address, for any accounts, before it is refused. */
  addressFailures: number;
  windowSeconds: number;
}

// Five guesses per account per quarter hour stop online guessing without locking out someone
// who mistypes; an office behind one address gets more room across all its people.
export const defaultSignInPolicy: SignInPolicy = {
  accountFailures: 5,
  addressFailures: 25,
  windowSeconds: 15 * 60,
};

export interface SignInKeys {
  email: string;
  address: string;
}

export interface SignInState {
  /** True when this attempt is over the account's or the address's allowance. */
  locked: boolean;
  /** Failed attempts counted before this one (the larger of the two keys), for slowing down. */
  failures: number;
}

export interface SignInLimits {
  /**
   * Takes one attempt from the account's and the address's allowance before the password is
   * checked. Each take is one atomic increment in the database, so attempts racing in parallel
   * cannot all pass before any is counted: at most the allowance is ever checked.
   */
  take(keys: SignInKeys): Promise<SignInState>;
  /**
   * A correct password: the account's failures are forgotten, and the address gets back the
   * attempt it was charged (it counts only failures; a valid account must not reset it).
   */
  recordSuccess(
    keys: Pick<SignInKeys, 'email'> & Partial<Pick<SignInKeys, 'address'>>,
  ): Promise<void>;
}

/**
 * Sign-in attempts counted per account and per network address in MongoDB, so every app
 * instance shares the counts. An attempt is charged when it starts and given back only when the
 * password was right, so the counts are the failures. The account key is a hash of the
 * lower-cased email: the collection never holds an address a person typed.
 */
export function createSignInLimits(policy: SignInPolicy = defaultSignInPolicy): SignInLimits {
  let ready: Promise<{ account: RateLimiterMongo; address: RateLimiterMongo }> | undefined;
  const limiters = () =>
    (ready ??= (async () => {
      const options = {
        storeClient: mongoose.connection,
        tableName: 'sign_in_limits',
        duration: policy.windowSeconds,
        // Indexes are created below, where a failure reaches the caller instead of the console.
        disableIndexesCreation: true,
      };
      const account = new RateLimiterMongo({
        ...options,
        keyPrefix: 'account',
        points: policy.accountFailures,
      });
      const address = new RateLimiterMongo({
        ...options,
        keyPrefix: 'address',
        points: policy.addressFailures,
      });
      await account.createIndexes();
      return { account, address };
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));

  return {
    async take(keys) {
      const { account, address } = await limiters();
      const accountKeyOf = accountKey(keys.email);
      const [byAccount, byAddress] = await Promise.all([
        consume(account, accountKeyOf),
        consume(address, keys.address),
      ]);
      const locked = !byAccount.allowed || !byAddress.allowed;
      if (locked) {
        // A refused attempt checks no password, so it is no failure: give back what the key
        // that still had room was charged.
        await Promise.all([
          byAccount.allowed ? account.reward(accountKeyOf) : undefined,
          byAddress.allowed ? address.reward(keys.address) : undefined,
        ]);
      }
      return {
        locked,
        failures: Math.max(byAccount.consumed, byAddress.consumed) - 1,
      };
    },
    async recordSuccess(keys) {
      const { account, address } = await limiters();
      await Promise.all([
        account.delete(accountKey(keys.email)),
        keys.address ? address.reward(keys.address) : undefined,
      ]);
    },
  };
}

/** One point from the key, atomically: whether it was within the allowance, and the new count. */
async function consume(
  limiter: RateLimiterMongo,
  key: string,
): Promise<{ allowed: boolean; consumed: number }> {
  try {
    const result = await limiter.consume(key);
    return { allowed: true, consumed: result.consumedPoints };
  } catch (refusal) {
    // Over the allowance rejects with the count; a database failure rejects with an Error.
    if (refusal instanceof RateLimiterRes)
      return { allowed: false, consumed: refusal.consumedPoints };
    throw refusal;
  }
}

function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

/** No delay for the first few failures, then doubling from a quarter second up to four. */
export function slowdownMs(failures: number): number {
  return failures < 3 ? 0 : Math.min(250 * 2 ** (failures - 3), 4_000);
}

let shared: SignInLimits | undefined;

/** The limits every sign-in in this process counts against (the counts live in the database). */
export function signInLimits(): SignInLimits {
  return (shared ??= createSignInLimits());
}
