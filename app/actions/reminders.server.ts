import { type Action, ActionModel } from '../../models/action.server';
import { PersonModel } from '../../models/person.server';
import type { Delivery } from '../surveys/invites.server';
import { addDays } from '../surveys/local-time';
import { todaysBySurvey } from './action-access.server';
import { actionReminderMail, type ReminderKind } from './action-mail';

// Owners of actions that are not done hear once when the due date is three days away or less,
// and once when it has passed. Each reminder is claimed with one atomic update before it is sent
// (the claim names the due date, so a new due date makes both due again): several schedulers
// may run this at once and only one of them sends.

/** How many days ahead an owner hears that the due date is coming. */
const dueSoonDays = 3;

const claimField: Record<ReminderKind, 'remindedDueSoonFor' | 'remindedOverdueFor'> = {
  'due-soon': 'remindedDueSoonFor',
  overdue: 'remindedOverdueFor',
};

/** Sends the reminders due at `now`; returns how many were sent. */
export async function remindActionOwners(
  now: Date,
  delivery: Pick<Delivery, 'send' | 'appUrl'>,
): Promise<number> {
  // A day of margin covers every time zone; each action is then judged by its survey's day.
  const horizon = addDays(now.toISOString().slice(0, 10), dueSoonDays + 1);
  const candidates = await ActionModel.find({
    status: { $nin: ['done' as const, 'wont-do' as const] },
    dueOn: { $lte: horizon },
  }).lean<Action[]>();
  const todayOf = await todaysBySurvey(
    candidates.map((action) => action.source.surveyId),
    now,
  );
  let sent = 0;
  for (const action of candidates) {
    const today = todayOf(action.source.surveyId);
    const kind: ReminderKind | null =
      action.dueOn < today
        ? 'overdue'
        : action.dueOn <= addDays(today, dueSoonDays)
          ? 'due-soon'
          : null;
    if (!kind || action[claimField[kind]] === action.dueOn) continue;
    if (await remind(action, kind, delivery)) sent++;
  }
  return sent;
}

async function remind(
  action: Action,
  kind: ReminderKind,
  delivery: Pick<Delivery, 'send' | 'appUrl'>,
): Promise<boolean> {
  const owner = await PersonModel.findOne(
    { _id: action.ownerId, active: true },
    { name: 1, email: 1, language: 1 },
  ).lean();
  if (!owner) return false;
  const field = claimField[kind];
  const claim = await ActionModel.updateOne(
    {
      _id: action._id,
      status: { $nin: ['done' as const, 'wont-do' as const] },
      dueOn: action.dueOn,
      [field]: { $ne: action.dueOn },
    },
    { $set: { [field]: action.dueOn } },
  );
  if (claim.modifiedCount === 0) return false;
  const mail = actionReminderMail(
    kind,
    {
      ownerName: owner.name,
      title: action.title,
      label: action.source.label,
      dueOn: action.dueOn,
      link: `${delivery.appUrl}/actions/${String(action._id)}`,
    },
    owner.language,
  );
  try {
    await delivery.send({ to: owner.email, ...mail, kind: 'reminder' });
  } catch (error) {
    // Give the claim back so the next run tries again.
    await ActionModel.updateOne(
      { _id: action._id, [field]: action.dueOn },
      { $set: { [field]: action[field] ?? null } },
    );
    throw error;
  }
  return true;
}
