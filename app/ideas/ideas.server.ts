import { Types } from 'mongoose';

import { ActionModel } from '../../models/action.server';
import { DepartmentModel } from '../../models/department.server';
import { type Idea, IdeaModel } from '../../models/idea.server';
import type { ActionStatus, IdeaKind, IdeaStatus } from '../../models/vocabulary';
import { getSettings } from '../settings/organisation.server';
import { localDate } from '../surveys/local-time';
import { notFound, requireScope, type StaffUser } from '../utils/permissions.server';
import { errorsByField, type FieldErrors } from '../utils/submission';
import { releaseIdeas } from './batches.server';
import { type IdeaFilters, replyInput, statusInput } from './idea-forms';
import { weekEndDay } from './weeks';

// What leaders (of the department an idea was sent to, or above it) and HR admins read and do
// with ideas. Only released ideas exist for them: a held idea is not found, not counted and not
// hinted at, so nothing on these pages moves when an idea arrives (see batches.server.ts).

export interface IdeaRow {
  id: string;
  kind: IdeaKind;
  text: string;
  departmentName: string;
  /** The Sunday of the batch's week, YYYY-MM-DD: the only date an idea shows. */
  batchDay: string;
  status: IdeaStatus;
  replies: number;
  hasAction: boolean;
}

export interface IdeaList {
  rows: IdeaRow[];
  departments: { id: string; name: string }[];
  threshold: number;
}

/** The released ideas sent to departments in the user's scope, newest batch first. */
export async function listIdeas(
  user: StaffUser,
  filters: IdeaFilters,
  now = new Date(),
): Promise<IdeaList> {
  await releaseIdeas(now);
  if (filters.department) requireScope(user, filters.department);
  const scope = user.scope.map((id) => new Types.ObjectId(id));
  const [ideas, departments, settings] = await Promise.all([
    IdeaModel.find(
      {
        departmentId: filters.department ? new Types.ObjectId(filters.department) : { $in: scope },
        batch: { $ne: null },
        ...(filters.status ? { status: filters.status } : {}),
      },
      { receiptHash: 0 },
    )
      // Random ids: within a batch, an order that says nothing about arrival.
      .sort({ batch: -1, _id: 1 })
      .lean<Idea[]>(),
    DepartmentModel.find({ _id: { $in: scope } }, { name: 1 }).lean(),
    getSettings(),
  ]);
  const names = new Map(departments.map((department) => [String(department._id), department.name]));
  return {
    rows: ideas.map((idea) => ({
      id: idea._id,
      kind: idea.kind,
      text: idea.text,
      departmentName: names.get(String(idea.departmentId)) ?? '',
      batchDay: weekEndDay(idea.batch ?? ''),
      status: idea.status,
      replies: idea.replies.length,
      hasAction: idea.actionId !== null,
    })),
    departments: [...names]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    threshold: settings.anonymityThreshold,
  };
}

/** A released idea the user may read: 404 when there is none (or it is held), 403 outside scope. */
export async function requireIdea(user: StaffUser, id: string, now = new Date()): Promise<Idea> {
  await releaseIdeas(now);
  const idea = /^[a-f\d]{32}$/.test(id)
    ? await IdeaModel.findOne({ _id: id, batch: { $ne: null } }).lean<Idea>()
    : null;
  if (!idea) throw notFound('Idea not found');
  requireScope(user, idea.departmentId);
  return idea;
}

export interface IdeaPage {
  id: string;
  kind: IdeaKind;
  text: string;
  departmentId: string;
  departmentName: string;
  batchDay: string;
  status: IdeaStatus;
  reason: string | null;
  statusOn: string | null;
  replies: { text: string; authorName: string; day: string }[];
  action: { id: string; title: string; status: ActionStatus } | null;
}

export async function loadIdea(user: StaffUser, id: string, now = new Date()): Promise<IdeaPage> {
  const idea = await requireIdea(user, id, now);
  const [department, action] = await Promise.all([
    DepartmentModel.findById(idea.departmentId, { name: 1 }).lean(),
    idea.actionId ? ActionModel.findById(idea.actionId, { title: 1, status: 1 }).lean() : null,
  ]);
  return {
    id: idea._id,
    kind: idea.kind,
    text: idea.text,
    departmentId: String(idea.departmentId),
    departmentName: department?.name ?? '',
    batchDay: weekEndDay(idea.batch ?? ''),
    status: idea.status,
    reason: idea.reason,
    statusOn: idea.statusOn,
    replies: idea.replies.map(({ text, authorName, day }) => ({ text, authorName, day })),
    action: action ? { id: String(action._id), title: action.title, status: action.status } : null,
  };
}

export type IdeaChange = { ok: true } | { ok: false; errors: FieldErrors };

/** The organisation's day: replies and status changes are dated no finer than that. */
export async function organisationDay(now: Date): Promise<string> {
  return localDate(now, (await getSettings()).timeZone);
}

/** A leader's reply, which the sender reads with their receipt code. */
export async function replyToIdea(
  user: StaffUser,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<IdeaChange> {
  const idea = await requireIdea(user, id, now);
  const parsed = replyInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsByField(parsed.error) };
  await IdeaModel.updateOne(
    { _id: idea._id },
    {
      $push: {
        replies: {
          text: parsed.data.text,
          authorId: new Types.ObjectId(user.id),
          authorName: user.name,
          day: await organisationDay(now),
        },
      },
    },
  );
  return { ok: true };
}

/** Marks what came of an idea: planned, done or not doing (with a reason), or new again. */
export async function setIdeaStatus(
  user: StaffUser,
  id: string,
  input: unknown,
  now = new Date(),
): Promise<IdeaChange> {
  const idea = await requireIdea(user, id, now);
  const parsed = statusInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsByField(parsed.error) };
  const { status, reason } = parsed.data;
  await IdeaModel.updateOne(
    { _id: idea._id },
    {
      $set: {
        status,
        reason: status === 'not-doing' ? reason : null,
        statusOn: status === 'new' ? null : await organisationDay(now),
      },
    },
  );
  return { ok: true };
}
