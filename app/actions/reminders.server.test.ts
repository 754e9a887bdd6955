import { describe, expect, it } from 'vitest';

import { ActionModel } from '../../models/action.server';
import { OutboxMailModel } from '../../models/outbox-mail.server';
import { PersonModel } from '../../models/person.server';
import { makeAction, makeActionOrganisation } from '../../tests/factories/actions';
import { setupTestDatabase } from '../../tests/support/test-database';
import { runSchedulerOnce } from '../surveys/scheduler.server';
import { sendMail } from '../utils/mail.server';
import { remindActionOwners } from './reminders.server';

setupTestDatabase('action-reminders');

const delivery = { send: sendMail, appUrl: 'https://innerloop.test' };
// 10 March 2026 in Oslo.
const now = new Date('2026-03-10T11:00:00Z');

async function organisationWithActions() {
  const organisation = await makeActionOrganisation();
  const base = {
    surveyId: organisation.survey._id,
    cycleId: organisation.cycles[1]?._id ?? organisation.survey._id,
    departmentId: organisation.departments[0]?._id ?? null,
    ownerId: organisation.leader.id,
  };
  const soon = await makeAction({ ...base, title: 'Soon', dueOn: '2026-03-13' });
  const late = await makeAction({ ...base, title: 'Late', dueOn: '2026-03-09' });
  await makeAction({ ...base, title: 'Far', dueOn: '2026-03-14' });
  await makeAction({ ...base, title: 'Done', dueOn: '2026-03-11', status: 'done' });
  await makeAction({ ...base, title: 'Done late', dueOn: '2026-03-01', status: 'done' });
  return { organisation, soon, late };
}

const subjects = async () =>
  (await OutboxMailModel.find({}, { subject: 1 }).sort({ subject: 1 }).lean()).map(
    (mail) => mail.subject,
  );

describe('remindActionOwners', () => {
  it('never reminds the owner of an action that will not be done', async () => {
    const organisation = await makeActionOrganisation();
    await makeAction({
      surveyId: organisation.survey._id,
      cycleId: organisation.cycles[1]?._id ?? organisation.survey._id,
      ownerId: organisation.leader.id,
      dueOn: '2026-03-09',
      status: 'wont-do',
    });
    expect(await remindActionOwners(now, delivery)).toBe(0);
    expect(await subjects()).toEqual([]);
  });

  it('mails the owner once when due in three days or less and once when overdue, never for done actions', async () => {
    const { organisation, soon } = await organisationWithActions();
    expect(await remindActionOwners(now, delivery)).toBe(2);
    expect(await remindActionOwners(now, delivery)).toBe(0);
    expect(await subjects()).toEqual([
      'Action due 2026-03-13: Soon',
      'Action overdue since 2026-03-09: Late',
    ]);
    const mail = await OutboxMailModel.findOne({ subject: /Soon/ }).lean();
    expect(mail).toMatchObject({ kind: 'reminder' });
    expect(mail?.to).toBe(organisation.leader.email);
    expect(mail?.text).toContain(`https://innerloop.test/actions/${String(soon._id)}`);

    // Days later the soon one is overdue: one more mail, then silence.
    const later = new Date('2026-03-14T11:00:00Z');
    expect(await remindActionOwners(later, delivery)).toBe(2);
    expect(await remindActionOwners(later, delivery)).toBe(0);
    expect(await subjects()).toEqual([
      'Action due 2026-03-13: Soon',
      'Action due 2026-03-14: Far',
      'Action overdue since 2026-03-09: Late',
      'Action overdue since 2026-03-13: Soon',
    ]);
  });

  it("writes in the owner's language", async () => {
    const { organisation, late } = await organisationWithActions();
    await PersonModel.updateOne({ _id: organisation.leader.id }, { $set: { language: 'nb' } });
    await remindActionOwners(now, delivery);
    expect(await subjects()).toEqual([
      'Tiltak forfalt siden 2026-03-09: Late',
      'Tiltak med frist 2026-03-13: Soon',
    ]);
    const mail = await OutboxMailModel.findOne({ subject: /Late/ }).lean();
    expect(mail?.text).toContain(
      'Tiltaket du eier, hadde frist 2026-03-09 og er ikke fullført ennå.',
    );
    expect(mail?.text).toContain(`https://innerloop.test/actions/${String(late._id)}`);
  });

  it('sends each reminder once even when two schedulers run at the same moment', async () => {
    await organisationWithActions();
    const counts = await Promise.all([
      remindActionOwners(now, delivery),
      remindActionOwners(now, delivery),
      remindActionOwners(now, delivery),
    ]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(await OutboxMailModel.countDocuments()).toBe(2);
  });

  it('reminds again for a new due date, and gives the claim back when sending fails', async () => {
    const { soon } = await organisationWithActions();
    const failing = {
      appUrl: delivery.appUrl,
      send: () => Promise.reject(new Error('SMTP down')),
    };
    await expect(remindActionOwners(now, failing)).rejects.toThrow('SMTP down');
    expect(await remindActionOwners(now, delivery)).toBe(2);
    await ActionModel.updateOne({ _id: soon._id }, { $set: { dueOn: '2026-03-12' } });
    expect(await remindActionOwners(now, delivery)).toBe(1);
    expect(await OutboxMailModel.countDocuments({ subject: /Soon/ })).toBe(2);
  });

  it('runs on every scheduler tick', async () => {
    await organisationWithActions();
    const report = await runSchedulerOnce(now, { delivery });
    expect(report.failures).toBe(0);
    expect(await OutboxMailModel.countDocuments({ subject: /^Action / })).toBe(2);
  });
});
