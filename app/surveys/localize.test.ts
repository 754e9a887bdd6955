import { describe, expect, it } from 'vitest';

import { localize, localizeIn } from './localize';

describe('localize', () => {
  const text = { en: 'I have the tools I need.', nb: 'Jeg har verktøyene jeg trenger.' };

  it('reads the text in the reader’s language', () => {
    expect(localize(text, 'nb', 'en')).toBe('Jeg har verktøyene jeg trenger.');
  });

  it('falls back to the survey’s default language', () => {
    expect(localize(text, 'pl', 'en')).toBe('I have the tools I need.');
    expect(localize(text, 'pl', 'nb')).toBe('Jeg har verktøyene jeg trenger.');
  });

  it('treats a blank translation as missing', () => {
    expect(localize({ en: 'Hello', uk: '  ' }, 'uk', 'en')).toBe('Hello');
  });

  it('uses any text there is rather than none, and an empty string for no text at all', () => {
    expect(localize({ lv: 'Sveiki' }, 'pt', 'en')).toBe('Sveiki');
    expect(localize({}, 'pt', 'en')).toBe('');
  });
});

describe('localizeIn', () => {
  it('says which language the text it picked is in', () => {
    const text = { en: 'Hello', nb: ' ' };
    expect(localizeIn(text, 'nb', 'en')).toEqual({ text: 'Hello', language: 'en' });
    expect(localizeIn({ lv: 'Sveiki' }, 'pt', 'en')).toEqual({ text: 'Sveiki', language: 'lv' });
    expect(localizeIn({}, 'pt', 'en')).toBeNull();
  });
});
