import { isValidObjectId } from 'mongoose';

import type { Action } from '../../models/action.server';
import { CycleModel } from '../../models/cycle.server';
import { hotspotMessage, hotspotReading, hotspotSourceProblem } from '../hotspots/hotspot-source';
import { messageText } from '../i18n';
import { isComment, measureOf as measureOfType } from '../question-types/registry';
import { message } from '../utils/message';
import { notFound, type StaffUser } from '../utils/permissions.server';
import type { CycleResults } from './cycle-results.server';
import { driverOf } from './cycle-tables.server';
import { departmentRef, type InsightContext, resolveInsights } from './filters.server';
import { questionWording } from './question-wording';
import { resultsOfView, trendOf } from './series.server';
import { every, questionMeasure } from './service-ratings';
import { changeBetween, type Estimate, type Totals, variance } from './statistics';
import { cellKey } from './suppression';
import type { Change, Figure, Trend } from './types';
import { empty, figureOf, type Reading, roundedChange } from './withholding';

// One result an action answers, read over the cycles of its survey: the follow-up of an action,
// the baseline it stores and the one the board shows. Every reading is one of the figures of the
// organisation's results of its cycle (overview and department figures, question splits, the
// drivers table, the internal-customer matrix), the same for every viewer, so no action page or
// board ever shows what an HR admin's insight pages withhold, nor a total they do not show.

/** What an action points at; the metric kinds of app/actions/action-rules.ts. */
export interface MetricSource {
  surveyId: string;
  cycleId: string;
  metric: 'score' | 'enps' | 'question' | 'driver' | 'service';
  questionId: string | null;
  driver: string | null;
  departmentId: string | null;
  providerDepartmentId: string | null;
}

/** The figure an action was raised from, as the metric reader takes it. */
export function metricSourceOf({ source }: Pick<Action, 'source'>): MetricSource {
  // An action raised from an idea follows no figure; callers tell them apart first.
  if (source.metric === 'idea') throw new Error('An action raised from an idea has no metric');
  return {
    surveyId: String(source.surveyId),
    cycleId: String(source.cycleId),
    metric: source.metric,
    questionId: source.questionId ?? null,
    driver: source.driver ?? null,
    departmentId: source.departmentId ? String(source.departmentId) : null,
    providerDepartmentId: source.providerDepartmentId ? String(source.providerDepartmentId) : null,
  };
}

/**
 * A shown figure with the running totals its change interval needs. `n` counts the answers
 * behind `sum` and `sumSquares` (several per person for a group of questions); `people` is the
 * figure's n as the pages show it. Sums are per answer (eNPS answers score +1/0/−1); `value` is
 * in the figure's unit (eNPS ×100).
 */
export interface MetricSums {
  value: number;
  n: number;
  people: number;
  sum: number;
  sumSquares: number | null;
}

export interface MetricView {
  /** What was heard, in English: the label an action keeps (see metricLabel). */
  label: string;
  trend: Trend;
  /** The newest cycle in the trend that has answers (withheld included), else empty. */
  latest: Figure;
  latestCycleId: string | null;
  /** The figure of the source's own cycle as the pages show it: the baseline. */
  baseline: Figure;
  /**
   * The source's figure with its sums, to store with a new action (never sent to a browser);
   * null when withheld or empty.
   */
  atSource: MetricSums | null;
  /** Whether the source's cycle withholds the figure (then no change may be shown). */
  sourceWithheld: boolean;
  /** Latest − baseline with its 95% interval, rounded; null unless both are shown and differ. */
  change: Change | null;
  /** eNPS is shown ×100; changes are computed per answer and scaled by this. */
  unit: number;
  latestSums: MetricSums | null;
}

/** Why a source cannot be measured: which part of it is wrong, in plain words. */
export interface SourceProblem {
  field: 'source' | 'cycle' | 'question' | 'driver' | 'department' | 'provider';
  message: string;
}

