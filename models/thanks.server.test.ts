import { describe, expect, it } from 'vitest';

import { ThanksModel, thanksSchema } from './thanks.server';

describe('the thanks schema', () => {
  it('has no field that could hold more of a sender than the name they gave', () => {
    // Adding a field here is a decision about anonymity: see app/thanks/send.server.ts.
    expect(Object.keys(thanksSchema.paths).sort()).toEqual(
      [
        '_id',
        'driver',
        'fromDepartmentId',
        'message',
        'month',
        'published',
        'publishedAt',
        'senderName',
        'toDepartmentId',
      ].sort(),
    );
  });

  it('keeps no time and gives random string ids, not ObjectIds', async () => {
    expect(thanksSchema.get('timestamps')).toBe(false);
    const thanks = new ThanksModel({
      toDepartmentId: '6650f0f0f0f0f0f0f0f0f0f0',
      message: 'Thanks',
      month: '2027-03',
      day: '2027-03-02',
      ip: '10.0.0.1',
    });
    await thanks.validate();
    const stored = thanks.toObject() as Record<string, unknown>;
    expect(stored.day).toBeUndefined();
    expect(stored.ip).toBeUndefined();
    expect(typeof thanks._id).toBe('string');
    expect(thanks._id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new ThanksModel()._id).not.toBe(thanks._id);
  });

  it('keeps a month, not a day', async () => {
    const thanks = new ThanksModel({
      toDepartmentId: '6650f0f0f0f0f0f0f0f0f0f0',
      message: 'Thanks',
      month: '2027-03-02',
    });
    await expect(thanks.validate()).rejects.toThrow(/month/);
  });
});
