import { Aggregator } from 'mingo';

import { CommandError, fromQueryLibraryError } from './errors.js';
import { bsonTypeName, type Doc, isPlainObject } from './values.js';

// A command's `let` (find, aggregate, update, delete, findAndModify): constants bound once, before
// any document is read, and visible as $$name in $expr, pipelines and sub-pipelines, as MongoDB
// 5.0+ does it.

/** System variables MongoDB only lets its own cluster members set through `let`. */
const INTERNAL_CONSTANTS = new Set(['NOW', 'CLUSTER_TIME', 'JS_SCOPE', 'IS_MR', 'USER_ROLES']);

/** MongoDB's rule for a user variable: a lowercase ASCII letter or non-ASCII first, then [A-Za-z0-9_]. */
function checkName(name: string): void {
  if (name === 'CURRENT') return;
  if (INTERNAL_CONSTANTS.has(name)) {
    throw new CommandError('Location4738901', `Attempt to set internal constant: ${name}`);
  }
  if (name.length === 0) {
    throw new CommandError(
      'Location16866',
      "Invalid 'let' parameter :: caused by :: empty variable names are not allowed",
    );
  }
  const first = name.charCodeAt(0);
  if (!((first >= 0x61 && first <= 0x7a) || first >= 0x80)) {
    throw new CommandError(
      'Location16867',
      `Invalid 'let' parameter :: caused by :: '${name}' starts with an invalid character for a user variable name`,
    );
  }
  for (const char of name.slice(1)) {
    if (!/^[A-Za-z0-9_]$/.test(char) && char.charCodeAt(0) < 0x80) {
      throw new CommandError(
        'Location16868',
        `Invalid 'let' parameter :: caused by :: '${name}' contains an invalid character for a variable name: '${char}'`,
      );
    }
  }
}

/** True when an expression reads the current document ($field, $$ROOT, $$CURRENT). */
function readsDocument(expression: unknown): boolean {
  if (typeof expression === 'string') {
    if (!expression.startsWith('$')) return false;
    if (!expression.startsWith('$$')) return true;
    return /^\$\$(ROOT|CURRENT)(\.|$)/.test(expression);
  }
  if (Array.isArray(expression)) return expression.some(readsDocument);
  if (isPlainObject(expression)) {
    return Object.entries(expression).some(
      ([key, value]) => key !== '$literal' && readsDocument(value),
    );
  }
  return false;
}

/**
 * The variables a command's `let` defines, each evaluated once (later ones may use earlier ones),
 * or undefined when the command has none. Refuses what MongoDB refuses.
 */
export function parseLet(command: string, args: Doc): Doc | undefined {
  const spec = args.let;
  if (spec === undefined) return undefined;
  if (!isPlainObject(spec)) {
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${command}.let' is the wrong type '${bsonTypeName(spec)}', expected type 'object'`,
    );
  }
  const variables: Doc = {};
  for (const [name, expression] of Object.entries(spec)) {
    checkName(name);
    if (readsDocument(expression)) {
      throw new CommandError(
        'Location4890500',
        'Command let Expression tried to access a field, but this is not allowed because Command let Expressions run before the query examines any documents.',
      );
    }
    variables[name] = evaluate(expression, variables);
  }
  return variables;
}

function evaluate(expression: unknown, variables: Doc): unknown {
  try {
    const [result] = new Aggregator([{ $replaceWith: { value: expression } }], {
      variables,
    }).run<Doc>([{}]);
    return result?.value;
  } catch (error) {
    throw fromQueryLibraryError(error);
  }
}

/** Variables of the command merged with a statement's own constants (an update's `c`). */
export function withConstants(
  variables: Doc | undefined,
  constants: Doc | undefined,
): Doc | undefined {
  if (!constants) return variables;
  return { ...variables, ...constants };
}
