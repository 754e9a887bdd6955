import { describe, expect, it } from 'vitest';

import { CharterModel } from '../../models/charter.server';
import { DepartmentModel } from '../../models/department.server';
import { setupTestDatabase } from '../../tests/support/test-database';
import { boardCharters } from '../charters/board-charters.server';
import { charterReadings } from '../charters/readings.server';
import { createLogger } from '../utils/log.server';
import { seedDemo } from './seed.server';

setupTestDatabase('demo-charters');

describe('the demo charters', () => {
  it('give IT, HR and Finance published charters whose readings show met, not met and not measured', async () => {
    await seedDemo(createLogger('silent'));
    const charters = await CharterModel.find({ published: true }).lean();
    const names = await DepartmentModel.find(
      { _id: { $in: charters.map((charter) => charter.departmentId) } },
      { name: 1 },
    ).lean();
    expect(names.map((department) => department.name).sort()).toEqual(['Finance', 'HR', 'IT']);
    const states = new Set<string>();
    const summary: Record<string, string[]> = {};
    for (const charter of charters) {
      const readings = await charterReadings(String(charter.departmentId), charter.standards, {
        language: 'en',
      });
      for (const standard of readings) {
        expect(standard.cycles.length).toBeGreaterThan(0);
        summary[standard.key] = standard.rows.map(
          (row) =>
            `${row.department.name}: ${row.cells.map((cell) => (cell.state === 'not-measured' ? '-' : `${cell.state} ${cell.value}`)).join(', ')}`,
        );
        for (const row of standard.rows) for (const cell of row.cells) states.add(cell.state);
      }
    }
    expect([...states].sort(), JSON.stringify(summary, null, 1)).toEqual([
      'met',
      'not-measured',
      'not-met',
    ]);
    // The Kitchen rates IT, HR and Finance in the weekly pulse: its board shows their charters.
    const kitchen = await DepartmentModel.findOne({ name: 'Kitchen' }).lean();
    const board = await boardCharters(kitchen?._id ?? null, 'nb');
    expect(board.map((charter) => charter.department)).toEqual(['Finance', 'HR', 'IT']);
    expect(board[0]?.standards[0]?.text).toEqual({
      text: 'Det vi leverer, fungerer første gang.',
      language: 'nb',
    });
    // Seeding again changes nothing.
    await seedDemo(createLogger('silent'));
    expect(await CharterModel.countDocuments()).toBe(3);
  }, 300_000);
});
