import { describe, expect, it } from 'vitest';

import type { QuestionInfo } from '../insights/filters.server';
import { cellKey } from '../insights/suppression';
import type { RollupRow } from '../insights/tally';
import { type Reading, type TableReadings, withheld } from '../insights/withholding';
import { hotspotKey, hotspotTable } from './hotspot-table';

const question = (id: string, driver: string): QuestionInfo => ({
  id,
  type: 'scale',
  text: id,
  template: id,
  driver,
  internalService: true,
});
const questions = [question('q-resp', 'Responsiveness'), question('q-rel', 'Reliability')];

function rated(department: string, questionId: string, provider: string, values: number[]) {
  const histogram: Record<string, number> = {};
  for (const value of values) histogram[String(value)] = (histogram[String(value)] ?? 0) + 1;
  return {
    cycleId: 'c',
    departmentId: department,
    questionId,
    providerId: provider,
    count: values.length,
    sum: values.reduce((sum, value) => sum + value, 0),
    sumSquares: values.reduce((sum, value) => sum + value * value, 0),
    histogram,
    kioskCount: 0,
  } satisfies RollupRow;
}

const same = (n: number, value: number) => Array.from({ length: n }, () => value);
const noTable = (): TableReadings => ({
  cells: new Map(),
  rowTotals: new Map(),
  columnTotals: new Map(),
});

function frame(
  respondents: Record<string, number>,
  overrides: Partial<{
    matrix: TableReadings;
    drivers: TableReadings;
    serviceWithheld: Set<string>;
  }> = {},
) {
  return {
    threshold: 5,
    respondents: new Map(Object.entries(respondents)),
    serviceWithheld: overrides.serviceWithheld ?? new Set<string>(),
    matrix: overrides.matrix ?? noTable(),
    drivers: overrides.drivers ?? noTable(),
  };
}

const state = (reading: Reading | undefined) => reading?.state;

describe('hotspotTable', () => {
  it('shows each customer × provider × driver cell of enough people with its mean and n', () => {
    const table = hotspotTable(
      [
        rated('kitchen', 'q-resp', 'it', [2, 2, 3, 2, 1, 2]),
        rated('kitchen', 'q-rel', 'it', same(6, 4)),
        rated('sales', 'q-resp', 'it', same(7, 4)),
        rated('sales', 'q-rel', 'it', same(7, 5)),
      ],
      questions,
      frame({ kitchen: 6, sales: 7 }),
    );
    expect(table.cells.get(hotspotKey('kitchen', 'it', 'Responsiveness'))?.reading).toMatchObject({
      state: 'shown',
      n: 6,
      value: 2,
    });
    expect(table.cells.get(hotspotKey('sales', 'it', 'Reliability'))?.reading).toMatchObject({
      state: 'shown',
      n: 7,
      value: 5,
    });
  });

  it('withholds a small cell and, within the matrix cell it belongs to, another', () => {
    // Kitchen → IT is 8 people in the matrix, but only 3 of them rated responsiveness: shown
    // reliability would be the matrix cell less the small one.
    const table = hotspotTable(
      [
        rated('kitchen', 'q-resp', 'it', same(3, 1)),
        rated('kitchen', 'q-rel', 'it', same(8, 4)),
        rated('sales', 'q-resp', 'it', same(9, 4)),
        rated('sales', 'q-rel', 'it', same(9, 4)),
        rated('ops', 'q-resp', 'it', same(9, 3)),
        rated('ops', 'q-rel', 'it', same(9, 3)),
      ],
      questions,
      frame({ kitchen: 8, sales: 9, ops: 9 }),
    );
    const reading = (customer: string, driver: string) =>
      state(table.cells.get(hotspotKey(customer, 'it', driver))?.reading);
    expect(reading('kitchen', 'Responsiveness')).toBe('withheld');
    expect(reading('kitchen', 'Reliability')).toBe('withheld');
    // Across customers too: IT's responsiveness over everyone less the shown customers would
    // give the kitchen's three away, so one more customer is withheld on each driver.
    const shownResponsiveness = ['sales', 'ops'].filter(
      (customer) => reading(customer, 'Responsiveness') === 'shown',
    );
    expect(shownResponsiveness.length).toBeLessThan(2);
    // A withheld cell carries no number.
    expect(table.cells.get(hotspotKey('kitchen', 'it', 'Reliability'))?.reading).toEqual(withheld);
  });

  it('withholds what the cycle’s matrix and drivers table withhold', () => {
    const rows = [
      rated('kitchen', 'q-resp', 'it', same(9, 2)),
      rated('kitchen', 'q-rel', 'it', same(9, 2)),
      rated('kitchen', 'q-resp', 'hr', same(9, 3)),
      rated('kitchen', 'q-rel', 'hr', same(9, 3)),
      rated('sales', 'q-resp', 'it', same(9, 4)),
      rated('sales', 'q-rel', 'it', same(9, 4)),
      rated('sales', 'q-resp', 'hr', same(9, 4)),
      rated('sales', 'q-rel', 'hr', same(9, 4)),
    ];
    const open = hotspotTable(rows, questions, frame({ kitchen: 9, sales: 9 }));
    expect([...open.cells.values()].every((cell) => cell.reading.state === 'shown')).toBe(true);

    const matrix = noTable();
    matrix.cells.set(cellKey('kitchen', 'it'), withheld);
    const byMatrix = hotspotTable(rows, questions, frame({ kitchen: 9, sales: 9 }, { matrix }));
    expect(state(byMatrix.cells.get(hotspotKey('kitchen', 'it', 'Responsiveness'))?.reading)).toBe(
      'withheld',
    );

    const drivers = noTable();
    drivers.cells.set(cellKey('sales', 'Reliability'), withheld);
    const byDrivers = hotspotTable(rows, questions, frame({ kitchen: 9, sales: 9 }, { drivers }));
    expect(state(byDrivers.cells.get(hotspotKey('sales', 'hr', 'Reliability'))?.reading)).toBe(
      'withheld',
    );

    const rowsWithheld = hotspotTable(
      rows,
      questions,
      frame({ kitchen: 9, sales: 9 }, { serviceWithheld: new Set(['sales']) }),
    );
    for (const cell of rowsWithheld.cells.values()) {
      if (cell.customer === 'sales') expect(cell.reading).toEqual(withheld);
    }
  });

  it('sizes a group by its invited respondents, never by open-link answers', () => {
    const padded = { ...rated('kitchen', 'q-resp', 'it', same(6, 1)), kioskCount: 4 };
    const table = hotspotTable(
      [
        padded,
        rated('sales', 'q-resp', 'it', same(9, 4)),
        rated('ops', 'q-resp', 'it', same(9, 4)),
      ],
      questions,
      frame({ kitchen: 2, sales: 9, ops: 9 }),
    );
    expect(state(table.cells.get(hotspotKey('kitchen', 'it', 'Responsiveness'))?.reading)).toBe(
      'withheld',
    );
  });
});
