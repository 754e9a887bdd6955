import type { Document } from 'mongodb';
import type { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

// Schema validation as MongoDB 7.0 documents it (Schema Validation; $jsonSchema; validationLevel;
// validationAction; bypassDocumentValidation; the errInfo of a DocumentValidationFailure).

const ctx = setupDriverDb(import.meta.url);

type AnyDoc = Document & { _id?: number };

const studentSchema = {
  bsonType: 'object',
  required: ['name', 'year', 'major'],
  properties: {
    name: { bsonType: 'string', description: 'must be a string and is required' },
    year: { bsonType: 'int', minimum: 2017, maximum: 3017, description: 'an integer year' },
    major: { enum: ['Math', 'English', 'Computer Science', 'History', null] },
    gpa: { bsonType: ['double', 'int'], minimum: 0 },
    address: {
      bsonType: 'object',
      required: ['city'],
      properties: { street: { bsonType: 'string' }, city: { bsonType: 'string' } },
    },
  },
};

async function createStudents(name: string, options: Document = {}) {
  await ctx().db.createCollection(name, { validator: { $jsonSchema: studentSchema }, ...options });
  return ctx().db.collection<AnyDoc>(name);
}

interface ErrInfo {
  failingDocumentId: unknown;
  details: {
    operatorName: string;
    schemaRulesNotSatisfied?: Document[];
    clausesNotSatisfied?: Document[];
  };
}

/** The errInfo of a write that must fail validation (code 121). */
async function failedValidation(action: Promise<unknown>): Promise<ErrInfo> {
  const error = await expectServerError(action, 121);
  expect(error.message).toContain('Document failed validation');
  const errInfo = (error as MongoServerError & { errInfo?: Document }).errInfo;
  expect(errInfo).toBeDefined();
  return errInfo as ErrInfo;
}

describe('$jsonSchema validators', () => {
  it('accepts a document that satisfies the schema', async () => {
    const students = await createStudents('valid');
    await students.insertOne({ _id: 1, name: 'Mihai', year: 2019, major: 'Math' });
    expect(await students.countDocuments()).toBe(1);
  });

  it('a missing required field: 121 with missingProperties', async () => {
    const students = await createStudents('required');
    const errInfo = await failedValidation(
      students.insertOne({ _id: 7, name: 'Mihai', year: 2019 }),
    );
    expect(errInfo).toEqual({
      failingDocumentId: 7,
      details: {
        operatorName: '$jsonSchema',
        schemaRulesNotSatisfied: [
          {
            operatorName: 'required',
            specifiedAs: { required: ['name', 'year', 'major'] },
            missingProperties: ['major'],
          },
        ],
      },
    });
    expect(await students.countDocuments()).toBe(0);
  });

  it('a property of the wrong type, out of range or not in the enum: propertiesNotSatisfied', async () => {
    const students = await createStudents('properties');
    const errInfo = await failedValidation(
      students.insertOne({ _id: 1, name: 12, year: 2000, major: 'Art' }),
    );
    expect(errInfo.failingDocumentId).toBe(1);
    expect(errInfo.details.operatorName).toBe('$jsonSchema');
    const [rule] = errInfo.details.schemaRulesNotSatisfied as Document[];
    expect(rule.operatorName).toBe('properties');
    const byName: Record<string, Document> = Object.fromEntries(
      (rule.propertiesNotSatisfied as Document[]).map((entry) => [
        String(entry.propertyName),
        entry,
      ]),
    );
    expect(Object.keys(byName).sort()).toEqual(['major', 'name', 'year']);
    expect(byName.name.details).toEqual([
      {
        operatorName: 'bsonType',
        specifiedAs: { bsonType: 'string' },
        reason: 'type did not match',
        consideredValue: 12,
        consideredType: 'int',
      },
    ]);
    expect(byName.year.details).toEqual([
      {
        operatorName: 'minimum',
        specifiedAs: { minimum: 2017 },
        reason: 'comparison failed',
        consideredValue: 2000,
      },
    ]);
    expect(byName.major.details).toEqual([
      {
        operatorName: 'enum',
        specifiedAs: { enum: ['Math', 'English', 'Computer Science', 'History', null] },
        reason: 'value was not found in enum',
        consideredValue: 'Art',
      },
    ]);
  });

  it('nested objects are checked with their own required and properties', async () => {
    const students = await createStudents('nested');
    await students.insertOne({
      _id: 1,
      name: 'A',
      year: 2020,
      major: 'Math',
      address: { city: 'Oslo' },
    });
    const errInfo = await failedValidation(
      students.insertOne({
        _id: 2,
        name: 'B',
        year: 2020,
        major: 'Math',
        address: { street: 'x' },
      }),
    );
    const [rule] = errInfo.details.schemaRulesNotSatisfied as Document[];
    expect(rule).toEqual({
      operatorName: 'properties',
      propertiesNotSatisfied: [
        {
          propertyName: 'address',
          details: [
            {
              operatorName: 'required',
              specifiedAs: { required: ['city'] },
              missingProperties: ['city'],
            },
          ],
        },
      ],
    });
  });

  it('string, array and object keywords', async () => {
    await ctx().db.createCollection('keywords', {
      validator: {
        $jsonSchema: {
          properties: {
            code: { bsonType: 'string', minLength: 2, maxLength: 4, pattern: '^[A-Z]+$' },
            tags: {
              bsonType: 'array',
              minItems: 1,
              maxItems: 3,
              uniqueItems: true,
              items: { bsonType: 'string' },
            },
            meta: { bsonType: 'object', minProperties: 1, maxProperties: 2 },
            n: { bsonType: 'number', multipleOf: 5 },
          },
        },
      },
    });
    const coll = ctx().db.collection<AnyDoc>('keywords');
    await coll.insertOne({ _id: 1, code: 'AB', tags: ['x', 'y'], meta: { a: 1 }, n: 10 });
    const bad: Document[] = [
      { _id: 2, code: 'A' },
      { _id: 3, code: 'ABCDE' },
      { _id: 4, code: 'ab' },
      { _id: 5, tags: [] },
      { _id: 6, tags: ['a', 'a'] },
      { _id: 7, tags: ['a', 1] },
      { _id: 8, tags: ['a', 'b', 'c', 'd'] },
      { _id: 9, meta: {} },
      { _id: 10, meta: { a: 1, b: 2, c: 3 } },
      { _id: 11, n: 7 },
    ];
    const operators: string[] = [];
    for (const doc of bad) {
      const errInfo = await failedValidation(coll.insertOne(doc));
      const [rule] = errInfo.details.schemaRulesNotSatisfied as Document[];
      const [property] = rule.propertiesNotSatisfied as Document[];
      operators.push((property.details as Document[])[0].operatorName as string);
    }
    expect(operators).toEqual([
      'minLength',
      'maxLength',
      'pattern',
      'minItems',
      'uniqueItems',
      'items',
      'maxItems',
      'minProperties',
      'maxProperties',
      'multipleOf',
    ]);
    expect(await coll.countDocuments()).toBe(1);
  });

  it('additionalProperties: false names the extra fields', async () => {
    await ctx().db.createCollection('closed', {
      validator: {
        $jsonSchema: {
          bsonType: 'object',
          additionalProperties: false,
          properties: { _id: {}, name: { bsonType: 'string' } },
        },
      },
    });
    const coll = ctx().db.collection<AnyDoc>('closed');
    await coll.insertOne({ _id: 1, name: 'ok' });
    const errInfo = await failedValidation(coll.insertOne({ _id: 2, name: 'x', extra: true }));
    expect(errInfo.details.schemaRulesNotSatisfied).toEqual([
      {
        operatorName: 'additionalProperties',
        specifiedAs: { additionalProperties: false },
        additionalProperties: ['extra'],
      },
    ]);
  });

  it('allOf, anyOf, oneOf, not and dependencies', async () => {
    await ctx().db.createCollection('logic', {
      validator: {
        $jsonSchema: {
          properties: {
            a: { anyOf: [{ bsonType: 'string' }, { bsonType: 'bool' }] },
            b: { allOf: [{ bsonType: 'int' }, { minimum: 0 }] },
            c: { oneOf: [{ minimum: 0 }, { maximum: 10 }] },
            d: { not: { bsonType: 'string' } },
          },
          dependencies: { card: ['billing'] },
        },
      },
    });
    const coll = ctx().db.collection<AnyDoc>('logic');
    await coll.insertOne({ _id: 1, a: 'x', b: 1, c: 20, d: 1, card: 1, billing: 'y' });
    const names: string[] = [];
    for (const doc of [{ a: 1 }, { b: -1 }, { c: 5 }, { d: 'str' }]) {
      const errInfo = await failedValidation(coll.insertOne(doc));
      const [rule] = errInfo.details.schemaRulesNotSatisfied as Document[];
      const [property] = rule.propertiesNotSatisfied as Document[];
      names.push((property.details as Document[])[0].operatorName as string);
    }
    expect(names).toEqual(['anyOf', 'allOf', 'oneOf', 'not']);
    const errInfo = await failedValidation(coll.insertOne({ card: 1 }));
    expect(errInfo.details.schemaRulesNotSatisfied).toEqual([
      {
        operatorName: 'dependencies',
        failingDependencies: [{ conditionalProperty: 'card', missingProperties: ['billing'] }],
      },
    ]);
  });

  it('keywords MongoDB does not support are refused when the validator is given', async () => {
    for (const schema of [
      { $ref: '#/x' },
      { format: 'email' },
      { default: 1 },
      { definitions: {} },
    ]) {
      await expectServerError(
        ctx().db.createCollection('unsupported', { validator: { $jsonSchema: schema } }),
        9,
        'FailedToParse',
      );
    }
    await expectServerError(
      ctx().db.createCollection('unsupported', {
        validator: { $jsonSchema: { noSuchKeyword: 1 } },
      }),
      9,
      'FailedToParse',
    );
    const [entry] = await ctx()
      .db.listCollections({ name: 'unsupported' }, { nameOnly: false })
      .toArray();
    expect(entry).toBeUndefined();
  });

  it('$jsonSchema also works as a query filter', async () => {
    const coll = ctx().db.collection<AnyDoc>('queried');
    await coll.insertMany([{ _id: 1, name: 'a' }, { _id: 2, name: 3 }, { _id: 3 }]);
    const found = await coll
      .find({ $jsonSchema: { required: ['name'], properties: { name: { bsonType: 'string' } } } })
      .toArray();
    expect(found).toEqual([{ _id: 1, name: 'a' }]);
  });
});

describe('query-operator validators', () => {
  it('an $or of conditions: 121 with the clauses not satisfied', async () => {
    await ctx().db.createCollection('contacts', {
      validator: {
        $or: [
          { phone: { $type: 'string' } },
          { email: { $regex: /@mongodb\.com$/ } },
          { status: { $in: ['Unknown', 'Incomplete'] } },
        ],
      },
    });
    const contacts = ctx().db.collection<AnyDoc>('contacts');
    await contacts.insertOne({ _id: 1, email: 'a@mongodb.com' });
    const errInfo = await failedValidation(
      contacts.insertOne({ _id: 2, name: 'Amanda', status: 'Updated' }),
    );
    expect(errInfo.failingDocumentId).toBe(2);
    expect(errInfo.details.operatorName).toBe('$or');
    expect(errInfo.details.clausesNotSatisfied).toHaveLength(3);
    expect(await contacts.countDocuments()).toBe(1);
  });

  it('$expr: 121 with the expression result', async () => {
    const expr = { $eq: ['$totalWithVAT', { $multiply: ['$total', { $sum: [1, '$VAT'] }] }] };
    await ctx().db.createCollection('orders', { validator: { $expr: expr } });
    const orders = ctx().db.collection<AnyDoc>('orders');
    await orders.insertOne({ _id: 1, total: 100, VAT: 0.2, totalWithVAT: 120 });
    const errInfo = await failedValidation(
      orders.insertOne({ _id: 2, total: 100, VAT: 0.2, totalWithVAT: 100 }),
    );
    expect(errInfo).toEqual({
      failingDocumentId: 2,
      details: {
        operatorName: '$expr',
        specifiedAs: { $expr: expr },
        reason: 'expression did not match',
        expressionResult: false,
      },
    });
  });

  it('$jsonSchema and query operators together', async () => {
    await ctx().db.createCollection('mixed', {
      validator: { $jsonSchema: { required: ['name'] }, status: { $in: ['A', 'B'] } },
    });
    const coll = ctx().db.collection<AnyDoc>('mixed');
    await coll.insertOne({ _id: 1, name: 'x', status: 'A' });
    await failedValidation(coll.insertOne({ _id: 2, name: 'x', status: 'C' }));
    await failedValidation(coll.insertOne({ _id: 3, status: 'A' }));
    expect(await coll.countDocuments()).toBe(1);
  });
});

describe('which writes are validated', () => {
  it('updates, replacements, upserts and findAndModify are validated', async () => {
    const students = await createStudents('writes');
    await students.insertOne({ _id: 1, name: 'A', year: 2020, major: 'Math' });
    await failedValidation(students.updateOne({ _id: 1 }, { $set: { year: 1999 } }));
    await failedValidation(students.replaceOne({ _id: 1 }, { name: 'A' }));
    await failedValidation(
      students.updateOne({ _id: 2 }, { $set: { name: 'B' } }, { upsert: true }),
    );
    const errInfo = await failedValidation(
      students.findOneAndUpdate({ _id: 1 }, { $unset: { name: '' } }),
    );
    expect(errInfo.failingDocumentId).toBe(1);
    expect(await students.find().toArray()).toEqual([
      { _id: 1, name: 'A', year: 2020, major: 'Math' },
    ]);
  });

  it('an ordered insertMany stops at the first invalid document', async () => {
    const students = await createStudents('batch');
    const failure = students.insertMany([
      { _id: 1, name: 'A', year: 2020, major: 'Math' },
      { _id: 2, name: 'B' },
      { _id: 3, name: 'C', year: 2020, major: 'Math' },
    ]);
    await expectServerError(failure, 121);
    expect(await students.countDocuments()).toBe(1);
  });

  it('bypassDocumentValidation: true skips the validator', async () => {
    const students = await createStudents('bypass');
    await students.insertOne({ _id: 1, name: 'A' }, { bypassDocumentValidation: true });
    await students.updateOne({ _id: 1 }, { $set: { year: 1 } }, { bypassDocumentValidation: true });
    await students.findOneAndUpdate(
      { _id: 1 },
      { $set: { year: 2 } },
      { bypassDocumentValidation: true },
    );
    expect(await students.findOne({ _id: 1 })).toEqual({ _id: 1, name: 'A', year: 2 });
  });

  it("validationAction 'warn' lets invalid documents in", async () => {
    const students = await createStudents('warned', { validationAction: 'warn' });
    await students.insertOne({ _id: 1, name: 'no year' });
    expect(await students.countDocuments()).toBe(1);
  });

  it("validationLevel 'off' does not validate", async () => {
    const students = await createStudents('unchecked', { validationLevel: 'off' });
    await students.insertOne({ _id: 1 });
    expect(await students.countDocuments()).toBe(1);
  });

  it("validationLevel 'moderate' leaves documents that were already invalid alone", async () => {
    const students = await createStudents('moderate', { validationLevel: 'moderate' });
    await students.insertOne({ _id: 1, name: 'old' }, { bypassDocumentValidation: true });
    await students.insertOne({ _id: 2, name: 'B', year: 2020, major: 'Math' });
    // An invalid document may be updated and stay invalid...
    await students.updateOne({ _id: 1 }, { $set: { note: 'still invalid' } });
    // ...a valid one may not become invalid, and inserts are always checked.
    await failedValidation(students.updateOne({ _id: 2 }, { $set: { year: 1 } }));
    await failedValidation(students.insertOne({ _id: 3, name: 'C' }));
    expect(await students.findOne({ _id: 1 })).toEqual({
      _id: 1,
      name: 'old',
      note: 'still invalid',
    });
  });

  it('strict (the default) checks updates of documents that were invalid', async () => {
    const students = await createStudents('strict');
    await students.insertOne({ _id: 1, name: 'old' }, { bypassDocumentValidation: true });
    await failedValidation(students.updateOne({ _id: 1 }, { $set: { note: 'x' } }));
  });

  it('bad validationLevel or validationAction values are refused', async () => {
    await expectServerError(
      ctx().db.command({ create: 'badLevel', validator: { a: 1 }, validationLevel: 'sometimes' }),
      2,
      'BadValue',
    );
    await expectServerError(
      ctx().db.command({ create: 'badAction', validator: { a: 1 }, validationAction: 'shout' }),
      2,
      'BadValue',
    );
  });
});

describe('collMod and listCollections', () => {
  it('collMod adds a validator to an existing collection; existing documents stay', async () => {
    const coll = ctx().db.collection<AnyDoc>('later');
    await coll.insertMany([
      { _id: 1, qty: -5 },
      { _id: 2, qty: 3 },
    ]);
    const reply = await ctx().db.command({
      collMod: 'later',
      validator: { $jsonSchema: { properties: { qty: { bsonType: 'int', minimum: 0 } } } },
      validationLevel: 'strict',
      validationAction: 'error',
    });
    expect(reply.ok).toBe(1);
    expect(await coll.countDocuments()).toBe(2);
    await failedValidation(coll.insertOne({ _id: 3, qty: -1 }));
    await coll.insertOne({ _id: 4, qty: 1 });
    const [entry] = await ctx()
      .db.listCollections({ name: 'later' }, { nameOnly: false })
      .toArray();
    expect(entry.options).toEqual({
      validator: { $jsonSchema: { properties: { qty: { bsonType: 'int', minimum: 0 } } } },
      validationLevel: 'strict',
      validationAction: 'error',
    });
  });

  it('collMod changes the level and action alone', async () => {
    await createStudents('relaxed');
    await ctx().db.command({ collMod: 'relaxed', validationAction: 'warn' });
    await ctx().db.collection<AnyDoc>('relaxed').insertOne({ _id: 1 });
    const [entry] = await ctx()
      .db.listCollections({ name: 'relaxed' }, { nameOnly: false })
      .toArray();
    expect(entry.options).toMatchObject({
      validator: { $jsonSchema: studentSchema },
      validationAction: 'warn',
    });
  });

  it('listCollections shows the validator given to create', async () => {
    await createStudents('listed', { validationLevel: 'moderate' });
    const [entry] = await ctx()
      .db.listCollections({ name: 'listed' }, { nameOnly: false })
      .toArray();
    expect(entry.options).toEqual({
      validator: { $jsonSchema: studentSchema },
      validationLevel: 'moderate',
    });
  });
});
