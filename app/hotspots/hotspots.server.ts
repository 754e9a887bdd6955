import { driverOf } from '../insights/cycle-tables.server';
import { departmentRef, type InsightContext, resolveInsights } from '../insights/filters.server';
import { roundFor } from '../insights/rounding';
import { actionAccessOf, resultsOfView } from '../insights/series.server';
import type { Figure } from '../insights/types';
import { figureOf, type Reading } from '../insights/withholding';
import type { StaffUser } from '../utils/permissions.server';
import { charterTargets, targetKey } from './charter-targets.server';
import { hotspotKey, type HotspotTable } from './hotspot-table';
import { type Hotspot, hotspotLimit, type HotspotsView } from './hotspot-view';

// The hotspot page: of the latest closed cycle in range, every provider × customer department ×
// driver cell the viewer may see that falls below the company's level on that driver or the
// provider's charter target, ranked by impact — the people it touches times how far below it is.
// Every figure comes from the organisation's results of the cycle (the cube in hotspot-table.ts,
// the drivers table for the level), so a leader sees a subset of what HR sees, never a figure
// worked out for them.

/** The cells a viewer sees: HR admins all; leaders those of the departments they lead or serve. */
export function hotspotVisible(context: Pick<InsightContext, 'scope'>) {
  const { scope } = context;
  return (customer: string, provider: string) =>
    !scope || scope.has(customer) || scope.has(provider);
}

export async function loadHotspots(
  user: StaffUser,
  params: URLSearchParams,
): Promise<HotspotsView> {
  // Without a survey in the address, the page opens on the latest one rating services.
  const [context, targets] = await Promise.all([
    resolveInsights(user, params, { needs: 'matrix' }),
    charterTargets(),
  ]);
  const latest = context.cycles.at(-1) ?? null;
  const previous = context.cycles.at(-2) ?? null;
  const serviceDrivers = new Set([
    ...driverOf(context.questions.filter((question) => question.internalService)).values(),
  ]);
  const results = await resultsOfView(
    context,
    [latest, previous].flatMap((cycle) => (cycle ? [cycle.id] : [])),
  );
  const now = latest ? results.get(latest.id) : undefined;
  const before = previous ? results.get(previous.id)?.hotspots() : undefined;
  const hotspots = now
    ? rankedHotspots(context, now.hotspots(), before, now.drivers().columnTotals, targets)
    : [];
  return {
    filters: context.filters,
    surveys: context.surveys,
    cycles: context.cycles,
    pending: context.pending,
    threshold: context.threshold,
    latest,
    previous,
    hasServiceDrivers: serviceDrivers.size > 0,
    hotspots: hotspots.slice(0, hotspotLimit),
    count: hotspots.length,
    actions: actionAccessOf(context),
  };
}

/** Every visible shown cell below its reference, by impact (then gap, then names). */
function rankedHotspots(
  context: InsightContext,
  table: HotspotTable,
  before: HotspotTable | undefined,
  levels: ReadonlyMap<string, Reading>,
  targets: ReadonlyMap<string, number>,
): Hotspot[] {
  const visible = hotspotVisible(context);
  const levelOf = new Map<string, number | null>();
  const level = (driver: string) => {
    if (!levelOf.has(driver)) {
      const reading = levels.get(driver);
      levelOf.set(driver, reading ? shownValue(figureOf(reading)) : null);
    }
    return levelOf.get(driver) ?? null;
  };
  const found: Hotspot[] = [];
  for (const cell of table.cells.values()) {
    if (cell.reading.state !== 'shown' || !visible(cell.customer, cell.provider)) continue;
    const earlier = before?.cells.get(hotspotKey(cell.customer, cell.provider, cell.driver));
    const figure = figureOf(cell.reading, earlier?.reading);
    if (figure.state !== 'shown') continue;
    const companyLevel = level(cell.driver);
    const target = targets.get(targetKey(cell.provider, cell.driver)) ?? null;
    // Rounded values only: a gap (and impact) from the exact mean would give back its digits.
    const below = (reference: number | null) =>
      reference === null ? -Infinity : roundFor('score', reference - figure.value);
    const fromLevel = below(companyLevel);
    const fromTarget = below(target);
    const gap = Math.max(fromLevel, fromTarget);
    if (!(gap > 0)) continue;
    found.push({
      customer: departmentRef(context, cell.customer),
      provider: departmentRef(context, cell.provider),
      driver: cell.driver,
      value: figure.value,
      n: figure.n,
      change: figure.change ?? null,
      level: companyLevel,
      target,
      reference: fromTarget > fromLevel ? 'target' : 'level',
      gap,
      impact: roundFor('score', figure.n * gap),
    });
  }
  return found.sort(
    (a, b) =>
      b.impact - a.impact ||
      b.gap - a.gap ||
      a.provider.name.localeCompare(b.provider.name) ||
      a.customer.name.localeCompare(b.customer.name) ||
      a.driver.localeCompare(b.driver),
  );
}

const shownValue = (figure: Figure) => (figure.state === 'shown' ? figure.value : null);
