import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { startApp } from './harness/app';

// The built server starts its embedded engine in a worker thread with a credential made for that
// start. Another local process that finds the engine's port (the start-up log, or `ss -ltn`)
// reads and changes nothing; a tool given the URI file the log names gets in.
describe('the built server’s embedded engine', () => {
  it('refuses a local process without the credential and never logs the password', async () => {
    const app = await startApp();
    try {
      const line = /Database: embedded engine on 127\.0\.0\.1:(\d+)[^\n]*URI in (\S+)/.exec(
        app.output(),
      );
      // A machine with a mongod installed runs that instead; nothing to check here then.
      if (!line) {
        expect(app.output()).toMatch(/Database: local mongod/);
        return;
      }
      const [, port, uriFile = ''] = line;
      expect(uriFile).toBe(path.join(app.dataDir, 'engine', 'mongodb-uri.txt'));
      expect(statSync(uriFile).mode & 0o777).toBe(0o600);

      const uri = readFileSync(uriFile, 'utf8').trim();
      const password = new URL(uri.replace(/^mongodb:/, 'http:')).password;
      expect(password.length).toBeGreaterThanOrEqual(43);
      expect(app.output()).not.toContain(password);
      // The tool, with the URI file, gets in: it adds an employee.
      const tool = await MongoClient.connect(uri);
      const people = tool.db('innerloop').collection('people');
      const { insertedId } = await people.insertOne({ name: 'Probe', hrAdmin: false });

      const attacker = new MongoClient(`mongodb://127.0.0.1:${port}/?directConnection=true`, {
        serverSelectionTimeoutMS: 5000,
      });
      const attempt: unknown = await attacker
        .db('innerloop')
        .collection('people')
        .updateMany({}, { $set: { hrAdmin: true } })
        .catch((error: unknown) => error);
      expect(attempt).toMatchObject({ code: 13, codeName: 'Unauthorized' });
      await attacker.close();

      expect(await people.findOne({ _id: insertedId })).toMatchObject({ hrAdmin: false });
      await people.deleteOne({ _id: insertedId });
      await tool.close();
    } finally {
      expect(await app.stop()).toBe(0);
    }
  });
});
