import { DepartmentModel } from '../../models/department.server';
import { IdeaModel } from '../../models/idea.server';
import type { IdeaKind, IdeaStatus } from '../../models/vocabulary';
import { hashReceiptCode } from '../answering/receipt.server';
import { releaseIdeas } from './batches.server';

/**
 * What a receipt code shows the sender of an idea: their words, whether it has reached the
 * department's leaders yet, what came of it and the replies. A held idea says only that it waits
 * for its batch: never how many ideas wait with it, or how many more are needed, which would let
 * someone holding a receipt of their own watch other people's ideas arrive one by one.
 */
export interface IdeaReceipt {
  kind: IdeaKind;
  text: string;
  departmentName: string;
  released: boolean;
  status: IdeaStatus;
  reason: string | null;
  replies: { text: string; authorName: string; day: string }[];
}

/** The idea a receipt code unlocks, or null (the same for an unknown and a malformed code). */
export async function lookUpIdeaReceipt(
  typed: string,
  now = new Date(),
): Promise<IdeaReceipt | null> {
  await releaseIdeas(now);
  const idea = await IdeaModel.findOne(
    { receiptHash: hashReceiptCode(typed.slice(0, 200)) },
    { departmentId: 1, kind: 1, text: 1, batch: 1, status: 1, reason: 1, replies: 1 },
  ).lean();
  if (!idea) return null;
  const department = await DepartmentModel.findById(idea.departmentId, { name: 1 }).lean();
  const released = idea.batch !== null;
  return {
    kind: idea.kind,
    text: idea.text,
    departmentName: department?.name ?? '',
    released,
    status: released ? idea.status : 'new',
    reason: released ? idea.reason : null,
    replies: released
      ? idea.replies.map(({ text, authorName, day }) => ({ text, authorName, day }))
      : [],
  };
}