const openedCycle = {
  status: { $in: ['open' as const, 'closed' as const] },
  missed: { $ne: true },
};

/**
 * Checks that a source points at something measurable: an opened cycle of the survey, a scale or
 * NPS question of it, one of its drivers, departments that exist. Null when it does.
 */
export async function checkMetricSource(
  user: StaffUser,
  source: MetricSource,
): Promise<SourceProblem | null> {
  const cycle = await CycleModel.findOne(
    { _id: source.cycleId, surveyId: source.surveyId, ...openedCycle },
    { number: 1 },
  ).lean();
  if (!cycle) return { field: 'cycle', message: 'actions:errors.source.cycleNotOpened' };
  let context: InsightContext;
  try {
    context = await contextFor(user, source.surveyId, cycle.number, cycle.number);
  } catch {
    return { field: 'source', message: 'actions:errors.source.surveyMissing' };
  }
  // Results of a cycle exist only once it has closed and settled; an action keeps a baseline
  // from a figure every viewer can see.
  if (!context.settled.has(source.cycleId)) {
    return { field: 'cycle', message: 'actions:errors.source.cycleOpen' };
  }
  const known = (id: string | null) => id === null || context.departments.has(id);
  if (!known(source.departmentId))
    return { field: 'department', message: 'actions:errors.source.unknownDepartment' };
  if (!known(source.providerDepartmentId)) {
    return { field: 'provider', message: 'actions:errors.source.unknownProvider' };
  }
  const ownQuestions = context.questions.filter((question) => !question.internalService);
  switch (source.metric) {
    case 'score':
    case 'enps': {
      const measure = source.metric;
      if (!ownQuestions.some((question) => measureOfType(question.type) === measure)) {
        return {
          field: 'source',
          message:
            source.metric === 'score'
              ? 'actions:errors.source.noScore'
              : 'actions:errors.source.noEnps',
        };
      }
      if (source.providerDepartmentId) {
        return { field: 'provider', message: 'actions:errors.source.providerOnlyService' };
      }
      return null;
    }
    case 'question': {
      // Scale and NPS questions have a score to follow; a comment question (raised from a
      // comment) has none, and the action then follows nothing but its own timeline.
      const question = context.questions.find((item) => item.id === source.questionId);
      if (!question || (measureOfType(question.type) === null && !isComment(question.type))) {
        return {
          field: 'question',
          message: 'actions:errors.source.chooseQuestion',
        };
      }
      if (source.providerDepartmentId && !question.internalService) {
        return { field: 'provider', message: 'actions:errors.source.providerOnlyService' };
      }
      return null;
    }
    case 'driver': {
      const drivers = new Set(driverOf(context.questions).values());
      if (!source.driver || !drivers.has(source.driver)) {
        return { field: 'driver', message: 'actions:errors.source.noDriver' };
      }
      // A driver of one customer's ratings of one provider: a hotspot.
      if (source.providerDepartmentId) return hotspotSourceProblem(context.questions, source);
      return null;
    }
    case 'service':
      if (!source.departmentId && !source.providerDepartmentId) {
        return { field: 'provider', message: 'actions:errors.source.serviceNeedsDepartment' };
      }
      return null;
  }
}

/**
 * The metric over the cycles from a little before the source's cycle to the newest opened one.
 * Throws 404 when the survey or cycle is gone (check sources with `checkMetricSource` first).
 */
