// The numbers of every insight chart as rows and columns. The table views and the CSV exports both
// read these functions, so a leader who switches to the table or downloads the file sees exactly
// the numbers the chart drew, rounded once, with the same words for withheld and empty groups.
import Papa from 'papaparse';

import { type Measure, roundFor } from './rounding';
import type {
  Change,
  DepartmentBar,
  Figure,
  HeatFigure,
  Heatmap,
  Participation,
  QuestionSplit,
  Split,
  Trend,
} from './types';

export type Cell = string | number;

export interface Table {
  columns: string[];
  rows: Cell[][];
}

export { type Measure, roundFor };

export const WITHHELD = 'withheld';
export const NO_ANSWERS = 'no answers';
/** A heatmap cell or total outside the viewer's departments (see `HeatFigure`). */
export const NOT_IN_SCOPE = 'outside your scope';

/** A heatmap entry, or "no answers" where the grid has none (null stays: outside the scope). */
export const orEmpty = (figure: HeatFigure | undefined): HeatFigure =>
  figure === undefined ? { state: 'empty' } : figure;

const valueHeading: Record<Measure, string> = {
  score: 'Score',
  enps: 'eNPS',
  percent: 'Percent',
};

export const formatValue = (measure: Measure, value: number) => String(roundFor(measure, value));

const changeColumns = ['Change', '95% low', '95% high', 'Significant'];

function changeCells(measure: Measure, change: Change | null | undefined): Cell[] {
  if (!change) return ['', '', '', ''];
  return [
    roundFor(measure, change.delta),
    roundFor(measure, change.low),
    roundFor(measure, change.high),
    change.significant ? 'yes' : 'no',
  ];
}

/** Value and n of a figure; a withheld figure has no n, so nothing of it can be worked back. */
function figureCells(measure: Measure, figure: HeatFigure): Cell[] {
  if (figure === null) return [NOT_IN_SCOPE, ''];
  if (figure.state === 'withheld') return [WITHHELD, ''];
  if (figure.state === 'empty') return [NO_ANSWERS, ''];
  return [roundFor(measure, figure.value), figure.n];
}

function figureWithChangeCells(measure: Measure, figure: Figure): Cell[] {
  const change = figure.state === 'shown' ? figure.change : null;
  return [...figureCells(measure, figure), ...changeCells(measure, change)];
}

// Change columns appear only when the loader measured a change for at least one group, so a
// table without any comparison does not carry four empty columns.
const carriesChange = (figures: Figure[]) =>
  figures.some((figure) => figure.state === 'shown' && figure.change !== undefined);

/** The headline: the latest cycle's score and eNPS, each with its n and change. */
export function tableOfScore(score: Figure, enps: Figure | null): Table {
  const rows: Cell[][] = [['Score', ...figureWithChangeCells('score', score)]];
  if (enps) rows.push(['eNPS', ...figureWithChangeCells('enps', enps)]);
  return { columns: ['Measure', 'Value', 'n', ...changeColumns], rows };
}

/**
 * Satisfaction by department. The same bars serve other groups (a department's internal customers,
 * its drivers), which name their first column.
 */
export function tableOfDepartmentBars(
  bars: DepartmentBar[],
  measure: Measure = 'score',
  groupHeading = 'Department',
): Table {
  const withChange = carriesChange(bars.map((bar) => bar.figure));
  return {
    columns: [groupHeading, valueHeading[measure], 'n', ...(withChange ? changeColumns : [])],
    rows: bars.map((bar) => [
      bar.department.name,
      ...(withChange
        ? figureWithChangeCells(measure, bar.figure)
        : figureCells(measure, bar.figure)),
    ]),
  };
}

