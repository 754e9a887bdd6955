// Operation limits: `maxTimeMS` as MongoDB honours it (code 50, MaxTimeMSExpired), and reads that
// give way to other connections, so one long or runaway query cannot stall the whole engine.

import v8 from 'node:v8';

import { CommandError } from './errors.js';
import { bsonText, bsonTypeName, type Doc } from './values.js';

/** Commands that take `maxTimeMS`; for others it is ignored, as MongoDB ignores unknown generic fields. */
const TIMED = new Set([
  'find',
  'aggregate',
  'count',
  'distinct',
  'findAndModify',
  'findandmodify',
  'update',
  'delete',
  'getMore',
  'insert',
  'explain',
]);

const MAX_TIME_LIMIT = 2 ** 31 - 1;

/** A read gives way to other connections after running this long without a pause. */
const SLICE_MS = 10;

/** How many documents pass between two looks at the clock (one document may be slow). */
const CHECK_EVERY = 1;

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'bigint') return true;
  const tag = (value as { _bsontype?: unknown } | null)?._bsontype;
  return tag === 'Long' || tag === 'Int32' || tag === 'Double' || tag === 'Decimal128';
}

/**
 * The `maxTimeMS` a command gives, checked as MongoDB checks it: a number (14 TypeMismatch
 * otherwise), a whole one from 0 to 2^31 - 1 (2 BadValue otherwise). 0 or absent: no limit.
 */
export function maxTimeMS(command: string, args: Doc): number | undefined {
  const value = args.maxTimeMS;
  if (value === undefined || value === null || !TIMED.has(command)) return undefined;
  if (!isNumeric(value)) {
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${command}.maxTimeMS' is the wrong type '${bsonTypeName(value)}', expected types '[long, int, decimal, double]'`,
    );
  }
  const number = typeof value === 'number' ? value : Number(bsonText(value));
  if (!Number.isInteger(number)) {
    throw new CommandError('BadValue', 'maxTimeMS has a non-integral value');
  }
  if (number < 0 || number > MAX_TIME_LIMIT) {
    throw new CommandError('BadValue', `${number} value for maxTimeMS is out of range`);
  }
  return number === 0 ? undefined : number;
}

/** The moment (performance.now()) by which the command must end, if it has a limit. */
export function deadlineOf(command: string, args: Doc): number | undefined {
  const limit = maxTimeMS(command, args);
  return limit === undefined ? undefined : performance.now() + limit;
}

export function expired(): CommandError {
  return new CommandError('MaxTimeMSExpired', 'operation exceeded time limit');
}

export function checkDeadline(deadline: number | undefined): void {
  if (deadline !== undefined && performance.now() > deadline) throw expired();
}

/** Whether an error ends the whole command rather than one statement of a batch. */
export function isInterruption(error: unknown): boolean {
  return error instanceof CommandError && error.codeName === 'MaxTimeMSExpired';
}

/**
 * Work cut into steps: a generator that yields between documents. Run at once with `runSteps`
 * (inside a write, which must not pause), or giving way to other connections with `runYielding`.
 */
export type Steps<T> = Generator<void, T, void>;

/** The items that pass `test`, a pause point every few, the deadline checked at each. */
export function* filterSteps<T>(
  items: readonly T[],
  test: (item: T) => boolean,
  deadline: number | undefined,
): Steps<T[]> {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i % CHECK_EVERY === CHECK_EVERY - 1) {
      checkDeadline(deadline);
      yield;
    }
    if (test(items[i])) out.push(items[i]);
  }
  checkDeadline(deadline);
  return out;
}

export function runSteps<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the steps, pausing every SLICE_MS so that other connections' commands run meanwhile. */
export async function runYielding<T>(steps: Steps<T>): Promise<T> {
  let sliceStart = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await pause();
      sliceStart = performance.now();
    }
    step = steps.next();
  }
  return step.value;
}

/** The documents one by one, the deadline checked as they are taken (a pipeline's input). */
export function* timedInput<T>(items: Iterable<T>, deadline: number | undefined): Generator<T> {
  if (deadline === undefined) {
    yield* items;
    return;
  }
  let i = 0;
  for (const item of items) {
    if (++i % CHECK_EVERY === 0) checkDeadline(deadline);
    yield item;
  }
  checkDeadline(deadline);
}

let regexGuard = false;

/**
 * A regular expression that backtracks without end (`^(a+)+$` against "aaaa…!") would hold the
 * engine's thread for minutes on one document, where nothing can interrupt it. V8 can switch such
 * a match to its linear-time engine once it has backtracked too long: same answer, bounded time.
 * (Patterns that engine cannot run, with backreferences, lookaround or the `i` flag, still backtrack.)
 */
export function guardRegexBacktracking(): void {
  if (regexGuard) return;
  regexGuard = true;
  v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  v8.setFlagsFromString('--regexp-backtracks-before-fallback=50000');
}

/** The most elements one `$range` may produce (as the check on constant arguments in pipeline.ts). */
export const MAX_RANGE_ELEMENTS = 10_000_000;

function checkedRangeEnd(start: unknown, end: unknown, step: unknown): unknown {
  if (typeof start === 'number' && typeof end === 'number' && typeof step === 'number' && step) {
    if (Math.abs((end - start) / step) > MAX_RANGE_ELEMENTS) {
      throw new CommandError(
        'BadValue',
        `$range would produce more than ${MAX_RANGE_ELEMENTS} elements`,
      );
    }
  }
  return end;
}

/**
 * `$range` whose bounds come from the documents (`{$range: [0, "$n"]}`) is checked as it runs, so
 * a huge value in the data fails the command instead of exhausting the engine's memory.
 */
export function guardRangeExpressions(command: string, value: unknown): unknown {
  if (command === 'insert') return value;
  return guardRanges(value);
}

function guardRanges(value: unknown): unknown {
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item: unknown) => {
      const guarded = guardRanges(item);
      if (guarded !== item) changed = true;
      return guarded;
    });
    return changed ? out : value;
  }
  if (value === null || typeof value !== 'object') return value;
  if ((value as { _bsontype?: unknown })._bsontype !== undefined) return value;
  if (value instanceof Date || value instanceof RegExp || ArrayBuffer.isView(value)) return value;
  const doc = value as Doc;
  let out: Doc | undefined;
  for (const key of Object.keys(doc)) {
    const item = doc[key];
    let guarded = guardRanges(item);
    if (key === '$range' && Array.isArray(guarded) && guarded.length >= 2 && guarded.length <= 3) {
      const [start, end, step] = guarded as unknown[];
      guarded = [
        start,
        {
          $function: { body: checkedRangeEnd, args: [start, end, step ?? 1], lang: 'js' },
        },
        ...(guarded.length === 3 ? [step] : []),
      ];
    }
    if (guarded !== item) {
      out ??= { ...doc };
      Object.defineProperty(out, key, {
        value: guarded,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
  }
  return out ?? value;
}
