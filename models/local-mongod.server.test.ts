import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { findLocalMongod } from './local-mongod.server';

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'innerloop-mongod-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function file(relative: string, executable = true): string {
  const target = path.join(root, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, '#!/bin/sh\n');
  chmodSync(target, executable ? 0o755 : 0o644);
  return target;
}

const empty = () => ({
  env: { PATH: '' },
  home: path.join(root, 'home'),
  cwd: path.join(root, 'project'),
});

describe('findLocalMongod', () => {
  it('finds nothing when no binary is present', () => {
    expect(findLocalMongod(empty())).toBeUndefined();
  });

  it('prefers MONGOMS_SYSTEM_BINARY', () => {
    const system = file('opt/mongod-custom');
    file('bin/mongod');
    const search = {
      ...empty(),
      env: { MONGOMS_SYSTEM_BINARY: system, PATH: path.join(root, 'bin') },
    };
    expect(findLocalMongod(search)).toBe(system);
  });

  it('skips a MONGOMS_SYSTEM_BINARY that does not exist', () => {
    const onPath = file('bin/mongod');
    const search = {
      ...empty(),
      env: { MONGOMS_SYSTEM_BINARY: path.join(root, 'missing'), PATH: path.join(root, 'bin') },
    };
    expect(findLocalMongod(search)).toBe(onPath);
  });

  it('finds mongod on the PATH, ignoring files that are not executable', () => {
    file('first/mongod', false);
    const second = file('second/mongod');
    const search = {
      ...empty(),
      env: { PATH: [path.join(root, 'first'), path.join(root, 'second')].join(path.delimiter) },
    };
    expect(findLocalMongod(search)).toBe(second);
  });

  it("finds the newest binary in mongodb-memory-server's home cache", () => {
    file('home/.cache/mongodb-binaries/mongod-x64-ubuntu-7.0.9');
    const newest = file('home/.cache/mongodb-binaries/mongod-x64-ubuntu-7.0.14');
    file('home/.cache/mongodb-binaries/mongod-x64-ubuntu-7.0.14.md5');
    expect(findLocalMongod(empty())).toBe(newest);
  });

  it("finds a binary in the project's node_modules cache and in MONGOMS_DOWNLOAD_DIR", () => {
    const inModules = file(
      'project/node_modules/.cache/mongodb-memory-server/mongod-arm64-debian-8.0.4',
    );
    expect(findLocalMongod(empty())).toBe(inModules);
    const inDownloadDir = file('downloads/mongod-x64-debian-8.0.4');
    const search = {
      ...empty(),
      env: { PATH: '', MONGOMS_DOWNLOAD_DIR: path.join(root, 'downloads') },
    };
    expect(findLocalMongod(search)).toBe(inDownloadDir);
  });
});
