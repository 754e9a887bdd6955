import { describe, expect, it } from 'vitest';

import { OutboxMailModel } from '../../models/outbox-mail.server';
import { ThanksModel } from '../../models/thanks.server';
import { staffUser } from '../../tests/factories/insights';
import { boardKeyOf, inMonth, thank, thanksOrganisation } from '../../tests/factories/thanks';
import { setupTestDatabase } from '../../tests/support/test-database';
import { boardThanks } from './board-thanks.server';
import { thanksCounts } from './counts.server';
import { setPublished, thanksInbox } from './inbox.server';

// The attacks on anonymous thanks, each performed as the attacker would: a leader reloading the
// page as thanks arrive, two leaders comparing, HR with the outbox, and a reader of the database.
// The organisation's threshold is the default, 5; its zone Europe/Oslo.

setupTestDatabase('thanks-attacks');

const hr = () => staffUser({ hrAdmin: true });
const messages = (inbox: Awaited<ReturnType<typeof thanksInbox>>) =>
  inbox.received.flatMap((department) =>
    department.periods.flatMap((period) => period.thanks.map((thanks) => thanks.message)),
  );

describe('a leader reloading the page as thanks arrive', () => {
  it('sees nothing new while the month runs, nor just after it ends', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    const leader = staffUser({ scope: [itDepartment._id] });
    const seen: string[] = [];
    for (let index = 1; index <= 6; index++) {
      const at = new Date(`2027-03-${String(index + 10)}T09:00:00Z`);
      await thank(kitchen, itDepartment, at, { message: `Thanks number ${index}` });
      seen.push(
        JSON.stringify([await thanksInbox(leader, {}, at), await thanksCounts(leader, at)]),
      );
    }
    // Half an hour after the month ended in Oslo (22:00 UTC on 31 March is midnight there).
    const justAfter = new Date('2027-03-31T22:30:00Z');
    seen.push(
      JSON.stringify([
        await thanksInbox(leader, {}, justAfter),
        await thanksCounts(leader, justAfter),
      ]),
    );
    expect(new Set(seen).size).toBe(1);
    expect(seen[0]).not.toContain('Thanks number');
  });

  it('then reads the whole batch at once, in an order that is not the order they came in', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    const leader = staffUser({ scope: [itDepartment._id] });
    const sent = Array.from({ length: 8 }, (_, index) => `Thanks number ${index + 1}`);
    for (const [index, message] of sent.entries()) {
      await thank(kitchen, itDepartment, new Date(`2027-03-${String(index + 10)}T09:00:00Z`), {
        message,
      });
    }
    const april = new Date('2027-04-02T09:00:00Z');
    const first = await thanksInbox(leader, {}, april);
    expect(messages(first).sort()).toEqual([...sent].sort());
    expect(messages(first)).not.toEqual(sent);
    expect(messages(first)).not.toEqual([...sent].reverse());
    // Reloading shows the very same page: nothing to compare between two loads.
    expect(await thanksInbox(leader, {}, april)).toEqual(first);
  });
});

