import type { EngineLogger } from './logger.js';

// validationAction "warn": MongoDB writes the document and logs a warning (log id 20294,
// "Document would fail validation"). MongoDB's line also carries the document and errInfo; the
// engine's names only the namespace, since a document (a survey answer) must never reach a log.
// Validation runs inside a store's synchronous change (Store.write), which sets the logger of its
// engine for that change, so each engine's warnings go to its own logger.

let current: EngineLogger | undefined;

/** Runs a synchronous change with `logger` receiving its validation warnings. */
export function withValidationWarnings<T>(logger: EngineLogger, change: () => T): T {
  const previous = current;
  current = logger;
  try {
    return change();
  } finally {
    current = previous;
  }
}

/** Logs that a document failing its collection's validator was written (validationAction warn). */
export function warnValidation(ns: string): void {
  current?.info(
    `engine: warning (id 20294): Document would fail validation, namespace ${ns}; written because its validationAction is "warn" (the document is not logged)`,
  );
}
