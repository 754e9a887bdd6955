// Insight shapes for the chart tests, built the way the loaders build them: a group below the
// threshold becomes withheld and keeps nothing of what was measured, so a test can look for the
// measured number and know it must not be anywhere on screen.
import type { CycleRef, Figure, Split } from '~/insights/types';

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
