// The body of an engine thread (see thread.ts): starts the engine with the options it was given,
// reports where it listens, forwards its log lines, and stops when told to.
import { parentPort, workerData } from 'node:worker_threads';

import { type EngineOptions, startEngine } from './engine.js';

type Options = Omit<EngineOptions, 'logger'>;

const port = parentPort;
if (!port) throw new Error('thread-worker runs as a worker thread');

try {
  const engine = await startEngine({
    ...(workerData as Options),
    logger: {
      info: (message) => port.postMessage({ kind: 'log', level: 'info', message }),
      error: (message) => port.postMessage({ kind: 'log', level: 'error', message }),
    },
  });
  port.on('message', (message: { kind?: string }) => {
    if (message.kind !== 'stop') return;
    void engine.stop().then(
      () => {
        port.postMessage({ kind: 'stopped' });
        port.close();
      },
      (error: unknown) => port.postMessage({ kind: 'failed', message: String(error) }),
    );
  });
  const { uri, host, port: tcpPort, dataDir, uriFile, auth } = engine;
  port.postMessage({
    kind: 'ready',
    engine: { uri, host, port: tcpPort, dataDir, uriFile, auth },
  });
} catch (error) {
  port.postMessage({
    kind: 'failed',
    message: error instanceof Error ? error.message : String(error),
  });
  port.close();
}
