import { describe, expect, it } from 'vitest';

import { ResponseModel, responseSchema } from './response.server';

describe('the response schema', () => {
  it('has no field that could hold an identity', () => {
    // Adding a field here is a decision about anonymity: PRODUCT.md, "Anonymity promises".
    expect(Object.keys(responseSchema.paths).sort()).toEqual(
      [
        '_id',
        'answers',
        'cycleId',
        'departmentId',
        'kiosk',
        'receiptHash',
        'rolledUp',
        'submissionKey',
        'surveyId',
      ].sort(),
    );
    const answerPaths = responseSchema.path('answers').schema?.paths ?? {};
    expect(Object.keys(answerPaths).sort()).toEqual(
      ['providerDepartmentId', 'questionId', 'skipped', 'value'].sort(),
    );
  });

  it('keeps no time and gives random string ids, not ObjectIds', () => {
    expect(responseSchema.get('timestamps')).toBe(false);
    const first = new ResponseModel();
    const second = new ResponseModel();
    expect(typeof first._id).toBe('string');
    expect(first._id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first._id).not.toBe(second._id);
  });

  it('keeps neither a day nor a language, which matched the invite they came from', async () => {
    const response = new ResponseModel({
      cycleId: '6650f0f0f0f0f0f0f0f0f0f0',
      surveyId: '6650f0f0f0f0f0f0f0f0f0f0',
      departmentId: '6650f0f0f0f0f0f0f0f0f0f0',
      day: '2026-03-02',
      language: 'pt',
    });
    await response.validate();
    const stored = response.toObject() as Record<string, unknown>;
    expect(stored.day).toBeUndefined();
    expect(stored.language).toBeUndefined();
  });
});
