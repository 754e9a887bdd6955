import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { createLogger } from '../../app/utils/log.server';
import { connectDatabase, disconnectDatabase } from '../../models/connection.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';

// `npm run create-admin` as an operator runs it, on a fresh embedded database of its own.
const dataDir = mkdtempSync(path.join(tmpdir(), 'innerloop-create-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function createAdmin(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const result = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/create-admin.ts', ...args],
    {
      env: { ...process.env, MONGODB_URI: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
      timeout: 60_000,
    },
  ).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { code: result.code, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run create-admin', () => {
  it('refuses bad input with a message per field and creates nothing', async () => {
    const run = await createAdmin([
      '--name',
      'Ana',
      '--email',
      'not-an-email',
      '--password',
      'short',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('email: Enter an email address like name@example.com.');
    expect(run.stderr).toContain('password: Use at least 10 characters.');
  });

  it('creates the first HR admin from flags and environment, then refuses a second', async () => {
    const first = await createAdmin(['--name', 'Ana Lima', '--email', 'ana@example.com'], {
      ADMIN_PASSWORD: 'first admin password',
    });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('Created HR admin Ana Lima in People & Culture.');
    expect(first.stdout + first.stderr).not.toContain('first admin password');

    const second = await createAdmin([
      '--name',
      'Mallory',
      '--email',
      'mallory@example.com',
      '--password',
      'second admin password',
    ]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('An HR admin exists already, so nothing was changed.');

    // Whatever the script chose (a local mongod or the embedded engine), choose the same.
    await connectDatabase({ dataDir, logger: createLogger('silent') });
    try {
      const people = await PersonModel.find().lean();
      expect(people.map((person) => [person.email, person.hrAdmin])).toEqual([
        ['ana@example.com', true],
      ]);
      expect(await DepartmentModel.countDocuments()).toBe(1);
    } finally {
      await disconnectDatabase();
    }
  });
});
