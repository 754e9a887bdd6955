import { type AddressAllowance, addressAllowance } from '../utils/address-allowance.server';

// Thanks are posted by anyone who has a board's address, so each network address may send only
// so many per hour: enough for a team at one office address, too few to flood a department
// (counted as app/utils/address-allowance.server.ts counts every public post).

export type ThanksLimits = AddressAllowance;

export function createThanksLimits({
  thanks = 30,
  windowSeconds = 60 * 60,
}: { thanks?: number; windowSeconds?: number } = {}): ThanksLimits {
  return addressAllowance({ name: 'thanks', uses: thanks, windowSeconds });
}

export const thanksLimits = createThanksLimits();
