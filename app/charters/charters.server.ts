import { randomBytes } from 'node:crypto';

import { isValidObjectId, Types } from 'mongoose';

import { CharterModel, type CharterStandard } from '../../models/charter.server';
import { DepartmentModel } from '../../models/department.server';
import { SurveyModel } from '../../models/survey.server';
import { languageCodes } from '../../models/vocabulary';
import { forbidden, notFound, type StaffUser } from '../utils/permissions.server';
import { errorsByField, type FieldErrors } from '../utils/submission';
import { charterInput, maxStandards, parseMeasure } from './charter-form';
import { measureOptions, targetRange } from './measures.server';

// Service charters: one per provider department, edited by HR admins and the leaders of that
// department (or of a department above it), readable by every staff member. Standards keep their
// key across edits, so readings and the actions raised from a standard keep pointing at it.

export interface CharterDepartment {
  id: string;
  name: string;
}

export interface CharterSummary {
  department: CharterDepartment;
  standards: number;
  published: boolean;
  canEdit: boolean;
}

/** Whether the user may change this department's charter (403 through `requireCharterEditor`). */
export function canEditCharter(user: StaffUser, departmentId: string): boolean {
  return user.hrAdmin || user.scope.includes(departmentId);
}

export function requireCharterEditor(user: StaffUser, departmentId: string): void {
  if (!canEditCharter(user, departmentId)) throw forbidden();
}

/**
 * The departments that serve others: support departments, those a survey rates in its
 * internal-service questions, and any that already has a charter; by name.
 */
export async function listCharters(user: StaffUser): Promise<CharterSummary[]> {
  const [rated, charters] = await Promise.all([
    SurveyModel.distinct('providerDepartmentIds', { status: { $ne: 'draft' } }),
    CharterModel.find({}, { departmentId: 1, standards: 1, published: 1 }).lean(),
  ]);
  const departments = await DepartmentModel.find(
    {
      archivedAt: null,
      $or: [
        { kind: 'support' },
        { _id: { $in: [...rated, ...charters.map((charter) => charter.departmentId)] } },
      ],
    },
    { name: 1 },
  )
    .sort({ name: 1 })
    .lean();
  const byDepartment = new Map(charters.map((charter) => [String(charter.departmentId), charter]));
  return departments.map((department) => {
    const id = String(department._id);
    const charter = byDepartment.get(id);
    return {
      department: { id, name: department.name },
      standards: charter?.standards.length ?? 0,
      published: charter?.published ?? false,
      canEdit: canEditCharter(user, id),
    };
  });
}

/** A provider department by id: 404 for a malformed or unknown one. */
export async function charterDepartment(departmentId: string): Promise<CharterDepartment> {
  if (!isValidObjectId(departmentId)) throw notFound('Department not found');
  const department = await DepartmentModel.findById(departmentId, { name: 1 }).lean();
  if (!department) throw notFound('Department not found');
  return { id: String(department._id), name: department.name };
}

/** The stored charter of a department, or an empty unpublished one. */
export async function readCharter(
  departmentId: string,
): Promise<{ standards: CharterStandard[]; published: boolean }> {
  const charter = await CharterModel.findOne(
    { departmentId: new Types.ObjectId(departmentId) },
    { standards: 1, published: 1 },
  ).lean();
  return { standards: [...(charter?.standards ?? [])], published: charter?.published ?? false };
}

export type SaveResult = { ok: true } | { ok: false; errors: FieldErrors };

/**
 * Stores a department's standards after checking every one: some text, a measure the surveys
 * know, a target on that measure's scale. Nothing is stored when any check fails; the messages
 * name the field (`standards.1.target`). A standard keeps its key; a new one gets a fresh key,
 * and a key the charter never had (typed into the form) counts as new.
 */
export async function saveCharter(
  user: StaffUser,
  departmentId: string,
  input: unknown,
): Promise<SaveResult> {
  requireCharterEditor(user, departmentId);
  const department = await charterDepartment(departmentId);
  const parsed = charterInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsByField(parsed.error, { nested: true }) };
  const kept = parsed.data.standards.filter((standard) => !standard.remove);
  const errors: FieldErrors = {};
  if (kept.length > maxStandards) errors.form = ['charters:errors.tooMany'];
  const options = new Map(
    (await measureOptions(department, user.language)).map((option) => [option.value, option]),
  );
  const before = await readCharter(departmentId);
  const knownKeys = new Set(before.standards.map((standard) => standard.key));
  // A removed standard's key stays its own: actions raised from it must not point at another.
  const usedKeys = new Set(
    parsed.data.standards.filter((standard) => standard.remove).map((standard) => standard.key),
  );
  const standards = parsed.data.standards.flatMap((standard, index) => {
    if (standard.remove) return [];
    const at = (field: string) => `standards.${index}.${field}`;
    const text = Object.fromEntries(
      languageCodes.flatMap((code) => {
        const value = standard.text[code]?.trim();
        return value ? [[code, value]] : [];
      }),
    );
    if (Object.keys(text).length === 0) errors[at('text')] = ['charters:errors.textRequired'];
    const option = options.get(standard.measure);
    const measure = parseMeasure(standard.measure);
    if (!option || !measure) {
      errors[at('measure')] = ['charters:errors.unknownMeasure'];
    } else {
      const range = targetRange[option.scale];
      if (standard.target < range.min || standard.target > range.max) {
        errors[at('target')] = [
          option.scale === 'enps'
            ? 'charters:errors.targetEnpsRange'
            : 'charters:errors.targetScoreRange',
        ];
      }
    }
    const key =
      knownKeys.has(standard.key) && !usedKeys.has(standard.key) ? standard.key : newKey();
    usedKeys.add(key);
    return [
      {
        key,
        text,
        measure:
          measure?.kind === 'question'
            ? {
                driver: null,
                surveyId: new Types.ObjectId(measure.surveyId),
                questionId: measure.questionId,
              }
            : { driver: measure?.driver ?? null, surveyId: null, questionId: null },
        target: standard.target,
      },
    ];
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await CharterModel.updateOne(
    { departmentId: new Types.ObjectId(departmentId) },
    {
      $set: {
        standards,
        updatedById: new Types.ObjectId(user.id),
        // A charter left with no standards has nothing to show employees.
        ...(standards.length === 0 ? { published: false } : {}),
      },
    },
    { upsert: true },
  );
  return { ok: true };
}

/** Publishes or takes back a charter; one without standards cannot be published. */
export async function setCharterPublished(
  user: StaffUser,
  departmentId: string,
  published: boolean,
): Promise<SaveResult> {
  requireCharterEditor(user, departmentId);
  await charterDepartment(departmentId);
  const charter = await readCharter(departmentId);
  if (published && charter.standards.length === 0) {
    return { ok: false, errors: { form: ['charters:errors.nothingToPublish'] } };
  }
  await CharterModel.updateOne(
    { departmentId: new Types.ObjectId(departmentId) },
    { $set: { published, updatedById: new Types.ObjectId(user.id) } },
  );
  return { ok: true };
}

/** A standard's key: short, stable, and saying nothing about when or by whom it was written. */
function newKey(): string {
  return `s-${randomBytes(5).toString('hex')}`;
}
