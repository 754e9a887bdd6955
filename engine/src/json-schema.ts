import { CommandError } from './errors.js';
import { bsonText, bsonTypeName, compareValues, type Doc, isPlainObject, keyOf } from './values.js';

// MongoDB's $jsonSchema (draft 4 with MongoDB's `bsonType`): checked once when a validator or
// filter is given, then evaluated per document into the rule failures MongoDB 7.0 reports in a
// DocumentValidationFailure's errInfo (schemaRulesNotSatisfied).

const BSON_TYPES = new Set([
  'double',
  'string',
  'object',
  'array',
  'binData',
  'undefined',
  'objectId',
  'bool',
  'date',
  'null',
  'regex',
  'dbPointer',
  'javascript',
  'symbol',
  'javascriptWithScope',
  'int',
  'timestamp',
  'long',
  'decimal',
  'minKey',
  'maxKey',
  'number',
]);
const JSON_TYPES = new Set(['object', 'array', 'number', 'boolean', 'string', 'null']);
const NUMERIC = new Set(['int', 'long', 'double', 'decimal']);
const UNSUPPORTED = new Set(['$ref', '$schema', 'default', 'definitions', 'format', 'id']);
const KEYWORDS = new Set([
  'type',
  'bsonType',
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'enum',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'dependencies',
  'description',
  'title',
  'encrypt',
  'encryptMetadata',
]);

function parseError(message: string): CommandError {
  return new CommandError('FailedToParse', message);
}

function isNumber(value: unknown): boolean {
  return NUMERIC.has(bsonTypeName(value));
}

function numeric(value: unknown): number {
  return typeof value === 'number' ? value : Number(bsonText(value));
}

function isWholeNonNegative(value: unknown): boolean {
  if (!isNumber(value)) return false;
  const number = numeric(value);
  return Number.isInteger(number) && number >= 0;
}

function typeList(value: unknown, keyword: string): string[] {
  const names = Array.isArray(value) ? value : [value];
  if (names.length === 0) throw parseError(`$jsonSchema keyword '${keyword}' must name a type`);
  for (const name of names) {
    if (typeof name !== 'string') {
      throw new CommandError(
        'TypeMismatch',
        `$jsonSchema keyword '${keyword}' must be either a string or an array of strings`,
      );
    }
    if (keyword === 'type' && name === 'integer') {
      throw parseError("$jsonSchema type 'integer' is not currently supported.");
    }
    const known = keyword === 'type' ? JSON_TYPES : BSON_TYPES;
    if (!known.has(name)) {
      throw new CommandError(
        'BadValue',
        keyword === 'type'
          ? `Unknown $jsonSchema type: ${name}`
          : `Unknown type name alias: ${name}`,
      );
    }
  }
  return names as string[];
}

function schemaArray(keyword: string, value: unknown, depth: number): void {
  if (!Array.isArray(value) || value.length === 0) {
    throw parseError(`$jsonSchema keyword '${keyword}' must be a nonempty array`);
  }
  for (const item of value) checkSchema(item, depth + 1, keyword);
}

function requireWhole(keyword: string, value: unknown): void {
  if (!isWholeNonNegative(value)) {
    throw parseError(
      `$jsonSchema keyword '${keyword}' must be a representable nonnegative integer`,
    );
  }
}

