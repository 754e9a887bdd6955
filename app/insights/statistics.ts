// The arithmetic behind every score: means, eNPS, splits and whether a change is real. Pure, so
// the numbers can be checked by hand. Inputs are the running totals rollups keep (count, sum,
// sum of squares, histogram), never single answers.

import type { QuestionType } from '../../models/vocabulary';
import { questionTypeOf } from '../question-types/registry';
import type { Change } from './types';

/** Running totals of some numeric answers, as rollups keep them. */
export interface Totals {
  count: number;
  sum: number;
  sumSquares: number;
}

export const emptyTotals = (): Totals => ({ count: 0, sum: 0, sumSquares: 0 });

export function addTotals(into: Totals, more: Totals): Totals {
  into.count += more.count;
  into.sum += more.sum;
  into.sumSquares += more.sumSquares;
  return into;
}

export function mean(totals: Totals): number | null {
  return totals.count > 0 ? totals.sum / totals.count : null;
}

/** Sample variance (n − 1), or null below two answers. Never negative despite rounding. */
export function variance(totals: Totals): number | null {
  const { count, sum, sumSquares } = totals;
  if (count < 2) return null;
  return Math.max(0, (sumSquares - (sum * sum) / count) / (count - 1));
}

/** A mean with what its change interval needs. */
export interface Estimate {
  value: number;
  variance: number | null;
  n: number;
}

export function estimateOf(totals: Totals): Estimate | null {
  const value = mean(totals);
  return value === null ? null : { value, variance: variance(totals), n: totals.count };
}

/**
 * The change from `before` to `after` with its 95% interval (Welch: the two groups' variances are
 * not assumed equal). Null when either side is missing or has fewer than two answers, because
 * then there is no interval to judge the change by. `scale` turns per-answer units into the
 * figure's (100 for eNPS, whose answers score +1/0/−1).
 */
export function changeBetween(
  after: Estimate | null,
  before: Estimate | null,
  scale = 1,
): Change | null {
  if (!after || !before || after.variance === null || before.variance === null) return null;
  if (after.n < 2 || before.n < 2) return null;
  const delta = (after.value - before.value) * scale;
  const margin = 1.96 * Math.sqrt(after.variance / after.n + before.variance / before.n) * scale;
  const low = delta - margin;
  const high = delta + margin;
  return { delta, low, high, significant: low > 0 || high < 0 };
}

export type Histogram = Record<string, number>;

export function addHistogram(into: Histogram, more: Histogram | undefined): Histogram {
  for (const [value, count] of Object.entries(more ?? {})) into[value] = (into[value] ?? 0) + count;
  return into;
}

/**
 * eNPS as a per-answer mean: promoters (9–10) score +1, passives 0, detractors (0–6) −1, so the
 * mean times 100 is the usual "% promoters − % detractors" and the variance follows from it.
 */
export function npsTotals(histogram: Histogram): Totals {
  const totals = emptyTotals();
  for (const [answer, count] of Object.entries(histogram)) {
    const score = Number(answer);
    if (!Number.isFinite(score) || count <= 0) continue;
    const point = score >= 9 ? 1 : score <= 6 ? -1 : 0;
    totals.count += count;
    totals.sum += point * count;
    totals.sumSquares += point * point * count;
  }
  return totals;
}

/** eNPS (−100…100) of an NPS histogram, or null when it holds no answers. */
export function enps(histogram: Histogram): number | null {
  const value = mean(npsTotals(histogram));
  return value === null ? null : value * 100;
}

export interface SplitShares {
  n: number;
  favourable: number;
  neutral: number;
  unfavourable: number;
}

/**
 * Favourable / neutral / unfavourable in percent, as the type splits its numbers (scale 4–5 / 3 /
 * 1–2, NPS 9–10 / 7–8 / 0–6); null for a type without a split.
 */
export function splitOf(histogram: Histogram, type: QuestionType): SplitShares | null {
  const bounds = questionTypeOf(type).insights.split;
  if (!bounds) return null;
  const { good, middle } = bounds;
  let favourable = 0;
  let neutral = 0;
  let unfavourable = 0;
  for (const [answer, count] of Object.entries(histogram)) {
    const score = Number(answer);
    if (!Number.isFinite(score) || count <= 0) continue;
    if (score >= good) favourable += count;
    else if (score >= middle) neutral += count;
    else unfavourable += count;
  }
  const n = favourable + neutral + unfavourable;
  if (n === 0) return null;
  const percent = (part: number) => (part / n) * 100;
  return {
    n,
    favourable: percent(favourable),
    neutral: percent(neutral),
    unfavourable: percent(unfavourable),
  };
}
