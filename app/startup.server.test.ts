import { describe, expect, it } from 'vitest';

import { createDepartment, createPerson } from '../tests/factories/staff';
import { setupTestDatabase } from '../tests/support/test-database';
import { announceSetup } from './startup.server';

setupTestDatabase('startup');

function recorder() {
  const lines: string[] = [];
  return { lines, logger: { info: (line: string) => lines.push(line) } };
}

describe('announceSetup', () => {
  it('prints the full address of /setup while no HR admin exists', async () => {
    const { lines, logger } = recorder();
    expect(await announceSetup({ appUrl: 'https://pulse.example.com/', logger })).toBe(true);
    expect(lines).toEqual([
      'No HR admin yet: open https://pulse.example.com/setup to create the first one',
    ]);
  });

  it('says nothing once an HR admin exists', async () => {
    const department = await createDepartment({ name: 'People & Culture', kind: 'support' });
    await createPerson({
      name: 'Ana Lima',
      email: 'ana@example.com',
      hrAdmin: true,
      departmentId: department._id,
    });
    const { lines, logger } = recorder();
    expect(await announceSetup({ appUrl: 'http://localhost:3000', logger })).toBe(false);
    expect(lines).toEqual([]);
  });
});
