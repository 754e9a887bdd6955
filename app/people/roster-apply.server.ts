import { Types } from 'mongoose';

import { DepartmentModel } from '../../models/department.server';
import { type Person, PersonModel } from '../../models/person.server';
import { RosterImportModel } from '../../models/roster-import.server';
import {
  type RosterImportChange,
  RosterImportChangeModel,
} from '../../models/roster-import-change.server';
import type { DepartmentKind, RosterImportStatus } from '../../models/vocabulary';
import { getEnv } from '../utils/env.server';
import { createLogger } from '../utils/log.server';
import { isDuplicateKey } from './departments.server';
import { columnList, type PlannedPerson, type WriteContext } from './roster-columns';
import { readRoster } from './roster-csv.server';
import { type PersonWrite, planRoster } from './roster-plan.server';

// Applying a confirmed roster import, and undoing it when it cannot finish. MongoDB
// transactions are not available on every engine Innerloop runs on, so the import compensates:
// before each batch is written it records what it is about to change (the people it creates on
// the import, the prior state of those it updates in RosterImportChange), and an undo replays
// that record backwards. Every step of the undo is safe to repeat.

const resultLifetimeMs = 30 * 24 * 60 * 60 * 1000;
/** An import whose heartbeat is older than this was interrupted (on an external MongoDB). */
export const staleAfterMs = 2 * 60 * 1000;

export interface ApplyOptions {
  /** People written per bulk write (and per progress step). */
  batchSize?: number;
  /** Runs before each batch; tests use it to fail or stall an import part-way. */
  beforeBatch?: (batch: number) => void | Promise<void>;
  onUndoFailed?: (error: unknown) => void;
}

/**
 * Applies an import already claimed ('applying'); on failure undoes it. Never rejects: resolves
 * with how it ended ('applying' only if even the undo failed; start-up retries that).
 */
export async function applyRosterImport(
  id: Types.ObjectId,
  options: ApplyOptions = {},
): Promise<RosterImportStatus> {
  try {
    await applyImport(id, options);
    return 'done';
  } catch (error) {
    try {
      await undoImport(id, failureMessage(error));
      return 'failed';
    } catch (undoError) {
      (options.onUndoFailed ?? logUndoFailure)(undoError);
      return 'applying';
    }
  }
}

async function applyImport(id: Types.ObjectId, options: ApplyOptions): Promise<void> {
  const batchSize = options.batchSize ?? 1000;
  const found = await RosterImportModel.findById(id).select('+csv').lean();
  const file = found?.csv ? readRoster(found.csv) : undefined;
  if (!found || !file?.ok) throw new Error('The uploaded file is no longer readable.');
  // Planned again now: the roster may have changed since the preview.
  const plan = await planRoster(file.rows, { createDepartments: found.createDepartments });
  await RosterImportModel.updateOne(
    { _id: id },
    { $set: { progress: { done: 0, total: plan.writes.length }, heartbeatAt: new Date() } },
  );

  const departmentIdByKey = await createDepartments(id, plan.departmentsToCreate);
  await changeDepartmentKinds(id, plan.kindChanges);
  for (let start = 0, batch = 0; start < plan.writes.length; start += batchSize, batch++) {
    await options.beforeBatch?.(batch);
    const writes = plan.writes.slice(start, start + batchSize);
    await applyBatch(id, writes, departmentIdByKey);
    await RosterImportModel.updateOne(
      { _id: id },
      { $set: { 'progress.done': start + writes.length, heartbeatAt: new Date() } },
    );
  }

  await RosterImportModel.updateOne(
    { _id: id },
    {
      $set: {
        status: 'done',
        finishedAt: new Date(),
        expiresAt: new Date(Date.now() + resultLifetimeMs),
        summary: {
          created: plan.counts.create,
          updated: plan.counts.update,
          unchanged: plan.counts.unchanged,
          skipped: plan.counts.error,
          departmentsCreated: plan.departmentsToCreate.length,
        },
      },
      $unset: { lock: 1, csv: 1, createdPersonIds: 1 },
    },
  );
  // Only once the import is marked done: until then, the record is what would undo it.
  await RosterImportChangeModel.deleteMany({ importId: id });
}

