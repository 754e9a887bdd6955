import { createHash } from 'node:crypto';

import mongoose, { type Types } from 'mongoose';
import { beforeEach, describe, expect, it } from 'vitest';

import { AnswerClaimModel } from '../../models/answer-claim.server';
import { CycleModel } from '../../models/cycle.server';
import { InviteModel } from '../../models/invite.server';
import { OutboxMailModel } from '../../models/outbox-mail.server';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { makeSurvey } from '../../tests/factories/survey';
import { setupTestDatabase } from '../../tests/support/test-database';
import { submissionKeyFor } from '../answering/submission-key.server';
import { createLogger } from '../utils/log.server';
import { type Mail, sendMail } from '../utils/mail.server';
import type { Delivery } from './invites.server';
import { runSchedulerOnce } from './scheduler.server';

setupTestDatabase('scheduler');

// Weekly from Monday 2026-01-05, 09:00 in Oslo (08:00 UTC), open 5 days, reminder 2 days
// before closing: cycle n opens Monday 08:00Z and closes Saturday 08:00Z, reminder Thursday.
const at = (iso: string) => new Date(iso);
const cycle1Opens = at('2026-01-05T08:00:00Z');
const cycle1Reminds = at('2026-01-08T08:00:00Z');
const cycle1Closes = at('2026-01-10T08:00:00Z');

let mails: Mail[];
let logLines: string[];
let delivery: Delivery;

beforeEach(() => {
  mails = [];
  logLines = [];
  delivery = {
    appUrl: 'https://pulse.example',
    send: (mail) => {
      mails.push(mail);
      return Promise.resolve();
    },
    logger: createLogger('debug', (_level, line) => logLines.push(line)),
  };
});

const run = (now: Date) => runSchedulerOnce(now, { delivery, logger: delivery.logger });

async function organisation() {
  const operations = await makeDepartment('Operations');
  const kitchen = await makeDepartment('Kitchen', { parentId: operations._id });
  const sales = await makeDepartment('Sales');
  const people = {
    ana: await makePerson({ name: 'Ana', departmentId: operations._id, language: 'pt' }),
    ole: await makePerson({ name: 'Ole', departmentId: kitchen._id, language: 'nb' }),
    kai: await makePerson({ name: 'Kai', departmentId: kitchen._id }),
    gone: await makePerson({ name: 'Gone', departmentId: kitchen._id, active: false }),
    sam: await makePerson({ name: 'Sam', departmentId: sales._id }),
  };
  return { operations, kitchen, sales, people };
}

const tokenOf = (mail: Mail) => /\/a\/([\w-]+)/.exec(mail.text)?.[1] ?? '';

