import { ObjectId } from 'bson';
import { Aggregator } from 'mingo';

import type { Collation } from '../collation.js';
import { CommandError, fromQueryLibraryError } from '../errors.js';
import {
  checkIdFieldNames,
  checkOperatorPaths,
  checkReplacementFieldNames,
  rewriteFieldExpressions,
  takeDollarSets,
} from '../field-names.js';
import { cloneDoc, type Doc, isPlainObject, keyOf } from '../values.js';
import { applyOperators, checkConflicts } from './update-operators.js';

export type UpdateSpec = Doc | Doc[];

const PIPELINE_UPDATE_STAGES = new Set([
  '$addFields',
  '$set',
  '$project',
  '$unset',
  '$replaceRoot',
  '$replaceWith',
]);

export function isOperatorUpdate(update: UpdateSpec): boolean {
  // MongoDB decides by the first field: a replacement may hold $-prefixed names after it.
  return !Array.isArray(update) && (Object.keys(update)[0]?.startsWith('$') ?? false);
}

export function validateUpdate(update: unknown): UpdateSpec {
  if (Array.isArray(update)) {
    for (const stage of update) {
      const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
      if (!name || !PIPELINE_UPDATE_STAGES.has(name)) {
        throw new CommandError(
          'FailedToParse',
          `${String(name)} is not allowed to be used within an update`,
        );
      }
    }
    return update as Doc[];
  }
  if (!isPlainObject(update)) {
    throw new CommandError('FailedToParse', 'Update argument must be either an object or an array');
  }
  if (isOperatorUpdate(update)) {
    for (const [key, value] of Object.entries(update)) {
      if (!key.startsWith('$')) {
        throw new CommandError(
          'FailedToParse',
          `Unknown modifier: ${key}. Expected a valid update modifier or pipeline-style update specified as an array`,
        );
      }
      if (!isPlainObject(value)) {
        throw new CommandError(
          'FailedToParse',
          `Modifiers operate on fields but we found type ${typeof value} instead. For example: {$mod: {<field>: ...}} not {${key}: ${String(value)}}`,
        );
      }
    }
  }
  return update;
}

function setPath(target: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let at: Doc = target;
  for (const part of parts.slice(0, -1)) {
    const next = Object.hasOwn(at, part) ? at[part] : undefined;
    if (!isPlainObject(next)) at[part] = {};
    at = at[part] as Doc;
  }
  at[parts[parts.length - 1]] = cloneDoc(value);
}

/** The document an upsert starts from: the filter's equality conditions, as MongoDB builds it. */
function upsertSeed(filter: Doc): Doc {
  const seed: Doc = {};
  const visit = (clause: Doc) => {
    for (const [field, condition] of Object.entries(clause)) {
      if (field === '$and' && Array.isArray(condition)) {
        for (const part of condition) if (isPlainObject(part)) visit(part);
        continue;
      }
      if (field.startsWith('$') || condition instanceof RegExp) continue;
      if (isPlainObject(condition)) {
        const keys = Object.keys(condition);
        if (keys.length > 0 && keys.every((key) => key.startsWith('$'))) {
          if ('$eq' in condition) setPath(seed, field, condition.$eq);
          continue;
        }
      }
      setPath(seed, field, condition);
    }
  };
  visit(filter);
  return seed;
}

function withIdFirst(doc: Doc, id: unknown): Doc {
  const { _id: _ignored, ...rest } = doc;
  return { _id: id, ...rest };
}

export interface Applied {
  doc: Doc;
  changed: boolean;
}

/**
 * The document that results from applying an update to `current` (or, for an upsert, to the
 * seed built from the filter). `current` itself is never changed.
 */
export function applyUpdate(
  current: Doc | undefined,
  update: UpdateSpec,
  filter: Doc,
  arrayFilters: Doc[] | undefined,
  variables?: Doc,
  collation?: Collation,
): Applied {
  const inserting = current === undefined;
  const base = current ?? upsertSeed(filter);
  let next: Doc;
  if (Array.isArray(update)) {
    try {
      next =
        new Aggregator(
          rewriteFieldExpressions(update),
          variables ? { variables } : undefined,
        ).run<Doc>([cloneDoc(base)])[0] ?? {};
    } catch (error) {
      throw fromQueryLibraryError(error);
    }
  } else if (isOperatorUpdate(update)) {
    checkConflicts(update);
    const { $setOnInsert, ...operators } = update;
    if (inserting && isPlainObject($setOnInsert)) {
      operators.$set = {
        ...(isPlainObject(operators.$set) ? operators.$set : {}),
        ...$setOnInsert,
      };
    }
    if (!inserting) checkOperatorPaths(operators);
    const direct = inserting ? takeDollarSets(operators) : undefined;
    next = cloneDoc(base);
    applyOperators(next, operators, arrayFilters, inserting ? undefined : filter, collation);
    if (direct) Object.assign(next, cloneDoc(direct));
  } else {
    if (
      update._id !== undefined &&
      base._id !== undefined &&
      keyOf(update._id) !== keyOf(base._id)
    ) {
      throw immutableId(current ? current._id : base._id, update._id);
    }
    if (inserting) checkIdFieldNames(update);
    else checkReplacementFieldNames(update);
    next = { ...update };
  }
  const id = base._id !== undefined ? base._id : next._id !== undefined ? next._id : new ObjectId();
  if (next._id !== undefined && keyOf(next._id) !== keyOf(id)) throw immutableId(id, next._id);
  next = withIdFirst(next, id);
  const changed = inserting || keyOf(next) !== keyOf(current);
  return { doc: next, changed };
}

function immutableId(_before: unknown, _after: unknown): CommandError {
  return new CommandError(
    'ImmutableField',
    "Performing an update on the path '_id' would modify the immutable field '_id'",
  );
}
