import { type Action } from '../../models/action.server';
import { PersonModel } from '../../models/person.server';
import type { ActionStatus, TimelineKind } from '../../models/vocabulary';
import { loadMetric, metricSourceOf } from '../insights/metric.server';
import type { Change, Figure, Trend } from '../insights/types';
import type { StaffUser } from '../utils/permissions.server';
import { type OwnerChoice, ownerChoices, requireAction, todayFor } from './action-access.server';
import { isOverdue } from './action-list.server';
import { allowedTransitions, unknownPerson } from './action-rules';

/** Whether the result moved since the action was raised, read as the insight pages would. */
/** One change on an action's timeline, as its page shows it. */
export interface TimelineItem {
  at: string;
  byName: string;
  kind: TimelineKind;
  from: string | null;
  to: string | null;
  note: string | null;
}

export interface FollowUp {
  trend: Trend;
  baseline: Figure;
  latest: Figure;
  /** The cycle of `latest`, by number; null when no cycle has answers. */
  latestCycleNumber: number | null;
  /** Latest − baseline with its 95% interval; null when either side is withheld or missing. */
  change: Change | null;
  unit: 'score' | 'enps';
}

export interface ActionPage {
  action: {
    id: string;
    title: string;
    description: string;
    label: string;
    status: ActionStatus;
    ownerId: string;
    ownerName: string;
    dueOn: string;
    overdue: boolean;
    published: boolean;
    completedAt: string | null;
    /** Why it will not be done; set while the status is won't do. */
    wontDoReason: string | null;
    createdAt: string;
  };
  moves: ActionStatus[];
  owners: OwnerChoice[];
  today: string;
  timeline: TimelineItem[];
  /** Empty (no cycles) for an action raised from an idea, which follows no figure. */
  followUp: FollowUp;
  /** The idea it was raised from, if it was. */
  ideaId: string | null;
}

/** An action's page for a user who may see it (404 / 403 otherwise), with its follow-up. */
export async function loadActionPage(user: StaffUser, id: string): Promise<ActionPage> {
  const action = await requireAction(user, id);
  const [owner, owners, today, followUp] = await Promise.all([
    PersonModel.findById(action.ownerId, { name: 1 }).lean(),
    ownerChoices(action.source),
    todayFor(action.source.surveyId),
    loadFollowUp(user, action),
  ]);
  const ownerId = String(action.ownerId);
  return {
    action: {
      id: String(action._id),
      title: action.title,
      description: action.description ?? '',
      label: action.source.label,
      status: action.status,
      ownerId,
      ownerName: owner?.name ?? unknownPerson,
      dueOn: action.dueOn,
      overdue: isOverdue(action, today),
      published: action.published,
      completedAt: action.completedAt?.toISOString() ?? null,
      wontDoReason: action.status === 'wont-do' ? (action.wontDoReason ?? null) : null,
      createdAt: action.timeline[0]?.at.toISOString() ?? '',
    },
    moves: [...allowedTransitions[action.status]],
    // The current owner stays choosable even if they could no longer be picked anew.
    owners: owners.some((choice) => choice.id === ownerId)
      ? owners
      : [{ id: ownerId, name: owner?.name ?? unknownPerson }, ...owners],
    today,
    timeline: action.timeline
      .map((item) => ({
        at: item.at.toISOString(),
        byName: item.byName,
        kind: item.kind,
        from: item.from ?? null,
        to: item.to ?? null,
        note: item.note ?? null,
      }))
      .reverse(),
    followUp,
    ideaId: action.source.ideaId ?? null,
  };
}

/** The follow-up of an action raised from an idea: no figure to follow, so nothing. */
const noFollowUp: FollowUp = {
  trend: { cycles: [], series: [], markers: [] },
  baseline: { state: 'empty' },
  latest: { state: 'empty' },
  latestCycleNumber: null,
  change: null,
  unit: 'score',
};

/**
 * The metric's trend with the baseline drawn from the source's cycle on, the latest figure and
 * the change between them. The baseline is read again from the organisation's results of the
 * source's cycle — never the stored one, which older versions took from the raising user's own
 * view — so it is always one of the figures the insight pages show, or withheld with them. No
 * sums leave the server: values and the change come rounded.
 */
export async function loadFollowUp(user: StaffUser, action: Action): Promise<FollowUp> {
  if (action.source.metric === 'idea') return noFollowUp;
  const source = metricSourceOf(action);
  const metric = await loadMetric(user, source);
  const baseline: Figure =
    metric.baseline.state === 'shown'
      ? { state: 'shown', n: metric.baseline.n, value: metric.baseline.value }
      : metric.baseline;
  const sourceIndex = metric.trend.cycles.findIndex((cycle) => cycle.id === source.cycleId);
  // Labels are message keys: the follow-up panel says them in the reader's language.
  const markers = [{ cycleId: source.cycleId, label: 'actions:followUp.raised' }];
  if (action.completedCycleId) {
    markers.push({ cycleId: String(action.completedCycleId), label: 'actions:followUp.done' });
  }
  const trend: Trend = {
    ...metric.trend,
    series: [
      ...metric.trend.series,
      ...(baseline.state === 'shown'
        ? [
            {
              key: 'baseline',
              label: 'actions:followUp.baselineSeries',
              points: metric.trend.cycles.map((_, index): Figure =>
                index >= sourceIndex ? baseline : { state: 'empty' },
              ),
            },
          ]
        : []),
    ],
    markers,
  };
  return {
    trend,
    baseline,
    latest: metric.latest,
    latestCycleNumber:
      metric.trend.cycles.find((cycle) => cycle.id === metric.latestCycleId)?.number ?? null,
    change: metric.change,
    unit: metric.unit === 100 ? 'enps' : 'score',
  };
}
