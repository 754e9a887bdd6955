import { isValidObjectId, Types } from 'mongoose';

import { RosterImportModel } from '../../models/roster-import.server';
import type { DepartmentKind, RosterImportStatus } from '../../models/vocabulary';
import type { FieldErrors } from '../utils/submission';
import { isDuplicateKey } from './departments.server';
import {
  type ApplyOptions,
  applyRosterImport,
  interruptedMessage,
  isStale,
  recoverInterruptedImports,
  undoImport,
} from './roster-apply.server';
import { decodeRoster, notUtf8, readRoster } from './roster-csv.server';
import { type PlannedRow, planRoster, type RowOutcome } from './roster-plan.server';
import type { PreviewQuery } from './schemas';

// A roster import from upload to confirmation: the draft that keeps the file, the preview of
// what it would do, and the claim that starts applying it (./roster-apply.server.ts).

export const maxUploadBytes = 5 * 1024 * 1024;
const draftLifetimeMs = 24 * 60 * 60 * 1000;
const previewPageSize = 100;

/**
 * Keeps an uploaded roster as a draft import, so the preview and the confirmation read it from
 * the database instead of asking for the file again. A file that cannot be read is refused.
 */
export async function createRosterImport(upload: {
  fileName: string;
  content: Uint8Array;
  createDepartments: boolean;
  createdBy: string | null;
}): Promise<{ ok: true; importId: string } | { ok: false; errors: FieldErrors }> {
  const csv = decodeRoster(upload.content);
  if (csv === undefined) return { ok: false, errors: { file: [notUtf8] } };
  const file = readRoster(csv);
  if (!file.ok) return { ok: false, errors: { file: [file.error] } };
  const draft = await RosterImportModel.create({
    fileName: upload.fileName.slice(0, 255) || 'roster.csv',
    csv,
    createDepartments: upload.createDepartments,
    createdBy: upload.createdBy,
    status: 'draft',
    expiresAt: new Date(Date.now() + draftLifetimeMs),
  });
  return { ok: true, importId: String(draft._id) };
}

export interface ImportView {
  id: string;
  fileName: string;
  status: RosterImportStatus;
  createDepartments: boolean;
  progress: { done: number; total: number };
  summary: {
    created: number;
    updated: number;
    unchanged: number;
    skipped: number;
    departmentsCreated: number;
  };
  error: string | null;
  /** Applying, but its heartbeat stopped: whoever applied it is gone, and it can be undone. */
  stalled: boolean;
  /** Present while the import is a draft: what confirming would do. */
  preview: ImportPreview | null;
}

export interface ImportPreview {
  counts: Record<RowOutcome, number>;
  departmentsToCreate: string[];
  /** Departments whose kind confirming sets: from null for a department it creates. */
  kindChanges: { name: string; from: DepartmentKind | null; to: DepartmentKind }[];
  /** false when, after confirming, no department is of the support kind (nobody is rated). */
  servesOthers: boolean;
  ignoredColumns: string[];
  /** One page of rows with the chosen outcome. */
  rows: PlannedRow[];
  outcome: PreviewQuery['outcome'];
  page: number;
  pageCount: number;
}

