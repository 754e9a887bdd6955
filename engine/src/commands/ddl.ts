import { find as mingoFind } from 'mingo';

import { collationKey, parseCollation } from '../collation.js';
import { CommandError, fromQueryLibraryError } from '../errors.js';
import { plainNumber } from '../numbers.js';
import type { Collection } from '../storage/collection.js';
import type { IndexSpec } from '../storage/index-key.js';
import { type Doc, isPlainObject, keyOf } from '../values.js';
import {
  collectionName,
  commandEnvelope,
  docsOf,
  optionalBool,
  optionalDoc,
  requiredArray,
} from './args.js';
import type { Handler } from './context.js';
import { systemViewsInfo } from './system-views.js';
import { assertNotView, isView, viewCreateOptions, viewInfo } from './views.js';

// The fields of a create command that are not options of the collection being created.
const COMMAND_ENVELOPE = commandEnvelope('create');

const UNSUPPORTED_CREATE_OPTIONS = ['capped', 'timeseries', 'clusteredIndex'];

const create: Handler = async (context) => {
  const args = context.command;
  const name = collectionName('create', args.create);
  optionalDoc('create', args, 'validator');
  let options: Doc = {};
  for (const [key, value] of Object.entries(args)) {
    if (!COMMAND_ENVELOPE.has(key) && value !== undefined) options[key] = value;
  }
  // Kept completed with MongoDB's defaults, as listCollections shows it; 'simple' is no collation.
  const collation = parseCollation(args.collation);
  if (collation) options.collation = collation;
  else delete options.collation;
  options = viewCreateOptions(context, name, options) ?? options;
  const existing = context.store.collection(context.db, name);
  if (existing) {
    // As MongoDB 7 does: asking again for the same collection is fine, other options are not.
    if (keyOf(existing.options) === keyOf(options)) return { ok: 1 };
    throw new CommandError('NamespaceExists', `Collection ${context.db}.${name} already exists.`);
  }
  for (const option of UNSUPPORTED_CREATE_OPTIONS) {
    if (args[option]) {
      throw new CommandError(
        'CommandNotSupported',
        `The embedded engine does not support the '${option}' option of create`,
      );
    }
  }

  await context.store.write((writer) => writer.ensureCollection(context.db, name, options));
  return { ok: 1 };
};

const drop: Handler = async (context) => {
  const name = collectionName('drop', context.command.drop);
  const existing = context.store.collection(context.db, name);
  if (!existing) return { ok: 1 };
  const nIndexesWas = existing.indexes.length;
  await context.store.write((writer) => writer.dropCollection(context.db, name));
  return { nIndexesWas, ns: existing.ns, ok: 1 };
};

const dropDatabase: Handler = async (context) => {
  await context.store.write((writer) => writer.dropDatabase(context.db));
  return { dropped: context.db, ok: 1 };
};

function collectionInfo(collection: Collection, nameOnly: boolean): Doc {
  if (isView(collection)) return viewInfo(collection, nameOnly);
  if (nameOnly) return { name: collection.name, type: 'collection' };
  return {
    name: collection.name,
    type: 'collection',
    options: collection.options,
    info: { readOnly: false, uuid: collection.uuid },
    idIndex: {
      v: 2,
      key: { _id: 1 },
      name: '_id_',
      ...(isPlainObject(collection.options.collation)
        ? { collation: collection.options.collation }
        : {}),
    },
  };
}

const listCollections: Handler = (context) => {
  const args = context.command;
  const filter = optionalDoc('listCollections', args, 'filter') ?? {};
  const nameOnly = optionalBool('listCollections', args, 'nameOnly') ?? false;
  const cursor = optionalDoc('listCollections', args, 'cursor');
  const collections = [...(context.store.databases.get(context.db)?.values() ?? [])];
  const infos = collections.map((collection) => collectionInfo(collection, nameOnly));
  infos.push(...systemViewsInfo(context, nameOnly));
  let matching: Doc[];
  try {
    matching = mingoFind(infos, filter).all();
  } catch (error) {
    throw fromQueryLibraryError(error);
  }
  const batchSize = cursor && typeof cursor.batchSize === 'number' ? cursor.batchSize : undefined;
  return context.cursors.first(`${context.db}.$cmd.listCollections`, matching, batchSize);
};

