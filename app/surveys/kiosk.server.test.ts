import { describe, expect, it } from 'vitest';

import { setupTestDatabase } from '../../tests/support/test-database';
import {
  answeredOnDevice,
  createKioskCookie,
  createKioskLimits,
  rememberAnswer,
  rememberedCycles,
} from './kiosk.server';

setupTestDatabase('kiosk');

const cookie = createKioskCookie({
  secrets: ['kiosk-test-secret-that-is-long-enough'],
  secure: false,
});
const requestWith = (setCookie?: string) =>
  new Request('http://localhost/k/abc', {
    headers: setCookie ? { Cookie: setCookie.split(';', 1)[0] } : {},
  });

describe('one response per device', () => {
  it('remembers the cycles a device answered, in a signed httpOnly cookie', async () => {
    expect(await answeredOnDevice(requestWith(), 'cycle-a', cookie)).toBe(false);
    const first = await rememberAnswer(requestWith(), 'cycle-a', cookie);
    expect(first).toMatch(/^innerloop_kiosk=/);
    expect(first).toMatch(/HttpOnly/);
    expect(first).toMatch(/SameSite=Lax/);
    expect(first).toMatch(/Path=\/k\//);
    expect(await answeredOnDevice(requestWith(first), 'cycle-a', cookie)).toBe(true);
    expect(await answeredOnDevice(requestWith(first), 'cycle-b', cookie)).toBe(false);
    const second = await rememberAnswer(requestWith(first), 'cycle-b', cookie);
    expect(await answeredOnDevice(requestWith(second), 'cycle-a', cookie)).toBe(true);
    expect(await answeredOnDevice(requestWith(second), 'cycle-b', cookie)).toBe(true);
  });

  it('ignores a cookie that was tampered with or signed with another secret', async () => {
    const genuine = await rememberAnswer(requestWith(), 'cycle-a', cookie);
    const [pair] = genuine.split(';', 1);
    const [name, value] = pair.split('=');
    const forged = `${name}=${Buffer.from(JSON.stringify(['cycle-z'])).toString('base64')}${value.slice(value.indexOf('.'))}`;
    expect(await answeredOnDevice(requestWith(forged), 'cycle-z', cookie)).toBe(false);
    const other = createKioskCookie({
      secrets: ['another-secret-that-is-long-enough!!'],
      secure: false,
    });
    expect(await answeredOnDevice(requestWith(genuine), 'cycle-a', other)).toBe(false);
  });

  it('keeps only the most recent cycles', async () => {
    let setCookie: string | undefined;
    for (let i = 0; i <= rememberedCycles; i++)
      setCookie = await rememberAnswer(requestWith(setCookie), `cycle-${i}`, cookie);
    expect(await answeredOnDevice(requestWith(setCookie), 'cycle-0', cookie)).toBe(false);
    expect(
      await answeredOnDevice(requestWith(setCookie), `cycle-${rememberedCycles}`, cookie),
    ).toBe(true);
  });
});

describe('per-address limit', () => {
  it('allows so many responses per address and cycle, then refuses with a wait', async () => {
    const limits = createKioskLimits({ responsesPerAddress: 3, windowSeconds: 60 });
    const keys = { kioskId: 'cycle-a', address: '203.0.113.7' };
    for (let i = 0; i < 3; i++) expect(await limits.consume(keys)).toEqual({ allowed: true });
    const refused = await limits.consume(keys);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    // Another address, or the same address on another cycle, has its own count.
    expect(await limits.consume({ ...keys, address: '203.0.113.8' })).toEqual({ allowed: true });
    expect(await limits.consume({ ...keys, kioskId: 'cycle-b' })).toEqual({ allowed: true });
  });

  it('never stores the address itself', async () => {
    const limits = createKioskLimits({ responsesPerAddress: 3, windowSeconds: 60 });
    await limits.consume({ kioskId: 'cycle-a', address: '198.51.100.23' });
    const { default: mongoose } = await import('mongoose');
    const stored = await mongoose.connection.db?.collection('kiosk_limits').find().toArray();
    expect(stored?.length).toBe(1);
    expect(JSON.stringify(stored)).not.toContain('198.51.100.23');
  });
});
