import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { languageCodes } from '../../models/vocabulary';
import { namespaces } from '../i18n';

// Every employee-facing and staff-facing string exists in every language, with the same
// placeholders: a key added in English only shows up here, not as English text on a Latvian phone.

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

// i18next plurals: a counted text is `key_one`, `key_other`… with the forms each language needs
// (Polish and Ukrainian add `_few` and `_many`, Latvian `_zero`). English names the counted keys;
// every language has them under its own forms, the ones Intl picks for whole numbers.
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const pluralBases = (keys: Iterable<string>) =>
  new Set(
    [...keys].filter((key) => pluralSuffix.test(key)).map((key) => key.replace(pluralSuffix, '')),
  );
/** The forms a language needs (Intl picks them for whole numbers) and the ones it may have. */
function pluralForms(language: string): { needed: string[]; known: string[] } {
  const rules = new Intl.PluralRules(language);
  const needed = new Set<string>();
  for (let count = 0; count <= 1000; count++) needed.add(rules.select(count));
  return { needed: [...needed], known: rules.resolvedOptions().pluralCategories };
}

describe('locale files', () => {
  it('are exactly the namespaces of app/i18n.ts in each of the six languages', () => {
    for (const language of languageCodes) {
      expect(readdirSync(path.join(folder, language)).sort()).toEqual(
        namespaces.map((namespace) => `${namespace}.json`).sort(),
      );
    }
  });

  for (const namespace of namespaces) {
    it(`${namespace}: every language has every English key, with the same placeholders`, () => {
      const english = leaves(read('en', namespace));
      const counted = pluralBases(english.keys());
      const singular = (keys: Iterable<string>) =>
        [...keys].filter((key) => !counted.has(key.replace(pluralSuffix, ''))).sort();
      for (const language of languageCodes) {
        const translated = leaves(read(language, namespace));
        expect(singular(translated.keys()), `${language}/${namespace}.json`).toEqual(
          singular(english.keys()),
        );
        for (const [key, text] of english) {
          if (counted.has(key.replace(pluralSuffix, ''))) continue;
          const other = translated.get(key) ?? '';
          expect(other.trim(), `${language}/${namespace}.json ${key}`).not.toBe('');
          expect(placeholders(other), `${language}/${namespace}.json ${key}`).toEqual(
            placeholders(text),
          );
        }
        for (const base of counted) {
          const forms = [...translated.keys()]
            .filter((key) => key.replace(pluralSuffix, '') === base && pluralSuffix.test(key))
            .map((key) => key.slice(base.length + 1))
            .sort();
          const { needed, known } = pluralForms(language);
          expect(forms, `${language}/${namespace}.json ${base}`).toEqual(
            expect.arrayContaining(needed),
          );
          for (const form of forms) {
            expect(known, `${language}/${namespace}.json ${base}_${form}`).toContain(form);
          }
          // Every form says what English says. A form may leave a number unsaid ("one thing
          // needs fixing"): the counted one, or one English's own forms leave out too.
          const englishForms = [...english.keys()]
            .filter((key) => key.replace(pluralSuffix, '') === base)
            .map((key) => placeholders(english.get(key) ?? ''));
          const always = englishForms.reduce((kept, names) =>
            kept.filter((name) => names.includes(name)),
          );
          const sometimes = new Set([...englishForms.flat(), 'count']);
          for (const form of forms) {
            const label = `${language}/${namespace}.json ${base}_${form}`;
            const text = translated.get(`${base}_${form}`) ?? '';
            expect(text.trim(), label).not.toBe('');
            const names = placeholders(text);
            expect(names, label).toEqual(
              expect.arrayContaining(always.filter((n) => n !== 'count')),
            );
            for (const name of names) expect([...sometimes], label).toContain(name);
          }
        }
      }
    });
  }
});

// Staff pages and the components they share name their keys in t('…') calls. A key that is not in
// the English file would show the bare key on the page; this reads the sources and checks every
// literal key against the namespace the file asks for with useTranslation.
const appFolder = path.join(folder, '..');

function sourcesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    if (statSync(full).isDirectory()) return name === 'locales' ? [] : sourcesUnder(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The namespaces a source file reads: useTranslation('x') or useTranslation(['x', 'y']). */
function namespacesOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/useTranslation\(\s*(\[[^\]]*\]|'[^']*')/g)) {
    for (const name of (match[1] ?? '').matchAll(/'([^']+)'/g)) found.push(name[1] ?? '');
  }
  for (const match of source.matchAll(/getFixedT\([^,()]*,\s*'([^']+)'/g))
    found.push(match[1] ?? '');
  // Mails read their words with mailWords (app/i18n.ts), the `mail` namespace.
  if (/\bmailWords\(/.test(source)) found.push('mail');
  return found;
}

describe('keys used by the pages', () => {
  const english = new Map(
    namespaces.map((namespace) => [namespace, leaves(read('en', namespace))]),
  );

  it('exist in English, in the namespace the page reads', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourcesUnder(appFolder)) {
      const source = readFileSync(file, 'utf8');
      const fileNamespaces = namespacesOf(source);
      if (fileNamespaces.length === 0) continue;
      // t('key'), t("key"), i18n.t('ns:key'): literal keys only; keys built at run time are
      // covered by the completeness test above and by the pages' own tests.
      for (const call of source.matchAll(/\bt\(\s*'([^'$]+)'/g)) {
        const key = call[1] ?? '';
        const [namespace, leaf] = key.includes(':')
          ? (key.split(':', 2) as [string, string])
          : [null, key];
        const candidates = namespace ? [namespace] : fileNamespaces;
        checked++;
        const found = candidates.some((name) => {
          const keys = english.get(name as (typeof namespaces)[number]);
          return (
            keys !== undefined &&
            (keys.has(leaf) || [...keys.keys()].some((k) => k.startsWith(`${leaf}_`)))
          );
        });
        if (!found) missing.push(`${path.relative(appFolder, file)}: ${key}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});

// Server modules and schemas say their messages as keys ('staff:errors.signInInvalid', see
// ~/utils/message); a key missing from the English file would reach the page as the bare key.
describe('message keys in the sources', () => {
  it('exist in English', () => {
    const english = new Map(
      namespaces.map((namespace) => [namespace, leaves(read('en', namespace))]),
    );
    const keyed = new RegExp(`'(${namespaces.join('|')}):([A-Za-z0-9_.]+)'`, 'g');
    const missing: string[] = [];
    let checked = 0;
    for (const file of sourcesUnder(appFolder)) {
      for (const [, namespace = '', key = ''] of readFileSync(file, 'utf8').matchAll(keyed)) {
        checked++;
        const keys = english.get(namespace as (typeof namespaces)[number]);
        const found =
          keys !== undefined &&
          (keys.has(key) || [...keys.keys()].some((k) => k.startsWith(`${key}_`)));
        if (!found) missing.push(`${path.relative(appFolder, file)}: ${namespace}:${key}`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
