// The numbers of every insight chart as rows and columns. The table views and the CSV exports both
// read these functions, so a leader who switches to the table or downloads the file sees exactly
// the numbers the chart drew, rounded once, with the same words for withheld and empty groups.
import Papa from 'papaparse';

import { messageText } from '../i18n';
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

/**
 * The words of a table. The table views pass the page's language; the CSV exports keep the
 * English words (tools read their columns), which is what every function gives without words.
 */
export interface TableWords {
  /** A word as a message key of the insights namespace, or a plain text (a name) as it is. */
  say: (text: string) => string;
  /** A cycle's opening day (YYYY-MM-DD). */
  day: (isoDay: string) => string;
  /** A driver's name (built-in drivers have words in every language). */
  driver: (name: string) => string;
}

const englishTableWords: TableWords = {
  say: (text) => messageText(text, 'en'),
  day: (isoDay) => isoDay,
  driver: (name) => name,
};

/** A withheld figure, a group without answers, a cell outside the viewer's departments (see insights.json `table`). */
const WITHHELD_WORD = 'insights:table.withheld';
const NO_ANSWERS_WORD = 'insights:table.noAnswers';
const NOT_IN_SCOPE_WORD = 'insights:table.outsideScope';

/** A heatmap entry, or "no answers" where the grid has none (null stays: outside the scope). */
export const orEmpty = (figure: HeatFigure | undefined): HeatFigure =>
  figure === undefined ? { state: 'empty' } : figure;

const valueHeading: Record<Measure, string> = {
  score: 'insights:table.score',
  enps: 'insights:table.enps',
  percent: 'insights:table.percent',
};

export const formatValue = (measure: Measure, value: number) => String(roundFor(measure, value));

const changeColumns = (words: TableWords) =>
  [
    'insights:table.change',
    'insights:table.low',
    'insights:table.high',
    'insights:table.significant',
  ].map(words.say);

function changeCells(
  measure: Measure,
  change: Change | null | undefined,
  words: TableWords,
): Cell[] {
  if (!change) return ['', '', '', ''];
  return [
    roundFor(measure, change.delta),
    roundFor(measure, change.low),
    roundFor(measure, change.high),
    words.say(change.significant ? 'insights:table.yes' : 'insights:table.no'),
  ];
}

/** Value and n of a figure; a withheld figure has no n, so nothing of it can be worked back. */
function figureCells(measure: Measure, figure: HeatFigure, words: TableWords): Cell[] {
  if (figure === null) return [words.say(NOT_IN_SCOPE_WORD), ''];
  if (figure.state === 'withheld') return [words.say(WITHHELD_WORD), ''];
  if (figure.state === 'empty') return [words.say(NO_ANSWERS_WORD), ''];
  return [roundFor(measure, figure.value), figure.n];
}

function figureWithChangeCells(measure: Measure, figure: Figure, words: TableWords): Cell[] {
  const change = figure.state === 'shown' ? figure.change : null;
  return [...figureCells(measure, figure, words), ...changeCells(measure, change, words)];
}

// Change columns appear only when the loader measured a change for at least one group, so a
// table without any comparison does not carry four empty columns.
const carriesChange = (figures: Figure[]) =>
  figures.some((figure) => figure.state === 'shown' && figure.change !== undefined);

/** The headline: the latest cycle's score and eNPS, each with its n and change. */
export function tableOfScore(
  score: Figure,
  enps: Figure | null,
  words: TableWords = englishTableWords,
): Table {
  const rows: Cell[][] = [
    [words.say('insights:table.score'), ...figureWithChangeCells('score', score, words)],
  ];
  if (enps) {
    rows.push([words.say('insights:table.enps'), ...figureWithChangeCells('enps', enps, words)]);
  }
  return {
    columns: [
      words.say('insights:table.measure'),
      words.say('insights:table.value'),
      'n',
      ...changeColumns(words),
    ],
    rows,
  };
}

/**
 * Satisfaction by department. The same bars serve other groups (a department's internal customers,
 * its drivers), which name their first column.
 */
export function tableOfDepartmentBars(
  bars: DepartmentBar[],
  measure: Measure = 'score',
  groupHeading = 'insights:table.department',
  words: TableWords = englishTableWords,
): Table {
  const withChange = carriesChange(bars.map((bar) => bar.figure));
  return {
    columns: [
      words.say(groupHeading),
      words.say(valueHeading[measure]),
      'n',
      ...(withChange ? changeColumns(words) : []),
    ],
    rows: bars.map((bar) => [
      bar.department.name,
      ...(withChange
        ? figureWithChangeCells(measure, bar.figure, words)
        : figureCells(measure, bar.figure, words)),
    ]),
  };
}