export async function loadMetric(user: StaffUser, source: MetricSource): Promise<MetricView> {
  if (!isValidObjectId(source.cycleId)) throw notFound('Cycle not found');
  const [cycle, newest] = await Promise.all([
    CycleModel.findOne({ _id: source.cycleId, surveyId: source.surveyId }, { number: 1 }).lean(),
    CycleModel.findOne({ surveyId: source.surveyId, ...openedCycle }, { number: 1 })
      .sort({ number: -1 })
      .lean(),
  ]);
  if (!cycle) throw notFound('Cycle not found');
  // Two cycles before the source show where the score came from.
  const from = Math.max(1, cycle.number - 2);
  const to = Math.max(cycle.number, newest?.number ?? cycle.number);
  const context = await contextFor(user, source.surveyId, from, to);
  const unit = measureOf(context, source) === 'enps' ? 100 : 1;
  const readings = await readingsOf(context, source);
  const label = metricLabel(context, source);
  // The trend's line is said in the reader's language where it is drawn (TrendChart).
  const trend = trendOf(context, [
    { key: 'metric', label: metricMessage(context, source), readings },
  ]);
  const sourceIndex = context.cycles.findIndex((item) => item.id === source.cycleId);
  const latestIndex = readings.findLastIndex((reading) => reading.state !== 'empty');
  const latestReading = readings[latestIndex] ?? empty;
  const sourceReading = readings[sourceIndex] ?? empty;
  const atSource = sumsOf(sourceReading);
  const latestSums = sumsOf(latestReading);
  const change =
    latestIndex > sourceIndex && sourceIndex >= 0
      ? followUpChange(latestSums, atSource, unit)
      : null;
  return {
    label,
    trend,
    latest: figureOf(latestReading),
    latestCycleId: context.cycles[latestIndex]?.id ?? null,
    baseline: figureOf(sourceReading),
    atSource,
    sourceWithheld: sourceReading.state === 'withheld',
    change: change && roundedChange(change, unit === 100 ? 'enps' : 'score'),
    unit,
    latestSums,
  };
}

function contextFor(user: StaffUser, surveyId: string, from: number, to: number) {
  const params = new URLSearchParams({ survey: surveyId, from: String(from), to: String(to) });
  return resolveInsights(user, params);
}

function measureOf(context: InsightContext, source: MetricSource): 'score' | 'enps' {
  if (source.metric === 'enps') return 'enps';
  if (source.metric !== 'question') return 'score';
  const question = context.questions.find((item) => item.id === source.questionId);
  return question && measureOfType(question.type) === 'enps' ? 'enps' : 'score';
}

/** One reading per cycle of the context, from the organisation's results of each cycle. */
async function readingsOf(context: InsightContext, source: MetricSource): Promise<Reading[]> {
  const results = await resultsOfView(context);
  return context.cycles.map((cycle) => readingOf(results.get(cycle.id), source));
}

/**
 * The figure a source points at in one cycle's results: the breakdown part or total, the
 * question's mean, the drivers table's cell or column total, the matrix's cell or line total.
 * Empty where the cycle has no results (it has not settled).
 */
export function readingOf(results: CycleResults | undefined, source: MetricSource): Reading {
  if (!results) return empty;
  const department = source.departmentId;
  const provider = source.providerDepartmentId;
  switch (source.metric) {
    case 'score':
    case 'enps': {
      const breakdown = source.metric === 'score' ? results.figures.score : results.figures.enps;
      if (!breakdown) return empty;
      return department ? (breakdown.parts.get(department) ?? empty) : breakdown.total;
    }
    case 'question': {
      // One rated department's ratings on the question: a box of the service ratings.
      if (provider) {
        return results.figures.ratings.reading(
          department ?? every,
          provider,
          questionMeasure(source.questionId ?? ''),
        );
      }
      const breakdown = results.question(source.questionId ?? '');
      if (!breakdown) return empty;
      return department ? (breakdown.parts.get(department) ?? empty) : breakdown.total;
    }
    case 'driver': {
      if (provider) return hotspotReading(results.hotspots(), source);
      const table = results.drivers();
      const driver = source.driver ?? '';
      const reading = department
        ? table.cells.get(cellKey(department, driver))
        : table.columnTotals.get(driver);
      return reading ?? empty;
    }
    case 'service': {
      const table = results.matrix();
      if (department && provider) return table.cells.get(cellKey(department, provider)) ?? empty;
      if (provider) return table.columnTotals.get(provider) ?? empty;
      return (department && table.rowTotals.get(department)) || empty;
    }
  }
}

