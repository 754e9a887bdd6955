import type { Document } from 'mongodb';
import { describe, expect, it } from 'vitest';

import { setupDriverDb } from './driver-context.js';
import { expectServerError } from './server-error.js';

// MongoDB's "Create a View with Default Collation": "If creating a view from another view, you
// cannot specify a collation that differs from the source view's collation." The server answers
// 167 OptionNotSupportedOnView (SERVER-25186), also when the view others were defined on is
// created later with another collation (SERVER-27761), and when collMod points a view at a view
// of another collation.

const ctx = setupDriverDb(import.meta.url);

const FR = { locale: 'fr', strength: 1 };
const EN = { locale: 'en', strength: 2 };

async function view(name: string, viewOn: string, options: Document = {}) {
  await ctx().db.createCollection(name, { viewOn, pipeline: [], ...options });
}

describe('views on views and their collations', () => {
  it('a view on a view must repeat its collation', async () => {
    await ctx()
      .db.collection('places')
      .insertMany([{ category: 'café' }, { category: 'cafe' }, { category: 'cafE' }]);
    await view('frPlaces', 'places', { collation: FR });
    await expectServerError(view('enOnFr', 'frPlaces', { collation: EN }), 167);
    await expectServerError(view('simpleOnFr', 'frPlaces'), 167);
    await view('frOnFr', 'frPlaces', { collation: FR });
    expect(await ctx().db.collection('frOnFr').countDocuments({ category: 'cafe' })).toBe(3);
    const names = (await ctx().db.listCollections({}, { nameOnly: true }).toArray()).map((info) =>
      String(info.name),
    );
    expect(names).not.toContain('enOnFr');
    expect(names).not.toContain('simpleOnFr');
  });

  it('the error is OptionNotSupportedOnView', async () => {
    await expect(view('enOnFr2', 'frPlaces', { collation: EN })).rejects.toMatchObject({
      code: 167,
      codeName: 'OptionNotSupportedOnView',
    });
  });

  it('a view on a simple view must be simple too; on a collection anything goes', async () => {
    await view('plain', 'places');
    await expectServerError(view('frOnPlain', 'plain', { collation: FR }), 167);
    await view('plainOnPlain', 'plain');
    await view('enOnCollection', 'places', { collation: EN });
  });

  it('a view created under views defined on it must have their collation', async () => {
    await view('waiting', 'notYet', { collation: FR });
    await expectServerError(view('notYet', 'places', { collation: EN }), 167);
    await view('notYet', 'places', { collation: FR });
    expect(await ctx().db.collection('waiting').countDocuments({ category: 'CAFE' })).toBe(3);
  });

  it('collMod cannot point a view at a view of another collation', async () => {
    await view('moved', 'places');
    await expectServerError(
      ctx().db.command({ collMod: 'moved', viewOn: 'frPlaces', pipeline: [] }),
      167,
    );
    await ctx().db.command({ collMod: 'moved', viewOn: 'plain', pipeline: [] });
  });
});