/** One row per cycle; each series gets its value column and its n column. */
export function tableOfTrend(
  trend: Trend,
  measure: Measure = 'score',
  words: TableWords = englishTableWords,
): Table {
  const withMarkers = trend.markers.length > 0;
  // Series labels are names (departments) or words said as message keys ("All", "Score").
  const labels = trend.series.map((series) => words.say(series.label));
  const columns = [
    words.say('insights:table.cycle'),
    words.say('insights:table.opened'),
    ...labels.flatMap((label) => [label, `${label} n`]),
    ...(withMarkers ? [words.say('insights:table.actionsCompleted')] : []),
  ];
  const rows = trend.cycles.map((cycle, index) => {
    const cells: Cell[] = [cycle.number, words.day(cycle.opensOn)];
    for (const series of trend.series) {
      const point = series.points[index];
      cells.push(...(point ? figureCells(measure, point, words) : ['', '']));
    }
    if (withMarkers) {
      const labels = trend.markers.filter((marker) => marker.cycleId === cycle.id);
      cells.push(labels.map((marker) => words.say(marker.label)).join('; '));
    }
    return cells;
  });
  return { columns, rows };
}

function splitCells(split: Split, words: TableWords): Cell[] {
  if (split.state === 'withheld') {
    const word = words.say(WITHHELD_WORD);
    return [word, word, word, ''];
  }
  if (split.state === 'empty') {
    const word = words.say(NO_ANSWERS_WORD);
    return [word, word, word, ''];
  }
  return [
    roundFor('percent', split.favourable),
    roundFor('percent', split.neutral),
    roundFor('percent', split.unfavourable),
    split.n,
  ];
}

/** The favourable / neutral / unfavourable split per question. */
export function tableOfQuestionSplits(
  questions: QuestionSplit[],
  words: TableWords = englishTableWords,
): Table {
  return {
    columns: [
      ...[
        'insights:table.question',
        'insights:table.driver',
        'insights:table.favourablePercent',
        'insights:table.neutralPercent',
        'insights:table.unfavourablePercent',
      ].map(words.say),
      'n',
    ],
    rows: questions.map((question) => [
      question.text,
      question.driver ? words.driver(question.driver) : '',
      ...splitCells(question.split, words),
    ]),
  };
}

/** One row per department and cycle, then the whole survey per cycle. */
export function tableOfParticipation(
  participation: Participation,
  words: TableWords = englishTableWords,
): Table {
  const { cycles } = participation;
  const withheldWord = words.say(WITHHELD_WORD);
  const lines = [
    ...participation.rows.map((row) => ({ name: row.department.name, cells: row.cells })),
    { name: words.say('insights:table.allDepartments'), cells: participation.total },
  ];
  return {
    columns: [
      'insights:table.department',
      'insights:table.cycle',
      'insights:table.opened',
      'insights:table.invited',
      'insights:table.answered',
      'insights:table.responseRate',
    ].map(words.say),
    rows: lines.flatMap((line) =>
      cycles.map((cycle, index) => {
        const cell = line.cells[index];
        const opened = words.day(cycle.opensOn);
        if (!cell) return [line.name, cycle.number, opened, '', '', ''];
        return [
          line.name,
          cycle.number,
          opened,
          cell.invited,
          cell.answered.state === 'shown' ? cell.answered.value : withheldWord,
          cell.rate.state === 'shown' ? roundFor('percent', cell.rate.value) : withheldWord,
        ];
      }),
    ),
  };
}

const OVERALL_WORD = 'insights:table.overall';

/** The heatmap grid as it is drawn: a value and n column per column, totals last. */
export function tableOfHeatmap(
  heatmap: Heatmap,
  options: { measure?: Measure; rowHeading?: string } = {},
  words: TableWords = englishTableWords,
): Table {
  const { measure = 'score', rowHeading = 'insights:table.department' } = options;
  const overall = words.say(OVERALL_WORD);
  const columns = [
    words.say(rowHeading),
    ...[...heatmap.columns.map((column) => column.name), overall].flatMap((name) => [
      name,
      `${name} n`,
    ]),
  ];
  const rows = heatmap.rows.map((row, rowIndex) => [
    row.name,
    ...heatmap.columns.flatMap((_, columnIndex) =>
      figureCells(measure, orEmpty(heatmap.cells[rowIndex]?.[columnIndex]), words),
    ),
    ...figureCells(measure, orEmpty(heatmap.rowTotals[rowIndex]), words),
  ]);
  // The table has no grand total, so the bottom-right pair stays blank.
  rows.push([
    overall,
    ...heatmap.columns.flatMap((_, columnIndex) =>
      figureCells(measure, orEmpty(heatmap.columnTotals[columnIndex]), words),
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