const listDatabases: Handler = (context) => {
  const args = context.command;
  const nameOnly = optionalBool('listDatabases', args, 'nameOnly') ?? false;
  const filter = optionalDoc('listDatabases', args, 'filter') ?? {};
  const databases = [...context.store.databases.entries()].map(([name, collections]) => {
    let documents = 0;
    for (const collection of collections.values()) documents += collection.docs.size;
    return nameOnly ? { name } : { name, sizeOnDisk: documents * 256, empty: documents === 0 };
  });
  let matching: Doc[];
  try {
    matching = mingoFind(databases, filter).all();
  } catch (error) {
    throw fromQueryLibraryError(error);
  }
  const totalSize = matching.reduce(
    (sum, db) => sum + (typeof db.sizeOnDisk === 'number' ? db.sizeOnDisk : 0),
    0,
  );
  return nameOnly
    ? { databases: matching, ok: 1 }
    : { databases: matching, totalSize, totalSizeMb: Math.round(totalSize / 1048576), ok: 1 };
};

const INDEX_OPTIONS = [
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
  'collation',
  'hidden',
  'weights',
  'default_language',
  'language_override',
  'textIndexVersion',
  '2dsphereIndexVersion',
  'wildcardProjection',
];

function normaliseSpec(raw: Doc): IndexSpec {
  const key = raw.key;
  if (!isPlainObject(key) || Object.keys(key).length === 0) {
    throw new CommandError('CannotCreateIndex', 'Index keys cannot be an empty field.');
  }
  for (const [field, given] of Object.entries(key)) {
    const direction = plainNumber(given);
    const valid = typeof direction === 'number' ? direction !== 0 : typeof direction === 'string';
    if (!valid || field.length === 0) {
      throw new CommandError(
        'CannotCreateIndex',
        `Values in the index key pattern can only be numbers or strings, got ${field}: ${String(direction)}`,
      );
    }
  }
  if (typeof raw.name !== 'string' || raw.name.length === 0) {
    throw new CommandError(
      'CannotCreateIndex',
      "The 'name' field is a required property of an index specification",
    );
  }
  const spec: IndexSpec = { v: 2, key, name: raw.name };
  for (const option of INDEX_OPTIONS) {
    if (raw[option] !== undefined && raw[option] !== false) spec[option] = raw[option];
  }
  if (raw.collation !== undefined) {
    // Completed with MongoDB's defaults; an explicit 'simple' overrides the collection's default.
    const collation = parseCollation(raw.collation);
    if (collation) spec.collation = collation;
    else spec.collation = { locale: 'simple' };
  }
  return spec;
}

function optionsKey(spec: IndexSpec): string {
  const { v: _v, name: _name, key: _key, ...options } = spec;
  return keyOf(Object.fromEntries(Object.entries(options).sort(([a], [b]) => a.localeCompare(b))));
}

