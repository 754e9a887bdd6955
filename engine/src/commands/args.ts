import { CommandError } from '../errors.js';
import { plainNumber } from '../numbers.js';
import { bsonText, bsonTypeName, type Doc, isPlainObject } from '../values.js';

// Argument checks that answer with the same codes and wording MongoDB uses, so a client's
// mistake gets a clear error instead of a crash or a silent default.

function wrongType(command: string, field: string, value: unknown, expected: string): CommandError {
  return new CommandError(
    'TypeMismatch',
    `BSON field '${command}.${field}' is the wrong type '${bsonTypeName(value)}', expected type '${expected}'`,
  );
}

export function optionalDoc(command: string, args: Doc, field: string): Doc | undefined {
  const value = args[field];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw wrongType(command, field, value, 'object');
  return value;
}

export function optionalArray(command: string, args: Doc, field: string): unknown[] | undefined {
  const value = args[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw wrongType(command, field, value, 'array');
  return value as unknown[];
}

export function requiredArray(command: string, args: Doc, field: string): unknown[] {
  const value = optionalArray(command, args, field);
  if (value === undefined) {
    throw new CommandError(
      'FailedToParse',
      `BSON field '${command}.${field}' is missing but a required field`,
    );
  }
  return value;
}

export function docsOf(command: string, field: string, values: unknown[]): Doc[] {
  return values.map((value, i) => {
    if (!isPlainObject(value)) throw wrongType(command, `${field}.${i}`, value, 'object');
    return value;
  });
}

export function optionalBool(command: string, args: Doc, field: string): boolean | undefined {
  const value = args[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  throw wrongType(command, field, value, 'bool');
}

export function optionalString(command: string, args: Doc, field: string): string | undefined {
  const value = args[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrongType(command, field, value, 'string');
  return value;
}

/** A non-negative whole number such as limit, skip or batchSize. */
export function optionalCount(command: string, args: Doc, field: string): number | undefined {
  const value = args[field];
  if (value === undefined || value === null) return undefined;
  const number =
    typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : Number.NaN;
  if (typeof value !== 'number' && typeof value !== 'bigint' && !isLongLike(value)) {
    throw wrongType(command, field, value, 'long');
  }
  const whole = Math.trunc(isLongLike(value) ? Number(bsonText(value)) : number);
  if (whole < 0) {
    throw new CommandError(
      'Location51024',
      `BSON field '${field}' value must be >= 0, actual value '${whole}'`,
    );
  }
  return whole;
}

function isLongLike(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { _bsontype?: unknown })._bsontype === 'Long'
  );
}

/** The collection name a command names in its first field, checked as MongoDB does. */
export function collectionName(command: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new CommandError(
      'InvalidNamespace',
      `collection name has invalid type ${bsonTypeName(value)}`,
    );
  }
  if (
    value.length === 0 ||
    value.includes('\0') ||
    value.startsWith('$') ||
    value.startsWith('.')
  ) {
    throw new CommandError(
      'InvalidNamespace',
      `Invalid namespace specified '${value}' for ${command}`,
    );
  }
  return value;
}

export function databaseName(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new CommandError('InvalidNamespace', 'the command has no valid $db field');
  }
  if (/[/\\. "$\0]/.test(value) || value.length > 63) {
    throw new CommandError('InvalidNamespace', `Invalid database name: '${value}'`);
  }
  return value;
}

export function validateSort(command: string, sort: Doc | undefined): Doc | undefined {
  if (!sort) return undefined;
  for (const [field, given] of Object.entries(sort)) {
    const direction = plainNumber(given);
    if (direction !== given) sort[field] = direction;
    const ok = direction === 1 || direction === -1 || isPlainObject(direction);
    if (!ok) {
      throw new CommandError(
        'Location15975',
        `$sort key ordering must be 1 (for ascending) or -1 (for descending)`,
      );
    }
  }
  return Object.keys(sort).length > 0 ? sort : undefined;
}

/**
 * The fields every command may carry besides its own (session, write concern, API version…),
 * with the command's name: what a command that treats its other fields as options leaves out.
 */
export function commandEnvelope(name: string): ReadonlySet<string> {
  return new Set([
    name,
    '$db',
    'lsid',
    'writeConcern',
    '$clusterTime',
    '$readPreference',
    'comment',
    'apiVersion',
    'apiStrict',
    'apiDeprecationErrors',
  ]);
}
