import { MongoServerError } from 'mongodb';
import { expect } from 'vitest';

/** Awaits `action`, which must fail with a server error carrying `code` (and `codeName` if given). */
export async function expectServerError(
  action: Promise<unknown> | (() => Promise<unknown>),
  code: number,
  codeName?: string,
): Promise<MongoServerError> {
  let caught: unknown;
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a server error with code ${code}`).toBeInstanceOf(MongoServerError);
  const error = caught as MongoServerError;
  expect(error.code, `server said: ${error.message}`).toBe(code);
  if (codeName !== undefined) expect(error.codeName).toBe(codeName);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}
