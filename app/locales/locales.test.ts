import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { namespaces, supportedLanguages } from '../i18n';

// Every employee-facing string exists in every language, with the same placeholders: a key
// added in English only shows up here, not as English text on a Latvian phone.

const folder = import.meta.dirname;

function read(language: string, namespace: string): unknown {
  return JSON.parse(readFileSync(path.join(folder, language, `${namespace}.json`), 'utf8'));
}

/** Every leaf as "a.b.c" → its text. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') {
    found.set(prefix, value);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      for (const [leaf, text] of leaves(child, prefix ? `${prefix}.${key}` : key)) {
        found.set(leaf, text);
      }
    }
  }
  return found;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('are exactly the five namespaces in each of the six languages', () => {
    for (const language of supportedLanguages) {
      expect(readdirSync(path.join(folder, language)).sort()).toEqual(
        namespaces.map((namespace) => `${namespace}.json`).sort(),
      );
    }
  });

  for (const namespace of namespaces) {
    it(`${namespace}: every language has every English key, with the same placeholders`, () => {
      const english = leaves(read('en', namespace));
      for (const language of supportedLanguages) {
        const translated = leaves(read(language, namespace));
        expect([...translated.keys()].sort(), `${language}/${namespace}.json`).toEqual(
          [...english.keys()].sort(),
        );
        for (const [key, text] of english) {
          const other = translated.get(key) ?? '';
          expect(other.trim(), `${language}/${namespace}.json ${key}`).not.toBe('');
          expect(placeholders(other), `${language}/${namespace}.json ${key}`).toEqual(
            placeholders(text),
          );
        }
      }
    });
  }
});
