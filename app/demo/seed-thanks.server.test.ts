import { describe, expect, it } from 'vitest';

import { DepartmentModel } from '../../models/department.server';
import { ThanksModel } from '../../models/thanks.server';
import { staffUser } from '../../tests/factories/insights';
import { makeDepartment } from '../../tests/factories/organisation';
import { setupTestDatabase } from '../../tests/support/test-database';
import { boardThanks } from '../thanks/board-thanks.server';
import { thanksCounts } from '../thanks/counts.server';
import { thanksInbox } from '../thanks/inbox.server';
import { monthOf } from '../thanks/thanks-period';
import { createLogger } from '../utils/log.server';
import { seedThanks } from './seed-thanks.server';

setupTestDatabase('demo-thanks');

const names = [
  'Sales',
  'Marketing',
  'Operations',
  'Customer service',
  'Kitchen',
  'Service floor',
  'IT',
  'HR',
  'Finance',
];

async function seeded(now: Date) {
  const departments = await Promise.all(names.map((name) => makeDepartment(name)));
  let state = 7;
  const random = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const context = {
    random,
    logger: createLogger('silent'),
    departmentIds: new Map(departments.map((department) => [department.name, department._id])),
  };
  await seedThanks(context, now);
  return { departments, context };
}

describe('the demo thanks', () => {
  it('give every page data: released batches, published thanks on boards and counts with some withheld', async () => {
    const now = new Date('2027-05-12T10:00:00Z');
    const { departments } = await seeded(now);
    const hr = staffUser({ hrAdmin: true });
    const inbox = await thanksInbox(hr, {}, now);
    const thanked = ['IT', 'Kitchen', 'HR', 'Finance', 'Service floor', 'Customer service'];
    expect(inbox.received.map((department) => department.name).sort()).toEqual(thanked.sort());
    const it = departments.find((department) => department.name === 'IT');
    if (!it) throw new Error('No IT department');
    const itInbox = inbox.received.find((department) => department.name === 'IT');
    expect(itInbox?.periods.some((period) => period.thanks.some((t) => t.sender === null))).toBe(
      true,
    );
    // Nothing anonymous of the running month is out.
    const running = monthOf(now, 'Europe/Oslo');
    for (const department of inbox.received) {
      for (const period of department.periods) {
        if (period.month === running) expect(period.thanks.every((t) => t.sender)).toBe(true);
      }
    }
    const key = (await DepartmentModel.findById(it._id, { boardKey: 1 }).lean())?.boardKey ?? '';
    expect((await boardThanks(it, key, now)).published.length).toBeGreaterThan(0);
    const counts = await thanksCounts(hr, now);
    const cells = counts.rows.flatMap((row) => row.cells);
    expect(cells.some((cell) => cell !== null && cell >= 5)).toBe(true);
    expect(cells.some((cell) => cell === null)).toBe(true);
  });

  it('is seeded once', async () => {
    const now = new Date('2027-05-12T10:00:00Z');
    const { context } = await seeded(now);
    const count = await ThanksModel.countDocuments();
    await seedThanks(context, now);
    expect(await ThanksModel.countDocuments()).toBe(count);
  });
});
