import { describe, expect, it } from 'vitest';

import { messageText, pageTitle } from './i18n';
import { message } from './utils/message';

describe('pageTitle', () => {
  it('names the page in the language its routes carry, innermost first', () => {
    const matches = [{ data: { locale: 'en' } }, { data: { locale: 'pt' } }, { data: null }];
    expect(pageTitle(matches, 'staff:nav.settings')).toBe('Definições · Innerloop');
  });

  it('is English when no route names a language, and keeps plain names as they are', () => {
    expect(pageTitle([{ data: undefined }], 'Ana Silva', 'staff:nav.people')).toBe(
      'Ana Silva · People · Innerloop',
    );
  });
});

describe('messageText', () => {
  it('says a message with its values, and a plain text as it came', () => {
    expect(messageText(message('staff:pagination.position', { page: 3, count: 4 }), 'uk')).toBe(
      'Сторінка 3 з 4',
    );
    expect(messageText('Nothing to translate.', 'lv')).toBe('Nothing to translate.');
  });
});
