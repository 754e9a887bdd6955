// Field names that JavaScript objects treat specially (`__proto__`, `constructor`, `toString`, …)
// are ordinary names to MongoDB. Inside the engine they are escaped, so that neither the engine's
// own code nor mingo ever reads, writes or walks a property that an object inherits: a
// `$set: {"__proto__.x": 1}` cannot reach Object.prototype, and a counter keyed `__proto__` is
// kept like any other. Names are escaped where commands come in (and where the journal and
// snapshots are read), and restored where replies go out (and where records are written), so
// clients and the files on disk only ever see the real names.

import { mapArray, mapObject, type StageWalk, walkPipeline } from './pipeline-walk.js';
import type { Doc } from './values.js';

/** Prefixed to an escaped name; a name that already starts with it gets it doubled. */
export const ESCAPE = '\uFFFF';

const SPECIAL = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

let escapedAny = false;

/** Whether any name has been escaped since the engine started (replies need restoring only then). */
export function namesEscaped(): boolean {
  return escapedAny;
}

function escapePart(part: string): string {
  if (SPECIAL.has(part) || part.startsWith(ESCAPE)) {
    escapedAny = true;
    return ESCAPE + part;
  }
  return part;
}

function mayNeedEscape(name: string): boolean {
  return SPECIAL.has(name) || name.includes(ESCAPE) || (name.includes('.') && hasSpecialPart(name));
}

function hasSpecialPart(name: string): boolean {
  return name.split('.').some((part) => SPECIAL.has(part));
}

/** A field name or dotted path as the engine keeps it: each special part escaped. */
export function escapeName(name: string): string {
  if (!mayNeedEscape(name)) return name;
  return name.includes('.') ? name.split('.').map(escapePart).join('.') : escapePart(name);
}

/** The real name of an escaped field name or path. */
export function restoreName(name: string): string {
  if (!name.includes(ESCAPE)) return name;
  return name
    .split('.')
    .map((part) => (part.startsWith(ESCAPE) ? part.slice(1) : part))
    .join('.');
}

/** Error messages name fields as the engine keeps them: show the real names. */
export function restoreText(text: string): string {
  if (!text.includes(ESCAPE)) return text;
  return text.replace(/\uFFFF(\uFFFF*)/g, '$1');
}

function isPlain(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value) || value instanceof Date || value instanceof RegExp) return false;
  if (ArrayBuffer.isView(value)) return false;
  return (value as { _bsontype?: unknown })._bsontype === undefined;
}

/** Escapes every key of a document, at every depth (documents stored or compared as data). */
export function escapeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return mapArray(value, escapeKeys);
  if (!isPlain(value)) return value;
  return mapObject(value, escapeName, (_key, item) => escapeKeys(item));
}

/** Restores every key of a document, at every depth. */
export function restoreKeys(value: unknown): unknown {
  if (Array.isArray(value)) return mapArray(value, restoreKeys);
  if (!isPlain(value)) return value;
  return mapObject(value, restoreName, (_key, item) => restoreKeys(item));
}

/** A query filter: keys are paths; `$expr` holds an aggregation expression. */
export function escapeFilter(value: unknown): unknown {
  if (Array.isArray(value)) return mapArray(value, escapeFilter);
  if (!isPlain(value)) return value;
  return mapObject(value, escapeName, (key, item) =>
    key === '$expr' ? escapeExpr(item) : escapeFilter(item),
  );
}

/** A `$field.path` or `$$variable.path` reference, escaped; any other string as it is. */
function escapeReference(text: string): string {
  if (!text.startsWith('$')) return text;
  const at = text.startsWith('$$') ? 2 : 1;
  const rest = text.slice(at);
  const escaped = escapeName(rest);
  return escaped === rest ? text : text.slice(0, at) + escaped;
}

function nameOrSame(value: unknown): unknown {
  return typeof value === 'string' ? escapeName(value) : value;
}

function escapeEntryKeys(entries: unknown): unknown {
  if (!Array.isArray(entries)) return entries;
  return entries.map((entry: unknown) => {
    if (Array.isArray(entry) && typeof entry[0] === 'string') {
      const pair = entry as unknown[];
      return [escapeName(pair[0] as string), ...pair.slice(1)];
    }
    if (isPlain(entry) && typeof entry.k === 'string') return { ...entry, k: escapeName(entry.k) };
    return entry;
  });
}

