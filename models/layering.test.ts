import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

// models/ is the layer under app/: the schemas and the shared vocabulary, which scripts, the
// server and app/ all build on. An import the other way (a model reaching into app/) ties the
// stored shape to a page's code and makes cycles; what both need lives in models/vocabulary.ts.

const folder = import.meta.dirname;
const appFolder = path.join(folder, '..', 'app');

/** Every module a source names: static and dynamic imports, and re-exports. */
function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) found.push(match[1] ?? '');
  }
  return found;
}

/** Whether a specifier written in `file` leads into app/ (relatively or through the ~/ alias). */
function leadsIntoApp(file: string, specifier: string): boolean {
  if (specifier.startsWith('~/')) return true;
  if (!specifier.startsWith('.')) return false;
  const target = path.resolve(path.dirname(file), specifier);
  return target === appFolder || target.startsWith(`${appFolder}${path.sep}`);
}

function sourcesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return /\.[cm]?[jt]sx?$/.test(entry.name) ? [full] : [];
  });
}

describe('models/', () => {
  it('never import from app/', () => {
    // This file names app/ in its examples below.
    const sources = sourcesUnder(folder).filter((file) => file !== import.meta.filename);
    const offending = sources.flatMap((file) =>
      importSpecifiers(readFileSync(file, 'utf8'))
        .filter((specifier) => leadsIntoApp(file, specifier))
        .map((specifier) => `${path.relative(folder, file)}: ${specifier}`),
    );
    expect(offending).toEqual([]);
  });

  it('reads every kind of import, so the check above can fail', () => {
    const file = path.join(folder, 'example.server.ts');
    const source = [
      "import { a } from '../app/a';",
      "import type { B } from '~/b';",
      "export { c } from '../app/c/index';",
      "import '../app/side-effect';",
      "const d = await import('../app/d');",
      "import { e } from './vocabulary';",
      "import mongoose from 'mongoose';",
    ].join('\n');
    const specifiers = importSpecifiers(source);
    expect(specifiers).toHaveLength(7);
    expect(specifiers.filter((specifier) => leadsIntoApp(file, specifier))).toEqual([
      '../app/a',
      '~/b',
      '../app/c/index',
      '../app/side-effect',
      '../app/d',
    ]);
  });
});