/** Throws MongoDB's error for a schema it would refuse; called when the schema is given. */
export function checkSchema(schema: unknown, depth = 0, where = '$jsonSchema'): void {
  if (!isPlainObject(schema)) {
    throw new CommandError('TypeMismatch', `${where} must be an object`);
  }
  if (depth > 100) throw parseError('$jsonSchema is nested too deeply');
  for (const [keyword, value] of Object.entries(schema)) {
    if (UNSUPPORTED.has(keyword)) {
      throw parseError(`$jsonSchema keyword '${keyword}' is not currently supported`);
    }
    if (!KEYWORDS.has(keyword)) throw parseError(`Unknown $jsonSchema keyword: ${keyword}`);
    switch (keyword) {
      case 'type':
      case 'bsonType':
        typeList(value, keyword);
        break;
      case 'required': {
        if (!Array.isArray(value) || value.length === 0) {
          throw parseError("$jsonSchema keyword 'required' must be a nonempty array");
        }
        const seen = new Set<string>();
        for (const name of value) {
          if (typeof name !== 'string') {
            throw new CommandError(
              'TypeMismatch',
              "$jsonSchema keyword 'required' must be an array of strings",
            );
          }
          if (seen.has(name)) {
            throw parseError("$jsonSchema keyword 'required' array did not contain unique values");
          }
          seen.add(name);
        }
        break;
      }
      case 'properties':
      case 'patternProperties':
        if (!isPlainObject(value)) {
          throw new CommandError(
            'TypeMismatch',
            `$jsonSchema keyword '${keyword}' must be an object`,
          );
        }
        for (const [name, sub] of Object.entries(value)) {
          if (keyword === 'patternProperties') compilePattern(name);
          checkSchema(sub, depth + 1, keyword);
        }
        break;
      case 'additionalProperties':
      case 'additionalItems':
        if (typeof value !== 'boolean') checkSchema(value, depth + 1, keyword);
        break;
      case 'items':
        if (Array.isArray(value)) {
          for (const item of value) checkSchema(item, depth + 1, keyword);
        } else checkSchema(value, depth + 1, keyword);
        break;
      case 'minimum':
      case 'maximum':
        if (!isNumber(value)) {
          throw new CommandError(
            'TypeMismatch',
            `$jsonSchema keyword '${keyword}' must be a number`,
          );
        }
        break;
      case 'multipleOf':
        if (!isNumber(value) || numeric(value) <= 0) {
          throw parseError("$jsonSchema keyword 'multipleOf' must have a positive value");
        }
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        if (typeof value !== 'boolean') {
          throw new CommandError(
            'TypeMismatch',
            `$jsonSchema keyword '${keyword}' must be a boolean`,
          );
        }
        const base = keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum';
        if (!(base in schema)) {
          throw parseError(
            `$jsonSchema keyword '${base}' must be a present if ${keyword} is present`,
          );
        }
        break;
      }
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
      case 'minProperties':
      case 'maxProperties':
        requireWhole(keyword, value);
        break;
      case 'pattern':
        if (typeof value !== 'string') {
          throw new CommandError('TypeMismatch', "$jsonSchema keyword 'pattern' must be a string");
        }
        compilePattern(value);
        break;
      case 'enum':
        if (!Array.isArray(value) || value.length === 0) {
          throw parseError("$jsonSchema keyword 'enum' cannot be an empty array");
        }
        break;
      case 'uniqueItems':
        if (typeof value !== 'boolean') {
          throw new CommandError(
            'TypeMismatch',
            "$jsonSchema keyword 'uniqueItems' must be a boolean",
          );
        }
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        schemaArray(keyword, value, depth);
        break;
      case 'not':
        checkSchema(value, depth + 1, keyword);
        break;
      case 'dependencies':
        if (!isPlainObject(value)) {
          throw new CommandError(
            'TypeMismatch',
            "$jsonSchema keyword 'dependencies' must be an object",
          );
        }
        for (const dependency of Object.values(value)) {
          if (Array.isArray(dependency)) {
            if (dependency.length === 0 || dependency.some((name) => typeof name !== 'string')) {
              throw parseError(
                "property dependencies specified in $jsonSchema keyword 'dependencies' must be a nonempty array of strings",
              );
            }
          } else checkSchema(dependency, depth + 1, keyword);
        }
        break;
      case 'description':
      case 'title':
        if (typeof value !== 'string') {
          throw new CommandError(
            'TypeMismatch',
            `$jsonSchema keyword '${keyword}' must be a string`,
          );
        }
        break;
      default:
        break;
    }
  }
  if ('type' in schema && 'bsonType' in schema) {
    throw parseError("Cannot specify both $jsonSchema keywords 'type' and 'bsonType'");
  }
}

