import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

import {
  roundFor,
  tableOfDepartmentBars,
  tableOfHeatmap,
  tableOfParticipation,
  tableOfQuestionSplits,
  tableOfScore,
  tableOfTrend,
  toCsv,
} from './tables';
import type { CycleRef, Figure } from './types';

const shown = (value: number, n: number): Figure => ({ state: 'shown', value, n });
const withheld: Figure = { state: 'withheld' };
const empty: Figure = { state: 'empty' };

const cycles: CycleRef[] = [
  { id: 'c1', number: 1, opensOn: '2025-01-06' },
  { id: 'c2', number: 2, opensOn: '2025-02-03' },
];

const it_ = { id: 'it', name: 'IT' };
const kitchen = { id: 'kitchen', name: 'Kitchen' };
const hr = { id: 'hr', name: 'HR' };

describe('roundFor', () => {
  it('rounds scores to 2 decimals and eNPS and percentages to 1, never to −0', () => {
    expect(roundFor('score', 4.126)).toBe(4.13);
    expect(roundFor('enps', 23.45)).toBe(23.5);
    expect(roundFor('percent', 66.666)).toBe(66.7);
    expect(Object.is(roundFor('score', -0.001), 0)).toBe(true);
  });
});

describe('tableOfScore', () => {
  it('gives score and eNPS with n and the change with its interval', () => {
    const score: Figure = {
      state: 'shown',
      value: 4.1234,
      n: 143,
      change: { delta: 0.2049, low: 0.051, high: 0.3587, significant: true },
    };
    const enps: Figure = {
      state: 'shown',
      value: 21.26,
      n: 140,
      change: { delta: -4.04, low: -12.96, high: 4.88, significant: false },
    };
    expect(tableOfScore(score, enps)).toEqual({
      columns: ['Measure', 'Value', 'n', 'Change', '95% low', '95% high', 'Significant'],
      rows: [
        ['Score', 4.12, 143, 0.2, 0.05, 0.36, 'yes'],
        ['eNPS', 21.3, 140, -4, -13, 4.9, 'no'],
      ],
    });
  });

  it('leaves out eNPS when the survey asks none and shows a withheld score without any number', () => {
    expect(tableOfScore(withheld, null).rows).toEqual([['Score', 'withheld', '', '', '', '', '']]);
    expect(tableOfScore(empty, withheld).rows).toEqual([
      ['Score', 'no answers', '', '', '', '', ''],
      ['eNPS', 'withheld', '', '', '', '', ''],
    ]);
  });
});

describe('tableOfDepartmentBars', () => {
  it('pairs each score with its n and words withheld and empty groups', () => {
    const table = tableOfDepartmentBars([
      { department: it_, figure: shown(3.876, 12) },
      { department: kitchen, figure: withheld },
      { department: hr, figure: empty },
    ]);
    expect(table).toEqual({
      columns: ['Department', 'Score', 'n'],
      rows: [
        ['IT', 3.88, 12],
        ['Kitchen', 'withheld', ''],
        ['HR', 'no answers', ''],
      ],
    });
  });

  it('adds the change columns when the loader measured a change', () => {
    const table = tableOfDepartmentBars(
      [
        {
          department: it_,
          figure: {
            state: 'shown',
            value: 41.04,
            n: 30,
            change: { delta: 12.55, low: 2.01, high: 23.09, significant: true },
          },
        },
        { department: hr, figure: { state: 'shown', value: -5, n: 8, change: null } },
        { department: kitchen, figure: withheld },
      ],
      'enps',
    );
    expect(table).toEqual({
      columns: ['Department', 'eNPS', 'n', 'Change', '95% low', '95% high', 'Significant'],
      rows: [
        ['IT', 41, 30, 12.6, 2, 23.1, 'yes'],
        ['HR', -5, 8, '', '', '', ''],
        ['Kitchen', 'withheld', '', '', '', '', ''],
      ],
    });
  });
});

describe('tableOfTrend', () => {
  it('gives one row per cycle, a value and n column per series, and completed actions', () => {
    const table = tableOfTrend({
      cycles,
      series: [
        { key: 'overall', label: 'Overall', points: [shown(3.9, 40), shown(4.014, 42)] },
        { key: 'kitchen', label: 'Kitchen', points: [withheld, shown(3.5, 6)] },
      ],
      markers: [
        { cycleId: 'c2', label: 'New dishwasher' },
        { cycleId: 'c2', label: 'Rota published earlier' },
      ],
    });
    expect(table).toEqual({
      columns: [
        'Cycle',
        'Opened',
        'Overall',
        'Overall n',
        'Kitchen',
        'Kitchen n',
        'Actions completed',
      ],
      rows: [
        [1, '2025-01-06', 3.9, 40, 'withheld', '', ''],
        [2, '2025-02-03', 4.01, 42, 3.5, 6, 'New dishwasher; Rota published earlier'],
      ],
    });
  });

  it('has no actions column while no action is marked', () => {
    const table = tableOfTrend({
      cycles: cycles.slice(0, 1),
      series: [{ key: 'overall', label: 'Overall', points: [empty] }],
      markers: [],
    });
    expect(table).toEqual({
      columns: ['Cycle', 'Opened', 'Overall', 'Overall n'],
      rows: [[1, '2025-01-06', 'no answers', '']],
    });
  });
});

