import { describe, expect, it } from 'vitest';

import { CommandError } from './errors.js';
import { checkSchema, schemaFailures } from './json-schema.js';

function refusal(schema: unknown): CommandError {
  try {
    checkSchema(schema);
  } catch (error) {
    if (error instanceof CommandError) return error;
    throw error;
  }
  throw new Error('schema was accepted');
}

describe('checkSchema', () => {
  it('refuses what MongoDB does not support, naming the keyword', () => {
    expect(refusal({ format: 'email' }).message).toBe(
      "$jsonSchema keyword 'format' is not currently supported",
    );
    expect(refusal({ properties: { a: { $ref: '#' } } }).codeName).toBe('FailedToParse');
    expect(refusal({ type: 'integer' }).codeName).toBe('FailedToParse');
    expect(refusal({ bogus: 1 }).message).toBe('Unknown $jsonSchema keyword: bogus');
    expect(refusal({ type: 'object', bsonType: 'object' }).codeName).toBe('FailedToParse');
    expect(refusal({ exclusiveMinimum: true }).codeName).toBe('FailedToParse');
    expect(refusal({ bsonType: 'nope' }).codeName).toBe('BadValue');
    expect(refusal({ required: [] }).codeName).toBe('FailedToParse');
    expect(refusal({ pattern: '(' }).code).toBe(51091);
  });

  it('accepts every supported keyword', () => {
    expect(() =>
      checkSchema({
        bsonType: ['object'],
        title: 't',
        description: 'd',
        required: ['a'],
        minProperties: 1,
        maxProperties: 9,
        properties: { a: { type: ['string', 'null'], minLength: 1, maxLength: 3, pattern: '^a' } },
        patternProperties: { '^x': { bsonType: 'int' } },
        additionalProperties: { bsonType: 'string' },
        dependencies: { a: ['b'], c: { required: ['d'] } },
        allOf: [{}],
        anyOf: [{}],
        oneOf: [{}],
        not: { required: ['z'] },
      }),
    ).not.toThrow();
  });

  it('refuses a schema nested past 100 levels, so evaluation cannot recurse without bound', () => {
    let schema: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) schema = { not: schema };
    expect(refusal(schema).codeName).toBe('FailedToParse');
  });
});

describe('schemaFailures', () => {
  it('applies keywords only to values of their type', () => {
    const schema = { minimum: 5, minLength: 3, minItems: 2, required: ['a'] };
    for (const value of ['abc', 7, [1, 2], { a: 1 }, null, true]) {
      expect(schemaFailures(schema, value)).toEqual([]);
    }
  });

  it('exclusive bounds are strict', () => {
    const schema = { minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true };
    expect(schemaFailures(schema, 5)).toEqual([]);
    expect(schemaFailures(schema, 0)).toEqual([
      {
        operatorName: 'minimum',
        specifiedAs: { minimum: 0, exclusiveMinimum: true },
        reason: 'comparison failed',
        consideredValue: 0,
      },
    ]);
    expect(schemaFailures(schema, 10).map((rule) => rule.operatorName)).toEqual(['maximum']);
  });

  it('JSON type names: number covers every numeric type, boolean is bool', () => {
    expect(schemaFailures({ type: 'number' }, 1.5)).toEqual([]);
    expect(schemaFailures({ type: 'boolean' }, false)).toEqual([]);
    expect(schemaFailures({ bsonType: 'number' }, 2)).toEqual([]);
    expect(schemaFailures({ type: 'string' }, 2)[0]).toMatchObject({
      operatorName: 'type',
      reason: 'type did not match',
      consideredType: 'int',
    });
  });

  it('items as a list checks each position, additionalItems the rest', () => {
    const schema = { items: [{ bsonType: 'string' }, { bsonType: 'int' }], additionalItems: false };
    expect(schemaFailures(schema, ['a', 1])).toEqual([]);
    expect(schemaFailures(schema, ['a', 'b'])[0]).toMatchObject({
      operatorName: 'items',
      itemIndex: 1,
    });
    expect(schemaFailures(schema, ['a', 1, true])[0]).toMatchObject({
      operatorName: 'additionalItems',
    });
  });

  it('uniqueItems names the first duplicate, and a long array of distinct items passes', () => {
    expect(schemaFailures({ uniqueItems: true }, [{ a: 1 }, 2, { a: 1 }])).toEqual([
      {
        operatorName: 'uniqueItems',
        specifiedAs: { uniqueItems: true },
        reason: 'found a duplicate item',
        consideredValue: [{ a: 1 }, 2, { a: 1 }],
        duplicatedValue: { a: 1 },
      },
    ]);
    const long = Array.from({ length: 200_000 }, (_, i) => i);
    expect(schemaFailures({ uniqueItems: true }, long)).toEqual([]);
  });

  it('patternProperties and oneOf with more than one match', () => {
    expect(
      schemaFailures({ patternProperties: { '^n_': { bsonType: 'int' } } }, { n_a: 'x', m: 'y' }),
    ).toEqual([
      {
        operatorName: 'patternProperties',
        details: [
          {
            propertyName: 'n_a',
            regexMatched: '^n_',
            details: [
              {
                operatorName: 'bsonType',
                specifiedAs: { bsonType: 'int' },
                reason: 'type did not match',
                consideredValue: 'x',
                consideredType: 'string',
              },
            ],
          },
        ],
      },
    ]);
    expect(schemaFailures({ oneOf: [{ minimum: 0 }, { maximum: 10 }] }, 5)[0]).toMatchObject({
      operatorName: 'oneOf',
      reason: 'more than one subschema matched',
      matchingSchemaIndexes: [0, 1],
    });
  });
});
