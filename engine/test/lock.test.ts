import { describe, expect, it } from 'vitest';

import { startEngine } from '../src/index.js';
import { expectChildStartFailure } from './engine-child.js';
import { embeddedOnly, makeTempDir, quietLogger, removeDir } from './harness.js';

describe.skipIf(embeddedOnly)('data folder lock (embedded engine)', () => {
  it('refuses a second engine on the same folder while the first runs', async () => {
    const dataDir = await makeTempDir('lock');
    const first = await startEngine({ dataDir, port: 0, logger: quietLogger([]) });
    try {
      const second = startEngine({ dataDir, port: 0, logger: quietLogger([]) });
      await expect(second).rejects.toThrow(/lock|in use|data folder/i);
      const failure = await expectChildStartFailure(dataDir);
      expect(failure.code).not.toBe(0);
      expect(failure.stderr).toMatch(/lock|in use|data folder/i);
    } finally {
      await first.stop();
    }
    // Released on stop: the folder can be opened again.
    const reopened = await startEngine({ dataDir, port: 0, logger: quietLogger([]) });
    await reopened.stop();
    await removeDir(dataDir);
  });
});