const patterns = new Map<string, RegExp>();

function compilePattern(source: string): RegExp {
  let compiled = patterns.get(source);
  if (!compiled) {
    try {
      compiled = new RegExp(source, 'u');
    } catch {
      try {
        compiled = new RegExp(source);
      } catch {
        throw new CommandError('Location51091', `Regular expression is invalid: ${source}`);
      }
    }
    if (patterns.size > 1000) patterns.clear();
    patterns.set(source, compiled);
  }
  return compiled;
}

function typeMatches(names: string[], keyword: string, value: unknown): boolean {
  const actual = bsonTypeName(value);
  return names.some((name) => {
    if (keyword === 'type') {
      if (name === 'number') return NUMERIC.has(actual);
      if (name === 'boolean') return actual === 'bool';
      return actual === name;
    }
    if (name === 'number') return NUMERIC.has(actual);
    return actual === name;
  });
}

function specified(keyword: string, value: unknown): Doc {
  return { [keyword]: value };
}

function sameValue(a: unknown, b: unknown): boolean {
  return bsonTypeName(a) === bsonTypeName(b) || (isNumber(a) && isNumber(b))
    ? compareValues(a, b) === 0
    : false;
}

/**
 * The rules of `schema` that `value` does not satisfy, each as MongoDB 7.0 describes it
 * (operatorName plus what was specified and why it failed). Empty when the value is valid.
 */
export function schemaFailures(schema: Doc, value: unknown): Doc[] {
  const failures: Doc[] = [];
  const type = bsonTypeName(value);
  for (const keyword of ['type', 'bsonType']) {
    if (!(keyword in schema)) continue;
    const names = Array.isArray(schema[keyword])
      ? (schema[keyword] as string[])
      : [schema[keyword] as string];
    if (!typeMatches(names, keyword, value)) {
      failures.push({
        operatorName: keyword,
        specifiedAs: specified(keyword, schema[keyword]),
        reason: 'type did not match',
        consideredValue: value,
        consideredType: type,
      });
    }
  }
  if (isNumber(value)) numberFailures(schema, value, failures);
  if (typeof value === 'string') stringFailures(schema, value, failures);
  if (Array.isArray(value)) arrayFailures(schema, value, failures);
  if (isPlainObject(value)) objectFailures(schema, value, failures);
  if (Array.isArray(schema.enum) && !schema.enum.some((item) => sameValue(item, value))) {
    failures.push({
      operatorName: 'enum',
      specifiedAs: specified('enum', schema.enum),
      reason: 'value was not found in enum',
      consideredValue: value,
    });
  }
  logicalFailures(schema, value, failures);
  return failures;
}

function numberFailures(schema: Doc, value: unknown, failures: Doc[]): void {
  const number = numeric(value);
  for (const [keyword, exclusive] of [
    ['minimum', 'exclusiveMinimum'],
    ['maximum', 'exclusiveMaximum'],
  ] as const) {
    if (schema[keyword] === undefined) continue;
    const bound = numeric(schema[keyword]);
    const strict = schema[exclusive] === true;
    const ok =
      keyword === 'minimum'
        ? strict
          ? number > bound
          : number >= bound
        : strict
          ? number < bound
          : number <= bound;
    if (!ok) {
      const specifiedAs: Doc = { [keyword]: schema[keyword] };
      if (schema[exclusive] !== undefined) specifiedAs[exclusive] = schema[exclusive];
      failures.push({
        operatorName: keyword,
        specifiedAs,
        reason: 'comparison failed',
        consideredValue: value,
      });
    }
  }
  if (schema.multipleOf !== undefined) {
    const divisor = numeric(schema.multipleOf);
    const quotient = number / divisor;
    if (!Number.isFinite(quotient) || Math.abs(quotient - Math.round(quotient)) > 1e-9) {
      failures.push({
        operatorName: 'multipleOf',
        specifiedAs: specified('multipleOf', schema.multipleOf),
        reason: 'considered value is not a multiple of the specified value',
        consideredValue: value,
      });
    }
  }
}

