// Pieces several insight views share: which of the organisation's figures a viewer sees, trends
// over cycles, participation. Every figure comes from the cycle's results over the whole
// organisation (cycle-results.server.ts); a viewer sees a subset of them, and a total line is
// the organisation's total — the figure an HR admin sees — never one over the viewer's subset.

import type { CycleFigures } from './cycle-figures.server';
import { type CycleResults, cycleResults } from './cycle-results.server';
import { departmentRef, type InsightContext } from './filters.server';
import type {
  ActionAccess,
  Count,
  Participation,
  ParticipationRow,
  Trend,
  TrendMarker,
} from './types';
import { answeredCount, empty, figureOf, type Reading } from './withholding';

/** The answering departments the user sees: all for HR admins, else their scope. */
export function answeringVisible(context: InsightContext): (departmentId: string) => boolean {
  const { scope } = context;
  return scope ? (id) => scope.has(id) : () => true;
}

/** The results of the given cycles of the view (all of them by default), by cycle id. */
export function resultsOfView(
  context: InsightContext,
  cycleIds: readonly string[] = context.cycles.map((cycle) => cycle.id),
): Promise<Map<string, CycleResults>> {
  return cycleResults(context, cycleIds);
}

const noFigures = (): CycleFigures => ({
  respondents: new Map(),
  kiosk: new Map(),
  respondentsWithheld: new Set(),
  respondentsTotalShown: true,
  score: { parts: new Map(), total: empty, withheldKeys: new Set() },
  enps: null,
  withheld: new Set(),
  ratings: { customers: [], providers: [], reading: () => empty, withhold: () => false },
  matrix: { cells: new Map(), rowTotals: new Map(), columnTotals: new Map() },
  drivers: { cells: new Map(), rowTotals: new Map(), columnTotals: new Map() },
  questionParts: new Map(),
});

/** Each cycle's department figures, in the order of `context.cycles`. */
export function figuresPerCycle(
  context: InsightContext,
  results: ReadonlyMap<string, CycleResults>,
): CycleFigures[] {
  return context.cycles.map((cycle) => results.get(cycle.id)?.figures ?? noFigures());
}

export interface SeriesInput {
  key: string;
  /** A name, or a word said as a message key (allLabel), which the page says in its language. */
  label: string;
  /** One reading per cycle of the trend. */
  readings: Reading[];
}

/**
 * Lines over cycles; each point carries its change since the cycle before it. `markers` are the
 * completed actions about what the lines show (markers.server.ts).
 */
export function trendOf(
  context: Pick<InsightContext, 'cycles'>,
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

const withheldCount: Count = { state: 'withheld' };

function cell(invited: number, answered: Count) {
  if (answered.state !== 'shown') return { invited, answered, rate: withheldCount };
  const rate: Count =
    invited > 0
      ? { state: 'shown', value: Math.round((answered.value / invited) * 1000) / 10 }
      : withheldCount;
  return { invited, answered, rate };
}

/**
 * Invited and answered per cycle for the given departments, and the organisation's total.
 * Answered counts are invited respondents (never open-link ones) and follow the cycle's
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
      const cycleFigures = figures[index] ?? noFigures();
      return cell(
        invited.get(cycle.id)?.get(id) ?? 0,
        answeredCount(
          cycleFigures.respondents.get(id) ?? 0,
          !cycleFigures.respondentsWithheld.has(id),
          context.threshold,
        ),
      );
    }),
  }));
  const total = withTotal
    ? context.cycles.map((cycle, index) => {
        let invitedTotal = 0;
        for (const count of invited.get(cycle.id)?.values() ?? []) invitedTotal += count;
        const cycleFigures = figures[index] ?? noFigures();
        let answered = 0;
        for (const count of cycleFigures.respondents.values()) answered += count;
        return cell(
          invitedTotal,
          answeredCount(answered, cycleFigures.respondentsTotalShown, context.threshold),
        );
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
  for (const cycleFigures of figures) {
    for (const id of cycleFigures.respondents.keys()) if (visible(id)) ids.add(id);
  }
  for (const perDepartment of invited.values()) {
    for (const id of perDepartment.keys()) if (visible(id)) ids.add(id);
  }
  return [...ids].sort((a, b) =>
    departmentRef(context, a).name.localeCompare(departmentRef(context, b).name),
  );
}

/** The line of the whole organisation (or every department) in a trend: "All". */
export const allLabel = 'insights:series.all';
