// Axes and colours the insight charts share, so a score looks the same in every chart.
import type { Measure } from '~/insights/tables';

export const domainOf: Record<Measure, [number, number]> = {
  score: [1, 5],
  enps: [-100, 100],
  percent: [0, 100],
};

export const ticksOf: Record<Measure, number[]> = {
  score: [1, 2, 3, 4, 5],
  enps: [-100, -50, 0, 50, 100],
  percent: [0, 25, 50, 75, 100],
};

export const measureName: Record<Measure, string> = {
  score: 'Score (1–5)',
  enps: 'eNPS',
  percent: 'Percent',
};

// Line and bar colours: each at least 4.5:1 against the white card, so a line is as readable as
// text, and ordered so neighbours differ in lightness as well as hue.
export const seriesColours = [
  '#1f3f9a',
  '#c2410c',
  '#15803d',
  '#7e22ce',
  '#0369a1',
  '#be185d',
  '#854d0e',
  '#475569',
  '#0f766e',
  '#b91c1c',
];

export const colourOfSeries = (index: number) => seriesColours[index % seriesColours.length];

// Blue / grey / orange rather than green / red, so the split reads with red-green colour
// blindness; white labels inside the segments keep 4.5:1 on each.
export const splitColours = {
  favourable: '#1f3f9a',
  neutral: '#6b7280',
  unfavourable: '#c2410c',
};

export const HEAT_STEPS = 5;

/** Which of the heatmap's five colour steps (1 = lowest) a value falls in. */
export function heatStep(measure: Measure, value: number): number {
  const [low, high] = domainOf[measure];
  const share = (value - low) / (high - low);
  return Math.min(HEAT_STEPS, Math.max(1, Math.floor(share * HEAT_STEPS) + 1));
}
