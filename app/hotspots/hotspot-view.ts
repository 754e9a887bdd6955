import type {
  ActionAccess,
  Change,
  CycleRef,
  DepartmentRef,
  InsightRangeView,
} from '../insights/types';

// What the hotspot page shows: the places where internal service breaks down, as the browser
// receives them. Only shown cells of the organisation's cube (hotspot-table.ts) become rows, each
// rounded as every insight page rounds; a withheld or small group never becomes a row at all.

/** What a cell is measured against: the company's level on the driver, or the charter's target. */
export type HotspotReference = 'level' | 'target';

export interface Hotspot {
  customer: DepartmentRef;
  provider: DepartmentRef;
  driver: string;
  /** Mean on 1–5, rounded to 2 decimals. */
  value: number;
  /** People behind the value: the fewest it can be, as every figure's n. */
  n: number;
  /** Since the previous closed cycle of the survey, where both cycles show the cell. */
  change: Change | null;
  /** The company-wide figure on this driver that cycle, where it is shown. */
  level: number | null;
  /** The provider's published charter target on this driver, if it has one. */
  target: number | null;
  /** Which of the two the gap is measured from: the one the cell falls furthest below. */
  reference: HotspotReference;
  /** How far below the reference, on 1–5 (rounded values, so it gives nothing more away). */
  gap: number;
  /** People touched × gap: what the page ranks by. */
  impact: number;
}

export interface HotspotsView extends InsightRangeView {
  /** The closed cycle the change is measured from. */
  previous: CycleRef | null;
  /** Whether the survey rates services on drivers at all. */
  hasServiceDrivers: boolean;
  /** The first hotspots by impact. */
  hotspots: Hotspot[];
  /** How many cells the viewer may see fall below their reference (at most `hotspots` shown). */
  count: number;
  actions: ActionAccess | null;
}

/** How many hotspots a page lists: the worst places, not a second matrix. */
export const hotspotLimit = 25;
