import type { Document } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';

// <database>.system.views (MongoDB's System Collections): "contains information about each view in
// the database". A database that has a view lists it in listCollections (MongoDB never hid it:
// SERVER-25622, won't fix), and its documents are the definitions: _id '<db>.<view>', viewOn,
// pipeline, and collation when the view was created with one.

const ctx = setupDriverDb(import.meta.url);

type Definition = Document & { _id: string };

async function listed(nameOnly: boolean): Promise<Document[]> {
  return ctx().db.listCollections({}, { nameOnly }).toArray();
}

describe('system.views', () => {
  it('appears once the database has a view, and holds each view definition', async () => {
    const db = ctx().db;
    await db.collection<Document & { _id: number }>('scores').insertMany([
      { _id: 1, team: 'a', score: 3 },
      { _id: 2, team: 'b', score: 5 },
    ]);
    expect((await listed(true)).map((info) => String(info.name))).not.toContain('system.views');

    const pipeline = [{ $match: { score: { $gt: 1 } } }, { $project: { team: 1 } }];
    await db.createCollection('highScores', { viewOn: 'scores', pipeline });
    await db.createCollection('byTeam', {
      viewOn: 'scores',
      pipeline: [{ $sort: { team: 1 } }],
      collation: { locale: 'fr', strength: 2 },
    });

    const names = await listed(true);
    expect(names).toContainEqual({ name: 'system.views', type: 'collection' });
    const full = (await listed(false)).find((info) => info.name === 'system.views');
    expect(full).toMatchObject({ name: 'system.views', type: 'collection', options: {} });
    expect(full?.info).toMatchObject({ readOnly: false });
    const filtered = await db.listCollections({ name: 'system.views' }).toArray();
    expect(filtered.map((info) => info.name)).toEqual(['system.views']);

    const definitions = await db
      .collection<Definition>('system.views')
      .find({}, { sort: { _id: 1 } })
      .toArray();
    expect(definitions).toHaveLength(2);
    const [byTeam, highScores] = definitions;
    expect(highScores).toEqual({
      _id: `${ctx().dbName}.highScores`,
      viewOn: 'scores',
      pipeline,
    });
    expect(byTeam).toMatchObject({
      _id: `${ctx().dbName}.byTeam`,
      viewOn: 'scores',
      pipeline: [{ $sort: { team: 1 } }],
      collation: { locale: 'fr', strength: 2 },
    });
    expect(Object.keys(byTeam).sort()).toEqual(['_id', 'collation', 'pipeline', 'viewOn']);
  });

  it('find takes a filter and projection on it, and aggregate reads it too', async () => {
    const db = ctx().db;
    await db.createCollection('teamsOnly', { viewOn: 'scores', pipeline: [] });
    await db.createCollection('topTeams', { viewOn: 'highScores', pipeline: [{ $limit: 1 }] });
    const one = await db
      .collection<Definition>('system.views')
      .find({ viewOn: 'scores', _id: `${ctx().dbName}.teamsOnly` })
      .project({ _id: 0, viewOn: 1 })
      .toArray();
    expect(one).toEqual([{ viewOn: 'scores' }]);

    const counted = await db
      .collection<Definition>('system.views')
      .aggregate([{ $group: { _id: '$viewOn', n: { $sum: 1 } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(counted).toEqual([
      { _id: 'highScores', n: 1 },
      { _id: 'scores', n: 3 },
    ]);
    expect(
      await db.collection<Definition>('system.views').countDocuments({ viewOn: 'scores' }),
    ).toBe(3);
    const [high] = await db
      .collection<Definition>('system.views')
      .aggregate([{ $match: { _id: `${ctx().dbName}.highScores` } }, { $project: { pipeline: 1 } }])
      .toArray();
    expect(high.pipeline).toEqual([{ $match: { score: { $gt: 1 } } }, { $project: { team: 1 } }]);
  });

  it('follows the views as they change: collMod and drop', async () => {
    const db = ctx().db;
    await db.createCollection('changing', { viewOn: 'scores', pipeline: [] });
    await db.command({ collMod: 'changing', viewOn: 'scores', pipeline: [{ $limit: 1 }] });
    const changed = await db
      .collection<Definition>('system.views')
      .findOne({ _id: `${ctx().dbName}.changing` });
    expect(changed?.pipeline).toEqual([{ $limit: 1 }]);
    await db.collection('changing').drop();
    expect(
      await db.collection<Definition>('system.views').findOne({ _id: `${ctx().dbName}.changing` }),
    ).toBeNull();
  });
});
