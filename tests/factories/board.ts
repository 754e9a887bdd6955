import { Types } from 'mongoose';

import { ActionModel } from '../../models/action.server';
import type { ActionStatus, LanguageCode, MetricKind } from '../../models/vocabulary';
import { makeDepartment } from './organisation';
import { makeSurvey } from './survey';

let counter = 0;

/** A survey for actions to point at (its threshold decides whether baselines may be shown). */
export async function makeBoardSurvey(anonymityThreshold = 5) {
  counter += 1;
  const audience = await makeDepartment(`Surveyed ${counter}`);
  return makeSurvey({ anonymityThreshold, audienceIds: [audience._id] });
}

interface TimelineNote {
  at: Date;
  kind?: 'created' | 'status' | 'update' | 'edited' | 'owner' | 'published' | 'unpublished';
  note?: string | null;
  byName?: string;
  byId?: Types.ObjectId;
}

/**
 * An action as the staff side stores it, published unless said otherwise. Pass what the test
 * is about; the rest takes plain defaults.
 */
export async function makeBoardAction(options: {
  surveyId: Types.ObjectId;
  /** The source's cycle; a cycle that does not exist (so no baseline) unless said. */
  cycleId?: Types.ObjectId;
  driver?: string | null;
  questionId?: string | null;
  title?: string;
  description?: string;
  departmentId?: Types.ObjectId | null;
  providerDepartmentId?: Types.ObjectId | null;
  metric?: MetricKind;
  label?: string;
  baseline?: { value: number; n: number; people?: number | null } | null;
  status?: ActionStatus;
  published?: boolean;
  dueOn?: string;
  completedAt?: Date | null;
  timeline?: TimelineNote[];
  /** The language of whoever raised it; English unless said. */
  language?: LanguageCode | null;
}) {
  counter += 1;
  const ownerId = new Types.ObjectId();
  const action = new ActionModel({
    title: options.title ?? `Action ${counter}`,
    description: options.description ?? '',
    language: options.language === undefined ? 'en' : options.language,
    source: {
      surveyId: options.surveyId,
      cycleId: options.cycleId ?? new Types.ObjectId(),
      metric: options.metric ?? 'driver',
      driver: options.driver === undefined ? 'Tools' : options.driver,
      questionId: options.questionId ?? null,
      departmentId: options.departmentId ?? null,
      providerDepartmentId: options.providerDepartmentId ?? null,
      label: options.label ?? 'Whole company · Tools',
    },
    baseline:
      options.baseline === undefined
        ? { value: 3.2, n: 12, people: 12, sum: 38.4, sumSquares: 130 }
        : options.baseline && { ...options.baseline, sum: null, sumSquares: null },
    ownerId,
    dueOn: options.dueOn ?? '2026-06-30',
    status: options.status ?? 'open',
    published: options.published ?? true,
    completedAt: options.completedAt ?? null,
    timeline: (options.timeline ?? []).map((entry) => ({
      at: entry.at,
      byId: entry.byId ?? ownerId,
      byName: entry.byName ?? 'Lea Der',
      kind: entry.kind ?? 'update',
      note: entry.note ?? null,
    })),
    createdById: ownerId,
  });
  return action.save();
}
