import { createHash, randomBytes } from 'node:crypto';

import { ResponseModel } from '../../models/response.server';
import { StandInReceiptModel } from '../../models/stand-in-receipt.server';
import { SurveyModel } from '../../models/survey.server';
import { repliesOf, replyKey } from '../insights/comment-replies.server';
import { isComment } from '../question-types/registry';
import { type AddressAllowance, addressAllowance } from '../utils/address-allowance.server';

// The receipt code a respondent who wrote a comment is shown once: 80 random bits in Crockford's
// base32 (no I, L, O or U), in four groups of four. Only its SHA-256 is stored, on the response.

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReceiptCode(): { code: string; hash: string } {
  const bytes = randomBytes(10);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  const code = out.match(/.{4}/g)?.join('-') ?? out;
  return { code, hash: hashReceiptCode(code) };
}

/** The stored hash of a code as typed: case, spaces and dashes do not matter; O is 0, I and L are 1. */
export function hashReceiptCode(typed: string): string {
  const normal = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return createHash('sha256').update(normal).digest('hex');
}

export interface ReceiptReply {
  text: string;
  authorName: string;
  /** YYYY-MM-DD: the day the leader replied. */
  day: string;
}

export interface ReceiptComment {
  text: string;
  replies: ReceiptReply[];
}

/**
 * The comments a receipt code unlocks, each with the leaders' replies to it, or not found.
 * Only `text` questions are comments: a single-choice answer is a string too. A stand-in
 * receipt (link-owner.server.ts) unlocks its comments the same way, without replies.
 */
export async function lookUpReceipt(
  typed: string,
): Promise<{ found: false } | { found: true; comments: ReceiptComment[] }> {
  const hash = hashReceiptCode(typed.slice(0, 200));
  const [response, standIn] = await Promise.all([
    ResponseModel.findOne({ receiptHash: hash }, { answers: 1, surveyId: 1 }).lean(),
    StandInReceiptModel.findById(hash, { comments: 1 }).lean(),
  ]);
  if (!response) {
    if (!standIn) return { found: false };
    return { found: true, comments: standIn.comments.map((text) => ({ text, replies: [] })) };
  }
  const survey = await SurveyModel.findById(response.surveyId, { questions: 1 }).lean();
  const textIds = new Set(
    survey?.questions.filter((question) => isComment(question.type)).map((question) => question.id),
  );
  const comments = response.answers.flatMap((answer) =>
    textIds.has(answer.questionId) && typeof answer.value === 'string'
      ? [
          {
            text: answer.value,
            address: {
              responseId: String(response._id),
              questionId: answer.questionId,
              providerDepartmentId: answer.providerDepartmentId
                ? String(answer.providerDepartmentId)
                : null,
            },
          },
        ]
      : [],
  );
  const replies = await repliesOf(comments.map((comment) => comment.address));
  return {
    found: true,
    comments: comments.map(({ text, address }) => ({
      text,
      replies: replies.get(replyKey(address)) ?? [],
    })),
  };
}

export type ReceiptLimits = AddressAllowance;

/**
 * Guessing codes is slow: each network address may look up so many codes per quarter hour. With
 * 80 random bits per code, a cap per instance is plenty.
 */
export function createReceiptLimits({
  lookups = 20,
  windowSeconds = 15 * 60,
}: { lookups?: number; windowSeconds?: number } = {}): ReceiptLimits {
  return addressAllowance({ name: 'receipt', uses: lookups, windowSeconds });
}

export const receiptLimits = createReceiptLimits();
