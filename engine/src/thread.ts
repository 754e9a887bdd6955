import { Worker } from 'node:worker_threads';

import type { EngineOptions, RunningEngine } from './engine.js';
import { type EngineLogger, streamLogger } from './logger.js';

// The engine in a worker thread of the host process: the same engine, on its own core. An app that
// embeds it (rather than reaching a database elsewhere) would otherwise share one thread between
// answering HTTP requests and executing every query and journal write.

type Message =
  | { kind: 'ready'; engine: Omit<RunningEngine, 'stop'> }
  | { kind: 'log'; level: 'info' | 'error'; message: string }
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string };

export interface ThreadOptions extends EngineOptions {
  /** Called if the thread ends without being asked to: the data is safe, the app is not. */
  onUnexpectedExit?: (reason: string) => void;
}

/** Where the worker's code is: beside this file when run from source, beside the bundle when built. */
function workerFile(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts')
    ? new URL('./thread-worker.ts', here)
    : new URL('./engine-thread.js', here);
}

export function startEngineThread(options: ThreadOptions): Promise<RunningEngine> {
  const { logger = streamLogger, onUnexpectedExit, ...engineOptions } = options;
  const file = workerFile();
  // From source (npm run dev, scripts) the thread registers the TypeScript loader first: a loader
  // given on the command line does not reach worker threads on Node 20.
  const worker = file.pathname.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); });`,
        { eval: true, workerData: engineOptions },
      )
    : new Worker(file, { workerData: engineOptions });
  let stopping = false;
  let exited = false;
  let stopped: Promise<void> | undefined;

  return new Promise((resolve, reject) => {
    const log = (level: keyof EngineLogger, message: string) => logger[level](message);
    worker.on('message', (message: Message) => {
      if (message.kind === 'log') log(message.level, message.message);
      else if (message.kind === 'failed') reject(new Error(message.message));
      else if (message.kind === 'ready') {
        resolve({
          ...message.engine,
          stop() {
            stopping = true;
            // A thread that already ended has nothing left to flush.
            if (exited) return Promise.resolve();
            stopped ??= new Promise<void>((done, failed) => {
              worker.on('message', (reply: Message) => {
                if (reply.kind === 'stopped') void worker.terminate().then(() => done());
                if (reply.kind === 'failed') failed(new Error(reply.message));
              });
              worker.postMessage({ kind: 'stop' });
            });
            return stopped;
          },
        });
      }
    });
    worker.on('error', (error) => {
      reject(error);
      if (!stopping) onUnexpectedExit?.(error.message);
    });
    worker.on('exit', (code) => {
      exited = true;
      reject(new Error(`The engine thread exited with code ${code} before it was ready`));
      if (!stopping) onUnexpectedExit?.(`exit code ${code}`);
    });
  });
}
