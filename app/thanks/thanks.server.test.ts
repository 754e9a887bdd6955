import { describe, expect, it } from 'vitest';

import { SettingsModel } from '../../models/settings.server';
import { ThanksModel } from '../../models/thanks.server';
import { staffUser } from '../../tests/factories/insights';
import { boardKeyOf, inMonth, thank, thanksOrganisation } from '../../tests/factories/thanks';
import { setupTestDatabase } from '../../tests/support/test-database';
import { boardThanks } from './board-thanks.server';
import { thanksCounts } from './counts.server';
import { setPublished, thanksInbox } from './inbox.server';
import { thanksFormOf } from './send.server';
import { sendThanksSchema } from './thanks-forms';

setupTestDatabase('thanks');

const hr = () => staffUser({ hrAdmin: true });
const april = new Date('2027-04-20T10:00:00Z');

describe('sending thanks', () => {
  it('offers every other live department and the known drivers from a board', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    const form = await thanksFormOf(await boardKeyOf(kitchen));
    expect(form?.from.name).toBe('Kitchen');
    expect(form?.departments.map((d) => d.name)).toContain('IT');
    expect(form?.departmentIds).not.toContain(String(kitchen._id));
    expect(form?.departmentIds).toContain(String(itDepartment._id));
    expect(form?.drivers).toContain('Responsiveness');
    expect(await thanksFormOf('no-such-board-key-at-all')).toBeNull();
  });

  it('refuses its own department, an unknown one, a bad driver, bad lengths and a missing name', async () => {
    const { kitchen } = await thanksOrganisation();
    const form = await thanksFormOf(await boardKeyOf(kitchen));
    if (!form) throw new Error('no form');
    const schema = sendThanksSchema(form);
    const errors = (values: Record<string, string>) => {
      const result = schema.safeParse({
        to: form.departmentIds[0],
        message: 'Thanks a lot',
        ...values,
      });
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(errors({ to: String(kitchen._id) })).toEqual(['thanks:errors.toOwn']);
    expect(errors({ to: '6650f0f0f0f0f0f0f0f0f0f0' })).toEqual(['thanks:errors.toUnknown']);
    expect(errors({ driver: 'Snacks' })).toEqual(['thanks:errors.driver']);
    expect(errors({ message: 'ok' })).toEqual(['thanks:errors.messageShort']);
    expect(errors({ message: 'x'.repeat(601) })).toEqual(['thanks:errors.messageLong']);
    expect(errors({ signed: 'name', senderName: ' ' })).toEqual(['thanks:errors.nameMissing']);
    expect(errors({ driver: 'Tools', signed: 'name', senderName: 'Kari' })).toEqual([]);
  });

  it('stores a signed thank-you with its name and board, an anonymous one with neither', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    await thank(kitchen, itDepartment, april, { name: 'Kari Nordmann', driver: 'Tools' });
    await thank(kitchen, itDepartment, april, { name: '' });
    const signed = await ThanksModel.findOne({ senderName: 'Kari Nordmann' }).lean();
    expect(signed).toMatchObject({ month: '2027-04', driver: 'Tools' });
    expect(String(signed?.fromDepartmentId)).toBe(String(kitchen._id));
    const anonymous = await ThanksModel.findOne({ senderName: null }).lean();
    expect(anonymous?.fromDepartmentId).toBeNull();
    expect(anonymous?.driver).toBeNull();
  });

  it('drops a name typed before choosing to send anonymously', async () => {
    const { kitchen } = await thanksOrganisation();
    const form = await thanksFormOf(await boardKeyOf(kitchen));
    if (!form) throw new Error('no form');
    const parsed = sendThanksSchema(form).parse({
      to: form.departmentIds[0],
      message: 'Thank you all',
      signed: 'anonymous',
      senderName: 'Kari',
    });
    expect(parsed.senderName).toBeNull();
  });
});

