import { randomBytes } from 'node:crypto';

import type { Types } from 'mongoose';

import type { EngineKind } from '../../models/connection.server';
import { DemoSeedModel } from '../../models/demo-seed.server';
import { DepartmentModel } from '../../models/department.server';
import { PersonModel } from '../../models/person.server';
import type { DepartmentKind, LanguageCode } from '../../models/vocabulary';
import { hashPassword } from '../auth/password.server';
import { nameKeyOf } from '../people/schemas';
import type { NodeEnv } from '../utils/env.server';
import type { Logger } from '../utils/log.server';
import { emailLocalPart, languageWeights, namePools } from './names';
import { seedActions } from './seed-actions.server';
import { seedCharters } from './seed-charters.server';
import { seedIdeas } from './seed-ideas.server';
import { seedResponses } from './seed-responses.server';
import { seedSurveys } from './seed-surveys.server';
import { seedThanks } from './seed-thanks.server';

/**
 * The demo organisation: Nordlys, a restaurant group with about 200 people, seeded on the first
 * start of a fresh embedded database so every page has real-looking data at once. The same seed
 * (a fixed PRNG seed) gives the same names every time, so end-to-end tests can rely on them.
 */

const demoDomain = 'nordlys.example';

interface DemoDepartment {
  name: string;
  kind: DepartmentKind;
  parent?: string;
  headcount: number;
}

// Every department keeps at least the surveys' threshold (5) of active people after the few
// leavers, as a real company should: a smaller one is never shown, and a database reader could
// narrow its responses to fewer people than the threshold.
const demoDepartments: DemoDepartment[] = [
  { name: 'Executive board', kind: 'executive', headcount: 7 },
  { name: 'Sales', kind: 'commercial', headcount: 22 },
  { name: 'Marketing', kind: 'commercial', headcount: 12 },
  { name: 'Operations', kind: 'operational', headcount: 10 },
  { name: 'Customer service', kind: 'operational', headcount: 24 },
  { name: 'Kitchen', kind: 'operational', parent: 'Operations', headcount: 45 },
  { name: 'Service floor', kind: 'operational', parent: 'Operations', headcount: 52 },
  { name: 'IT', kind: 'support', headcount: 12 },
  { name: 'HR', kind: 'support', headcount: 8 },
  { name: 'Finance', kind: 'support', headcount: 10 },
];

/** The people who can sign in to the demo; each gets a fresh password, printed once. */
export const demoStaff: {
  name: string;
  department: string;
  language: LanguageCode;
  hrAdmin?: boolean;
  leaderOf?: string[];
}[] = [
  { name: 'Ingrid Solberg', department: 'HR', language: 'nb', hrAdmin: true },
  { name: 'Tomasz Kowalczyk', department: 'Operations', language: 'pl', leaderOf: ['Operations'] },
  { name: 'Oksana Melnyk', department: 'IT', language: 'uk', leaderOf: ['IT'] },
  { name: 'James Whitfield', department: 'Sales', language: 'en', leaderOf: ['Sales'] },
];

const demoEmail = (name: string) => `${emailLocalPart(name)}@${demoDomain}`;

export interface DemoContext {
  random: () => number;
  logger: Logger;
  /** Filled by the departments step: id by department name. */
  departmentIds: Map<string, Types.ObjectId>;
}

export interface DemoStep {
  name: string;
  run(context: DemoContext): Promise<void>;
}

/**
 * The seed, step by step. Every step is idempotent (upserts by natural keys), so a seed
 * interrupted half-way is simply run again on the next start. Later areas append their steps.
 */
const demoSteps: DemoStep[] = [
  { name: 'departments', run: seedDepartments },
  { name: 'people', run: seedPeople },
  { name: 'staff accounts', run: seedStaffAccounts },
  { name: 'surveys', run: (context) => seedSurveys(context) },
  { name: 'responses', run: seedResponses },
  { name: 'actions', run: (context) => seedActions(context) },
  { name: 'charters', run: seedCharters },
  { name: 'thanks', run: (context) => seedThanks(context) },
  { name: 'ideas', run: (context) => seedIdeas(context) },
];

export type DemoSetting = 'on' | 'off' | undefined;

/**
 * DEMO=off never seeds; DEMO=on seeds any empty database; unset seeds an empty embedded one,
 * and only outside production. A real MongoDB is someone's production until they say otherwise,
 * and so is NODE_ENV=production: a first production start must not fill an empty database with
 * 200 invented people and print staff passwords to the log. (`npm start` without NODE_ENV is a
 * local trial and sets DEMO=on itself; see server/trial.js.)
 */
export function demoWanted(setting: DemoSetting, engine: EngineKind, nodeEnv: NodeEnv): boolean {
  if (setting !== undefined) return setting === 'on';
  return engine === 'embedded' && nodeEnv !== 'production';
}

