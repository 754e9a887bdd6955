import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

// Public posts (receipt look-ups, thanks, ideas) come from anyone with an address, so each network
// address gets so many per window. Counted in memory, never in the database: a stored counter
// would keep which address did something, and when, beside what it sent. A restart only resets
// the window, and several instances only multiply a small allowance.

export interface AddressAllowance {
  /** Takes one use for this network address; false once its allowance is spent. */
  take(address: string): Promise<boolean>;
}

export function addressAllowance({
  name,
  uses,
  windowSeconds,
}: {
  /** Keeps each kind of post's count apart. */
  name: string;
  uses: number;
  windowSeconds: number;
}): AddressAllowance {
  const limiter = new RateLimiterMemory({ keyPrefix: name, points: uses, duration: windowSeconds });
  return {
    async take(address) {
      try {
        await limiter.consume(address);
        return true;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return false;
        throw refusal;
      }
    },
  };
}