describe('two leaders comparing', () => {
  it('decide each department on its own thanks, so a wider scope releases nothing sooner', async () => {
    // A leader of the service floor also leads the bar below it; another leads only the bar.
    const { kitchen, floor, bar } = await thanksOrganisation();
    for (let index = 0; index < 3; index++) await thank(kitchen, floor, inMonth('2027-03'));
    for (let index = 0; index < 2; index++) await thank(kitchen, bar, inMonth('2027-03'));
    const wide = staffUser({ scope: [floor._id, bar._id] });
    const narrow = staffUser({ scope: [bar._id] });
    const april = inMonth('2027-04');
    // Five together, but neither department has five: nobody reads any of them.
    expect(messages(await thanksInbox(wide, {}, april))).toEqual([]);
    expect(messages(await thanksInbox(hr(), {}, april))).toEqual([]);

    for (let index = 0; index < 3; index++) await thank(kitchen, bar, inMonth('2027-04'));
    const may = inMonth('2027-05');
    const barOf = async (user: ReturnType<typeof staffUser>) =>
      (await thanksInbox(user, {}, may)).received.find((d) => d.id === String(bar._id));
    expect(await barOf(wide)).toEqual(await barOf(narrow));
    expect(await barOf(hr())).toEqual(await barOf(narrow));
    expect((await barOf(narrow))?.periods).toHaveLength(1);
  });

  it('show no trace of the board an anonymous thank-you came from', async () => {
    const { kitchen, bar, it: itDepartment } = await thanksOrganisation();
    for (let index = 0; index < 3; index++) await thank(kitchen, itDepartment, inMonth('2027-03'));
    for (let index = 0; index < 2; index++) await thank(bar, itDepartment, inMonth('2027-03'));
    const leader = staffUser({ scope: [itDepartment._id] });
    const seen = JSON.stringify(await thanksInbox(leader, {}, inMonth('2027-04')));
    expect(messages(JSON.parse(seen) as Awaited<ReturnType<typeof thanksInbox>>)).toHaveLength(5);
    expect(seen).not.toMatch(/Kitchen|Bar|"department":"/);
  });
});

describe('HR with the outbox', () => {
  it('finds no mail sent as a thank-you arrives, and no month finer than the batch', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    for (let index = 0; index < 2; index++) {
      await thank(kitchen, itDepartment, inMonth('2027-02'), { message: `February ${index}` });
    }
    for (let index = 0; index < 3; index++) {
      await thank(kitchen, itDepartment, inMonth('2027-03'), { message: `March ${index}` });
    }
    expect(await OutboxMailModel.countDocuments()).toBe(0);
    const seen = await thanksInbox(hr(), {}, inMonth('2027-04'));
    expect(messages(seen)).toHaveLength(5);
    // The two from February come in March's batch, with nothing to tell them apart.
    expect(JSON.stringify(seen)).not.toContain('2027-02');
    // Published to the board, they carry no time at all.
    const published = await ThanksModel.findOne({ message: 'February 0' }).lean();
    await setPublished(
      hr(),
      { intent: 'publish', thanksId: published?._id ?? '' },
      inMonth('2027-04'),
    );
    const board = await boardThanks(
      itDepartment,
      await boardKeyOf(itDepartment),
      inMonth('2027-04'),
    );
    expect(board.published).toHaveLength(1);
    expect(JSON.stringify(board)).not.toMatch(/2027|month|day/);
  });
});

describe('someone reading the database', () => {
  it('finds on an anonymous thank-you nothing of its sender and nothing finer than the month', async () => {
    const { kitchen, it: itDepartment } = await thanksOrganisation();
    for (let index = 0; index < 10; index++) {
      await thank(kitchen, itDepartment, new Date(`2027-03-${String(index + 10)}T09:00:00Z`), {
        message: `Thanks number ${index + 1}`,
      });
    }
    const stored = await ThanksModel.collection.find({}).toArray();
    for (const document of stored) {
      expect(Object.keys(document).sort()).toEqual(
        [
          '_id',
          'driver',
          'message',
          'month',
          'toDepartmentId',
          'senderName',
          'fromDepartmentId',
          'published',
          'publishedAt',
        ].sort(),
      );
      expect(document).toMatchObject({
        month: '2027-03',
        senderName: null,
        fromDepartmentId: null,
      });
      expect(typeof document._id).toBe('string');
    }
    // The sending board is nowhere in what was stored.
    expect(JSON.stringify(stored)).not.toContain(String(kitchen._id));
    // Ids are random: in id order, the thanks are not in the order they were sent.
    const byId = [...stored].sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
    expect(byId.map((document) => String(document.message))).not.toEqual(
      Array.from({ length: 10 }, (_, index) => `Thanks number ${index + 1}`),
    );
  });
});