/** Creates the missing departments, recording their ids first; returns every department by key. */
async function createDepartments(
  importId: Types.ObjectId,
  toCreate: { name: string; nameKey: string; kind: DepartmentKind }[],
): Promise<Map<string, Types.ObjectId>> {
  const created = toCreate.map((department) => ({
    _id: new Types.ObjectId(),
    name: department.name,
    nameKey: department.nameKey,
    // The file's department_kind, or operational: a guess HR can correct on the Departments page.
    kind: department.kind,
    parentId: null,
  }));
  if (created.length > 0) {
    await RosterImportModel.updateOne(
      { _id: importId },
      { $set: { createdDepartmentIds: created.map(({ _id }) => _id) } },
    );
    await DepartmentModel.insertMany(created);
  }
  const all = await DepartmentModel.find().select('nameKey').lean();
  return new Map(all.map((department) => [department.nameKey, department._id]));
}

/** Records the kinds it is about to change, then changes them. */
async function changeDepartmentKinds(
  importId: Types.ObjectId,
  changes: { nameKey: string; to: DepartmentKind }[],
): Promise<void> {
  if (changes.length === 0) return;
  const before = await DepartmentModel.find({ nameKey: { $in: changes.map((c) => c.nameKey) } })
    .select('nameKey kind')
    .lean();
  await RosterImportModel.updateOne(
    { _id: importId },
    {
      $set: {
        departmentKindsBefore: before.map(({ _id, kind }) => ({ departmentId: _id, kind })),
      },
    },
  );
  await DepartmentModel.bulkWrite(
    changes.map(({ nameKey, to }) => ({
      updateOne: { filter: { nameKey }, update: { $set: { kind: to } } },
    })),
    { ordered: false },
  );
}

/** Records what the batch is about to change, then writes it in one bulk write. */
async function applyBatch(
  importId: Types.ObjectId,
  writes: PersonWrite[],
  departmentIdByKey: Map<string, Types.ObjectId>,
): Promise<void> {
  const context: WriteContext = {
    departmentId: (key) => {
      const id = departmentIdByKey.get(key);
      if (!id) throw new Error(`The department “${key}” disappeared during the import.`);
      return id;
    },
  };
  const fieldsOf = new Map(writes.map((write) => [write, personFields(write, context)]));

  // The undo record keeps, of each person updated, exactly the fields about to be written.
  const updatedIds = writes.flatMap((write) => (write.personId ? [write.personId] : []));
  if (updatedIds.length > 0) {
    const before = await PersonModel.find({ _id: { $in: updatedIds } }).lean();
    const beforeById = new Map(before.map((person) => [String(person._id), person]));
    await RosterImportChangeModel.insertMany(
      writes.flatMap((write) => {
        const person = write.personId && beforeById.get(String(write.personId));
        return person ? [undoRecord(importId, person, Object.keys(fieldsOf.get(write) ?? {}))] : [];
      }),
    );
  }
  // New people get their ids now, recorded before they exist, so an undo removes exactly them.
  const newIds = new Map(
    writes.filter((write) => !write.personId).map((write) => [write, new Types.ObjectId()]),
  );
  if (newIds.size > 0) {
    await RosterImportModel.updateOne(
      { _id: importId },
      { $push: { createdPersonIds: { $each: [...newIds.values()] } } },
    );
  }

  await PersonModel.bulkWrite(
    writes.map((write) => {
      const fields = fieldsOf.get(write);
      return write.personId
        ? { updateOne: { filter: { _id: write.personId }, update: { $set: fields } } }
        : { insertOne: { document: { _id: newIds.get(write), ...fields } } };
    }),
    { ordered: false },
  );
}

/** The person's fields as the plan has them, each column writing its own. */
function personFields(write: PersonWrite, context: WriteContext): Partial<Person> {
  const fields: Partial<Person> = {};
  for (const [key, { person: facet }] of columnList) {
    const planned = write.person[key as keyof PlannedPerson];
    if (facet && planned !== undefined) Object.assign(fields, facet.write(planned, context));
  }
  return fields;
}

