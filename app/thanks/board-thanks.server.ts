import type { Types } from 'mongoose';

import { DepartmentModel } from '../../models/department.server';
import { ThanksModel } from '../../models/thanks.server';
import { anonymousBatches } from './batches.server';
import { senderOf } from './sender';

// The thanks a department published to its board, for employees: the words, the driver and,
// when the sender signed it, the name they gave and their board's department. No month or day:
// the board is public to anyone with its address. An anonymous thank-you is shown only while its
// batch is released (a raised threshold can take one back), whatever was published before.

export interface BoardThanksItem {
  id: string;
  message: string;
  driver: string | null;
  sender: { name: string; department: string | null } | null;
}

export interface BoardThanks {
  /** Where to send this department's colleagues a thank-you from this board. */
  sendPath: string;
  published: BoardThanksItem[];
}

// The newest publications; a board is read on a phone.
const shown = 12;

export async function boardThanks(
  department: { _id: Types.ObjectId },
  boardKey: string,
  now = new Date(),
): Promise<BoardThanks> {
  const id = String(department._id);
  const [found, batches] = await Promise.all([
    ThanksModel.find(
      { toDepartmentId: department._id, published: true },
      { message: 1, driver: 1, month: 1, senderName: 1, fromDepartmentId: 1 },
    )
      .sort({ publishedAt: -1, _id: 1 })
      .limit(shown * 2)
      .lean(),
    anonymousBatches([id], now),
  ]);
  const released = batches.released.get(id);
  const readable = found
    .filter((thanks) => thanks.senderName !== null || released?.has(thanks.month))
    .slice(0, shown);
  const fromIds = [
    ...new Set(readable.flatMap((t) => (t.fromDepartmentId ? [String(t.fromDepartmentId)] : []))),
  ];
  const names = new Map(
    fromIds.length === 0
      ? []
      : (await DepartmentModel.find({ _id: { $in: fromIds } }, { name: 1 }).lean()).map((d) => [
          String(d._id),
          d.name,
        ]),
  );
  return {
    sendPath: `/board/${boardKey}/thanks`,
    published: readable.map((thanks) => ({
      id: thanks._id,
      message: thanks.message,
      driver: thanks.driver ?? null,
      sender: senderOf(thanks, names),
    })),
  };
}