/** A pair of count bounds (minItems/maxItems…): a failure for each one the count is outside. */
function countFailures(
  schema: Doc,
  [min, max]: readonly [string, string],
  count: number,
  failures: Doc[],
  details: Doc,
): void {
  for (const keyword of [min, max]) {
    if (schema[keyword] === undefined) continue;
    const bound = numeric(schema[keyword]);
    if (keyword === min ? count < bound : count > bound) {
      failures.push({
        operatorName: keyword,
        specifiedAs: specified(keyword, schema[keyword]),
        ...details,
      });
    }
  }
}

function stringFailures(schema: Doc, value: string, failures: Doc[]): void {
  const length = [...value].length;
  countFailures(schema, ['minLength', 'maxLength'], length, failures, {
    reason: 'specified string length was not satisfied',
    consideredValue: value,
  });
  if (typeof schema.pattern === 'string' && !compilePattern(schema.pattern).test(value)) {
    failures.push({
      operatorName: 'pattern',
      specifiedAs: specified('pattern', schema.pattern),
      reason: 'regular expression did not match',
      consideredValue: value,
    });
  }
}

function arrayFailures(schema: Doc, value: unknown[], failures: Doc[]): void {
  countFailures(schema, ['minItems', 'maxItems'], value.length, failures, {
    reason: 'array did not match specified length',
    consideredValue: value,
  });
  if (schema.uniqueItems === true) {
    // keyOf is equal exactly when MongoDB's comparison is: one pass, not a pairwise scan.
    const seen = new Set<string>();
    for (let i = 0; i < value.length; i++) {
      const key = keyOf(value[i]);
      if (!seen.has(key)) {
        seen.add(key);
      } else {
        failures.push({
          operatorName: 'uniqueItems',
          specifiedAs: specified('uniqueItems', true),
          reason: 'found a duplicate item',
          consideredValue: value,
          duplicatedValue: value[i],
        });
        break;
      }
    }
  }
  const items = schema.items;
  // One schema for every item, or one per position: either way the first item that fails is named.
  const schemaAt = isPlainObject(items)
    ? () => items
    : Array.isArray(items)
      ? (index: number) => (items as Doc[])[index]
      : undefined;
  if (schemaAt) {
    for (const [index, item] of value.entries()) {
      const sub = schemaAt(index);
      if (sub === undefined) break;
      const details = schemaFailures(sub, item);
      if (details.length > 0) {
        failures.push({
          operatorName: 'items',
          reason: 'At least one item did not match the sub-schema',
          itemIndex: index,
          details,
        });
        break;
      }
    }
  }
  if (Array.isArray(items)) {
    const extra = schema.additionalItems;
    if (extra !== undefined && value.length > items.length) {
      if (extra === false) {
        failures.push({
          operatorName: 'additionalItems',
          specifiedAs: specified('additionalItems', false),
          reason: 'found additional items',
          additionalItems: value.slice(items.length),
        });
      } else if (isPlainObject(extra)) {
        for (let index = items.length; index < value.length; index++) {
          const details = schemaFailures(extra, value[index]);
          if (details.length > 0) {
            failures.push({
              operatorName: 'additionalItems',
              reason: 'At least one additional item did not match the sub-schema',
              itemIndex: index,
              details,
            });
            break;
          }
        }
      }
    }
  }
}

