import type { Document } from 'bson';
import {
  Binary,
  BSONRegExp,
  Double,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  serialize,
  Timestamp,
} from 'bson';
import fc from 'fast-check';

const COMMANDS = [
  ...['find', 'insert', 'update', 'delete', 'aggregate', 'count', 'distinct', 'createIndexes'],
  ...['listCollections', 'listIndexes', 'getMore', 'killCursors', 'findAndModify', 'drop'],
  ...['create', 'dropIndexes', 'hello', 'isMaster', 'ping', 'buildInfo', 'serverStatus'],
  ...['endSessions', 'explain', 'listDatabases', 'dropDatabase'],
];

const STAGES = [
  ...['$match', '$group', '$project', '$addFields', '$set', '$unset', '$sort', '$skip'],
  ...['$limit', '$unwind', '$lookup', '$facet', '$bucket', '$count', '$sortByCount'],
  ...['$replaceRoot', '$setWindowFields', '$out', '$merge', '$sample', '$bucketAuto'],
  ...['$densify', '$fill'],
];

const OPERATORS = [
  ...['$eq', '$gt', '$in', '$and', '$or', '$not', '$elemMatch', '$regex', '$exists', '$type'],
  ...['$size', '$all', '$expr', '$set', '$inc', '$push', '$unset', '$each', '$slice', '$sort'],
];

/** Field names BSON can encode (no NUL byte). */
const bsonKey = fc.string({ maxLength: 12 }).filter((k) => !k.includes('\u0000'));

const scalar = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.date({ noInvalidDate: true }),
  fc.uint8Array({ maxLength: 16 }).map((b) => new Binary(b)),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((b) => Long.fromBigInt(b)),
  fc.double().map((d) => new Double(d)),
  fc.constantFrom(new MinKey(), new MaxKey(), new ObjectId(), new Timestamp({ t: 1, i: 1 })),
  fc.string({ maxLength: 6 }).map((p) => new BSONRegExp(p, 'i')),
);

/** Any BSON value: JSON values plus dates, binaries, longs, doubles, min/max keys, regexes. */
const bsonValue: fc.Arbitrary<unknown> = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(bsonKey, scalar, { maxKeys: 4 }),
);

const operatorKey = fc.constantFrom(...OPERATORS);

/** Query-, update- or key-like documents mixing plain fields and operators. */
const queryLike = fc.dictionary(
  fc.oneof(bsonKey, operatorKey),
  fc.oneof(bsonValue, fc.dictionary(operatorKey, bsonValue, { maxKeys: 2 })),
  { maxKeys: 3 },
);

/** Real commands with random arguments, reaching deep into the engine. */
export const structuredCommand: fc.Arbitrary<Document> = fc.oneof(
  queryLike.map((filter) => ({ find: 'c', filter })),
  fc.array(queryLike, { maxLength: 3 }).map((documents) => ({ insert: 'c', documents })),
  fc
    .tuple(queryLike, queryLike, fc.boolean())
    .map(([q, u, upsert]) => ({ update: 'c', updates: [{ q, u, upsert, multi: false }] })),
  fc.tuple(queryLike, queryLike).map(([q, u]) => ({ update: 'c', updates: [{ q, u: [u] }] })),
  queryLike.map((q) => ({ delete: 'c', deletes: [{ q, limit: 1 }] })),
  fc.array(fc.tuple(fc.constantFrom(...STAGES), bsonValue), { maxLength: 3 }).map((stages) => ({
    aggregate: 'c',
    pipeline: stages.map(([name, arg]) => ({ [name]: arg })),
    cursor: {},
  })),
  fc.tuple(queryLike, queryLike).map(([q, update]) => ({ findAndModify: 'c', query: q, update })),
  queryLike.map((key) => ({ createIndexes: 'c', indexes: [{ key, name: 'fuzz' }] })),
  fc.tuple(bsonKey, queryLike).map(([key, q]) => ({ distinct: 'c', key, query: q })),
  queryLike.map((q) => ({ count: 'c', query: q })),
);

/** A command document with a random (or real) command name and random fields. */
export const randomCommand: fc.Arbitrary<Document> = fc
  .tuple(
    fc.oneof(bsonKey, fc.constantFrom(...COMMANDS)),
    bsonValue,
    fc.dictionary(bsonKey, bsonValue, { maxKeys: 5 }),
  )
  .filter(([name]) => name !== '$db')
  .map(([name, value, rest]) => ({ [name]: value, ...rest }));

/** Some generated documents cannot be encoded (e.g. NUL in a nested key); those are skipped. */
export function encodable(doc: Document): boolean {
  try {
    serialize(doc);
    return true;
  } catch {
    return false;
  }
}

/** A printable description of a command for failure messages (BSON types included). */
export function describeDoc(doc: Document): string {
  try {
    return JSON.stringify(doc, (_key, value: unknown) =>
      typeof value === 'bigint' ? `${value}n` : value,
    ).slice(0, 2000);
  } catch {
    return '<document not printable as JSON>';
  }
}
