import { Types } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';

import { CommentReplyModel } from '../../models/comment-reply.server';
import { ResponseModel } from '../../models/response.server';
import { addResponses, makeCommentSurvey, makeCycle } from '../../tests/factories/comments';
import { makeDepartment, makePerson } from '../../tests/factories/organisation';
import { makeSurvey } from '../../tests/factories/survey';
import { setupTestDatabase } from '../../tests/support/test-database';
import { commentFiltersSchema } from '../insights/comment-filters';
import { postReply } from '../insights/comment-replies.server';
import { listComments } from '../insights/comments.server';
import { loadStaffUser } from '../utils/permissions.server';
import {
  createReceiptLimits,
  hashReceiptCode,
  lookUpReceipt,
  newReceiptCode,
} from './receipt.server';

vi.stubEnv('SESSION_SECRET', 'receipt-test-secret-long-enough-to-use-here');
setupTestDatabase('receipt');

describe('receipt codes', () => {
  it('are fresh, readable groups of four, stored only as a hash', () => {
    const first = newReceiptCode();
    const second = newReceiptCode();
    expect(first.code).toMatch(/^[\dA-HJKMNP-TV-Z]{4}(-[\dA-HJKMNP-TV-Z]{4}){3}$/);
    expect(first.code).not.toBe(second.code);
    expect(first.hash).toMatch(/^[a-f\d]{64}$/);
    expect(first.hash).not.toContain(first.code);
  });

  it('hash the same however they are typed back', () => {
    const { code, hash } = newReceiptCode();
    expect(hashReceiptCode(` ${code.toLowerCase()} `)).toBe(hash);
    expect(hashReceiptCode(code.replaceAll('-', ' '))).toBe(hash);
    expect(hashReceiptCode(code.replaceAll('-', ''))).toBe(hash);
    expect(hashReceiptCode(`${code}X`)).not.toBe(hash);
  });
});

describe('lookUpReceipt', () => {
  async function storeResponse(receiptHash?: string) {
    const survey = await makeSurvey({ audienceIds: [new Types.ObjectId()] });
    await ResponseModel.create({
      cycleId: new Types.ObjectId(),
      surveyId: survey._id,
      departmentId: new Types.ObjectId(),
      answers: [
        { questionId: 'q-scale', value: 4 },
        { questionId: 'q-single', value: 'office' },
        { questionId: 'q-text', value: 'Mer kaffe, takk.' },
      ],
      ...(receiptHash ? { receiptHash } : {}),
    });
  }

  it('finds the comments of the response the code belongs to, and only its comments', async () => {
    const { code, hash } = newReceiptCode();
    await storeResponse(hash);
    await storeResponse();
    expect(await lookUpReceipt(code.toLowerCase())).toEqual({
      found: true,
      comments: [{ text: 'Mer kaffe, takk.', replies: [] }],
    });
  });

  it('finds nothing for an unknown code', async () => {
    await storeResponse(newReceiptCode().hash);
    expect(await lookUpReceipt(newReceiptCode().code)).toEqual({ found: false });
    expect(await lookUpReceipt('not even a code')).toEqual({ found: false });
  });
});

describe('replies through a receipt code', () => {
  it('reach the one respondent whose code it is, and nobody else', async () => {
    const kitchen = await makeDepartment('Kitchen');
    const leader = await loadStaffUser(
      String(
        (await makePerson({ name: 'Lea Der', departmentId: kitchen._id, leaderOf: [kitchen._id] }))
          ._id,
      ),
    );
    if (!leader) throw new Error('not staff');
    const survey = await makeCommentSurvey([kitchen._id]);
    const cycle = await makeCycle(survey._id, 1);
    const receipts = Array.from({ length: 6 }, () => newReceiptCode());
    await addResponses(cycle, kitchen._id, 6, {
      comment: (i) => `Comment ${i}`,
      receiptHash: (i) => receipts[i]?.hash,
    });
    const listed = await listComments(
      leader,
      commentFiltersSchema.parse({ survey: String(survey._id) }),
    );
    if (!listed.ok) throw new Error('refused');
    const answered = listed.view.comments.find((comment) => comment.text === 'Comment 3');
    expect(
      await postReply(leader, { intent: 'reply', ref: answered?.ref ?? '', text: 'Fixed it.' }),
    ).toEqual({ ok: true });
    expect(await CommentReplyModel.countDocuments()).toBe(1);

    const mine = await lookUpReceipt(receipts[3]?.code ?? '');
    if (!mine.found) throw new Error('not found');
    expect(mine.comments).toHaveLength(1);
    expect(mine.comments[0]).toMatchObject({ text: 'Comment 3' });
    expect(mine.comments[0]?.replies.map(({ text, authorName }) => ({ text, authorName }))).toEqual(
      [{ text: 'Fixed it.', authorName: 'Lea Der' }],
    );
    expect(mine.comments[0]?.replies[0]?.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const other of [0, 1, 2, 4, 5]) {
      expect(await lookUpReceipt(receipts[other]?.code ?? '')).toEqual({
        found: true,
        comments: [{ text: `Comment ${other}`, replies: [] }],
      });
    }
    expect(await lookUpReceipt(newReceiptCode().code)).toEqual({ found: false });
  });
});

describe('receipt lookup limits', () => {
  it('allow a few lookups per address, then refuse that address only', async () => {
    const limits = createReceiptLimits({ lookups: 3, windowSeconds: 60 });
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await limits.take('10.0.0.1')).toBe(true);
    }
    expect(await limits.take('10.0.0.1')).toBe(false);
    expect(await limits.take('10.0.0.2')).toBe(true);
  });
});
