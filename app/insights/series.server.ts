// Pieces several insight views share: who counts as visible, trends over cycles, participation.

import { type CycleFigures, cycleFigures, questionSets } from './cycle-figures.server';
import { departmentRef, type InsightContext } from './filters.server';
import { rowsByCycle } from './rollup-reads.server';
import type { RollupRow } from './tally';
import type {
  ActionAccess,
  Count,
  Participation,
  ParticipationRow,
  Trend,
  TrendMarker,
} from './types';
import { figureOf, type Reading } from './withholding';

/** The answering departments the user sees: all for HR admins, else their scope. */
export function answeringVisible(context: InsightContext): (departmentId: string) => boolean {
  const { scope } = context;
  return scope ? (id) => scope.has(id) : () => true;
}

/** Each cycle's department figures, in the order of `context.cycles`. */
export function figuresPerCycle(context: InsightContext, rows: readonly RollupRow[]) {
  const byCycle = rowsByCycle(rows);
  const questions = questionSets(context.questions);
  const visible = answeringVisible(context);
  return context.cycles.map((cycle) =>
    cycleFigures(byCycle.get(cycle.id) ?? [], questions, context.threshold, visible),
  );
}

export interface SeriesInput {
  key: string;
  label: string;
  /** One reading per cycle of the trend. */
  readings: Reading[];
}

/**
 * Lines over cycles; each point carries its change since the cycle before it. `markers` are the
 * completed actions about what the lines show (markers.server.ts).
 */
export function trendOf(
  context: InsightContext,
  series: readonly SeriesInput[],
  markers: TrendMarker[] = [],
): Trend {
  return {
    cycles: context.cycles,
    series: series.map(({ key, label, readings }) => ({
      key,
      label,
      points: readings.map((reading, index) => figureOf(reading, readings[index - 1])),
    })),
    markers,
  };
}

/**
 * Where the user may raise actions from a view: the latest cycle in range is the baseline's
 * cycle; HR admins anywhere, leaders within their scope (app/insights/action-links.ts decides per
 * figure).
 */
export function actionAccessOf(context: InsightContext): ActionAccess | null {
  const latest = context.cycles.at(-1);
  if (!latest || !context.filters.surveyId) return null;
  return {
    surveyId: context.filters.surveyId,
    cycleId: latest.id,
    scope: context.scope ? [...context.scope] : null,
  };
}

const shownCount = (value: number): Count => ({ state: 'shown', value });
const withheldCount: Count = { state: 'withheld' };

function cell(invited: number, answered: number, shown: boolean) {
  if (!shown) return { invited, answered: withheldCount, rate: withheldCount };
  const rate =
    invited > 0 ? shownCount(Math.round((answered / invited) * 1000) / 10) : withheldCount;
  return { invited, answered: shownCount(answered), rate };
}

/**
 * Invited and answered per cycle for the given departments. Answered counts follow the cycle's
 * respondents' breakdown (threshold and complement); invited counts are not about answers and
 * are shown. A rate is withheld with its answered count.
 */
export function participationOf(
  context: InsightContext,
  figures: readonly CycleFigures[],
  invited: ReadonlyMap<string, ReadonlyMap<string, number>>,
  departmentIds: readonly string[],
  withTotal: boolean,
): Participation {
  const rows: ParticipationRow[] = departmentIds.map((id) => ({
    department: departmentRef(context, id),
    cells: context.cycles.map((cycle, index) => {
      const cycleFigures = figures[index];
      return cell(
        invited.get(cycle.id)?.get(id) ?? 0,
        cycleFigures?.respondents.get(id) ?? 0,
        !cycleFigures?.respondentsWithheld.has(id),
      );
    }),
  }));
  const visible = answeringVisible(context);
  const total = withTotal
    ? context.cycles.map((cycle, index) => {
        const cycleFigures = figures[index];
        let invitedTotal = 0;
        for (const [id, count] of invited.get(cycle.id) ?? []) {
          if (visible(id)) invitedTotal += count;
        }
        let answered = 0;
        for (const count of cycleFigures?.respondents.values() ?? []) answered += count;
        return cell(invitedTotal, answered, cycleFigures?.respondentsTotalShown ?? true);
      })
    : [];
  return { cycles: context.cycles, rows, total };
}

/** Visible departments that answered or were invited in range, by name. */
export function departmentsSeen(
  context: InsightContext,
  figures: readonly CycleFigures[],
  invited: ReadonlyMap<string, ReadonlyMap<string, number>>,
): string[] {
  const visible = answeringVisible(context);
  const ids = new Set<string>();
  for (const cycleFigures of figures) for (const id of cycleFigures.respondents.keys()) ids.add(id);
  for (const perDepartment of invited.values()) {
    for (const id of perDepartment.keys()) if (visible(id)) ids.add(id);
  }
  return [...ids].sort((a, b) =>
    departmentRef(context, a).name.localeCompare(departmentRef(context, b).name),
  );
}
