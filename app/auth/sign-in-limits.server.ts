import { createHash } from 'node:crypto';

import mongoose from 'mongoose';
import { RateLimiterMongo } from 'rate-limiter-flexible';

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
  locked: boolean;
  /** The larger failure count of the two keys, for slowing down. */
  failures: number;
}

export interface SignInLimits {
  check(keys: SignInKeys): Promise<SignInState>;
  recordFailure(keys: SignInKeys): Promise<void>;
  /** Clears the account's failures; the address keeps its count, or a valid account would reset it. */
  recordSuccess(keys: Pick<SignInKeys, 'email'>): Promise<void>;
}

/**
 * Failed sign-ins counted per account and per network address in MongoDB, so every app
 * instance shares the counts. The account key is a hash of the lower-cased email: the
 * collection never holds an address a person typed.
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
    async check(keys) {
      const { account, address } = await limiters();
      const [byAccount, byAddress] = await Promise.all([
        account.get(accountKey(keys.email)),
        address.get(keys.address),
      ]);
      const accountCount = byAccount?.consumedPoints ?? 0;
      const addressCount = byAddress?.consumedPoints ?? 0;
      return {
        locked: accountCount >= policy.accountFailures || addressCount >= policy.addressFailures,
        failures: Math.max(accountCount, addressCount),
      };
    },
    async recordFailure(keys) {
      const { account, address } = await limiters();
      await Promise.all([account.penalty(accountKey(keys.email)), address.penalty(keys.address)]);
    },
    async recordSuccess(keys) {
      const { account } = await limiters();
      await account.delete(accountKey(keys.email));
    },
  };
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
