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

/** A measure's name, as a message key (say it with useMessage). */
export const measureName: Record<Measure, string> = {
  score: 'insights:measure.score',
  enps: 'insights:measure.enps',
  percent: 'insights:measure.percent',
};

// Line and bar colours: each at least 4.5:1 against the white card, so a line is as readable as
// text, and ordered so neighbours differ in lightness as well as hue.
const seriesColours = [
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

/** Where a measure leans neither way: the middle of the 1–5 scale, an eNPS of 0, 50%. */
const neutralOf: Record<Measure, number> = { score: 3, enps: 0, percent: 50 };

// The heatmap's scale diverges from the neutral point, in steps that are narrow near it and wide
// far from it, because real scores crowd between 3 and 4.5: on a 1–5 scale the edges are
// 2, 2.5, 2.85, 3.15, 3.5 and 4, so a neutral 3.0 and a good 4.1 are four steps apart, and an
// even split of opinion is never coloured as praise or complaint. In quarters of the range.
const edgeOffsets = [-1, -0.5, -0.15, 0.15, 0.5, 1];

/** The values where the heatmap's colour steps change, lowest first. */
export function heatEdges(measure: Measure): number[] {
  const [low, high] = domainOf[measure];
  const quarter = (high - low) / 4;
  return edgeOffsets.map((offset) => neutralOf[measure] + offset * quarter);
}

/** Which of the heatmap's colour steps (1 = least favourable, 4 = neutral) a value falls in. */
export function heatStep(measure: Measure, value: number): number {
  return 1 + heatEdges(measure).filter((edge) => value >= edge).length;
}
