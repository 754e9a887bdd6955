import { createHash } from 'node:crypto';

import { type Cookie, createCookie } from '@remix-run/node';
import mongoose from 'mongoose';
import { RateLimiterMongo, RateLimiterRes } from 'rate-limiter-flexible';

import { getEnv, loadSessionSecrets } from '../utils/env.server';
import { secureCookies } from '../utils/session.server';

// Open-link mode: one public link per cycle (/k/<kioskId>) for a shared tablet or a poster's
// QR code. Nobody is identified, so two light rules keep it honest: a signed cookie lets each
// device answer each cycle once, and each network address may send only so many responses.
// The answering page itself (a later issue) calls these.

const kioskCookieName = 'innerloop_kiosk';

/** Cycles a device remembers having answered; the oldest are forgotten beyond this. */
export const rememberedCycles = 50;

/** Signed, so a device cannot clear one cycle and keep the others; httpOnly and SameSite=Lax. */
export function createKioskCookie(options: { secrets: string[]; secure: boolean }): Cookie {
  return createCookie(kioskCookieName, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/k/',
    // Longer than any cycle stays open (at most 90 days).
    maxAge: 120 * 24 * 60 * 60,
    secrets: options.secrets,
  });
}

let cookie: Cookie | undefined;

function kioskCookie(): Cookie {
  if (cookie) return cookie;
  const env = getEnv();
  cookie = createKioskCookie({ secrets: loadSessionSecrets(env), secure: secureCookies(env) });
  return cookie;
}

async function answeredCycles(from: Cookie, request: Request): Promise<string[]> {
  const value: unknown = await from.parse(request.headers.get('Cookie'));
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** True when this device already answered the cycle behind `kioskId`. */
export async function answeredOnDevice(
  request: Request,
  kioskId: string,
  from: Cookie = kioskCookie(),
): Promise<boolean> {
  return (await answeredCycles(from, request)).includes(kioskId);
}

/** The Set-Cookie value that records this device's response to the cycle. */
export async function rememberAnswer(
  request: Request,
  kioskId: string,
  from: Cookie = kioskCookie(),
): Promise<string> {
  const answered = (await answeredCycles(from, request)).filter((id) => id !== kioskId);
  return from.serialize([...answered, kioskId].slice(-rememberedCycles));
}

export interface KioskPolicy {
  /** Responses one network address may send to one cycle within the window. */
  responsesPerAddress: number;
  windowSeconds: number;
}

// A shared tablet in a canteen sends one response every half minute or so at best; an office
// behind one address with phones scanning the poster gets the same room. Scripts do not.
const defaultKioskPolicy: KioskPolicy = { responsesPerAddress: 60, windowSeconds: 15 * 60 };

export type KioskAllowance = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface KioskLimits {
  /** Counts one response from the address to the cycle, or refuses it when over the limit. */
  consume(keys: { kioskId: string; address: string }): Promise<KioskAllowance>;
}

/**
 * Per-address limits counted in MongoDB, so every app instance shares them. The key is a hash
 * of the cycle and the address: the collection never holds an address.
 */
export function createKioskLimits(policy: KioskPolicy = defaultKioskPolicy): KioskLimits {
  let ready: Promise<RateLimiterMongo> | undefined;
  const limiter = () =>
    (ready ??= (async () => {
      const created = new RateLimiterMongo({
        storeClient: mongoose.connection,
        tableName: 'kiosk_limits',
        keyPrefix: 'kiosk',
        points: policy.responsesPerAddress,
        duration: policy.windowSeconds,
        disableIndexesCreation: true,
      });
      await created.createIndexes();
      return created;
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    }));
  return {
    async consume({ kioskId, address }) {
      const key = createHash('sha256').update(`${kioskId}\n${address}`).digest('hex');
      try {
        await (await limiter()).consume(key);
        return { allowed: true };
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        return { allowed: false, retryAfterSeconds: Math.ceil(refusal.msBeforeNext / 1000) };
      }
    },
  };
}

let shared: KioskLimits | undefined;

export function kioskLimits(): KioskLimits {
  return (shared ??= createKioskLimits());
}
