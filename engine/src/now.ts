import { type StageWalk, walkPipeline } from './pipeline-walk.js';
import { type Doc, isPlainObject } from './values.js';

// $$NOW as MongoDB defines it: one value for the whole command, so every document of a find,
// aggregate or update (and its let values, filters and sub-pipelines) sees the same instant.
// mingo reads the clock again for each document it evaluates, and its ComputeOptions (where the
// instant lives) is not exported; so a command that names $$NOW has it rewritten to a let
// variable bound once, through the command's `let` (let.ts), which every stage already sees.

/** The let variable $$NOW becomes; a user cannot name one like it (no uppercase first letter). */
export const NOW_VARIABLE = 'innerloopNow';

const NOW = '$$NOW';

function isNowPath(value: string): boolean {
  return value === NOW || value.startsWith(`${NOW}.`);
}

/** True when any string in `value` reads $$NOW (literal or not: a cheap first check). */
function mentionsNow(value: unknown): boolean {
  if (typeof value === 'string') return isNowPath(value);
  if (Array.isArray(value)) return value.some(mentionsNow);
  if (isPlainObject(value)) return Object.values(value).some(mentionsNow);
  return false;
}

/** An expression with $$NOW read from the variable ($literal contents left alone). */
function rewriteExpression(value: unknown): unknown {
  if (typeof value === 'string') {
    return isNowPath(value) ? `$$${NOW_VARIABLE}${value.slice(NOW.length)}` : value;
  }
  if (Array.isArray(value)) return value.map(rewriteExpression);
  if (!isPlainObject(value)) return value;
  const copy: Doc = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = key === '$literal' ? item : rewriteExpression(item);
  }
  return copy;
}

/** A query filter: only $expr holds expressions ($and/$or/$nor nest filters). */
function rewriteFilter(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const copy: Doc = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$expr') copy[key] = rewriteExpression(item);
    else if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(item)) {
      copy[key] = item.map(rewriteFilter);
    } else copy[key] = item;
  }
  return copy;
}

/** Stages that hold no expression: left as they are. */
const VERBATIM = new Set([
  '$out',
  '$geoNear',
  '$collStats',
  '$indexStats',
  '$currentOp',
  '$listLocalSessions',
]);

const NOW_STAGES: StageWalk = {
  filter: rewriteFilter,
  // $lookup's, $unionWith's and $merge's let values and $graphLookup's startWith are expressions.
  option: (stage, key, value) =>
    (key === 'let' && stage !== '$graphLookup') || (key === 'startWith' && stage === '$graphLookup')
      ? rewriteExpression(value)
      : value,
  facetName: (name) => name,
  malformed: rewriteExpression,
  other: (name, spec, stage) =>
    isPlainObject(spec) && VERBATIM.has(name) ? stage : { [name]: rewriteExpression(spec) },
};

function rewritePipeline(pipeline: unknown[]): unknown[] {
  return walkPipeline(pipeline, NOW_STAGES);
}

function rewriteLet(spec: unknown, now: Date): unknown {
  if (spec !== undefined && !isPlainObject(spec)) return spec; // parseLet answers the type error
  // First, so that later let values may read $$NOW too.
  const values: Doc = { [NOW_VARIABLE]: now };
  for (const [key, item] of Object.entries(spec ?? {})) values[key] = rewriteExpression(item);
  return values;
}

function rewriteUpdateStatement(statement: unknown): unknown {
  if (!isPlainObject(statement)) return statement;
  return {
    ...statement,
    ...(statement.q !== undefined ? { q: rewriteFilter(statement.q) } : {}),
    // Only a pipeline update evaluates expressions; a classic one stores "$$NOW" as a string.
    ...(Array.isArray(statement.u) ? { u: rewritePipeline(statement.u) } : {}),
    ...(isPlainObject(statement.c) ? { c: rewriteExpression(statement.c) } : {}),
  };
}

function rewriteDeleteStatement(statement: unknown): unknown {
  if (!isPlainObject(statement) || statement.q === undefined) return statement;
  return { ...statement, q: rewriteFilter(statement.q) };
}

const BINDING = new Set([
  'find',
  'aggregate',
  'update',
  'delete',
  'findAndModify',
  'findandmodify',
  'count',
  'distinct',
  'explain',
]);

/** count and distinct take no `let`: the instant bound for each such command, and the command as sent. */
const instants = new WeakMap<Doc, Date>();
const originals = new WeakMap<Doc, Doc>();

/** The variables binding $$NOW for a count or distinct that reads it (see bindNow), else undefined. */
export function nowVariables(command: Doc): Doc | undefined {
  const now = instants.get(command);
  return now ? { [NOW_VARIABLE]: now } : undefined;
}

/** The command as the client sent it, before bindNow rewrote it (for explain's echo). */
export function commandAsSent(command: Doc): Doc {
  return originals.get(command) ?? command;
}

/**
 * The command with $$NOW bound once when it reads $$NOW: through its `let` (find, aggregate,
 * update, delete, findAndModify), through nowVariables (count, distinct), or in the command explain
 * wraps; any other command, or one that does not name $$NOW, comes back unchanged (the same
 * object).
 */
export function bindNow(name: string, command: Doc, now: Date = new Date()): Doc {
  if (!BINDING.has(name) || !mentionsNow(command)) return command;
  if (name === 'explain') {
    const inner = command.explain;
    if (!isPlainObject(inner)) return command;
    const bound = bindNow(Object.keys(inner)[0] ?? '', inner, now);
    if (bound !== inner) originals.set(bound, inner);
    return { ...command, explain: bound };
  }
  if (name === 'count' || name === 'distinct') {
    const copy: Doc = { ...command, query: rewriteFilter(command.query) };
    if (command.query === undefined) delete copy.query;
    instants.set(copy, now);
    return copy;
  }
  const copy: Doc = { ...command, let: rewriteLet(command.let, now) };
  switch (name) {
    case 'find':
      if (command.filter !== undefined) copy.filter = rewriteFilter(command.filter);
      if (isPlainObject(command.projection)) {
        copy.projection = rewriteExpression(command.projection);
      }
      break;
    case 'aggregate':
      if (Array.isArray(command.pipeline)) copy.pipeline = rewritePipeline(command.pipeline);
      break;
    case 'update':
      if (Array.isArray(command.updates))
        copy.updates = command.updates.map(rewriteUpdateStatement);
      break;
    case 'delete':
      if (Array.isArray(command.deletes))
        copy.deletes = command.deletes.map(rewriteDeleteStatement);
      break;
    default:
      if (command.query !== undefined) copy.query = rewriteFilter(command.query);
      if (Array.isArray(command.update)) copy.update = rewritePipeline(command.update);
      if (isPlainObject(command.fields)) copy.fields = rewriteExpression(command.fields);
      break;
  }
  return copy;
}

/**
 * A stored pipeline (a view's) run inside a command: $$NOW read from the command's instant when
 * it has one, else from one taken now for this run.
 */
export function pipelineWithNow(
  pipeline: Doc[],
  variables: Doc | undefined,
): { pipeline: Doc[]; variables: Doc | undefined } {
  if (!mentionsNow(pipeline)) return { pipeline, variables };
  return {
    pipeline: rewritePipeline(pipeline) as Doc[],
    variables: { [NOW_VARIABLE]: new Date(), ...variables },
  };
}
