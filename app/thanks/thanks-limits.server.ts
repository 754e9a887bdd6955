import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

// Thanks are posted by anyone who has a board's address, so each network address may send only
// so many per hour: enough for a team at one office address, too few to flood a department.
// Counted in memory, as receipt look-ups are: a store in the database would keep an address's
// hash beside the moment it last thanked, next to the thanks themselves.

export interface ThanksLimits {
  /** Takes one thank-you for this network address; false once its allowance is spent. */
  take(address: string): Promise<boolean>;
}

export function createThanksLimits({
  thanks = 30,
  windowSeconds = 60 * 60,
}: { thanks?: number; windowSeconds?: number } = {}): ThanksLimits {
  const limiter = new RateLimiterMemory({
    keyPrefix: 'thanks',
    points: thanks,
    duration: windowSeconds,
  });
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

export const thanksLimits = createThanksLimits();
