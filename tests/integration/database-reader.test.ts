import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { submitResponse } from '../../app/answering/submit.server';
import { seedDemo } from '../../app/demo/seed.server';
import { createLogger } from '../../app/utils/log.server';
import { readRecords } from '../../engine/src/storage/records.js';
import { databaseInfo } from '../../models/connection.server';
import { InviteModel } from '../../models/invite.server';
import { ResponseModel } from '../../models/response.server';
import { SurveyModel } from '../../models/survey.server';
import { makeAnsweringCycle, validAnswers } from '../factories/answering';
import { setupTestDatabase } from '../support/test-database';

// What someone who can read the database, or the engine's files, can join: a response to the
// invite it came from, and so to a person. PRODUCT.md promises nothing stored or logged can be
// joined finer than cycle and department.

setupTestDatabase('database-reader');

type Stored = Record<string, unknown>;

/** A field value as something comparable across collections (ids, days, languages, flags). */
function scalar(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof ObjectId) return value.toHexString();
  // Arrays and sub-documents are not join keys.
  if (typeof value === 'object') return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * For every response, the invites it can be joined to: same cycle and department, and, for every
 * other stored field of the response, the invites holding the same value in any of their fields
 * (a day that matches usedOn, a language that matches the person's). Returns the smallest set.
 */
async function fewestJoinable(): Promise<{ fewest: number; on: string; groups: number }> {
  const responses = await ResponseModel.collection.find({}).toArray();
  const invites = await InviteModel.collection.find({}).toArray();
  const inCycle = new Map<string, Stored[]>();
  for (const invite of invites) {
    const key = `${scalar(invite.cycleId)}|${scalar(invite.departmentId)}`;
    inCycle.set(key, [...(inCycle.get(key) ?? []), invite]);
  }
  const joinKeys = new Set(['_id', 'cycleId', 'surveyId', 'departmentId', 'answers']);
  let fewest = { fewest: Number.POSITIVE_INFINITY, on: '' };
  for (const response of responses) {
    const candidates =
      inCycle.get(`${scalar(response.cycleId)}|${scalar(response.departmentId)}`) ?? [];
    if (candidates.length < fewest.fewest) {
      fewest = { fewest: candidates.length, on: 'cycle and department' };
    }
    for (const [field, value] of Object.entries(response)) {
      const wanted = joinKeys.has(field) ? null : scalar(value);
      if (wanted === null) continue;
      const matching = candidates.filter((invite) =>
        Object.entries(invite).some(
          ([inviteField, inviteValue]) =>
            !joinKeys.has(inviteField) && scalar(inviteValue) === wanted,
        ),
      );
      if (matching.length > 0 && matching.length < fewest.fewest) {
        fewest = { fewest: matching.length, on: field };
      }
    }
  }
  return { ...fewest, groups: inCycle.size };
}

/** Every operation the embedded engine has journaled so far, in order. */
function journaledOperations(): Stored[] {
  const info = databaseInfo();
  if (info?.engine !== 'embedded') throw new Error('the journal is the embedded engine’s');
  const files = readdirSync(info.where)
    .filter((name) => /^journal-\d+\.log$/.test(name))
    .sort();
  return files.flatMap((name) =>
    readRecords(readFileSync(path.join(info.where, name))).records.flatMap((record) =>
      Array.isArray(record.ops) ? (record.ops as Stored[]) : [],
    ),
  );
}

describe('someone who reads the database', () => {
  it('cannot join any response of the demo, or of live answers, to fewer invites than the threshold', async () => {
    await seedDemo(createLogger('silent'));
    // And answers stored as the app stores them: five people in each of two departments.
    const { invites, providers } = await makeAnsweringCycle({ invites: 10, departments: 2 });
    for (const [index, invite] of invites.entries()) {
      await submitResponse(
        invite.token,
        validAnswers(providers, { comment: index % 2 ? 'Fine.' : undefined }),
      );
    }
    const threshold = Math.min(
      ...(await SurveyModel.find({}, { anonymityThreshold: 1 }).lean()).map(
        (survey) => survey.anonymityThreshold,
      ),
    );
    expect(await ResponseModel.countDocuments()).toBeGreaterThan(1000);
    const joinable = await fewestJoinable();
    // 24 demo cycles × 10 departments, and the live cycle's two.
    expect(joinable.groups).toBe(242);
    expect(joinable.fewest, `joined on ${joinable.on}`).toBeGreaterThanOrEqual(threshold);
  }, 120_000);

  it('finds nothing about the invite next to a response in the engine’s journal', async () => {
    const { invites, providers } = await makeAnsweringCycle({ invites: 3 });
    const invite = invites[1];
    if (!invite) throw new Error('no invite');
    const before = journaledOperations().length;
    // A lone response at a quiet hour: a batch of one.
    await submitResponse(invite.token, validAnswers(providers, { comment: 'Alone at night.' }));
    const written = journaledOperations().slice(before);
    const responseAt = written.findIndex(
      (op) => op.op === 'put' && op.coll === ResponseModel.collection.collectionName,
    );
    expect(responseAt).toBeGreaterThanOrEqual(0);
    // The invite collection is not written at all when someone answers...
    expect(written.filter((op) => op.coll === InviteModel.collection.collectionName)).toEqual([]);
    // ...and nothing written alongside names the invite or its person.
    const text = JSON.stringify(written);
    expect(text).not.toContain(String(invite._id));
    expect(text).not.toContain(String(invite.personId));
    expect(text).not.toContain(invite.tokenHash);
  });
});