function objectFailures(schema: Doc, value: Doc, failures: Doc[]): void {
  const keys = Object.keys(value).filter((key) => value[key] !== undefined);
  if (Array.isArray(schema.required)) {
    const missing = (schema.required as string[]).filter((name) => value[name] === undefined);
    if (missing.length > 0) {
      failures.push({
        operatorName: 'required',
        specifiedAs: specified('required', schema.required),
        missingProperties: missing.sort(),
      });
    }
  }
  countFailures(schema, ['minProperties', 'maxProperties'], keys.length, failures, {
    reason: 'specified number of properties was not satisfied',
    numberOfProperties: keys.length,
  });
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const notSatisfied: Doc[] = [];
  for (const [name, sub] of Object.entries(properties)) {
    if (value[name] === undefined || !isPlainObject(sub)) continue;
    const details = schemaFailures(sub, value[name]);
    if (details.length > 0) notSatisfied.push({ propertyName: name, details });
  }
  if (notSatisfied.length > 0) {
    failures.push({ operatorName: 'properties', propertiesNotSatisfied: notSatisfied });
  }
  const patternProperties = isPlainObject(schema.patternProperties)
    ? Object.entries(schema.patternProperties)
    : [];
  const patternFailures: Doc[] = [];
  for (const key of keys) {
    for (const [source, sub] of patternProperties) {
      if (!isPlainObject(sub) || !compilePattern(source).test(key)) continue;
      const details = schemaFailures(sub, value[key]);
      if (details.length > 0) {
        patternFailures.push({ propertyName: key, regexMatched: source, details });
      }
    }
  }
  if (patternFailures.length > 0) {
    failures.push({ operatorName: 'patternProperties', details: patternFailures });
  }
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== true) {
    const additional = keys.filter(
      (key) =>
        !Object.hasOwn(properties, key) &&
        !patternProperties.some(([source]) => compilePattern(source).test(key)),
    );
    if (extra === false && additional.length > 0) {
      failures.push({
        operatorName: 'additionalProperties',
        specifiedAs: specified('additionalProperties', false),
        additionalProperties: additional,
      });
    } else if (isPlainObject(extra)) {
      const failing: Doc[] = [];
      for (const key of additional) {
        const details = schemaFailures(extra, value[key]);
        if (details.length > 0) failing.push({ propertyName: key, details });
      }
      if (failing.length > 0) {
        failures.push({ operatorName: 'additionalProperties', propertiesNotSatisfied: failing });
      }
    }
  }
  if (isPlainObject(schema.dependencies)) {
    const failing: Doc[] = [];
    for (const [name, dependency] of Object.entries(schema.dependencies)) {
      if (value[name] === undefined) continue;
      if (Array.isArray(dependency)) {
        const missing = (dependency as string[]).filter((other) => value[other] === undefined);
        if (missing.length > 0) {
          failing.push({ conditionalProperty: name, missingProperties: missing });
        }
      } else if (isPlainObject(dependency)) {
        const details = schemaFailures(dependency, value);
        if (details.length > 0) failing.push({ conditionalProperty: name, details });
      }
    }
    if (failing.length > 0) {
      failures.push({ operatorName: 'dependencies', failingDependencies: failing });
    }
  }
}

function logicalFailures(schema: Doc, value: unknown, failures: Doc[]): void {
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const subs = schema[keyword];
    if (!Array.isArray(subs)) continue;
    const results = (subs as Doc[]).map((sub) => schemaFailures(sub, value));
    const failing = results
      .map((details, index) => ({ index, details }))
      .filter(({ details }) => details.length > 0);
    const passing = results.length - failing.length;
    if (keyword === 'allOf' && failing.length > 0) {
      failures.push({ operatorName: 'allOf', schemasNotSatisfied: failing });
    } else if (keyword === 'anyOf' && passing === 0) {
      failures.push({ operatorName: 'anyOf', schemasNotSatisfied: failing });
    } else if (keyword === 'oneOf' && passing === 0) {
      failures.push({ operatorName: 'oneOf', schemasNotSatisfied: failing });
    } else if (keyword === 'oneOf' && passing > 1) {
      failures.push({
        operatorName: 'oneOf',
        specifiedAs: specified('oneOf', subs),
        reason: 'more than one subschema matched',
        matchingSchemaIndexes: results
          .map((details, index) => (details.length === 0 ? index : -1))
          .filter((index) => index >= 0),
      });
    }
  }
  if (isPlainObject(schema.not) && schemaFailures(schema.not, value).length === 0) {
    failures.push({
      operatorName: 'not',
      specifiedAs: specified('not', schema.not),
      reason: 'child expression matched',
    });
  }
}