/** Seeds the demo when wanted and the database has no organisation yet; says whether it did. */
export async function seedDemoIfWanted({
  setting,
  engine,
  nodeEnv,
  logger,
}: {
  setting: DemoSetting;
  engine: EngineKind;
  nodeEnv: NodeEnv;
  logger: Logger;
}): Promise<boolean> {
  if (!demoWanted(setting, engine, nodeEnv)) {
    if (setting === undefined && engine === 'embedded' && !(await DepartmentModel.exists({}))) {
      logger.info(
        'The database is empty and no demo is seeded in production (DEMO=on seeds one): open /setup to create the first HR admin',
      );
    }
    return false;
  }
  const marker = await DemoSeedModel.findById('demo').lean();
  if (marker?.finishedAt) return false;
  // A database with an organisation of its own is never touched; an interrupted seed resumes.
  if (!marker && (await DepartmentModel.exists({}))) return false;
  await DemoSeedModel.updateOne(
    { _id: 'demo' },
    { $setOnInsert: { startedAt: new Date() } },
    { upsert: true },
  );
  await seedDemo(logger);
  await DemoSeedModel.updateOne({ _id: 'demo' }, { $set: { finishedAt: new Date() } });
  return true;
}

export async function seedDemo(logger: Logger): Promise<void> {
  const context: DemoContext = { random: prng(20_240_501), logger, departmentIds: new Map() };
  for (const step of demoSteps) await step.run(context);
  logger.info(
    `Demo organisation seeded: ${demoDepartments.length} departments, ${demoDepartments.reduce((sum, d) => sum + d.headcount, 0)} people (set DEMO=off to start empty)`,
  );
}

async function seedDepartments(context: DemoContext): Promise<void> {
  // Parents first, so each child can point at its parent's id.
  const ordered = [...demoDepartments].sort((a, b) => Number(!!a.parent) - Number(!!b.parent));
  for (const department of ordered) {
    const parentId = department.parent ? context.departmentIds.get(department.parent) : null;
    const stored = await DepartmentModel.findOneAndUpdate(
      { nameKey: nameKeyOf(department.name) },
      { $set: { name: department.name, kind: department.kind, parentId: parentId ?? null } },
      { upsert: true, returnDocument: 'after' },
    ).lean();
    if (!stored) throw new Error(`The demo department ${department.name} was not stored`);
    context.departmentIds.set(department.name, stored._id);
  }
}

async function seedPeople(context: DemoContext): Promise<void> {
  const { random } = context;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const used = new Set(demoStaff.map(({ name }) => demoEmail(name)));
  const people = demoStaff.map((staff) => ({
    name: staff.name,
    email: demoEmail(staff.name),
    department: staff.department,
    language: staff.language,
    hrAdmin: staff.hrAdmin ?? false,
    leaderOf: staff.leaderOf ?? [],
    active: true,
  }));

  for (const department of demoDepartments) {
    const already = people.filter((person) => person.department === department.name).length;
    for (let i = already; i < department.headcount; i++) {
      const language = weighted(random, languageWeights);
      const pool = namePools[language];
      const woman = random() < 0.5;
      const [forMen, forWomen] = pick(pool.surnames);
      const name = `${pick(woman ? pool.women : pool.men)} ${woman ? forWomen : forMen}`;
      let email = demoEmail(name);
      for (let n = 2; used.has(email); n++) email = `${emailLocalPart(name)}${n}@${demoDomain}`;
      used.add(email);
      // A few have left: the roster keeps them, inactive.
      const active = random() > 0.03;
      people.push({
        name,
        email,
        department: department.name,
        language,
        hrAdmin: false,
        leaderOf: [],
        active,
      });
    }
  }

  const idOf = (name: string) => {
    const id = context.departmentIds.get(name);
    if (!id) throw new Error(`The demo department ${name} was not seeded`);
    return id;
  };
  await PersonModel.bulkWrite(
    people.map((person) => ({
      updateOne: {
        filter: { emailKey: person.email },
        update: {
          $set: {
            name: person.name,
            email: person.email,
            departmentId: idOf(person.department),
            language: person.language,
            hrAdmin: person.hrAdmin,
            leaderOf: person.leaderOf.map(idOf),
            active: person.active,
          },
        },
        upsert: true,
      },
    })),
  );
}

async function seedStaffAccounts(context: DemoContext): Promise<void> {
  // Random, not from the seed: the demo may be reachable by others on the network.
  const accounts = demoStaff.map((staff) => ({
    staff,
    email: demoEmail(staff.name),
    password: randomBytes(9).toString('base64url'),
  }));
  // scrypt runs on libuv's thread pool, so the hashes are made side by side.
  const hashes = await Promise.all(accounts.map(({ password }) => hashPassword(password)));
  await PersonModel.bulkWrite(
    accounts.map(({ email }, index) => ({
      updateOne: { filter: { emailKey: email }, update: { $set: { passwordHash: hashes[index] } } },
    })),
  );
  for (const { staff, email, password } of accounts) {
    const role = staff.hrAdmin ? 'HR admin' : `leader of ${staff.leaderOf?.join(', ')}`;
    // The only place Innerloop prints a password: a demo account, shown once at its creation.
    context.logger.info(`Demo sign-in (${role}): ${email} password ${password}`);
  }
}

/** mulberry32: a small, fast PRNG; plenty for believable demo data. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function weighted<T>(random: () => number, weights: [T, number][]): T {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let at = random() * total;
  for (const [value, weight] of weights) {
    at -= weight;
    if (at < 0) return value;
  }
  return weights[0][0];
}
