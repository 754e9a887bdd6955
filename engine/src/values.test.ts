import { ObjectId } from 'bson';
import { describe, expect, it } from 'vitest';

import { compareValues, keyOf } from './values.js';

describe('keyOf an ObjectId', () => {
  it('is `o` and its hex digits, for ids made every way', () => {
    const ids = [
      new ObjectId(),
      new ObjectId('000000000000000000000000'),
      new ObjectId('ffffffffffffffffffffffff'),
      new ObjectId('0123456789abcdefFEDCBA98'),
      new ObjectId(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 255])),
      ObjectId.createFromTime(1_700_000_000),
      ...Array.from({ length: 200 }, (_, i) => new ObjectId(i.toString(16).padStart(24, '7'))),
    ];
    for (const id of ids) expect(keyOf(id)).toBe(`o${id.toHexString()}`);
  });

  it('tells ids apart and matches equal ids, also one that is not a bson 7 instance', () => {
    const id = new ObjectId();
    const copy = new ObjectId(id.toHexString());
    expect(keyOf(copy)).toBe(keyOf(id));
    expect(keyOf(new ObjectId())).not.toBe(keyOf(id));
    // An id object without the four words bson 7 keeps (another bson version's, say).
    const foreign = { _bsontype: 'ObjectId', toString: () => id.toHexString() };
    expect(keyOf(foreign)).toBe(keyOf(id));
  });
});

describe('compareValues of ObjectIds', () => {
  it('orders them as their hex text, byte by byte', () => {
    const hex = [
      '000000000000000000000000',
      '000000000000000000000001',
      '0000000000000000000000ff',
      '00000000000000ff00000000',
      '00000000ff00000000000000',
      '00ffffffffffffffffffffff',
      '010000000000000000000000',
      '7fffffffffffffffffffffff',
      '800000000000000000000000',
      'fffffffffffffffffffffffe',
      'ffffffffffffffffffffffff',
      ...Array.from({ length: 50 }, () => new ObjectId().toHexString()),
    ];
    const ids = hex.map((text) => new ObjectId(text));
    for (const a of ids) {
      for (const b of ids) {
        const byText =
          a.toHexString() < b.toHexString() ? -1 : a.toHexString() > b.toHexString() ? 1 : 0;
        expect(Math.sign(compareValues(a, b))).toBe(byText);
      }
    }
  });
});
