import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

// A refusal leaves the server one way (see permissions.server.ts): `forbidden()`, `notFound()`
// and `refuseAddress()` build every 403, 404 and 400 a loader throws, so each area's error page
// gets the same shape and no module invents its own. Responses that carry content (the page,
// CSV files) are not refusals.

const appFolder = path.join(import.meta.dirname, '..');
const refusalHomes = ['utils/permissions.server.ts', 'utils/form.server.ts'];

function sourcesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourcesUnder(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('refusals', () => {
  it('are built only by the permission and form helpers', () => {
    const builders = sourcesUnder(appFolder)
      .filter((file) => !refusalHomes.includes(path.relative(appFolder, file)))
      .filter((file) => {
        const source = readFileSync(file, 'utf8');
        return /new Response\([^)]*status:\s*4\d\d/s.test(source) || /throw json\(/.test(source);
      })
      .map((file) => path.relative(appFolder, file));
    expect(builders).toEqual([]);
  });
});
