import type { Document } from 'mongodb';
import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

// Field names with periods and dollar signs (MongoDB 5.0+): what inserts, replacements, operator
// updates, upserts and pipeline updates accept, and the $getField / $setField / $unsetField
// expressions that reach such fields.

const ctx = setupDriverDb(import.meta.url);

type Doc = Document & { _id: number };

function coll(name: string) {
  return ctx().db.collection<Doc>(name);
}

describe('inserts', () => {
  it('accept $-prefixed names at the top level and nested, and return them as stored', async () => {
    const sales = coll('sales');
    await sales.insertOne({ _id: 1, $price: 50, quantity: 30 });
    await sales.insertOne({ _id: 2, location: { $db: 'novels', $inc: true }, 'a.b': 1 });
    expect(await sales.find().sort({ _id: 1 }).toArray()).toEqual([
      { _id: 1, $price: 50, quantity: 30 },
      { _id: 2, location: { $db: 'novels', $inc: true }, 'a.b': 1 },
    ]);
  });

  it('refuse a $-prefixed name anywhere inside _id', async () => {
    const ids = ctx().db.collection<Document & { _id: Document }>('ids');
    await expectServerError(ids.insertOne({ _id: { $a: 1 } }), 52, 'DollarPrefixedFieldName');
    await expectServerError(
      ids.insertOne({ _id: { x: { $b: 1 } } }),
      52,
      'DollarPrefixedFieldName',
    );
    expect(await ids.countDocuments()).toBe(0);
  });
});

describe('updates', () => {
  it('a replacement keeps nested $-prefixed names but refuses a top-level one', async () => {
    const housing = coll('housing');
    await housing.insertOne({ _id: 1, address: { $number: 123, $street: 'Elm Road' } });
    await housing.replaceOne({ _id: 1 }, { address: { $number: 124, $street: 'Elm Road' } });
    expect(await housing.findOne({ _id: 1 })).toEqual({
      _id: 1,
      address: { $number: 124, $street: 'Elm Road' },
    });
    await expectServerError(
      housing.replaceOne({ _id: 1 }, { address: 'x', $rooms: { br: 2 } }),
      52,
      'DollarPrefixedFieldName',
    );
    expect(await housing.findOne({ _id: 1 })).toEqual({
      _id: 1,
      address: { $number: 124, $street: 'Elm Road' },
    });
  });

  it('an upsert that inserts accepts $-prefixed names; the same update of a match is refused', async () => {
    const expenses = coll('expenses');
    const update = { $set: { phone: 25.17, $hotel: 320.1 } };
    const inserted = await expenses.updateOne({ date: '2021-07-07' }, update, { upsert: true });
    expect(inserted.upsertedCount).toBe(1);
    expect(await expenses.findOne({ date: '2021-07-07' }, { projection: { _id: 0 } })).toEqual({
      date: '2021-07-07',
      phone: 25.17,
      $hotel: 320.1,
    });
    await expectServerError(
      expenses.updateOne({ date: '2021-07-07' }, update, { upsert: true }),
      52,
      'DollarPrefixedFieldName',
    );
  });

  it('a pipeline update reaches $-prefixed and dotted names through $setField', async () => {
    const inventory = coll('pipeline');
    await inventory.insertOne({ _id: 1, $price: 10, 'price.usd': 5 });
    await inventory.updateOne({ _id: 1 }, [
      {
        $replaceWith: {
          $setField: {
            field: { $literal: '$price' },
            input: '$$ROOT',
            value: { $add: [{ $getField: { $literal: '$price' } }, 1] },
          },
        },
      },
      { $replaceWith: { $setField: { field: 'price.usd', input: '$$ROOT', value: 6 } } },
    ]);
    expect(await inventory.findOne({ _id: 1 })).toEqual({ _id: 1, $price: 11, 'price.usd': 6 });
  });
});

