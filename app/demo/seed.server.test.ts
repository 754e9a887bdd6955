import { describe, expect, it } from 'vitest';

import { verifyPassword } from '../../app/auth/password.server';
import { DemoSeedModel } from '../../models/demo-seed.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import { makeDepartment } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { createLogger } from '../utils/log.server';
import { demoWanted, seedDemoIfWanted } from './seed.server';

setupTestDatabase('demo-seed');

function capturingLogger() {
  const lines: string[] = [];
  return { lines, logger: createLogger('info', (_level, line) => lines.push(line)) };
}

const seed = (logger = createLogger('silent'), setting: 'on' | 'off' | undefined = undefined) =>
  seedDemoIfWanted({ setting, engine: 'embedded', nodeEnv: 'development', logger });

async function organisation() {
  const departments = await DepartmentModel.find().sort({ nameKey: 1 }).lean();
  const people = await PersonModel.find().sort({ emailKey: 1 }).lean();
  return {
    departments: departments.map(({ name, kind }) => ({ name, kind })),
    people: people.map(({ name, email, language, active }) => ({ name, email, language, active })),
  };
}

describe('demoWanted', () => {
  it.each([
    [undefined, 'embedded', 'development', true],
    [undefined, 'embedded', 'test', true],
    [undefined, 'embedded', 'production', false],
    [undefined, 'mongod', 'development', false],
    [undefined, 'external', 'development', false],
    [undefined, 'external', 'production', false],
    ['on', 'external', 'development', true],
    ['on', 'embedded', 'production', true],
    ['on', 'mongod', 'production', true],
    ['off', 'embedded', 'development', false],
    ['off', 'embedded', 'production', false],
  ] as const)(
    'DEMO=%s on the %s engine with NODE_ENV=%s: %s',
    (setting, engine, nodeEnv, wanted) => {
      expect(demoWanted(setting, engine, nodeEnv)).toBe(wanted);
    },
  );
});

describe('a first production start on an empty embedded database', () => {
  it('seeds nobody and prints no password unless DEMO=on', async () => {
    const { lines, logger } = capturingLogger();
    expect(
      await seedDemoIfWanted({
        setting: undefined,
        engine: 'embedded',
        nodeEnv: 'production',
        logger,
      }),
    ).toBe(false);
    expect(await DepartmentModel.countDocuments()).toBe(0);
    expect(await PersonModel.countDocuments()).toBe(0);
    expect(lines.join('\n')).not.toMatch(/password/i);
    // It says how to begin instead.
    expect(lines).toEqual([expect.stringMatching(/open \/setup to create the first HR admin/)]);
  });
});

describe('seedDemoIfWanted', () => {
  it('seeds a believable company: ten departments of all four kinds in a small tree, ~200 people', async () => {
    expect(await seed()).toBe(true);
    const departments = await DepartmentModel.find().lean();
    expect(departments).toHaveLength(10);
    expect(new Set(departments.map(({ kind }) => kind))).toEqual(
      new Set(['executive', 'operational', 'commercial', 'support']),
    );
    const operations = departments.find(({ name }) => name === 'Operations');
    const underOperations = departments
      .filter(({ parentId }) => parentId && operations?._id.equals(parentId))
      .map(({ name }) => name)
      .sort();
    expect(underOperations).toEqual(['Kitchen', 'Service floor']);

    const people = await PersonModel.find().lean();
    expect(people.length).toBeGreaterThanOrEqual(190);
    expect(people.length).toBeLessThanOrEqual(210);
    expect(new Set(people.map(({ emailKey }) => emailKey)).size).toBe(people.length);
    expect(new Set(people.map(({ language }) => language))).toEqual(
      new Set(['en', 'uk', 'nb', 'pt', 'pl', 'lv']),
    );
    for (const department of departments) {
      expect(people.some(({ departmentId }) => department._id.equals(departmentId))).toBe(true);
    }
    expect(people.filter(({ hrAdmin }) => hrAdmin).map(({ name }) => name)).toEqual([
      'Ingrid Solberg',
    ]);
    const leaders = people.filter(({ leaderOf }) => leaderOf.length > 0);
    expect(leaders.map(({ name }) => name).sort()).toEqual([
      'James Whitfield',
      'Oksana Melnyk',
      'Tomasz Kowalczyk',
    ]);
  });

  it('prints one line per demo account with a password that signs in, and no other secrets', async () => {
    const { lines, logger } = capturingLogger();
    await seed(logger);
    const accounts = lines.filter((line) => line.includes('Demo sign-in'));
    expect(accounts).toHaveLength(4);
    const hr = /Demo sign-in \(HR admin\): (\S+) password (\S+)$/.exec(accounts[0] ?? '');
    expect(hr?.[1]).toBe('ingrid.solberg@nordlys.example');
    const stored = await PersonModel.findOne({ emailKey: hr?.[1] }).select('+passwordHash').lean();
    expect(await verifyPassword(hr?.[2] ?? '', stored?.passwordHash ?? '')).toBe(true);
    expect(lines.filter((line) => line.includes('password'))).toHaveLength(4);
    const withoutPassword = await PersonModel.countDocuments({ passwordHash: null });
    expect(withoutPassword).toBe((await PersonModel.countDocuments()) - 4);
  });

  it('gives the same names every time, and never seeds twice', async () => {
    await seed();
    const first = await organisation();
    expect(await seed()).toBe(false);
    expect(await organisation()).toEqual(first);

    await DepartmentModel.deleteMany({});
    await PersonModel.deleteMany({});
    await DemoSeedModel.deleteMany({});
    await seed();
    expect(await organisation()).toEqual(first);
  });

  it('finishes a seed that a stop interrupted', async () => {
    await seed();
    const complete = await organisation();
    await PersonModel.deleteMany({ departmentId: { $ne: null }, hrAdmin: false });
    await DemoSeedModel.updateOne({ _id: 'demo' }, { $set: { finishedAt: null } });
    expect(await seed()).toBe(true);
    expect(await organisation()).toEqual(complete);
  });

  it('never touches a database that has an organisation of its own, even with DEMO=on', async () => {
    await makeDepartment('Our own');
    expect(await seed(undefined, 'on')).toBe(false);
    expect(await DepartmentModel.countDocuments()).toBe(1);
    expect(await PersonModel.countDocuments()).toBe(0);
  });

  it('does nothing with DEMO=off', async () => {
    expect(await seed(undefined, 'off')).toBe(false);
    expect(await DepartmentModel.countDocuments()).toBe(0);
  });
});
