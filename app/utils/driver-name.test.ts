import { describe, expect, it } from 'vitest';

import { createI18n } from '../i18n';
import { driverName } from './driver-name';

describe('driverName', () => {
  it('says a built-in driver in the reader’s language and a custom one as typed', () => {
    const t = createI18n('pl').t;
    expect(driverName(t, 'Tools')).toBe('Narzędzia');
    expect(driverName(t, 'Canteen queues')).toBe('Canteen queues');
  });
});
