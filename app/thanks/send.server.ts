import { Types } from 'mongoose';

import { DepartmentModel } from '../../models/department.server';
import { ThanksModel } from '../../models/thanks.server';
import { isBoardKeyShaped } from '../board/board-key.server';
import { getSettings } from '../settings/organisation.server';
import { knownDrivers } from './drivers.server';
import type { SendContext, SendThanksInput } from './thanks-forms';
import { monthOf } from './thanks-period';

// Sending a thank-you from a department's board (reached from the thank-you page after a pulse,
// or from an invitation). The board's department is taken as the sender's own: it cannot be
// thanked from its own board, and a sender who signs with a name is shown as from it. An
// anonymous thank-you keeps nothing of the sender, the board's department included: with the
// month it would narrow the sender to the few people of a small department.

export interface ThanksFormView extends SendContext {
  /** The board's department, as the sender's own. */
  from: { id: string; name: string };
  departments: { id: string; name: string }[];
}

/** What the form offers from a board, or null for a key that names no department. */
export async function thanksFormOf(boardKey: string): Promise<ThanksFormView | null> {
  if (!isBoardKeyShaped(boardKey)) return null;
  const own = await DepartmentModel.findOne({ boardKey, archivedAt: null }, { name: 1 }).lean();
  if (!own) return null;
  const [others, drivers] = await Promise.all([
    DepartmentModel.find({ archivedAt: null, _id: { $ne: own._id } }, { name: 1 }).lean(),
    knownDrivers(),
  ]);
  const departments = others
    .map((department) => ({ id: String(department._id), name: department.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return {
    from: { id: String(own._id), name: own.name },
    departments,
    departmentIds: departments.map((department) => department.id),
    ownDepartmentId: String(own._id),
    drivers,
  };
}

/** Stores a checked thank-you: the month is the only time it keeps. */
export async function sendThanks(
  form: Pick<ThanksFormView, 'from'>,
  input: SendThanksInput,
  now: Date,
): Promise<void> {
  const { timeZone } = await getSettings();
  const signed = input.senderName !== null;
  await ThanksModel.create({
    toDepartmentId: new Types.ObjectId(input.to),
    message: input.message,
    driver: input.driver,
    month: monthOf(now, timeZone),
    senderName: signed ? input.senderName : null,
    fromDepartmentId: signed ? new Types.ObjectId(form.from.id) : null,
  });
}
