import { type Binary, UUID } from 'bson';
import { find as mingoFind } from 'mingo';

import { fromQueryLibraryError } from '../errors.js';
import { sortDocs } from '../sort.js';
import { type Doc, isPlainObject } from '../values.js';
import type { CommandContext } from './context.js';
import type { FindSpec } from './query.js';
import { isView } from './views.js';

// <db>.system.views as MongoDB 7.0 shows it: a database that holds views lists a `system.views`
// collection, whose documents are the view definitions ({ _id: '<db>.<view>', viewOn, pipeline,
// collation when the view has one }). The engine keeps views as entries of their own (views.ts),
// so this collection is read-only and made from them each time it is read.

export const SYSTEM_VIEWS = 'system.views';

/** One uuid per database, so that listCollections shows the same one every time. */
const uuids = new Map<string, Binary>();

/** The definitions of the database's views, in creation order; undefined when it has none. */
export function systemViewsDocs(context: CommandContext): Doc[] | undefined {
  const docs: Doc[] = [];
  for (const collection of context.store.databases.get(context.db)?.values() ?? []) {
    if (!isView(collection)) continue;
    const { viewOn, pipeline, collation } = collection.options;
    docs.push({
      _id: collection.ns,
      viewOn,
      pipeline: Array.isArray(pipeline) ? pipeline : [],
      ...(isPlainObject(collation) ? { collation } : {}),
    });
  }
  return docs.length > 0 ? docs : undefined;
}

/** The listCollections entry of system.views, or nothing when the database has no view. */
export function systemViewsInfo(context: CommandContext, nameOnly: boolean): Doc[] {
  if (!systemViewsDocs(context)) return [];
  if (nameOnly) return [{ name: SYSTEM_VIEWS, type: 'collection' }];
  let uuid = uuids.get(context.db);
  if (!uuid) {
    uuid = new UUID().toBinary();
    uuids.set(context.db, uuid);
  }
  return [
    {
      name: SYSTEM_VIEWS,
      type: 'collection',
      options: {},
      info: { readOnly: false, uuid },
      idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
    },
  ];
}

/** find on system.views: filter, sort, skip, limit and projection over the definitions. */
export function findOnSystemViews(
  context: CommandContext,
  spec: Pick<FindSpec, 'filter' | 'projection' | 'sort' | 'skip' | 'limit' | 'variables'>,
): Doc[] {
  let docs = systemViewsDocs(context) ?? [];
  try {
    const options = spec.variables ? { variables: spec.variables } : undefined;
    docs = mingoFind(docs, spec.filter, undefined, options).all();
    if (spec.sort) docs = sortDocs(docs, spec.sort);
    if (spec.skip || spec.limit) {
      const from = spec.skip ?? 0;
      docs = docs.slice(from, spec.limit ? from + spec.limit : undefined);
    }
    if (spec.projection) {
      docs = mingoFind(docs, spec.filter, spec.projection, options).all();
    }
  } catch (error) {
    throw fromQueryLibraryError(error);
  }
  return docs;
}

/** An aggregate on system.views: its pipeline, run over the definitions. */
export function systemViewsPipeline(context: CommandContext, pipeline: unknown[]): unknown[] {
  return [{ $documents: { $literal: systemViewsDocs(context) ?? [] } }, ...pipeline];
}
