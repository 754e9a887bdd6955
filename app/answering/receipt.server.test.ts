import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { ResponseModel } from '../../models/response.server';
import { makeSurvey } from '../../tests/factories/survey';
import { setupTestDatabase } from '../../tests/support/test-database';
import {
  createReceiptLimits,
  hashReceiptCode,
  lookUpReceipt,
  newReceiptCode,
} from './receipt.server';

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
      day: '2026-03-02',
      language: 'nb',
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
      comments: [{ text: 'Mer kaffe, takk.', language: 'nb' }],
    });
  });

  it('finds nothing for an unknown code', async () => {
    await storeResponse(newReceiptCode().hash);
    expect(await lookUpReceipt(newReceiptCode().code)).toEqual({ found: false });
    expect(await lookUpReceipt('not even a code')).toEqual({ found: false });
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
