export interface EngineLogger {
  info(message: string): void;
  error(message: string): void;
}

/** Writes to the process's own streams; the app passes its logger instead. */
export const streamLogger: EngineLogger = {
  info: (message) => process.stdout.write(`${message}\n`),
  error: (message) => process.stderr.write(`${message}\n`),
};