describe('$getField', () => {
  it('reads a dotted or $-prefixed top-level name in a query and a pipeline', async () => {
    const inventory = coll('getfield');
    await inventory.insertMany([
      { _id: 1, item: 'sweatshirt', 'price.usd': 45.99, $qty: 300 },
      { _id: 2, item: 'winter coat', 'price.usd': 29.99, $qty: 200 },
    ]);
    const dear = await inventory
      .find({ $expr: { $gt: [{ $getField: 'price.usd' }, 40] } })
      .toArray();
    expect(dear.map((doc) => doc._id)).toEqual([1]);
    const many = await inventory
      .aggregate([
        { $match: { $expr: { $gt: [{ $getField: { $literal: '$qty' } }, 250] } } },
        {
          $project: {
            _id: 1,
            qty: { $getField: { field: { $literal: '$qty' }, input: '$$ROOT' } },
          },
        },
      ])
      .toArray();
    expect(many).toEqual([{ _id: 1, qty: 300 }]);
  });

  it('gives null for a null or missing input and missing for an absent field', async () => {
    const docs = coll('getnull');
    await docs.insertOne({ _id: 1, sub: { a: 1 }, nothing: null });
    const [out] = await docs
      .aggregate([
        {
          $project: {
            fromNull: { $getField: { field: 'a', input: '$nothing' } },
            fromMissing: { $getField: { field: 'a', input: '$absent' } },
            absent: { $getField: { field: 'zz', input: '$sub' } },
            present: { $getField: { field: 'a', input: '$sub' } },
          },
        },
      ])
      .toArray();
    expect(out).toEqual({ _id: 1, fromNull: null, fromMissing: null, present: 1 });
  });

  it('refuses a field that is not a constant string', async () => {
    const docs = coll('getbad');
    await docs.insertOne({ _id: 1, name: 'a', a: 1 });
    for (const field of ['$name', 5]) {
      let caught: unknown;
      try {
        await docs
          .aggregate([{ $project: { v: { $getField: { field, input: '$$ROOT' } } } }])
          .toArray();
      } catch (error) {
        caught = error;
      }
      expect(caught, `field ${String(field)}`).toBeInstanceOf(MongoServerError);
    }
  });
});

describe('$setField and $unsetField', () => {
  it('add, change and remove dotted and $-prefixed names', async () => {
    const inventory = coll('setfield');
    await inventory.insertOne({ _id: 1, item: 'sweatshirt', price: 45.99, $cost: 3 });
    const [out] = await inventory
      .aggregate([
        { $replaceWith: { $setField: { field: 'price.usd', input: '$$ROOT', value: '$price' } } },
        { $unset: 'price' },
        { $replaceWith: { $unsetField: { field: { $literal: '$cost' }, input: '$$ROOT' } } },
        {
          $replaceWith: {
            $setField: { field: { $literal: '$tax' }, input: '$$ROOT', value: 0.5 },
          },
        },
        { $replaceWith: { $setField: { field: 'item', input: '$$ROOT', value: '$$REMOVE' } } },
      ])
      .toArray();
    expect(out).toEqual({ _id: 1, 'price.usd': 45.99, $tax: 0.5 });
  });

  it('give null for a null or missing input', async () => {
    const docs = coll('setnull');
    await docs.insertOne({ _id: 1, nothing: null });
    const [out] = await docs
      .aggregate([
        {
          $project: {
            set: { $setField: { field: 'a', input: '$nothing', value: 1 } },
            unset: { $unsetField: { field: 'a', input: '$absent' } },
          },
        },
      ])
      .toArray();
    expect(out).toEqual({ _id: 1, set: null, unset: null });
  });

  it('refuse a field that is not a constant string and an input that is not an object', async () => {
    const docs = coll('setbad');
    await docs.insertOne({ _id: 1, name: 'a', n: 5 });
    const attempts: Document[] = [
      { $setField: { field: '$name', input: '$$ROOT', value: 1 } },
      { $setField: { field: 7, input: '$$ROOT', value: 1 } },
      { $unsetField: { field: '$name', input: '$$ROOT' } },
      { $setField: { field: 'x', input: '$n', value: 1 } },
    ];
    for (const expression of attempts) {
      let caught: unknown;
      try {
        await docs.aggregate([{ $project: { v: expression } }]).toArray();
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(expression)).toBeInstanceOf(MongoServerError);
    }
  });
});