function restoreEntryKeys(entries: unknown): unknown {
  if (!Array.isArray(entries)) return entries;
  return entries.map((entry: unknown) =>
    isPlain(entry) && typeof entry.k === 'string' ? { ...entry, k: restoreName(entry.k) } : entry,
  );
}

/** Engine code run inside an expression (never reachable from a client, who cannot send code). */
function engineFunction(body: (value: unknown) => unknown, argument: unknown): Doc {
  return { $function: { body, args: [argument], lang: 'js' } };
}

/** `$arrayToObject` builds keys from data: escape each entry's key first. */
function escapedEntries(input: unknown): Doc {
  return engineFunction(escapeEntryKeys, input);
}

/** `$objectToArray` turns keys into data: restore each key. */
function restoredEntries(array: unknown): Doc {
  return engineFunction(restoreEntryKeys, array);
}

const NAME_OPTIONS: Record<string, string[]> = {
  $getField: ['field'],
  $setField: ['field'],
  $unsetField: ['field'],
  $map: ['as'],
  $filter: ['as'],
};

/** An aggregation expression: keys, `$path` and `$$variable` references, variable names. */
export function escapeExpr(value: unknown): unknown {
  if (typeof value === 'string') return escapeReference(value);
  if (Array.isArray(value)) return mapArray(value, escapeExpr);
  if (!isPlain(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const [operator] = keys;
    const argument = value[operator];
    if (operator === '$literal') return { $literal: escapeKeys(argument) };
    if (operator === '$arrayToObject') {
      // A one-element array is the operator's argument list, as MongoDB reads it.
      const input: unknown =
        Array.isArray(argument) && argument.length === 1 ? (argument as unknown[])[0] : argument;
      return { $arrayToObject: escapedEntries(escapeExpr(input)) };
    }
    if (operator === '$objectToArray') {
      return restoredEntries({ $objectToArray: escapeExpr(argument) });
    }
    if (operator === '$getField' && typeof argument === 'string') {
      return { $getField: escapeName(argument) };
    }
    const names = NAME_OPTIONS[operator];
    if (names && isPlain(argument)) {
      return {
        [operator]: mapObject(
          argument,
          (key) => key,
          (key, item) => (names.includes(key) ? nameOrSame(item) : escapeExpr(item)),
        ),
      };
    }
  }
  return mapObject(value, escapeName, (_key, item) => escapeExpr(item));
}

/** Stage options that name fields (not `$`-prefixed) rather than hold expressions. */
const STAGE_NAMES: Record<string, string[]> = {
  $lookup: ['localField', 'foreignField', 'as'],
  $graphLookup: ['connectFromField', 'connectToField', 'as', 'depthField'],
  $unwind: ['includeArrayIndex'],
  $densify: ['field'],
  $merge: ['on'],
  $bucketAuto: [],
};

/** An option of a stage that names fields, a collection, or holds an expression. */
function escapeOption(stage: string, key: string, item: unknown): unknown {
  if (STAGE_NAMES[stage]?.includes(key)) {
    return Array.isArray(item) ? mapArray(item, nameOrSame) : nameOrSame(item);
  }
  if (key === 'from' || key === 'coll' || key === 'into') return item;
  return escapeExpr(item);
}

const ESCAPE_STAGES: StageWalk = {
  filter: escapeFilter,
  option: escapeOption,
  facetName: escapeName,
  malformed: escapeExpr,
  other(name, spec, stage) {
    switch (name) {
      case '$unset':
      case '$count':
        return {
          [name]: Array.isArray(spec) ? mapArray(spec, nameOrSame) : nameOrSame(spec),
        };
      case '$sort':
        return { $sort: escapeKeys(spec) };
      case '$facet':
      case '$out':
        return stage;
      default:
        break;
    }
    if (isPlain(spec) && STAGE_NAMES[name]) {
      return {
        [name]: mapObject(
          spec,
          (key) => key,
          (key, item) => escapeOption(name, key, item),
        ),
      };
    }
    return { [name]: escapeExpr(spec) };
  },
};

export function escapePipeline(pipeline: unknown): unknown {
  return Array.isArray(pipeline) ? walkPipeline(pipeline, ESCAPE_STAGES) : pipeline;
}

/** An update: operators with paths, a pipeline, or a replacement document. */
export function escapeUpdate(update: unknown): unknown {
  if (Array.isArray(update)) return escapePipeline(update);
  if (!isPlain(update)) return update;
  const operators = Object.keys(update).some((key) => key.startsWith('$'));
  if (!operators) return escapeKeys(update);
  return mapObject(
    update,
    (key) => key,
    (operator, fields) => {
      if (!isPlain(fields)) return fields;
      return mapObject(fields, escapeName, (_path, argument) => {
        if (operator === '$rename') return nameOrSame(argument);
        if (operator === '$pull') return escapeFilter(argument);
        return escapeKeys(argument);
      });
    },
  );
}

function escapeFields(doc: Doc, plan: Record<string, (value: unknown) => unknown>): Doc {
  return mapObject(
    doc,
    (key) => key,
    (key, value) => (Object.hasOwn(plan, key) && value !== undefined ? plan[key](value) : value),
  );
}

function each(map: (item: Doc) => Doc): (value: unknown) => unknown {
  return (value) =>
    Array.isArray(value) ? mapArray(value, (item) => (isPlain(item) ? map(item) : item)) : value;
}

const statement = {
  q: escapeFilter,
  u: escapeUpdate,
  arrayFilters: escapeFilter,
  hint: escapeKeys,
  sort: escapeKeys,
  c: escapeExpr,
};

const PLANS: Record<string, Record<string, (value: unknown) => unknown>> = {
  insert: { documents: escapeKeys },
  update: { updates: each((item) => escapeFields(item, statement)), let: escapeExpr },
  delete: { deletes: each((item) => escapeFields(item, statement)), let: escapeExpr },
  find: {
    filter: escapeFilter,
    projection: escapeExpr,
    sort: escapeKeys,
    hint: escapeKeys,
    min: escapeKeys,
    max: escapeKeys,
    let: escapeExpr,
  },
  findAndModify: {
    query: escapeFilter,
    sort: escapeKeys,
    update: escapeUpdate,
    fields: escapeExpr,
    arrayFilters: escapeFilter,
    hint: escapeKeys,
    let: escapeExpr,
  },
  aggregate: { pipeline: escapePipeline, let: escapeExpr, hint: escapeKeys },
  count: { query: escapeFilter, hint: escapeKeys },
  distinct: { key: nameOrSame, query: escapeFilter, hint: escapeKeys },
  createIndexes: {
    indexes: each((item) =>
      escapeFields(item, { key: escapeKeys, partialFilterExpression: escapeFilter }),
    ),
  },
  dropIndexes: { index: escapeKeys },
  create: { validator: escapeFilter, pipeline: escapePipeline },
  collMod: { validator: escapeFilter, pipeline: escapePipeline },
};
PLANS.findandmodify = PLANS.findAndModify;

/** A command as the engine runs it: every field name and path in it escaped. */
export function escapeCommand(name: string, command: Doc): Doc {
  if (name === 'explain' && isPlain(command.explain)) {
    const inner = command.explain;
    const innerName = Object.keys(inner)[0];
    const escaped = innerName === undefined ? inner : escapeCommand(innerName, inner);
    return escaped === inner ? command : { ...command, explain: escaped };
  }
  const plan = Object.hasOwn(PLANS, name) ? PLANS[name] : undefined;
  return plan ? escapeFields(command, plan) : command;
}

function restoreMessage(error: unknown): unknown {
  return isPlain(error) && typeof error.errmsg === 'string' && error.errmsg.includes(ESCAPE)
    ? { ...error, errmsg: restoreText(error.errmsg) }
    : error;
}

/** A reply as the client sees it: real names in documents and messages. */
export function restoreReply(reply: Doc): Doc {
  if (!escapedAny) return reply;
  const restored = restoreMessage(restoreKeys(reply)) as Doc;
  return Array.isArray(restored.writeErrors)
    ? { ...restored, writeErrors: restored.writeErrors.map(restoreMessage) }
    : restored;
}