/** An import as its page shows it; null when there is no such import (or it expired). */
export async function getRosterImport(
  importId: string,
  query: PreviewQuery,
): Promise<ImportView | null> {
  if (!isValidObjectId(importId)) return null;
  // The file itself (up to 5 MB) is read only for a draft's preview, not on every progress poll.
  const found = await RosterImportModel.findById(importId).lean();
  if (!found) return null;
  let preview: ImportPreview | null = null;
  const csv =
    found.status === 'draft'
      ? (await RosterImportModel.findById(importId).select('csv').lean())?.csv
      : undefined;
  if (csv) {
    const file = readRoster(csv);
    const plan = file.ok
      ? await planRoster(file.rows, { createDepartments: found.createDepartments })
      : undefined;
    if (file.ok && plan) {
      const rows =
        query.outcome === 'all'
          ? plan.rows
          : plan.rows.filter((row) => row.outcome === query.outcome);
      const pageCount = Math.max(1, Math.ceil(rows.length / previewPageSize));
      const page = Math.min(query.page, pageCount);
      preview = {
        counts: plan.counts,
        departmentsToCreate: plan.departmentsToCreate.map(({ name }) => name),
        kindChanges: [
          ...plan.departmentsToCreate.map(({ name, kind }) => ({ name, from: null, to: kind })),
          ...plan.kindChanges.map(({ name, from, to }) => ({ name, from, to })),
        ],
        servesOthers: plan.servesOthers,
        ignoredColumns: file.ignoredColumns,
        rows: rows.slice((page - 1) * previewPageSize, page * previewPageSize),
        outcome: query.outcome,
        page,
        pageCount,
      };
    }
  }
  return {
    id: String(found._id),
    fileName: found.fileName,
    status: found.status,
    createDepartments: found.createDepartments,
    progress: { done: found.progress?.done ?? 0, total: found.progress?.total ?? 0 },
    summary: {
      created: found.summary?.created ?? 0,
      updated: found.summary?.updated ?? 0,
      unchanged: found.summary?.unchanged ?? 0,
      skipped: found.summary?.skipped ?? 0,
      departmentsCreated: found.summary?.departmentsCreated ?? 0,
    },
    error: found.error ?? null,
    stalled: found.status === 'applying' && isStale(found.heartbeatAt),
    preview,
  };
}

/** Changes a draft's choice to create the departments the file names but the roster lacks. */
export async function setCreateDepartments(importId: string, createDepartments: boolean) {
  if (!isValidObjectId(importId)) return false;
  const result = await RosterImportModel.updateOne(
    { _id: importId, status: 'draft' },
    { $set: { createDepartments } },
  );
  return result.matchedCount === 1;
}

export async function discardRosterImport(importId: string): Promise<void> {
  if (!isValidObjectId(importId)) return;
  await RosterImportModel.deleteOne({ _id: importId, status: 'draft' });
}

/**
 * Starts applying a draft. It is claimed first, so a double click or a second HR admin cannot
 * apply it twice, and only one import applies at a time. The work goes on after this returns;
 * `finished` settles when it is done or undone (it never rejects).
 */
export async function confirmRosterImport(
  importId: string,
  options: ApplyOptions = {},
): Promise<{ ok: true; finished: Promise<RosterImportStatus> } | { ok: false; error: string }> {
  if (!isValidObjectId(importId)) return { ok: false, error: 'people:import.errors.noSuchImport' };
  // An import whose applier vanished would hold the lock for ever: undo it first.
  await recoverInterruptedImports();
  try {
    const claimed = await RosterImportModel.findOneAndUpdate(
      { _id: importId, status: 'draft' },
      {
        $set: { status: 'applying', lock: 'applying', heartbeatAt: new Date() },
        $unset: { expiresAt: 1 },
      },
    );
    if (!claimed) return { ok: false, error: 'people:import.errors.alreadyDone' };
  } catch (error) {
    if (isDuplicateKey(error)) {
      return {
        ok: false,
        error: 'people:import.errors.anotherApplying',
      };
    }
    throw error;
  }
  return { ok: true, finished: applyRosterImport(new Types.ObjectId(importId), options) };
}

/** Undoes an import whose applier stopped (see ImportView.stalled); false if it is not stalled. */
export async function undoStalledImport(importId: string): Promise<boolean> {
  if (!isValidObjectId(importId)) return false;
  const found = await RosterImportModel.findById(importId).select('status heartbeatAt').lean();
  if (found?.status !== 'applying' || !isStale(found.heartbeatAt)) return false;
  await undoImport(found._id, interruptedMessage);
  return true;
}