/**
 * What was heard, in English: "Kitchen · I have the tools I need", "IT as rated by Kitchen". This
 * is the label an action keeps (Action.source.label), which boards and mails read as it was
 * stored, so it stays one plain English text whoever raised the action.
 */
export function metricLabel(context: InsightContext, source: MetricSource): string {
  return messageText(metricMessage(context, source), 'en');
}

/**
 * The same words as a message (see ~/utils/message), for a page to say in its reader's language.
 * Names (departments, custom drivers, question texts in the survey's own language) go in as
 * typed; built-in words and the frame around them are translated.
 */
function metricMessage(context: InsightContext, source: MetricSource): string {
  const name = (id: string | null) => (id ? departmentRef(context, id).name : null);
  const department = name(source.departmentId);
  const provider = name(source.providerDepartmentId);
  switch (source.metric) {
    case 'score':
      return department
        ? message('insights:metric.scoreIn', { department })
        : 'insights:metric.score';
    case 'enps':
      return department
        ? message('insights:metric.enpsIn', { department })
        : 'insights:metric.enps';
    case 'driver':
      if (!source.driver) {
        return department
          ? message('insights:metric.driverIn', { department })
          : 'insights:metric.driver';
      }
      if (provider && department) {
        return hotspotMessage({ provider, department, driver: source.driver });
      }
      return department
        ? message('insights:metric.withDepartment', { what: source.driver, department })
        : source.driver;
    case 'question': {
      const question = context.questions.find((item) => item.id === source.questionId);
      if (!question) {
        return department
          ? message('insights:metric.questionIn', { department })
          : 'insights:metric.question';
      }
      // A question's figure from one rated department reads with its name.
      const text = questionWording(question.template, provider ?? null);
      return department
        ? message('insights:metric.questionInDepartment', { department, text })
        : text;
    }
    case 'service':
      if (provider && department) {
        return message('insights:metric.providerByDepartment', { provider, department });
      }
      if (provider) return message('insights:metric.providerByCustomers', { provider });
      return department
        ? message('insights:metric.servicesByDepartment', { department })
        : 'insights:metric.servicesByEveryone';
  }
}

/** A shown reading's value with the sums behind it; null for withheld or empty ones. */
export function sumsOf(reading: Reading): MetricSums | null {
  if (reading.state !== 'shown' || !reading.estimate) return null;
  const { value, variance: spread, n } = reading.estimate;
  const sum = value * n;
  return {
    value: reading.value,
    n,
    people: reading.n,
    sum,
    // Back from the sample variance: Σx² = s²(n − 1) + (Σx)²/n.
    sumSquares: spread === null ? null : spread * (n - 1) + (sum * sum) / n,
  };
}

/** The mean and variance a stored baseline (or any sums) stand for. */
function estimateOfSums(sums: Pick<MetricSums, 'n' | 'sum' | 'sumSquares'>): Estimate {
  const totals: Totals = { count: sums.n, sum: sums.sum, sumSquares: sums.sumSquares ?? 0 };
  return {
    value: sums.sum / sums.n,
    variance: sums.sumSquares === null ? null : variance(totals),
    n: sums.n,
  };
}

/**
 * Latest − baseline with its 95% interval (Welch), in the figure's unit; null when either side is
 * missing or too small to judge, so nothing is shown for a withheld side.
 */
export function followUpChange(
  latest: Pick<MetricSums, 'n' | 'sum' | 'sumSquares'> | null,
  baseline: Pick<MetricSums, 'n' | 'sum' | 'sumSquares'> | null,
  unit: number,
): Change | null {
  if (!latest || !baseline || latest.n < 1 || baseline.n < 1) return null;
  return changeBetween(estimateOfSums(latest), estimateOfSums(baseline), unit);
}
