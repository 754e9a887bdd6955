import {
  Binary,
  BSONRegExp,
  Decimal128,
  Double,
  Int32,
  Long,
  ObjectId,
  Timestamp,
  UUID,
} from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

const ctx = setupDriverDb(import.meta.url);

describe('BSON types roundtrip', () => {
  it('keeps every common type and the field order', async () => {
    const coll = ctx().db.collection('types');
    const oid = new ObjectId();
    const uuid = new UUID();
    const doc = {
      _id: oid,
      zLast: 'first field written',
      str: 'héllo wörld — 日本語 🚀',
      ключ: 'unicode key',
      int: 42,
      negative: -7,
      double: 3.25,
      bool: true,
      no: false,
      nothing: null,
      date: new Date('2024-02-29T12:34:56.789Z'),
      oldDate: new Date('1901-01-01T00:00:00.000Z'),
      nested: { a: { b: { c: [1, { d: 'deep' }] } } },
      arr: [1, 'two', [3, [4]], { five: 5 }, null],
      emptyDoc: {},
      emptyArr: [],
      bin: new Binary(Buffer.from([0, 1, 2, 250, 255])),
      uuid,
      dec: Decimal128.fromString('1234.5600'),
      long: Long.fromNumber(2 ** 40 + 3),
      regex: /ab+c$/i,
      ref: new ObjectId(),
    };
    await coll.insertOne(doc);
    const back = await coll.findOne({ _id: oid });
    expect(back).not.toBeNull();
    expect(Object.keys(back ?? {})).toEqual(Object.keys(doc));
    expect(back?.str).toBe(doc.str);
    expect(back?.['ключ']).toBe('unicode key');
    expect(back?.int).toBe(42);
    expect(back?.double).toBe(3.25);
    expect(back?.nothing).toBeNull();
    expect(back?.date).toEqual(doc.date);
    expect(back?.oldDate).toEqual(doc.oldDate);
    expect(back?.nested).toEqual(doc.nested);
    expect(back?.arr).toEqual(doc.arr);
    expect(back?.emptyDoc).toEqual({});
    expect(back?.emptyArr).toEqual([]);
    expect(back?.bin).toBeInstanceOf(Binary);
    expect(Buffer.from((back?.bin as Binary).buffer)).toEqual(Buffer.from([0, 1, 2, 250, 255]));
    expect((back?.uuid as Binary).sub_type).toBe(4);
    expect((back?.uuid as Binary).toUUID().toHexString()).toBe(uuid.toHexString());
    expect(back?.dec).toBeInstanceOf(Decimal128);
    expect((back?.dec as Decimal128).toString()).toBe('1234.5600');
    // promoteLongs (driver default) turns a Long that fits in a double into a number.
    expect(back?.long).toBe(2 ** 40 + 3);
    expect(back?.regex).toBeInstanceOf(RegExp);
    expect((back?.regex as RegExp).source).toBe('ab+c$');
    expect((back?.regex as RegExp).flags).toBe('i');
    expect((back?.ref as ObjectId).equals(doc.ref)).toBe(true);
  });

  it('keeps int32, double and int64 distinct ($type and raw roundtrip)', async () => {
    const coll = ctx().db.collection<{ k: string; v: unknown }>('numbers');
    await coll.insertMany([
      { k: 'int', v: new Int32(5) },
      { k: 'double', v: new Double(5) },
      { k: 'long', v: Long.fromNumber(5) },
    ]);
    const kinds = async (type: string) =>
      (await coll.find({ v: { $type: type } }).toArray()).map((d) => d.k);
    expect(await kinds('int')).toEqual(['int']);
    expect(await kinds('double')).toEqual(['double']);
    expect(await kinds('long')).toEqual(['long']);
    const raw = await coll.find({}, { promoteValues: false, promoteLongs: false }).toArray();
    expect(raw.map((d) => [d.k, (d.v as { _bsontype?: string })._bsontype])).toEqual([
      ['int', 'Int32'],
      ['double', 'Double'],
      ['long', 'Long'],
    ]);
  });

  it('matches numbers across types by value; $type number covers decimals', async () => {
    const coll = ctx().db.collection<{ k: string; v: unknown }>('numbersByValue');
    await coll.insertMany([
      { k: 'int', v: new Int32(5) },
      { k: 'double', v: new Double(5) },
      { k: 'long', v: Long.fromNumber(5) },
      { k: 'decimal', v: Decimal128.fromString('5') },
      { k: 'string', v: '5' },
    ]);
    const kinds = async (filter: object) =>
      (await coll.find(filter).toArray()).map((d) => d.k).sort();
    expect(await kinds({ v: 5 })).toEqual(['decimal', 'double', 'int', 'long']);
    expect(await kinds({ v: { $type: 'decimal' } })).toEqual(['decimal']);
    expect(await kinds({ v: { $type: 'number' } })).toEqual(['decimal', 'double', 'int', 'long']);
    expect(await kinds({ v: { $type: 'string' } })).toEqual(['string']);
  });

  it('keeps Long values beyond 2^53 exactly when promoteLongs is off', async () => {
    const coll = ctx().db.collection('bigLong');
    const big = Long.fromString('9007199254740993');
    await coll.insertOne({ big });
    const back = await coll.findOne({}, { promoteLongs: false });
    expect((back?.big as Long).toString()).toBe('9007199254740993');
  });

  it('keeps Timestamp, BSONRegExp and nested unicode keys', async () => {
    const coll = ctx().db.collection('misc');
    const ts = new Timestamp({ t: 1_700_000_000, i: 7 });
    await coll.insertOne({ ts, re: new BSONRegExp('^x', 'm'), é: { '😀': 'smile' } });
    const back = await coll.findOne({});
    expect((back?.ts as Timestamp).equals(ts)).toBe(true);
    expect((back?.re as RegExp).source).toBe('^x');
    expect((back?.re as RegExp).flags).toBe('m');
    expect(back?.['é']).toEqual({ '😀': 'smile' });
  });

  it('matches dates, ObjectIds and binaries by value', async () => {
    const coll = ctx().db.collection('match');
    const oid = new ObjectId();
    await coll.insertMany([
      { at: new Date('2024-01-01T00:00:00Z'), ref: oid, bin: new Binary(Buffer.from('ab')) },
      {
        at: new Date('2024-06-01T00:00:00Z'),
        ref: new ObjectId(),
        bin: new Binary(Buffer.from('cd')),
      },
    ]);
    expect(await coll.countDocuments({ at: { $gte: new Date('2024-03-01T00:00:00Z') } })).toBe(1);
    expect(await coll.countDocuments({ ref: new ObjectId(oid.toHexString()) })).toBe(1);
    expect(await coll.countDocuments({ bin: new Binary(Buffer.from('cd')) })).toBe(1);
  });
});