describe('reading and publishing thanks', () => {
  it('shows signed thanks at once and anonymous ones in a batch once the threshold has come', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    await thank(kitchen, itDepartment, inMonth('2027-02'), { name: 'Kari' });
    for (let index = 0; index < 3; index++) await thank(kitchen, itDepartment, inMonth('2027-02'));
    for (let index = 0; index < 2; index++) await thank(kitchen, itDepartment, inMonth('2027-03'));
    const leader = staffUser({ scope: [itDepartment._id] });

    const inMarch = await thanksInbox(leader, {}, inMonth('2027-03'));
    expect(
      inMarch.received[0]?.periods.flatMap((p) => p.thanks).map((t) => t.sender?.name),
    ).toEqual(['Kari']);
    // Three in February wait; two more in March make five, released with March.
    const inApril = await thanksInbox(leader, {}, april);
    const periods = inApril.received[0]?.periods ?? [];
    expect(periods.map((period) => [period.month, period.thanks.length])).toEqual([
      ['2027-03', 5],
      ['2027-02', 1],
    ]);
  });

  it('keeps other departments out of a leader’s page and refuses their filter', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    await thank(itDepartment, kitchen, april, { name: 'Ivar' });
    const leader = staffUser({ scope: [itDepartment._id] });
    expect((await thanksInbox(leader, {}, april)).received).toEqual([]);
    await expect(
      thanksInbox(leader, { department: String(kitchen._id) }, april),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('publishes a readable thank-you to the receiving board, and refuses one still waiting', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    await thank(kitchen, itDepartment, april, { name: 'Kari', message: 'Laptop fixed in an hour' });
    await thank(kitchen, itDepartment, april, { message: 'Quiet thanks' });
    const leader = staffUser({ scope: [itDepartment._id] });
    const signed = await ThanksModel.findOne({ senderName: 'Kari' }).lean();
    const waiting = await ThanksModel.findOne({ senderName: null }).lean();
    await setPublished(leader, { intent: 'publish', thanksId: signed?._id ?? '' }, april);
    await expect(
      setPublished(leader, { intent: 'publish', thanksId: waiting?._id ?? '' }, april),
    ).rejects.toMatchObject({ status: 404 });
    const outsider = staffUser({ scope: [kitchen._id] });
    await expect(
      setPublished(outsider, { intent: 'unpublish', thanksId: signed?._id ?? '' }, april),
    ).rejects.toMatchObject({ status: 403 });

    const board = await boardThanks(itDepartment, await boardKeyOf(itDepartment), april);
    expect(board.published).toEqual([
      {
        id: signed?._id,
        message: 'Laptop fixed in an hour',
        driver: null,
        sender: { name: 'Kari', department: 'Kitchen' },
      },
    ]);
    await setPublished(hr(), { intent: 'unpublish', thanksId: signed?._id ?? '' }, april);
    expect((await boardThanks(itDepartment, 'k', april)).published).toEqual([]);
  });
});

describe('counts in insights', () => {
  it('withholds a count below the threshold and another with it, so no total gives it back', async () => {
    const { kitchen, it: itDepartment, hrDepartment } = await thanksOrganisation();
    const month = inMonth('2027-03');
    for (let index = 0; index < 6; index++) {
      await thank(kitchen, itDepartment, month, { name: `P${index}`, driver: 'Responsiveness' });
    }
    for (let index = 0; index < 2; index++) {
      await thank(kitchen, itDepartment, month, { name: `Q${index}`, driver: 'Tools' });
    }
    for (let index = 0; index < 7; index++) {
      await thank(kitchen, hrDepartment, month, { name: `R${index}`, driver: 'Responsiveness' });
    }
    for (let index = 0; index < 5; index++) {
      await thank(kitchen, hrDepartment, month, { name: `S${index}`, driver: 'Tools' });
    }
    const counts = await thanksCounts(hr(), april);
    expect(counts.columns).toEqual(['Responsiveness', 'Tools']);
    const itRow = counts.rows.find((row) => row.name === 'IT');
    // IT × Tools is 2: withheld, and IT × Responsiveness with it (else IT's total less 6).
    expect(itRow?.cells).toEqual([null, null]);
    expect(itRow?.total).toBe(8);
    // The Tools column would otherwise give back 2 as its total less People & Culture's 5.
    const hrRow = counts.rows.find((row) => row.name === 'People & Culture');
    expect(hrRow?.cells.filter((cell) => cell === null).length).toBeGreaterThan(0);
    // No count shown anywhere is the 2 (the ids are left out: an ObjectId's hex may hold a 2).
    const shown = [
      ...counts.rows.flatMap((row) => [...row.cells, row.total]),
      ...counts.columnTotals,
      counts.total,
    ];
    expect(shown).not.toContain(2);
  });

  it('counts nothing of the running month and only released anonymous thanks', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    for (let index = 0; index < 6; index++) await thank(kitchen, itDepartment, april);
    await SettingsModel.create({ anonymityThreshold: 5 });
    expect((await thanksCounts(hr(), april)).rows).toEqual([]);
    const may = new Date('2027-05-10T10:00:00Z');
    expect((await thanksCounts(hr(), may)).rows[0]?.total).toBe(6);
  });
});
