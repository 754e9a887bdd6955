import { parseArgs } from 'node:util';

import { startEngine } from './engine.js';

// `npm run engine -- --port 27017 --data ./.data [--no-auth]`: the engine on its own, for any
// MongoDB tool. It prints its full connection string, credential included: this is the operator's
// own terminal, and the credential is new at each start.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '27017' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: './.data' },
    'no-auth': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a whole number between 0 and 65535, got ${values.port}\n`);
  process.exit(2);
}

try {
  const engine = await startEngine({
    port,
    host: values.host,
    dataDir: values.data,
    ...(values['no-auth'] ? { auth: false as const } : {}),
  });
  // One write, so whoever reads the first line has the second too.
  const listening = `Innerloop engine listening on ${engine.uri} (data in ${engine.dataDir})\n`;
  if (engine.auth) {
    process.stdout.write(
      `${listening}The password is new at each start; the URI is also in ${engine.uriFile}, readable by you only.\n`,
    );
  } else {
    process.stdout.write(listening);
    process.stderr.write(
      'No authentication (--no-auth): any process on this machine can read and change this data. Use it only for throwaway data.\n',
    );
  }
  const shutdown = () => {
    engine.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`engine: shutdown failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
