// How far every insight value is rounded. The server rounds each figure before it leaves (loader
// JSON, CSV, the board), so no response carries a mean precise enough to give back the sums
// behind it; tables and charts round the same way, so a page and its CSV agree to the digit.

/** What a figure's value means, which decides its rounding, its axis and its column heading. */
export type Measure = 'score' | 'enps' | 'percent';

const decimals: Record<Measure, number> = { score: 2, enps: 1, percent: 1 };

/** A value rounded as every table, chart label and CSV shows it (scores 2 decimals, else 1). */
export function roundFor(measure: Measure, value: number): number {
  const factor = 10 ** decimals[measure];
  const rounded = Math.round(value * factor) / factor;
  // −0 would print as "0" in one place and "-0" in another.
  return rounded === 0 ? 0 : rounded;
}