describe('cycles', () => {
  it('creates and opens nothing before the first opening, then opens cycle 1 on time', async () => {
    const { operations } = await organisation();
    const survey = await makeSurvey({ audienceIds: [operations._id] });

    await run(at('2026-01-05T07:59:59Z'));
    expect(await CycleModel.countDocuments()).toBe(0);

    const report = await run(cycle1Opens);
    expect(report).toMatchObject({ cyclesCreated: 1, cyclesOpened: 1 });
    const cycle = await CycleModel.findOne({ surveyId: survey._id }).lean();
    expect(cycle).toMatchObject({ number: 1, status: 'open', missed: false });
    expect(cycle?.opensAt).toEqual(cycle1Opens);
    expect(cycle?.closesAt).toEqual(cycle1Closes);
    expect(cycle?.remindAt).toEqual(cycle1Reminds);
    // Every question is core or fits the maximum, so the cycle asks all of them.
    expect(cycle?.questionIds).toEqual(['q-scale', 'q-nps', 'q-single', 'q-multi', 'q-text']);
  });

  it('closes a cycle exactly at its closing time', async () => {
    const { operations } = await organisation();
    await makeSurvey({ audienceIds: [operations._id] });
    await run(cycle1Opens);
    await run(new Date(cycle1Closes.getTime() - 1));
    expect((await CycleModel.findOne().lean())?.status).toBe('open');
    const report = await run(cycle1Closes);
    expect(report.cyclesClosed).toBe(1);
    expect((await CycleModel.findOne().lean())?.status).toBe('closed');
  });

  it('creates each cycle and each invite exactly once when two schedulers race', async () => {
    const { operations } = await organisation();
    const survey = await makeSurvey({ audienceIds: [operations._id] });
    const reports = await Promise.all([run(cycle1Opens), run(cycle1Opens), run(cycle1Opens)]);

    expect(reports.reduce((sum, report) => sum + report.cyclesCreated, 0)).toBe(1);
    expect(await CycleModel.countDocuments({ surveyId: survey._id })).toBe(1);
    // Ana, Ole and Kai: Operations and its sub-department Kitchen, active people only.
    expect(await InviteModel.countDocuments()).toBe(3);
    expect(mails).toHaveLength(3);
    expect(new Set(mails.map((mail) => mail.to)).size).toBe(3);
    expect(reports.reduce((sum, report) => sum + report.invitesSent, 0)).toBe(3);
  });

  it('races safely over two database connections too', async () => {
    const { operations } = await organisation();
    const survey = await makeSurvey({ audienceIds: [operations._id] });
    // A second client on the same database: the unique index is the only referee between them.
    const client = new mongoose.mongo.MongoClient(
      `mongodb://${mongoose.connection.host}:${mongoose.connection.port}`,
    );
    await client.connect();
    try {
      const cycles = client.db(mongoose.connection.name).collection('cycles');
      const racer = cycles.insertOne({
        surveyId: survey._id,
        number: 1,
        opensAt: cycle1Opens,
        closesAt: cycle1Closes,
        remindAt: cycle1Reminds,
        status: 'scheduled',
        questionIds: [],
        providerDepartmentIds: [],
        missed: false,
        kioskId: 'another-instance',
        openedAt: null,
        closedAt: null,
        remindersAt: null,
      });
      const [report] = await Promise.all([run(cycle1Opens), racer.catch(() => null)]);
      expect(await CycleModel.countDocuments({ surveyId: survey._id, number: 1 })).toBe(1);
      expect(report.failures).toBe(0);
      expect(await InviteModel.countDocuments()).toBe(3);
    } finally {
      await client.close();
    }
  });

  it('catches up after downtime: missed windows are created closed, only the current one opens', async () => {
    const { operations } = await organisation();
    const survey = await makeSurvey({ audienceIds: [operations._id] });
    // Down from before cycle 1 until Wednesday of week 3.
    const report = await run(at('2026-01-21T10:00:00Z'));
    expect(report.cyclesCreated).toBe(3);
    const cycles = await CycleModel.find({ surveyId: survey._id }).sort({ number: 1 }).lean();
    expect(cycles.map(({ number, status, missed }) => ({ number, status, missed }))).toEqual([
      { number: 1, status: 'closed', missed: true },
      { number: 2, status: 'closed', missed: true },
      { number: 3, status: 'open', missed: false },
    ]);
    expect(await InviteModel.countDocuments({ cycleId: cycles[0]._id })).toBe(0);
    expect(await InviteModel.countDocuments({ cycleId: cycles[1]._id })).toBe(0);
    expect(await InviteModel.countDocuments({ cycleId: cycles[2]._id })).toBe(3);

    // Running again changes nothing.
    const again = await run(at('2026-01-21T10:01:00Z'));
    expect(again).toMatchObject({ cyclesCreated: 0, cyclesOpened: 0, invitesSent: 0 });
  });

  it('closes a cycle left open while the app was down and opens the current one', async () => {
    const { operations } = await organisation();
    await makeSurvey({ audienceIds: [operations._id] });
    await run(cycle1Opens);
    await run(at('2026-01-12T09:00:00Z'));
    const cycles = await CycleModel.find().sort({ number: 1 }).lean();
    expect(cycles.map(({ number, status }) => [number, status])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
  });

  it('creates no cycles for paused, draft or ended surveys', async () => {
    const { operations } = await organisation();
    for (const status of ['draft', 'paused', 'ended'] as const) {
      await makeSurvey({ audienceIds: [operations._id], status });
    }
    await run(cycle1Opens);
    expect(await CycleModel.countDocuments()).toBe(0);
  });
});

describe('invitations', () => {
  it('invites each active person of the audience and its sub-departments once, in their language', async () => {
    const { operations, people } = await organisation();
    await makeSurvey({ audienceIds: [operations._id] });
    await run(cycle1Opens);

    const invites = await InviteModel.find().lean();
    expect(invites.map((invite) => String(invite.personId)).sort()).toEqual(
      [people.ana, people.ole, people.kai].map((person) => String(person._id)).sort(),
    );
    const ole = invites.find((invite) => String(invite.personId) === String(people.ole._id));
    expect(ole).toMatchObject({
      language: 'nb',
      departmentId: people.ole.departmentId,
    });

    const toOle = mails.find((mail) => mail.to === people.ole.email);
    expect(toOle?.subject).toBe('Ukentlig puls: pulsundersøkelsen din');
    expect(toOle?.text).toMatch(/^Hei, Ole!/);
    expect(toOle?.text).toContain('https://pulse.example/a/');
    expect(toOle?.text).toMatch(/Åpen til: lørdag 10\. januar 2026.*09:00/);
    // Ana reads Portuguese; the survey has no Portuguese title, so it falls back to English.
    const toAna = mails.find((mail) => mail.to === people.ana.email);
    expect(toAna?.subject).toBe('Weekly pulse: sua pesquisa de pulso');
    expect(toAna?.kind).toBe('invite');
  });

  it('leaves sub-departments out when the survey says so', async () => {
    const { operations, people } = await organisation();
    await makeSurvey({
      audienceIds: [operations._id],
      audience: { departmentIds: [String(operations._id)], includeSubDepartments: false },
    });
    await run(cycle1Opens);
    const invites = await InviteModel.find().lean();
    expect(invites.map((invite) => String(invite.personId))).toEqual([String(people.ana._id)]);
  });

  it('stores only hashes: no token in the database or the log', async () => {
    const { operations } = await organisation();
    await makeSurvey({ audienceIds: [operations._id] });
    await run(cycle1Opens);
    await run(cycle1Reminds);
    const tokens = mails.map(tokenOf);
    expect(tokens).toHaveLength(6);
    for (const token of tokens) expect(token.length).toBeGreaterThanOrEqual(43);

    const db = mongoose.connection.db;
    if (!db) throw new Error('not connected');
    const everything: unknown[] = [];
    for (const { name } of await db.listCollections().toArray()) {
      everything.push(...(await db.collection(name).find().toArray()));
    }
    const dump = JSON.stringify(everything);
    for (const token of tokens) {
      expect(dump).not.toContain(token);
      expect(logLines.join('\n')).not.toContain(token);
    }
    const hashes = new Set(
      (await InviteModel.find().lean()).flatMap((invite) => [
        invite.tokenHash,
        invite.reminderTokenHash,
      ]),
    );
    for (const token of tokens) {
      expect(hashes.has(createHash('sha256').update(token).digest('hex'))).toBe(true);
    }
  });

  it('delivers into the development outbox in each person’s language', async () => {
    const { kitchen, people } = await organisation();
    await makeSurvey({ audienceIds: [kitchen._id] });
    await runSchedulerOnce(cycle1Opens, {
      delivery: { send: sendMail, appUrl: 'http://127.0.0.1:3000' },
    });
    const outbox = await OutboxMailModel.find().sort({ to: 1 }).lean();
    expect(outbox.map((mail) => [mail.to, mail.kind, mail.subject])).toEqual(
      [
        [people.kai.email, 'invite', 'Weekly pulse: your pulse survey'],
        [people.ole.email, 'invite', 'Ukentlig puls: pulsundersøkelsen din'],
      ].sort(),
    );
    // The outbox shows that a link was sent, never the link (see app/settings/outbox.server.ts).
    expect(outbox[0].text).toContain('[personal link — never kept in the outbox]');
    expect(outbox[0].text).not.toContain('/a/');
  });

  it('invites people who join the audience while the cycle is open', async () => {
    const { kitchen } = await organisation();
    await makeSurvey({ audienceIds: [kitchen._id] });
    await run(cycle1Opens);
    const newcomer = await makePerson({ name: 'New', departmentId: kitchen._id });
    await run(at('2026-01-06T08:00:00Z'));
    expect(mails.map((mail) => mail.to)).toContain(newcomer.email);
    expect(await InviteModel.countDocuments()).toBe(3);
  });

  it('retries an invitation whose delivery failed, with a new link', async () => {
    const { kitchen } = await organisation();
    await makeSurvey({ audienceIds: [kitchen._id] });
    const failing: Delivery = { ...delivery, send: () => Promise.reject(new Error('SMTP down')) };
    await runSchedulerOnce(cycle1Opens, { delivery: failing, logger: delivery.logger });
    expect(await InviteModel.countDocuments({ deliveredAt: null })).toBe(2);
    expect(logLines.join('\n')).toMatch(/Could not deliver 2 invitation/);

    await run(at('2026-01-05T08:05:00Z'));
    expect(mails).toHaveLength(0);
    await run(at('2026-01-05T08:11:00Z'));
    expect(mails).toHaveLength(2);
    expect(await InviteModel.countDocuments({ deliveredAt: null })).toBe(0);
  });
});

/** Stores the claim that answering through this person's invite leaves, as the answer path does. */
async function claimAnswerOf(personId: Types.ObjectId) {
  const invite = await InviteModel.findOne({ personId }).lean();
  await AnswerClaimModel.create({
    _id: submissionKeyFor(String(invite?._id)),
    cycleId: invite?.cycleId,
  });
}

describe('reminders', () => {
  it('forgets who answered a cycle once it has closed and settled', async () => {
    const { kitchen, people } = await organisation();
    await makeSurvey({ audienceIds: [kitchen._id] });
    await run(cycle1Opens);
    await claimAnswerOf(people.ole._id);
    await run(cycle1Reminds);
    expect(await AnswerClaimModel.countDocuments()).toBe(1);
    await run(cycle1Closes);
    // A response confirmed just before closing may still be writing its claim.
    expect(await AnswerClaimModel.countDocuments()).toBe(1);
    await run(new Date(cycle1Closes.getTime() + 61_000));
    expect(await AnswerClaimModel.countDocuments()).toBe(0);
  });

  it('reminds everyone invited once, answered or not, with a second working link', async () => {
    const { kitchen, people } = await organisation();
    await makeSurvey({ audienceIds: [kitchen._id] });
    await run(cycle1Opens);
    // Ole answers. Reminding only Kai would tell whoever reads the sent mail that Ole did.
    await claimAnswerOf(people.ole._id);
    mails = [];

    await run(new Date(cycle1Reminds.getTime() - 1));
    expect(mails).toHaveLength(0);

    const reports = await Promise.all([run(cycle1Reminds), run(cycle1Reminds)]);
    expect(reports.reduce((sum, report) => sum + report.remindersSent, 0)).toBe(2);
    expect(mails.map((mail) => [mail.to, mail.kind, mail.subject]).sort()).toEqual(
      [
        [people.kai.email, 'reminder', 'Reminder: Weekly pulse'],
        [people.ole.email, 'reminder', 'Påminnelse: Ukentlig puls'],
      ].sort(),
    );
    const toKai = mails.find((mail) => mail.to === people.kai.email);
    expect(toKai?.text).toContain('If you have answered already, thank you');
    await run(at('2026-01-09T08:00:00Z'));
    expect(mails).toHaveLength(2);

    const kai = await InviteModel.findOne({ personId: people.kai._id }).lean();
    const reminderToken = toKai ? tokenOf(toKai) : '';
    expect(kai?.reminderTokenHash).toBe(createHash('sha256').update(reminderToken).digest('hex'));
    expect(kai?.remindedAt).toEqual(cycle1Reminds);
  });

  it('sends no reminder to someone invited after the reminder time', async () => {
    const { kitchen } = await organisation();
    await makeSurvey({ audienceIds: [kitchen._id] });
    await run(cycle1Opens);
    await makePerson({ name: 'Late', departmentId: kitchen._id });
    mails = [];
    await run(at('2026-01-08T09:00:00Z'));
    expect(mails.map((mail) => mail.kind).sort()).toEqual(['invite', 'reminder', 'reminder']);
  });
});
