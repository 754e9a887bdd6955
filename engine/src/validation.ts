import { Aggregator, Query } from 'mingo';

import { CommandError, fromQueryLibraryError } from './errors.js';
import { checkSchema, schemaFailures } from './json-schema.js';
import { warnValidation } from './validation-warnings.js';
import { bsonTypeName, type Doc, isPlainObject, valuesAtPath } from './values.js';

// Document validation as MongoDB 7.0 does it: a collection's `validator` (query operators and/or
// $jsonSchema) checked on every insert and update unless validationLevel or
// bypassDocumentValidation says otherwise; a failure answers 121 with errInfo describing why.

export const VALIDATION_LEVELS = ['off', 'strict', 'moderate'];
export const VALIDATION_ACTIONS = ['error', 'warn'];

/** What validation needs of a collection: its namespace and create/collMod options. */
export interface Validated {
  ns: string;
  options: Doc;
}

/** mingo's hook for $jsonSchema (validators and query filters): MongoDB's dialect. */
export function jsonSchemaValidator(schema: Record<string, unknown>) {
  return (value: Record<string, unknown>) => schemaFailures(schema, value).length === 0;
}

const QUERY_OPTIONS = { jsonSchemaValidator };

const NOT_IN_VALIDATOR = new Set(['$where', '$near', '$nearSphere', '$text', '$geoNear']);

function checkValidatorOperators(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(checkValidatorOperators);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (NOT_IN_VALIDATOR.has(key)) {
      throw new CommandError('QueryFeatureNotAllowed', `${key} is not allowed in this context`);
    }
    if (key === '$jsonSchema') checkSchema(item);
    else if (key !== '$expr') checkValidatorOperators(item);
  }
}

const compiled = new WeakMap<Doc, Query>();

/** Checks a validator as create and collMod do, answering MongoDB's error for a bad one. */
export function compileValidator(validator: Doc): Query {
  const known = compiled.get(validator);
  if (known) return known;
  checkValidatorOperators(validator);
  let query: Query;
  try {
    query = new Query(validator, QUERY_OPTIONS);
  } catch (error) {
    throw fromQueryLibraryError(error);
  }
  compiled.set(validator, query);
  return query;
}

function enumerationValue(command: string, field: string, value: unknown, allowed: string[]) {
  if (value === undefined) return;
  if (typeof value !== 'string') {
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${command}.${field}' is the wrong type '${bsonTypeName(value)}', expected type 'string'`,
    );
  }
  if (!allowed.includes(value)) {
    throw new CommandError(
      'BadValue',
      `Enumeration value '${value}' for field '${command}.${field}' is not a valid value.`,
    );
  }
}

/** Checks the validation options of a create or collMod command. */
export function checkValidationOptions(command: string, args: Doc): void {
  const validator = args.validator;
  if (validator !== undefined) {
    if (!isPlainObject(validator)) {
      throw new CommandError(
        'TypeMismatch',
        `BSON field '${command}.validator' is the wrong type '${bsonTypeName(validator)}', expected type 'object'`,
      );
    }
    compileValidator(validator);
  }
  enumerationValue(command, 'validationLevel', args.validationLevel, VALIDATION_LEVELS);
  enumerationValue(command, 'validationAction', args.validationAction, VALIDATION_ACTIONS);
}

function matches(filter: Doc, doc: Doc): boolean {
  try {
    return new Query(filter, QUERY_OPTIONS).test(doc);
  } catch {
    return false;
  }
}

const REASONS: Record<string, string> = {
  $eq: 'comparison failed',
  $ne: 'comparison succeeded',
  $gt: 'comparison failed',
  $gte: 'comparison failed',
  $lt: 'comparison failed',
  $lte: 'comparison failed',
  $in: 'no matching value found in array',
  $nin: 'matching value found in array',
  $type: 'type did not match',
  $regex: 'regular expression did not match',
  $size: 'array length was not equal to given size',
  $all: 'array did not contain all specified values',
  $elemMatch: 'array did not satisfy the child predicate',
  $mod: 'considered value is not a multiple of the specified value',
  $not: 'child expression matched',
};

