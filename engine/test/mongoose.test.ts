import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';

import { rejection, setupMongoose } from './mongoose-context.js';

const models = setupMongoose(import.meta.url);

describe('mongoose models', () => {
  it('creates documents with timestamps and validation', async () => {
    const dept = await models().Department.create({ name: 'Engineering', code: 'ENG' });
    const ada = await models().Employee.create({ email: 'ada@x.io', name: 'Ada', dept: dept._id });
    expect(ada.createdAt).toBeInstanceOf(Date);
    expect(ada.updatedAt).toBeInstanceOf(Date);
    expect(ada.level).toBe(1);
    const invalid = await rejection(
      models().Employee.create({ email: 'b@x.io', name: 'B', level: 11 }),
    );
    expect(invalid.name).toBe('ValidationError');
    expect(await models().Employee.countDocuments({ email: 'b@x.io' })).toBe(0);

    const before = ada.updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    ada.level = 3;
    await ada.save();
    const reloaded = await models().Employee.findById(ada._id).orFail();
    expect(reloaded.level).toBe(3);
    expect(reloaded.updatedAt.getTime()).toBeGreaterThan(before.getTime());
    expect(reloaded.createdAt.getTime()).toBe(ada.createdAt.getTime());
  });

  it('enforces a unique index built by Model.init with a duplicate-key error', async () => {
    const indexes = await models().Employee.collection.indexes();
    expect(indexes.find((i) => i.name === 'email_1')).toMatchObject({ unique: true });
    await models().Employee.create({ email: 'dup@x.io', name: 'First' });
    const error = await rejection(models().Employee.create({ email: 'dup@x.io', name: 'Second' }));
    expect(error.code).toBe(11000);
    expect(error.keyValue).toEqual({ email: 'dup@x.io' });
  });

  it('enforces a compound unique index', async () => {
    await models().Membership.create({ org: 'o1', user: 'u1', role: 'admin' });
    await models().Membership.create({ org: 'o2', user: 'u1', role: 'member' });
    const error = await rejection(models().Membership.create({ org: 'o1', user: 'u1', role: 'x' }));
    expect(error.code).toBe(11000);
    expect(error.keyValue).toEqual({ org: 'o1', user: 'u1' });
  });

  it('populates references across models', async () => {
    const sales = await models().Department.create({ name: 'Sales', code: 'SAL' });
    await models().Employee.create({ email: 'sam@x.io', name: 'Sam', dept: sales._id });
    const sam = await models()
      .Employee.findOne({ email: 'sam@x.io' })
      .populate('dept')
      .lean()
      .orFail();
    expect(sam.dept).toMatchObject({ name: 'Sales', code: 'SAL' });
    const all = await models()
      .Employee.find({ dept: { $ne: null } })
      .populate<{ dept: { name: string } }>('dept', 'name')
      .sort({ email: 1 });
    expect(all.map((e) => [e.email, e.dept.name])).toEqual([
      ['ada@x.io', 'Engineering'],
      ['sam@x.io', 'Sales'],
    ]);
  });

  it('findOneAndUpdate with upsert returns the new document', async () => {
    const created = await models()
      .Employee.findOneAndUpdate(
        { email: 'new@x.io' },
        { $set: { name: 'Newbie' }, $inc: { level: 2 } },
        { upsert: true, returnDocument: 'after', setDefaultsOnInsert: false },
      )
      .lean();
    expect(created).toMatchObject({ email: 'new@x.io', name: 'Newbie', level: 2 });
    const again = await models()
      .Employee.findOneAndUpdate(
        { email: 'new@x.io' },
        { $inc: { level: 1 } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean();
    expect(again?._id.toString()).toBe(created?._id.toString());
    expect(again?.level).toBe(3);
  });

  it('lean queries, countDocuments and distinct', async () => {
    const lean = await models().Employee.find({}, { email: 1, _id: 0 }).sort({ email: 1 }).lean();
    expect(lean.every((d) => Object.keys(d).join() === 'email')).toBe(true);
    expect(await models().Employee.countDocuments({ email: /@x\.io$/ })).toBe(lean.length);
    const depts = await models().Employee.distinct('dept', { dept: { $ne: null } });
    expect(depts).toHaveLength(2);
  });
});

describe('mongoose bulkWrite', () => {
  it('mixes insertOne, updateOne, deleteOne and replaceOne', async () => {
    const a = new Types.ObjectId();
    await models().Membership.create({ _id: a, org: 'bw', user: 'a', role: 'r' });
    await models().Membership.create({ org: 'bw', user: 'gone', role: 'r' });
    const result = await models().Membership.bulkWrite([
      { insertOne: { document: { org: 'bw', user: 'b', role: 'r' } } },
      { updateOne: { filter: { _id: a }, update: { $set: { role: 'owner' } } } },
      { deleteOne: { filter: { org: 'bw', user: 'gone' } } },
      {
        replaceOne: {
          filter: { org: 'bw', user: 'b' },
          replacement: { org: 'bw', user: 'c', role: 'r' },
        },
      },
      {
        updateOne: {
          filter: { org: 'bw', user: 'd' },
          update: { $set: { role: 'upserted' } },
          upsert: true,
        },
      },
    ]);
    expect(result.insertedCount).toBe(1);
    expect(result.matchedCount).toBe(2);
    expect(result.modifiedCount).toBe(2);
    expect(result.deletedCount).toBe(1);
    expect(result.upsertedCount).toBe(1);
    const users = (await models().Membership.find({ org: 'bw' }).lean()).map((d) => d.user).sort();
    expect(users).toEqual(['a', 'c', 'd']);
    expect((await models().Membership.findById(a).lean())?.role).toBe('owner');
  });

  it('ordered stops at a duplicate; unordered continues past it', async () => {
    await models().Membership.create({ org: 'bo', user: 'taken' });
    const ordered = await rejection(
      models().Membership.bulkWrite([
        { insertOne: { document: { org: 'bo', user: 'o1' } } },
        { insertOne: { document: { org: 'bo', user: 'taken' } } },
        { insertOne: { document: { org: 'bo', user: 'o2' } } },
      ]),
    );
    expect(ordered.code).toBe(11000);
    expect(ordered.insertedCount).toBe(1);
    expect(await models().Membership.countDocuments({ org: 'bo' })).toBe(2);

    const unordered = await rejection(
      models().Membership.bulkWrite(
        [
          { insertOne: { document: { org: 'bu', user: 'u1' } } },
          { insertOne: { document: { org: 'bo', user: 'taken' } } },
          { insertOne: { document: { org: 'bu', user: 'u2' } } },
        ],
        { ordered: false },
      ),
    );
    expect(unordered.code).toBe(11000);
    expect(unordered.insertedCount).toBe(2);
    expect(unordered.writeErrors?.map((w) => w.index)).toEqual([1]);
    expect(await models().Membership.countDocuments({ org: 'bu' })).toBe(2);
  });
});