/** One row per cycle; each series gets its value column and its n column. */
export function tableOfTrend(trend: Trend, measure: Measure = 'score'): Table {
  const withMarkers = trend.markers.length > 0;
  const columns = [
    'Cycle',
    'Opened',
    ...trend.series.flatMap((series) => [series.label, `${series.label} n`]),
    ...(withMarkers ? ['Actions completed'] : []),
  ];
  const rows = trend.cycles.map((cycle, index) => {
    const cells: Cell[] = [cycle.number, cycle.opensOn];
    for (const series of trend.series) {
      const point = series.points[index];
      cells.push(...(point ? figureCells(measure, point) : ['', '']));
    }
    if (withMarkers) {
      const labels = trend.markers.filter((marker) => marker.cycleId === cycle.id);
      cells.push(labels.map((marker) => marker.label).join('; '));
    }
    return cells;
  });
  return { columns, rows };
}

function splitCells(split: Split): Cell[] {
  if (split.state === 'withheld') return [WITHHELD, WITHHELD, WITHHELD, ''];
  if (split.state === 'empty') return [NO_ANSWERS, NO_ANSWERS, NO_ANSWERS, ''];
  return [
    roundFor('percent', split.favourable),
    roundFor('percent', split.neutral),
    roundFor('percent', split.unfavourable),
    split.n,
  ];
}

/** The favourable / neutral / unfavourable split per question. */
export function tableOfQuestionSplits(questions: QuestionSplit[]): Table {
  return {
    columns: ['Question', 'Driver', 'Favourable %', 'Neutral %', 'Unfavourable %', 'n'],
    rows: questions.map((question) => [
      question.text,
      question.driver ?? '',
      ...splitCells(question.split),
    ]),
  };
}

/** One row per department and cycle, then the whole survey per cycle. */
export function tableOfParticipation(participation: Participation): Table {
  const { cycles } = participation;
  const lines = [
    ...participation.rows.map((row) => ({ name: row.department.name, cells: row.cells })),
    { name: 'All departments', cells: participation.total },
  ];
  return {
    columns: ['Department', 'Cycle', 'Opened', 'Invited', 'Answered', 'Response rate %'],
    rows: lines.flatMap((line) =>
      cycles.map((cycle, index) => {
        const cell = line.cells[index];
        if (!cell) return [line.name, cycle.number, cycle.opensOn, '', '', ''];
        return [
          line.name,
          cycle.number,
          cycle.opensOn,
          cell.invited,
          cell.answered.state === 'shown' ? cell.answered.value : WITHHELD,
          cell.rate.state === 'shown' ? roundFor('percent', cell.rate.value) : WITHHELD,
        ];
      }),
    ),
  };
}

export const OVERALL = 'Overall';

/** The heatmap grid as it is drawn: a value and n column per column, totals last. */
export function tableOfHeatmap(
  heatmap: Heatmap,
  options: { measure?: Measure; rowHeading?: string } = {},
): Table {
  const { measure = 'score', rowHeading = 'Department' } = options;
  const columns = [
    rowHeading,
    ...[...heatmap.columns.map((column) => column.name), OVERALL].flatMap((name) => [
      name,
      `${name} n`,
    ]),
  ];
  const rows = heatmap.rows.map((row, rowIndex) => [
    row.name,
    ...heatmap.columns.flatMap((_, columnIndex) =>
      figureCells(measure, orEmpty(heatmap.cells[rowIndex]?.[columnIndex])),
    ),
    ...figureCells(measure, orEmpty(heatmap.rowTotals[rowIndex])),
  ]);
  // The table has no grand total, so the bottom-right pair stays blank.
  rows.push([
    OVERALL,
    ...heatmap.columns.flatMap((_, columnIndex) =>
      figureCells(measure, orEmpty(heatmap.columnTotals[columnIndex])),
    ),
    '',
    '',
  ]);
  return { columns, rows };
}

// Spreadsheet programs run a cell that starts with one of these as a formula (a department named
// "=HYPERLINK(…)" would become a link). A plain negative number, such as a fall in score, is left
// alone; numbers are never escaped by papaparse in the first place.
const formulaStart = /^(?!-\d+(?:\.\d+)?$)[=+\-@\t\r]/;

/** The table as CSV: UTF-8 with a byte-order mark, so spreadsheet programs read names right. */
export function toCsv(table: Table): string {
  const csv = Papa.unparse(
    { fields: table.columns, data: table.rows },
    { escapeFormulae: formulaStart },
  );
  return `\uFEFF${csv}\r\n`;
}