function fieldDetails(
  field: string,
  operator: string,
  operand: unknown,
  specifiedAs: unknown,
  doc: Doc,
): Doc {
  const details: Doc = { operatorName: operator, specifiedAs: { [field]: specifiedAs } };
  const values = valuesAtPath(doc, field).filter((value) => value !== undefined);
  if (operator === '$exists') {
    details.reason = operand ? 'path does not exist' : 'path does exist';
    return details;
  }
  if (values.length === 0) {
    details.reason = 'field was missing';
    return details;
  }
  details.reason = REASONS[operator] ?? 'expression did not match';
  if (values.length === 1) details.consideredValue = values[0];
  else details.consideredValues = values;
  if (operator === '$type') {
    if (values.length === 1) details.consideredType = bsonTypeName(values[0]);
    else details.consideredTypes = values.map(bsonTypeName);
  }
  return details;
}

function expressionResult(expression: unknown, doc: Doc): unknown {
  try {
    const [result] = new Aggregator([{ $project: { _id: 0, result: expression } }]).run<Doc>([doc]);
    return result?.result ?? null;
  } catch {
    return null;
  }
}

function clauseDetails(key: string, value: unknown, doc: Doc): Doc {
  if (key === '$jsonSchema' && isPlainObject(value)) {
    return { operatorName: '$jsonSchema', schemaRulesNotSatisfied: schemaFailures(value, doc) };
  }
  if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) {
    const clausesNotSatisfied: Doc[] = [];
    (value as unknown[]).forEach((sub, index) => {
      if (!isPlainObject(sub)) return;
      const matched = matches(sub, doc);
      if (key === '$nor' && matched) {
        clausesNotSatisfied.push({
          index,
          details: { operatorName: '$nor', reason: 'child expression matched' },
        });
      } else if (key !== '$nor' && !matched) {
        clausesNotSatisfied.push({ index, details: filterDetails(sub, doc) });
      }
    });
    return { operatorName: key, clausesNotSatisfied };
  }
  if (key === '$expr') {
    return {
      operatorName: '$expr',
      specifiedAs: { $expr: value },
      reason: 'expression did not match',
      expressionResult: expressionResult(value, doc),
    };
  }
  if (isPlainObject(value) && Object.keys(value).some((name) => name.startsWith('$'))) {
    const failing = Object.entries(value)
      .filter(([operator]) => operator !== '$options')
      .map(([operator, operand], index) => ({ operator, operand, index }))
      .filter(({ operator, operand }) => !matches({ [key]: { [operator]: operand } }, doc));
    const details = failing.map(({ operator, operand }) =>
      fieldDetails(
        key,
        operator,
        operand,
        operator === '$regex' ? value : { [operator]: operand },
        doc,
      ),
    );
    if (details.length === 1) return details[0];
    return {
      operatorName: '$and',
      clausesNotSatisfied: failing.map(({ index }, i) => ({ index, details: details[i] })),
    };
  }
  return fieldDetails(key, '$eq', value, value, doc);
}

function filterDetails(filter: Doc, doc: Doc): Doc {
  const clauses = Object.entries(filter);
  const failing: Doc[] = [];
  clauses.forEach(([key, value], index) => {
    if (!matches({ [key]: value }, doc)) {
      failing.push({ index, details: clauseDetails(key, value, doc) });
    }
  });
  if (clauses.length === 1 && failing.length === 1) return failing[0].details as Doc;
  return { operatorName: '$and', clausesNotSatisfied: failing };
}

/** The errInfo MongoDB 7.0 returns for a document its validator refuses. */
export function validationErrInfo(validator: Doc, doc: Doc): Doc {
  return { failingDocumentId: doc._id, details: filterDetails(validator, doc) };
}

/**
 * Throws 121 DocumentValidationFailure when `doc` may not be written to the collection.
 * `previous` is the stored version an update replaces (undefined for an insert): under
 * validationLevel "moderate" a document that was already invalid may stay so.
 */
export function assertValid(
  collection: Validated,
  doc: Doc,
  previous: Doc | undefined,
  bypass: boolean,
): void {
  const { validator, validationLevel, validationAction } = collection.options;
  if (bypass || !isPlainObject(validator) || validationLevel === 'off') return;
  if (Object.keys(validator).length === 0) return;
  const query = compileValidator(validator);
  let valid: boolean;
  try {
    valid = query.test(doc);
  } catch (error) {
    throw fromQueryLibraryError(error);
  }
  if (valid) return;
  if (validationLevel === 'moderate' && previous && !query.test(previous)) return;
  if (validationAction === 'warn') {
    warnValidation(collection.ns);
    return;
  }
  throw new CommandError('DocumentValidationFailure', 'Document failed validation', {
    errInfo: validationErrInfo(validator, doc),
  });
}