describe('tableOfQuestionSplits', () => {
  it('gives the three shares in percent with n, and words for withheld and unanswered questions', () => {
    const table = tableOfQuestionSplits([
      {
        questionId: 'q1',
        text: 'I have the tools I need.',
        driver: 'Tools',
        split: { state: 'shown', n: 45, favourable: 62.222, neutral: 20, unfavourable: 17.778 },
      },
      { questionId: 'q2', text: 'I feel recognised.', driver: null, split: { state: 'withheld' } },
      { questionId: 'q3', text: 'My workspace works.', driver: null, split: { state: 'empty' } },
    ]);
    expect(table).toEqual({
      columns: ['Question', 'Driver', 'Favourable %', 'Neutral %', 'Unfavourable %', 'n'],
      rows: [
        ['I have the tools I need.', 'Tools', 62.2, 20, 17.8, 45],
        ['I feel recognised.', '', 'withheld', 'withheld', 'withheld', ''],
        ['My workspace works.', '', 'no answers', 'no answers', 'no answers', ''],
      ],
    });
  });
});

describe('tableOfParticipation', () => {
  it('gives every department per cycle, then all departments, with invited, answered and rate', () => {
    const table = tableOfParticipation({
      cycles,
      rows: [
        {
          department: kitchen,
          cells: [
            {
              invited: 12,
              answered: { state: 'shown', value: 9 },
              rate: { state: 'shown', value: 75 },
            },
            { invited: 12, answered: { state: 'withheld' }, rate: { state: 'withheld' } },
          ],
        },
      ],
      total: [
        {
          invited: 40,
          answered: { state: 'shown', value: 31 },
          rate: { state: 'shown', value: 77.5 },
        },
        {
          invited: 41,
          answered: { state: 'shown', value: 29 },
          rate: { state: 'shown', value: 70.73 },
        },
      ],
    });
    expect(table).toEqual({
      columns: ['Department', 'Cycle', 'Opened', 'Invited', 'Answered', 'Response rate %'],
      rows: [
        ['Kitchen', 1, '2025-01-06', 12, 9, 75],
        ['Kitchen', 2, '2025-02-03', 12, 'withheld', 'withheld'],
        ['All departments', 1, '2025-01-06', 40, 31, 77.5],
        ['All departments', 2, '2025-02-03', 41, 29, 70.7],
      ],
    });
  });
});

describe('tableOfHeatmap', () => {
  it('lays the grid out as drawn, a value and n per cell, totals in the last column and row', () => {
    const table = tableOfHeatmap(
      {
        rows: [kitchen, hr],
        columns: [it_, { id: 'facilities', name: 'Facilities' }],
        cells: [
          [shown(4.2, 11), withheld],
          [shown(3.333, 9), empty],
        ],
        rowTotals: [shown(4.01, 15), shown(3.333, 9)],
        columnTotals: [shown(3.85, 20), withheld],
      },
      { rowHeading: 'Answering department' },
    );
    expect(table).toEqual({
      columns: [
        'Answering department',
        'IT',
        'IT n',
        'Facilities',
        'Facilities n',
        'Overall',
        'Overall n',
      ],
      rows: [
        ['Kitchen', 4.2, 11, 'withheld', '', 4.01, 15],
        ['HR', 3.33, 9, 'no answers', '', 3.33, 9],
        ['Overall', 3.85, 20, 'withheld', '', '', ''],
      ],
    });
  });

  it('writes what lies outside the viewer’s scope as such, with no number', () => {
    const table = tableOfHeatmap({
      rows: [kitchen],
      columns: [it_],
      cells: [[null]],
      rowTotals: [null],
      columnTotals: [shown(3.85, 20)],
    });
    expect(table.rows).toEqual([
      ['Kitchen', 'outside your scope', '', 'outside your scope', ''],
      ['Overall', 3.85, 20, '', ''],
    ]);
  });
});

describe('toCsv', () => {
  it('writes the columns and rows with a byte-order mark for spreadsheet programs', () => {
    const csv = toCsv({ columns: ['Department', 'Score', 'n'], rows: [['Bar, Café', 4.2, 7]] });
    expect(csv).toBe('\uFEFFDepartment,Score,n\r\n"Bar, Café",4.2,7\r\n');
  });

  it('keeps a cell that starts a formula from running, but leaves negative numbers alone', () => {
    const csv = toCsv({
      columns: ['Department', '=Score', 'Change'],
      rows: [
        ['=HYPERLINK("http://evil.example","Click")', 4.2, -0.35],
        ['+SUM(A1:A9)', '-12.5', '-1+2'],
        ['@cmd', '\tTab', '\rReturn'],
        ['-Ops', 'Plain', -7],
      ],
    });
    const [header, ...rows] = Papa.parse<string[]>(csv.slice(1).trimEnd()).data;
    expect(header).toEqual(['Department', "'=Score", 'Change']);
    expect(rows).toEqual([
      ['\'=HYPERLINK("http://evil.example","Click")', '4.2', '-0.35'],
      ["'+SUM(A1:A9)", '-12.5', "'-1+2"],
      ["'@cmd", "'\tTab", "'\rReturn"],
      ["'-Ops", 'Plain', '-7'],
    ]);
  });

  it('exports what the table shows, withheld groups included as words', () => {
    const table = tableOfDepartmentBars([
      { department: it_, figure: shown(3.876, 12) },
      { department: kitchen, figure: withheld },
    ]);
    expect(toCsv(table)).toBe('\uFEFFDepartment,Score,n\r\nIT,3.88,12\r\nKitchen,withheld,\r\n');
  });
});
