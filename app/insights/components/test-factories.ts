// Insight shapes for the chart tests, built the way the loaders build them: a group below the
// threshold becomes withheld and keeps nothing of what was measured, so a test can look for the
// measured number and know it must not be anywhere on screen.
import type { CycleRef, Figure, Heatmap, Split } from '~/insights/types';

export const THRESHOLD = 5;

/** What the loader would return for a group with this mean (or eNPS) and this many answers. */
export function figure(value: number, n: number): Figure {
  if (n === 0) return { state: 'empty' };
  if (n < THRESHOLD) return { state: 'withheld' };
  return { state: 'shown', value, n };
}

export function split(favourable: number, neutral: number, n: number): Split {
  if (n === 0) return { state: 'empty' };
  if (n < THRESHOLD) return { state: 'withheld' };
  return { state: 'shown', n, favourable, neutral, unfavourable: 100 - favourable - neutral };
}

export function cycles(count: number): CycleRef[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `cycle-${index + 1}`,
    number: index + 1,
    opensOn: `2025-${String(index + 1).padStart(2, '0')}-06`,
  }));
}

/** Everything a person can read in the container: its text and the texts of tooltips and labels. */
export function everythingReadable(container: Element): string {
  const attributes = ['title', 'aria-label', 'aria-description', 'aria-valuetext', 'alt'];
  const parts = [container.textContent ?? ''];
  for (const element of container.querySelectorAll('*')) {
    for (const name of attributes) {
      const value = element.getAttribute(name);
      if (value) parts.push(value);
    }
  }
  return parts.join('\n');
}

/** The text of every cell of a table, row by row, headers included. */
export function rowsOf(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''),
  );
}

/**
 * The internal-customer matrix: the kitchen and the service floor rate IT and facilities. Only
 * three cooks rated facilities, so that cell is withheld, and with it (complementary suppression)
 * the facilities total, which would give it away by subtraction.
 */
export const kitchenMatrix: Heatmap = {
  rows: [
    { id: 'kitchen', name: 'Kitchen' },
    { id: 'service', name: 'Service floor' },
  ],
  columns: [
    { id: 'it', name: 'IT' },
    { id: 'facilities', name: 'Facilities' },
  ],
  cells: [
    [figure(4.62, 11), figure(1.43, 3)],
    [figure(3.18, 27), figure(0, 0)],
  ],
  rowTotals: [figure(4.04, 14), figure(3.18, 27)],
  columnTotals: [figure(3.6, 38), { state: 'withheld' }],
};
