import { describe, expect, it } from 'vitest';

import { hashPassword, verifyPassword } from './password.server';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash, so the same password never hashes alike', async () => {
    const [first, second] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(first).not.toBe(second);
    expect(await verifyPassword('same', first)).toBe(true);
    expect(await verifyPassword('same', second)).toBe(true);
  });

  it('stores scrypt with memory-hard parameters and never the password itself', async () => {
    const hash = await hashPassword('visible?');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(hash).not.toContain('visible');
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const hash = await hashPassword('Jos\u00e9');
    expect(await verifyPassword('Jose\u0301', hash)).toBe(true);
  });

  it.each([
    '',
    'plain-text',
    'bcrypt$2b$10$abc',
    'scrypt$1048577$8$1$c2FsdA$a2V5',
    'scrypt$30000$8$1$c2FsdA$a2V5',
  ])('refuses an unreadable or unsafe hash %j without throwing', async (hash) => {
    expect(await verifyPassword('anything', hash)).toBe(false);
  });
});
