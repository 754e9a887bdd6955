import { describe, expect, it } from 'vitest';

import { dateText, listFilters } from './action-forms';
import { newActionPath, sourceFromSearch } from './action-rules';

describe('action forms', () => {
  it('accepts real calendar dates only, and never throws on nonsense', () => {
    expect(dateText.safeParse('2026-02-28').success).toBe(true);
    expect(dateText.safeParse('2028-02-29').success).toBe(true);
    for (const value of ['2026-02-29', '2026-13-01', 'soon', '2026-1-1', '9999-99-99']) {
      expect(dateText.safeParse(value).success, value).toBe(false);
    }
  });

  it('reads empty filter choices as "any"', () => {
    expect(listFilters.parse({ status: '', owner: '', department: '', due: '' })).toEqual({
      due: 'all',
    });
    expect(listFilters.safeParse({ status: 'lost' }).success).toBe(false);
  });

  it('reads back the source it writes into the "Raise an action" address', () => {
    const source = {
      surveyId: '0123456789abcdef01234567',
      cycleId: '0123456789abcdef01234568',
      metric: 'service' as const,
      questionId: null,
      driver: null,
      departmentId: '0123456789abcdef01234569',
      providerDepartmentId: '0123456789abcdef0123456a',
    };
    const path = newActionPath(source);
    expect(path).toMatch(/^\/actions\/new\?/);
    const parsed = sourceFromSearch(new URL(path, 'http://x').searchParams);
    expect(parsed.success && parsed.data).toEqual(source);
  });
});