const createIndexes: Handler = async (context) => {
  const args = context.command;
  const name = collectionName('createIndexes', args.createIndexes);
  assertNotView(context, name);
  const specs = docsOf(
    'createIndexes',
    'indexes',
    requiredArray('createIndexes', args, 'indexes'),
  ).map(normaliseSpec);
  if (specs.length === 0)
    throw new CommandError('BadValue', 'Must specify at least one index to create');
  const existed = context.store.collection(context.db, name) !== undefined;
  let before = 0;
  let after = 0;
  await context.store.write((writer) => {
    const collection = writer.ensureCollection(context.db, name);
    before = collection.indexes.length;
    for (const given of specs) {
      const spec = withDefaultCollation(given, collection.options.collation);
      const sameName = collection.findIndex(spec.name);
      // Indexes on the same keys with different collations are different indexes.
      const sameKey = collection.indexes.find(
        (index) =>
          keyOf(index.spec.key) === keyOf(spec.key) &&
          collationKey(index.spec.collation) === collationKey(spec.collation),
      );
      if (sameName) {
        if (
          keyOf(sameName.spec.key) !== keyOf(spec.key) ||
          optionsKey(sameName.spec) !== optionsKey(spec)
        ) {
          throw new CommandError(
            'IndexKeySpecsConflict',
            `An existing index has the same name as the requested index. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(sameName.spec)}`,
          );
        }
        continue;
      }
      if (sameKey && optionsKey(sameKey.spec) === optionsKey(spec)) {
        throw new CommandError(
          'IndexOptionsConflict',
          `Index already exists with a different name: ${sameKey.spec.name}`,
        );
      }
      if (sameKey) {
        throw new CommandError(
          'IndexKeySpecsConflict',
          `An existing index has the same key pattern but different options: ${sameKey.spec.name}`,
        );
      }
      const index = writer.createIndex(collection, spec);
      const duplicate = index.unique ? index.firstDuplicate() : undefined;
      if (duplicate) {
        writer.dropIndex(collection, spec.name);
        const failure = collection.duplicateKeyError(index, duplicate);
        throw new CommandError(
          'DuplicateKey',
          `Index build failed: ${failure.message}`,
          failure.extra,
        );
      }
    }
    after = collection.indexes.length;
  });
  const reply: Doc = {
    numIndexesBefore: before,
    numIndexesAfter: after,
    createdCollectionAutomatically: !existed,
    ok: 1,
  };
  if (before === after) reply.note = 'all indexes already exist';
  return reply;
};

/** An index without its own collation takes the collection's default; 'simple' means none. */
function withDefaultCollation(spec: IndexSpec, fallback: unknown): IndexSpec {
  const { collation, ...rest } = spec;
  if (isPlainObject(collation) && collation.locale === 'simple') return rest;
  if (collation !== undefined) return spec;
  return isPlainObject(fallback) ? { ...rest, collation: fallback } : rest;
}

const listIndexes: Handler = (context) => {
  const name = collectionName('listIndexes', context.command.listIndexes);
  assertNotView(context, name);
  const collection = context.store.collection(context.db, name);
  if (!collection)
    throw new CommandError('NamespaceNotFound', `ns does not exist: ${context.db}.${name}`);
  const cursor = optionalDoc('listIndexes', context.command, 'cursor');
  const batchSize = cursor && typeof cursor.batchSize === 'number' ? cursor.batchSize : undefined;
  return context.cursors.first(
    collection.ns,
    collection.indexes.map((index) => ({ ...index.spec })),
    batchSize,
  );
};

const dropIndexes: Handler = async (context) => {
  const command = context.name;
  const name = collectionName(command, context.command[command]);
  assertNotView(context, name);
  const collection = context.store.collection(context.db, name);
  if (!collection)
    throw new CommandError('NamespaceNotFound', `ns not found ${context.db}.${name}`);
  const target = context.command.index;
  const nIndexesWas = collection.indexes.length;
  let names: string[];
  if (target === '*') names = collection.indexes.slice(1).map((index) => index.spec.name);
  else if (typeof target === 'string') names = [target];
  else if (Array.isArray(target)) names = target.map(String);
  else if (isPlainObject(target)) {
    const found = collection.indexes.find((index) => keyOf(index.spec.key) === keyOf(target));
    if (!found)
      throw new CommandError(
        'IndexNotFound',
        `can't find index with key: ${JSON.stringify(target)}`,
      );
    names = [found.spec.name];
  } else {
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${command}.index' is the wrong type, expected type 'string' or 'object'`,
    );
  }
  for (const indexName of names) {
    if (indexName === '_id_') throw new CommandError('InvalidOptions', 'cannot drop _id index');
    if (!collection.findIndex(indexName)) {
      throw new CommandError('IndexNotFound', `index not found with name [${indexName}]`);
    }
  }
  await context.store.write((writer) => {
    for (const indexName of names) writer.dropIndex(collection, indexName);
  });
  return { nIndexesWas, ok: 1 };
};

export const ddlCommands: Record<string, Handler> = {
  create,
  drop,
  dropDatabase,
  listCollections,
  listDatabases,
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
};
