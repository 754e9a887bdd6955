import type { Types } from 'mongoose';

import type { Cycle } from '../../models/cycle.server';
import { KioskTallyModel } from '../../models/kiosk-tally.server';
import { PersonModel } from '../../models/person.server';

// A department may send at most as many answers through a cycle's open link as it has people:
// more cannot be real. The cap is counted on the server, one atomic increment per answer, so a
// browser that drops the one-per-device cookie is stopped too. Kiosk answers never make a group
// large enough to be shown (suppression sizes groups by invited respondents); this cap keeps
// the figures they join from being flooded.

/** The most open-link answers a department of the cycle can send: its people. */
export async function kioskCap(
  cycle: Pick<Cycle, 'invitedByDepartment'>,
  departmentId: Types.ObjectId,
): Promise<number> {
  const invited: unknown = cycle.invitedByDepartment;
  if (invited && typeof invited === 'object') {
    const count: unknown = Object.entries(invited).find(([id]) => id === String(departmentId))?.[1];
    if (typeof count === 'number' && count > 0) return count;
  }
  return PersonModel.countDocuments({ departmentId, active: true });
}

/**
 * Takes one of the department's open-link answers for the cycle; false when its cap is reached.
 * The filter and the increment are one operation, so concurrent answers never pass the cap.
 */
export async function takeKioskAnswer(
  cycleId: Types.ObjectId,
  departmentId: Types.ObjectId,
  cap: number,
): Promise<boolean> {
  if (cap < 1) return false;
  const _id = `${String(cycleId)}/${String(departmentId)}`;
  try {
    const taken = await KioskTallyModel.findOneAndUpdate(
      { _id, count: { $lt: cap } },
      { $inc: { count: 1 }, $setOnInsert: { cycleId, departmentId } },
      { upsert: true, returnDocument: 'after', projection: { _id: 1 } },
    ).lean();
    return taken !== null;
  } catch (error) {
    // The tally exists and is at the cap: the upsert's insert collided with it.
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 11000) {
      return false;
    }
    throw error;
  }
}

/** Gives back an answer taken for a submission that was then not stored. */
export async function returnKioskAnswer(
  cycleId: Types.ObjectId,
  departmentId: Types.ObjectId,
): Promise<void> {
  await KioskTallyModel.updateOne(
    { _id: `${String(cycleId)}/${String(departmentId)}`, count: { $gt: 0 } },
    { $inc: { count: -1 } },
  );
}
