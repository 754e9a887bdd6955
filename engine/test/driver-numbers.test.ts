// BSON numeric types as MongoDB 7.0 keeps and compares them: int32, double, int64 and decimal are
// stored and returned as given, compare equal by value across types (filters, _id and index keys,
// $group, distinct, sort), follow the documented type conversions in arithmetic, and comparison
// operators follow BSON's type bracketing and order.
import type { Document } from 'mongodb';
import { Decimal128, Double, Int32, Long, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

const ctx = setupDriverDb(import.meta.url);

/** The filter for the one document these tests write with _id 1. */
const ONE: Document = { _id: 1 };

const RAW = { promoteValues: false, promoteLongs: false } as const;

/** The BSON type and text of a value read with promoteValues off. */
function typed(value: unknown): [string, string] {
  const tag = (value as { _bsontype?: string } | null)?._bsontype ?? typeof value;
  return [tag, String(value)];
}

async function rawOne(name: string, filter: Document = {}): Promise<Document | null> {
  return ctx().db.collection(name).findOne(filter, RAW);
}

/** Evaluates expressions over one document; raw (promoteValues off) unless `promote`. */
async function project(expressions: Document, promote = false): Promise<Document> {
  const coll = ctx().db.collection('exprNumbers');
  await coll.updateOne({ _id: 1 } as Document, { $set: { seen: true } }, { upsert: true });
  const [doc] = await coll
    .aggregate(
      [{ $match: { _id: 1 } }, { $project: { _id: 0, ...expressions } }],
      promote ? {} : RAW,
    )
    .toArray();
  return doc;
}

function fiveOfEveryType(): Document[] {
  return [
    { k: 'int', v: new Int32(5) },
    { k: 'double', v: new Double(5) },
    { k: 'long', v: Long.fromNumber(5) },
    { k: 'decimal', v: Decimal128.fromString('5.0') },
  ];
}

describe('numeric types are stored as given', () => {
  it('returns int32, double, int64 and decimal with their own type', async () => {
    const coll = ctx().db.collection('stored');
    await coll.insertOne({
      ...ONE,
      int: new Int32(7),
      wholeDouble: new Double(7),
      double: 7.5,
      long: Long.fromNumber(7),
      bigLong: Long.fromString('9007199254740993'),
      decimal: Decimal128.fromString('7.50'),
      nested: { list: [new Double(1), Long.fromNumber(2), new Int32(3)] },
    });
    const back = await rawOne('stored', { _id: 1 });
    expect(typed(back?.int)).toEqual(['Int32', '7']);
    expect(typed(back?.wholeDouble)).toEqual(['Double', '7']);
    expect(typed(back?.double)).toEqual(['Double', '7.5']);
    expect(typed(back?.long)).toEqual(['Long', '7']);
    expect(typed(back?.bigLong)).toEqual(['Long', '9007199254740993']);
    expect(typed(back?.decimal)).toEqual(['Decimal128', '7.50']);
    const list = (back?.nested as { list: unknown[] }).list;
    expect(list.map(typed)).toEqual([
      ['Double', '1'],
      ['Long', '2'],
      ['Int32', '3'],
    ]);
  });

  it('$type follows the stored type, by alias and by number', async () => {
    const coll = ctx().db.collection('typeAliases');
    await coll.insertMany([
      ...fiveOfEveryType(),
      { k: 'string', v: '5' },
      { k: 'fraction', v: 2.5 },
    ]);
    const kinds = async (type: unknown) =>
      (await coll.find({ v: { $type: type } } as Document).toArray())
        .map((d) => String(d.k))
        .sort();
    expect(await kinds('int')).toEqual(['int']);
    expect(await kinds(16)).toEqual(['int']);
    expect(await kinds('double')).toEqual(['double', 'fraction']);
    expect(await kinds(1)).toEqual(['double', 'fraction']);
    expect(await kinds('long')).toEqual(['long']);
    expect(await kinds(18)).toEqual(['long']);
    expect(await kinds('decimal')).toEqual(['decimal']);
    expect(await kinds(19)).toEqual(['decimal']);
    expect(await kinds('number')).toEqual(['decimal', 'double', 'fraction', 'int', 'long']);
    expect(await kinds(['long', 'string'])).toEqual(['long', 'string']);
  });

  it('the $type expression names the stored type', async () => {
    const coll = ctx().db.collection('typeNames');
    await coll.insertMany(fiveOfEveryType());
    const names = await coll
      .aggregate([{ $project: { _id: 0, k: 1, t: { $type: '$v' }, n: { $isNumber: '$v' } } }])
      .toArray();
    expect(names).toEqual([
      { k: 'int', t: 'int', n: true },
      { k: 'double', t: 'double', n: true },
      { k: 'long', t: 'long', n: true },
      { k: 'decimal', t: 'decimal', n: true },
    ]);
  });
});

describe('numbers of different types are equal by value', () => {
  it('a filter for 5 matches int32, double, int64 and decimal 5', async () => {
    const coll = ctx().db.collection('byValue');
    await coll.insertMany([...fiveOfEveryType(), { k: 'string', v: '5' }, { k: 'six', v: 6 }]);
    const kinds = async (filter: Document) =>
      (await coll.find(filter).toArray()).map((d) => String(d.k)).sort();
    const all = ['decimal', 'double', 'int', 'long'];
    expect(await kinds({ v: 5 })).toEqual(all);
    expect(await kinds({ v: Long.fromNumber(5) })).toEqual(all);
    expect(await kinds({ v: Decimal128.fromString('5') })).toEqual(all);
    expect(await kinds({ v: { $in: [new Double(5)] } })).toEqual(all);
    expect(await kinds({ v: { $gte: Decimal128.fromString('5'), $lt: 6 } })).toEqual(all);
    expect(await kinds({ v: { $ne: 5 } })).toEqual(['six', 'string']);
    expect(await kinds({ v: { $nin: [Long.fromNumber(5), 6] } })).toEqual(['string']);
  });

  it('an index lookup for 5 finds every numeric type of 5', async () => {
    const coll = ctx().db.collection('indexedByValue');
    await coll.createIndex({ v: 1 });
    await coll.insertMany([...fiveOfEveryType(), { k: 'four', v: 4 }, { k: 'text', v: '5' }]);
    const kinds = (docs: Document[]) => docs.map((d) => String(d.k)).sort();
    expect(kinds(await coll.find({ v: 5 }).toArray())).toEqual([
      'decimal',
      'double',
      'int',
      'long',
    ]);
    expect(kinds(await coll.find({ v: Decimal128.fromString('5.00') }).toArray())).toEqual([
      'decimal',
      'double',
      'int',
      'long',
    ]);
    expect(kinds(await coll.find({ v: { $gt: 4.5, $lte: Long.fromNumber(5) } }).toArray())).toEqual(
      ['decimal', 'double', 'int', 'long'],
    );
  });

  it('_id and unique index keys treat equal numbers as duplicates', async () => {
    const coll = ctx().db.collection('numericIds');
    await coll.insertOne({ _id: Long.fromNumber(7) } as Document);
    await expectServerError(coll.insertOne({ _id: 7 } as Document), 11000);
    await expectServerError(
      coll.insertOne({ _id: Decimal128.fromString('7.0') } as Document),
      11000,
    );
    const found = await coll.findOne({ _id: new Double(7) } as Document, RAW);
    expect(typed(found?._id)).toEqual(['Long', '7']);

    const unique = ctx().db.collection('uniqueNumbers');
    await unique.createIndex({ n: 1 }, { unique: true });
    await unique.insertOne({ n: new Double(3) });
    await expectServerError(unique.insertOne({ n: Long.fromNumber(3) }), 11000);
    await expectServerError(unique.insertOne({ n: Decimal128.fromString('3') }), 11000);
    await unique.insertOne({ n: 3.5 });
    expect(await unique.countDocuments()).toBe(2);
  });

  it('$group and distinct put equal numbers together', async () => {
    const coll = ctx().db.collection('groupByValue');
    await coll.insertMany([
      ...fiveOfEveryType(),
      { k: 'six', v: 6 },
      { k: 'sixLong', v: Long.fromNumber(6) },
    ]);
    const groups = await coll
      .aggregate([{ $group: { _id: '$v', n: { $sum: 1 } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(groups.map((g) => [Number(g._id), Number(g.n)])).toEqual([
      [5, 4],
      [6, 2],
    ]);
    const values = await coll.distinct('v');
    expect(values.map(Number)).toEqual([5, 6]);
  });

  it('sorts numbers of every type by value, in find and in $sort', async () => {
    const coll = ctx().db.collection('sortByValue');
    await coll.insertMany([
      { k: 'a', v: Long.fromNumber(30) },
      { k: 'b', v: 2.5 },
      { k: 'c', v: Decimal128.fromString('-1') },
      { k: 'd', v: new Int32(4) },
      { k: 'e', v: new Double(10) },
      { k: 'f', v: Decimal128.fromString('2.25') },
    ]);
    const order = ['c', 'f', 'b', 'd', 'e', 'a'];
    expect((await coll.find().sort({ v: 1 }).toArray()).map((d) => String(d.k))).toEqual(order);
    const sorted = await coll.aggregate([{ $sort: { v: -1 } }]).toArray();
    expect(sorted.map((d) => String(d.k))).toEqual([...order].reverse());
  });
});

describe('numeric options given as Long or Double', () => {
  it('sort and index key directions may be any numeric type', async () => {
    const db = ctx().db;
    await db.collection('directions').insertMany([{ n: 2 }, { n: 3 }, { n: 1 }]);
    const found = await db.command({ find: 'directions', sort: { n: Long.fromNumber(-1) } });
    const batch = (found.cursor as { firstBatch: Document[] }).firstBatch;
    expect(batch.map((d) => Number(d.n))).toEqual([3, 2, 1]);
    const aggregated = await db.command({
      aggregate: 'directions',
      pipeline: [{ $sort: { n: new Double(-1) } }],
      cursor: {},
    });
    const sorted = (aggregated.cursor as { firstBatch: Document[] }).firstBatch;
    expect(sorted.map((d) => Number(d.n))).toEqual([3, 2, 1]);
    await db.command({
      createIndexes: 'directions',
      indexes: [{ key: { n: new Double(-1) }, name: 'n_desc' }],
    });
    const indexes = (await db.collection('directions').listIndexes().toArray()) as Document[];
    const names = indexes.map((index) => String(index.name));
    expect(names).toContain('n_desc');
  });
});

describe('comparison operators follow BSON order', () => {
  it('query comparisons only match values of the same BSON type bracket', async () => {
    const coll = ctx().db.collection('bracketing');
    await coll.insertMany([
      { k: 'num', v: 7 },
      { k: 'long', v: Long.fromNumber(9) },
      { k: 'str', v: '9' },
      { k: 'date', v: new Date('2024-01-01T00:00:00Z') },
      { k: 'null', v: null },
      { k: 'missing' },
      { k: 'bool', v: true },
      { k: 'arr', v: [1, 'zz'] },
    ]);
    const kinds = async (filter: Document) =>
      (await coll.find(filter).toArray()).map((d) => String(d.k)).sort();
    expect(await kinds({ v: { $gt: 5 } })).toEqual(['long', 'num']);
    expect(await kinds({ v: { $lt: 'a' } })).toEqual(['str']);
    expect(await kinds({ v: { $gt: 'a' } })).toEqual(['arr']);
    expect(await kinds({ v: { $lte: 1 } })).toEqual(['arr']);
    expect(await kinds({ v: { $gte: null } })).toEqual(['missing', 'null']);
    expect(await kinds({ v: { $gt: new Date('2000-01-01T00:00:00Z') } })).toEqual(['date']);
    expect(await kinds({ v: { $gte: false } })).toEqual(['bool']);
  });

  it('compares strings by code point (UTF-8 bytes) in filters and expressions', async () => {
    const coll = ctx().db.collection('codePoints');
    // U+FF21 (Ａ) is above U+E000, the surrogate pair of 😀 (U+1F600) below it in UTF-16.
    await coll.insertMany([{ w: 'Ａ' }, { w: '😀' }, { w: 'z' }]);
    const above = await coll.find({ w: { $gt: 'Ａ' } }).toArray();
    expect(above.map((d) => String(d.w))).toEqual(['😀']);
    const below = await coll.find({ w: { $lt: '😀' } }).toArray();
    expect(below.map((d) => String(d.w)).sort()).toEqual(['z', 'Ａ']);
    expect(await project({ c: { $cmp: ['😀', 'Ａ'] }, lt: { $lt: ['Ａ', '😀'] } }, true)).toEqual({
      c: 1,
      lt: true,
    });
  });

  it('expressions compare across types in BSON order and numbers by value', async () => {
    const doc = await project(
      {
        longEqDouble: { $eq: [Long.fromNumber(5), 5.0] },
        decimalEqInt: { $eq: [Decimal128.fromString('1.0'), 1] },
        cmpDecimal: { $cmp: [Decimal128.fromString('5'), new Int32(5)] },
        cmpLong: { $cmp: [Long.fromNumber(6), 5.5] },
        numLtString: { $lt: [Long.fromNumber(100), 'a'] },
        stringLtObject: { $lt: ['z', { $literal: { a: 1 } }] },
        objectLtArray: { $lt: [{ $literal: { a: 1 } }, { $literal: [1] }] },
        dateGtBool: { $gt: [new Date(0), true] },
        maxMixed: { $max: [1, 'a', null] },
        minMixed: { $min: [Long.fromNumber(2), 'a', 3.5] },
      },
      true,
    );
    expect(doc).toEqual({
      longEqDouble: true,
      decimalEqInt: true,
      cmpDecimal: 0,
      cmpLong: 1,
      numLtString: true,
      stringLtObject: true,
      objectLtArray: true,
      dateGtBool: true,
      maxMixed: 'a',
      minMixed: 2,
    });
  });
});

describe('arithmetic follows the numeric type conversions', () => {
  it('$inc keeps the type, promotes int32 overflow to int64 and mixes into double or decimal', async () => {
    const coll = ctx().db.collection('incTypes');
    await coll.insertOne({
      ...ONE,
      int: new Int32(2147483647),
      small: new Int32(1),
      long: Long.fromNumber(10),
      double: new Double(5),
      decimal: Decimal128.fromString('1.5'),
    });
    await coll.updateOne(ONE, {
      $inc: {
        int: 1,
        small: 2.5,
        long: new Int32(1),
        double: 1,
        decimal: 2,
        added: Long.fromNumber(3),
      },
    });
    const back = await rawOne('incTypes', { _id: 1 });
    expect(typed(back?.int)).toEqual(['Long', '2147483648']);
    expect(typed(back?.small)).toEqual(['Double', '3.5']);
    expect(typed(back?.long)).toEqual(['Long', '11']);
    expect(typed(back?.double)).toEqual(['Double', '6']);
    expect(typed(back?.decimal)).toEqual(['Decimal128', '3.5']);
    expect(typed(back?.added)).toEqual(['Long', '3']);
  });

  it('$inc and $mul on array elements ($, $[] and $[id]) keep the numeric types', async () => {
    const coll = ctx().db.collection('incElements');
    await coll.insertOne({
      ...ONE,
      counts: [Long.fromNumber(1), Long.fromNumber(2)],
      prices: [
        { sku: 'a', price: Decimal128.fromString('0.10') },
        { sku: 'b', price: Decimal128.fromString('0.20') },
      ],
      scores: [new Int32(1), new Int32(5)],
    });
    await coll.updateOne(
      { ...ONE, 'prices.sku': 'b' },
      {
        $inc: {
          'counts.$[]': Long.fromString('9007199254740993'),
          'prices.$.price': new Double(0.1),
        },
        $mul: { 'scores.$[low]': new Int32(3) },
      },
      { arrayFilters: [{ low: { $lt: 3 } }] },
    );
    await coll.updateOne(ONE, { $inc: { 'prices.$[].price': Decimal128.fromString('0.01') } });
    const back = await rawOne('incElements', { _id: 1 });
    expect((back?.counts as unknown[]).map(typed)).toEqual([
      ['Long', '9007199254740994'],
      ['Long', '9007199254740995'],
    ]);
    expect((back?.prices as Document[]).map((item) => typed(item.price))).toEqual([
      ['Decimal128', '0.11'],
      ['Decimal128', '0.310000000000000'],
    ]);
    expect((back?.scores as unknown[]).map(typed)).toEqual([
      ['Int32', '3'],
      ['Int32', '5'],
    ]);
  });

  it('$inc past the int64 range is an error and changes nothing', async () => {
    const coll = ctx().db.collection('incOverflow');
    await coll.insertOne({ ...ONE, n: Long.MAX_VALUE });
    let caught: unknown;
    try {
      await coll.updateOne(ONE, { $inc: { n: 1 } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MongoServerError);
    const back = await rawOne('incOverflow', { _id: 1 });
    expect(typed(back?.n)).toEqual(['Long', Long.MAX_VALUE.toString()]);
  });

  it('$mul: zero of the multiplier type on a missing field, documented conversions otherwise', async () => {
    const coll = ctx().db.collection('mulTypes');
    await coll.insertOne({
      ...ONE,
      price: Decimal128.fromString('10.99'),
      qty: new Int32(25),
      big: new Int32(100000),
      long: Long.fromNumber(4),
    });
    await coll.updateOne(ONE, {
      $mul: {
        price: Decimal128.fromString('1.25'),
        qty: 2,
        big: 100000,
        long: 2.5,
        missingLong: Long.fromNumber(5),
        missingDouble: 2.5,
      },
    });
    const back = await rawOne('mulTypes', { _id: 1 });
    expect(typed(back?.price)).toEqual(['Decimal128', '13.7375']);
    expect(typed(back?.qty)).toEqual(['Int32', '50']);
    expect(typed(back?.big)).toEqual(['Long', '10000000000']);
    expect(typed(back?.long)).toEqual(['Double', '10']);
    expect(typed(back?.missingLong)).toEqual(['Long', '0']);
    expect(typed(back?.missingDouble)).toEqual(['Double', '0']);
  });

  it('$min and $max compare in BSON order and store the winning value as given', async () => {
    const coll = ctx().db.collection('minMax');
    await coll.insertOne({ ...ONE, low: 5, high: 5, text: 5 });
    await coll.updateOne(ONE, {
      $min: { low: Decimal128.fromString('4.5') },
      $max: { high: Long.fromNumber(10), text: 'a string sorts above numbers' },
    });
    const back = await rawOne('minMax', { _id: 1 });
    expect(typed(back?.low)).toEqual(['Decimal128', '4.5']);
    expect(typed(back?.high)).toEqual(['Long', '10']);
    expect(back?.text).toBe('a string sorts above numbers');
    await coll.updateOne({ _id: 1 } as Document, {
      $max: { high: new Double(10) },
      $min: { low: 5 },
    });
    const again = await rawOne('minMax', { _id: 1 });
    expect(typed(again?.high)).toEqual(['Long', '10']);
    expect(typed(again?.low)).toEqual(['Decimal128', '4.5']);
  });

  it('aggregation arithmetic promotes int32 to int64, to double and to decimal', async () => {
    const doc = await project({
      intPlusInt: { $add: [new Int32(2), new Int32(3)] },
      intOverflow: { $add: [new Int32(2147483647), new Int32(1)] },
      intPlusLong: { $add: [new Int32(2), Long.fromNumber(3)] },
      intPlusDouble: { $add: [new Int32(2), 0.5] },
      wholeDouble: { $add: [new Int32(2), new Double(3)] },
      withDecimal: { $add: [Decimal128.fromString('1.5'), new Int32(2)] },
      subtract: { $subtract: [Long.fromNumber(10), new Int32(4)] },
      multiply: { $multiply: [Decimal128.fromString('1.1'), new Int32(3)] },
      divide: { $divide: [new Int32(6), new Int32(3)] },
    });
    expect(
      Object.fromEntries(Object.entries(doc).map(([key, value]) => [key, typed(value)])),
    ).toEqual({
      intPlusInt: ['Int32', '5'],
      intOverflow: ['Long', '2147483648'],
      intPlusLong: ['Long', '5'],
      intPlusDouble: ['Double', '2.5'],
      wholeDouble: ['Double', '5'],
      withDecimal: ['Decimal128', '3.5'],
      subtract: ['Long', '6'],
      multiply: ['Decimal128', '3.3'],
      divide: ['Double', '2'],
    });
  });

  it('$divide with a decimal is decimal division: exact to 34 digits, at the preferred exponent', async () => {
    const decimal = (text: string) => Decimal128.fromString(text);
    const doc = await project({
      third: { $divide: [decimal('1'), new Int32(3)] },
      twoThirds: { $divide: [decimal('2'), decimal('3')] },
      keepsScale: { $divide: [decimal('8.00'), new Int32(2)] },
      scaleDifference: { $divide: [decimal('2.400'), decimal('2.0')] },
      whole: { $divide: [decimal('1000'), decimal('100')] },
      large: { $divide: [decimal('2.40E+6'), new Int32(2)] },
      negative: { $divide: [decimal('-7'), decimal('2')] },
    });
    expect(
      Object.fromEntries(Object.entries(doc).map(([key, value]) => [key, typed(value)])),
    ).toEqual({
      third: ['Decimal128', `0.${'3'.repeat(34)}`],
      twoThirds: ['Decimal128', `0.${'6'.repeat(33)}7`],
      keepsScale: ['Decimal128', '4.00'],
      scaleDifference: ['Decimal128', '1.20'],
      whole: ['Decimal128', '10'],
      large: ['Decimal128', '1.20E+6'],
      negative: ['Decimal128', '-3.5'],
    });
  });

  it('$abs, $ceil, $floor, $round, $trunc and $mod keep a decimal or int64 operand exact and typed', async () => {
    const decimal = (text: string) => Decimal128.fromString(text);
    const big = Long.fromString('9007199254740993'); // 2^53 + 1: a double cannot hold it
    const doc = await project({
      absDecimal: { $abs: decimal('-12345678901234567890.123456789') },
      ceilDecimal: { $ceil: decimal('2.000000000000000000001') },
      floorDecimal: { $floor: decimal('-2.5') },
      roundDecimal: { $round: [decimal('1.23456789012345678901234'), 20] },
      roundHalfEven: { $round: [decimal('2.5'), 0] },
      truncDecimal: { $trunc: [decimal('9.99999999999999999999'), 1] },
      modDecimal: { $mod: [decimal('10.75'), decimal('3')] },
      absLong: { $abs: Long.fromString('-9007199254740993') },
      floorLong: { $floor: big },
      roundLong: { $round: [Long.fromNumber(1250), -2] },
      modLong: { $mod: [big, Long.fromNumber(10)] },
      sqrtDecimal: { $sqrt: decimal('2.25') },
    });
    expect(
      Object.fromEntries(Object.entries(doc).map(([key, value]) => [key, typed(value)])),
    ).toEqual({
      absDecimal: ['Decimal128', '12345678901234567890.123456789'],
      ceilDecimal: ['Decimal128', '3'],
      floorDecimal: ['Decimal128', '-3'],
      roundDecimal: ['Decimal128', '1.23456789012345678901'],
      roundHalfEven: ['Decimal128', '2'],
      truncDecimal: ['Decimal128', '9.9'],
      modDecimal: ['Decimal128', '1.75'],
      absLong: ['Long', '9007199254740993'],
      floorLong: ['Long', '9007199254740993'],
      roundLong: ['Long', '1200'],
      modLong: ['Long', '3'],
      sqrtDecimal: ['Decimal128', '1.5'],
    });
  });

  it('$sum and $avg accumulate with the widest type', async () => {
    const coll = ctx().db.collection('accumulate');
    await coll.insertMany([
      { g: 'ints', v: new Int32(1) },
      { g: 'ints', v: new Int32(3) },
      { g: 'mixed', v: new Int32(1) },
      { g: 'mixed', v: Long.fromNumber(2) },
      { g: 'decimal', v: Decimal128.fromString('0.5') },
      { g: 'decimal', v: new Int32(1) },
    ]);
    const rows = await coll
      .aggregate(
        [
          { $group: { _id: '$g', sum: { $sum: '$v' }, avg: { $avg: '$v' } } },
          { $sort: { _id: 1 } },
        ],
        RAW,
      )
      .toArray();
    expect(rows.map((row) => [String(row._id), typed(row.sum), typed(row.avg)])).toEqual([
      ['decimal', ['Decimal128', '1.5'], ['Decimal128', '0.75']],
      ['ints', ['Int32', '4'], ['Double', '2']],
      ['mixed', ['Long', '3'], ['Double', '1.5']],
    ]);
  });
});
