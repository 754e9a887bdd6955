import { randomBytes } from 'node:crypto';

import { DepartmentModel } from '../../models/department.server';
import { IdeaModel } from '../../models/idea.server';
import { newReceiptCode } from '../answering/receipt.server';
import { isBoardKeyShaped } from '../board/board-key.server';
import { type AddressAllowance, addressAllowance } from '../utils/address-allowance.server';
import { errorsByField, type FieldErrors } from '../utils/submission';
import { sendIdeaInput } from './idea-forms';
import { weekOf } from './weeks';

/** The department a board key names, for the idea form; null for any key that names none. */
export async function departmentOfBoard(
  boardKey: string,
): Promise<{ id: string; name: string } | null> {
  if (!isBoardKeyShaped(boardKey)) return null;
  const department = await DepartmentModel.findOne({ boardKey }, { name: 1 }).lean();
  return department ? { id: String(department._id), name: department.name } : null;
}

export type SendIdeaResult = { ok: true; code: string } | { ok: false; errors: FieldErrors };

/**
 * Stores an idea for the department whose board key it was sent from, and returns the receipt
 * code, shown once. What is stored is the department, the kind, the text, the code's hash and
 * the week: nothing about who sent it or when within the week. Nobody is told it arrived (no
 * mail, no count on any page): leaders learn of it only with its batch (batches.server.ts).
 */
export async function sendIdea(
  departmentId: string,
  input: unknown,
  now = new Date(),
): Promise<SendIdeaResult> {
  const parsed = sendIdeaInput.safeParse(input);
  if (!parsed.success) return { ok: false, errors: errorsByField(parsed.error) };
  const { code, hash } = newReceiptCode();
  await IdeaModel.create({
    // Random, so neither the id nor the order of ids says when it came.
    _id: randomBytes(16).toString('hex'),
    departmentId,
    kind: parsed.data.kind,
    text: parsed.data.text,
    receiptHash: hash,
    arrivedIn: weekOf(now),
  });
  return { ok: true, code };
}

export type IdeaLimits = AddressAllowance;

/** Each network address may send so many ideas an hour (app/utils/address-allowance.server.ts). */
export function createIdeaLimits({
  ideas = 10,
  windowSeconds = 60 * 60,
}: { ideas?: number; windowSeconds?: number } = {}): IdeaLimits {
  return addressAllowance({ name: 'idea', uses: ideas, windowSeconds });
}

export const ideaLimits = createIdeaLimits();