/** The fields as they were; those the person did not have yet are to be removed again. */
function undoRecord(importId: Types.ObjectId, person: Person, fields: string[]) {
  const stored = person as Record<string, unknown>;
  return {
    importId,
    personId: person._id,
    before: Object.fromEntries(
      fields.filter((field) => stored[field] !== undefined).map((field) => [field, stored[field]]),
    ),
    absent: fields.filter((field) => stored[field] === undefined),
  };
}

/**
 * Puts every person the import touched back as they were, removes the people and departments
 * it created, and marks it failed.
 */
export async function undoImport(id: Types.ObjectId, reason: string): Promise<void> {
  let restores: Pick<RosterImportChange, 'personId' | 'before' | 'absent'>[] = [];
  const restore = async () => {
    if (restores.length === 0) return;
    await PersonModel.bulkWrite(
      restores.map(({ personId, before, absent }) => ({
        updateOne: {
          filter: { _id: personId },
          update: {
            $set: before,
            ...(absent.length > 0
              ? { $unset: Object.fromEntries(absent.map((field) => [field, 1])) }
              : {}),
          },
        },
      })),
      { ordered: false },
    );
    restores = [];
  };
  for await (const change of RosterImportChangeModel.find({ importId: id }).lean().cursor()) {
    // Records written before `absent` existed have none.
    restores.push({
      personId: change.personId,
      before: change.before,
      absent: change.absent ?? [],
    });
    if (restores.length >= 1000) await restore();
  }
  await restore();

  const found = await RosterImportModel.findById(id)
    .select('+createdPersonIds createdDepartmentIds departmentKindsBefore')
    .lean();
  if (found?.departmentKindsBefore.length) {
    await DepartmentModel.bulkWrite(
      found.departmentKindsBefore.map(({ departmentId, kind }) => ({
        updateOne: { filter: { _id: departmentId }, update: { $set: { kind } } },
      })),
      { ordered: false },
    );
  }
  const createdPeople = found?.createdPersonIds ?? [];
  for (let start = 0; start < createdPeople.length; start += 1000) {
    await PersonModel.deleteMany({ _id: { $in: createdPeople.slice(start, start + 1000) } });
  }
  // Departments last: until the people are restored, some may still belong to them.
  if (found?.createdDepartmentIds.length) {
    await DepartmentModel.deleteMany({ _id: { $in: found.createdDepartmentIds } });
  }
  await RosterImportModel.updateOne(
    { _id: id },
    {
      $set: {
        status: 'failed',
        error: reason,
        finishedAt: new Date(),
        expiresAt: new Date(Date.now() + resultLifetimeMs),
        'progress.done': 0,
      },
      $unset: { lock: 1, csv: 1, createdPersonIds: 1 },
    },
  );
  await RosterImportChangeModel.deleteMany({ importId: id });
}

// Kept on the import as message keys (see ~/utils/message): its page says them in the reader's language.
export const interruptedMessage = 'people:import.errors.interrupted';

/**
 * Undoes imports left 'applying' by a process that stopped. At start-up on a single-process
 * database every such import is orphaned (staleAfter 0); with several app instances sharing a
 * MongoDB, only those whose heartbeat stopped are.
 */
export async function recoverInterruptedImports({
  staleAfter = staleAfterMs,
}: { staleAfter?: number } = {}): Promise<number> {
  const stuck = await RosterImportModel.find({
    status: 'applying',
    heartbeatAt: { $lt: new Date(Date.now() - staleAfter) },
  })
    .select('_id')
    .lean();
  for (const { _id } of stuck) await undoImport(_id, interruptedMessage);
  return stuck.length;
}

export function isStale(heartbeatAt: Date | null | undefined): boolean {
  return !heartbeatAt || heartbeatAt.getTime() < Date.now() - staleAfterMs;
}

function failureMessage(error: unknown): string {
  return isDuplicateKey(error)
    ? 'people:import.errors.stoppedDuplicate'
    : 'people:import.errors.stopped';
}

function logUndoFailure(error: unknown): void {
  createLogger(getEnv().LOG_LEVEL).error(
    `A failed roster import could not be undone yet; it is retried at the next start-up: ${error instanceof Error ? error.message : String(error)}`,
  );
}
