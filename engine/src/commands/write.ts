import { calculateObjectSize, ObjectId } from 'bson';
import { find as mingoFind } from 'mingo';

import { effectiveCollation } from '../collation.js';
import { CommandError, fromQueryLibraryError } from '../errors.js';
import { checkIdFieldNames } from '../field-names.js';
import { parseLet, withConstants } from '../let.js';
import { isInterruption } from '../limits.js';
import { checkStatementFields } from '../statement-fields.js';
import type { Collection } from '../storage/collection.js';
import type { Writer } from '../storage/store.js';
import type { Doc } from '../values.js';
import { MAX_BSON_BYTES } from '../wire/messages.js';
import {
  collectionName,
  docsOf,
  optionalArray,
  optionalBool,
  optionalDoc,
  requiredArray,
  validateSort,
} from './args.js';
import type { Handler } from './context.js';
import { checkedCollation, runFind } from './query.js';
import { applyUpdate, isOperatorUpdate, validateUpdate } from './update-doc.js';
import { assertNotView, viewWriteReply } from './views.js';

interface WriteError extends Doc {
  index: number;
  code: number;
  errmsg: string;
}

function toWriteError(index: number, error: unknown): WriteError {
  const failure = fromQueryLibraryError(error);
  return {
    index,
    code: failure.code,
    codeName: failure.codeName,
    errmsg: failure.message,
    ...failure.extra,
  };
}

function withWriteErrors(reply: Doc, writeErrors: WriteError[]): Doc {
  return writeErrors.length > 0 ? { ...reply, writeErrors } : reply;
}

function prepareInsert(doc: Doc): Doc {
  // MongoDB stores _id as the first field whatever order the client sent.
  const { _id: given, ...rest } = doc;
  const prepared: Doc = { _id: given === undefined ? new ObjectId() : given, ...rest };
  const id = prepared._id;
  if (Array.isArray(id)) {
    throw new CommandError('InvalidIdField', "The '_id' value cannot be of type array");
  }
  if (id instanceof RegExp)
    throw new CommandError('InvalidIdField', "The '_id' value cannot be of type regex");
  checkIdFieldNames(prepared);
  if (calculateObjectSize(prepared) > MAX_BSON_BYTES) {
    throw new CommandError('BSONObjectTooLarge', 'object to insert too large');
  }
  return prepared;
}

const insert: Handler = async (context) => {
  const args = context.command;
  const name = collectionName('insert', args.insert);
  const onView = viewWriteReply(context, name);
  if (onView) return onView;
  const bypass = optionalBool('insert', args, 'bypassDocumentValidation') ?? false;
  const docs = docsOf('insert', 'documents', requiredArray('insert', args, 'documents'));
  const ordered = optionalBool('insert', args, 'ordered') ?? true;
  const writeErrors: WriteError[] = [];
  let n = 0;
  await context.store.write((writer) => {
    writer.bypassDocumentValidation = bypass;
    const collection = writer.ensureCollection(context.db, name);
    for (const [index, doc] of docs.entries()) {
      try {
        writer.insert(collection, prepareInsert(doc));
        n++;
      } catch (error) {
        if (isInterruption(error)) throw error;
        writeErrors.push(toWriteError(index, error));
        if (ordered) break;
      }
    }
  });
  return withWriteErrors({ n, ok: 1 }, writeErrors);
};

interface UpdateStatement {
  q: Doc;
  u: Doc | Doc[];
  multi: boolean;
  upsert: boolean;
  arrayFilters?: Doc[];
  collation?: unknown;
  variables?: Doc;
}

function parseStatement(raw: Doc, variables?: Doc): UpdateStatement {
  const q = optionalDoc('update.updates', raw, 'q');
  if (!q)
    throw new CommandError(
      'FailedToParse',
      "BSON field 'update.updates.q' is missing but a required field",
    );
  if (raw.u === undefined)
    throw new CommandError(
      'FailedToParse',
      "BSON field 'update.updates.u' is missing but a required field",
    );
  const u = validateUpdate(raw.u);
  const multi = optionalBool('update.updates', raw, 'multi') ?? false;
  if (multi && !Array.isArray(u) && !isOperatorUpdate(u)) {
    throw new CommandError(
      'FailedToParse',
      'multi update is not supported for replacement-style update',
    );
  }
  const filters = optionalArray('update.updates', raw, 'arrayFilters');
  return {
    q,
    u,
    multi,
    upsert: optionalBool('update.updates', raw, 'upsert') ?? false,
    arrayFilters: filters ? docsOf('update.updates', 'arrayFilters', filters) : undefined,
    collation: checkedCollation(raw),
    variables: withConstants(variables, optionalDoc('update.updates', raw, 'c')),
  };
}

function updateMatches(
  writer: Writer,
  collection: Collection,
  statement: UpdateStatement,
  deadline: number | undefined,
) {
  const matches = runFind(collection, {
    deadline,
    filter: statement.q,
    limit: statement.multi ? undefined : 1,
    collation: statement.collation,
    variables: statement.variables,
  }).docs;
  let modified = 0;
  for (const match of matches) {
    const { doc, changed } = applyUpdate(
      match,
      statement.u,
      statement.q,
      statement.arrayFilters,
      statement.variables,
      effectiveCollation(statement.collation, collection.options),
    );
    if (changed) {
      writer.replace(collection, doc);
      modified++;
    }
  }
  return { matched: matches.length, modified };
}

const update: Handler = async (context) => {
  const args = context.command;
  const name = collectionName('update', args.update);
  const onView = viewWriteReply(context, name);
  if (onView) return onView;
  const bypass = optionalBool('update', args, 'bypassDocumentValidation') ?? false;
  const statements = docsOf('update', 'updates', requiredArray('update', args, 'updates'));
  const ordered = optionalBool('update', args, 'ordered') ?? true;
  const variables = parseLet('update', args);
  for (const raw of statements) checkStatementFields('update.updates', raw);
  const writeErrors: WriteError[] = [];
  const upserted: Doc[] = [];
  let n = 0;
  let nModified = 0;
  await context.store.write((writer) => {
    writer.bypassDocumentValidation = bypass;
    const collection = writer.ensureCollection(context.db, name);
    for (const [index, raw] of statements.entries()) {
      try {
        const statement = parseStatement(raw, variables);
        const { matched, modified } = updateMatches(
          writer,
          collection,
          statement,
          context.deadline,
        );
        n += matched;
        nModified += modified;
        if (matched === 0 && statement.upsert) {
          const { doc } = applyUpdate(
            undefined,
            statement.u,
            statement.q,
            statement.arrayFilters,
            statement.variables,
            effectiveCollation(statement.collation, collection.options),
          );
          writer.insert(collection, prepareInsert(doc));
          upserted.push({ index, _id: doc._id });
          n++;
        }
      } catch (error) {
        if (isInterruption(error)) throw error;
        writeErrors.push(toWriteError(index, error));
        if (ordered) break;
      }
    }
  });
  const reply: Doc = { n, nModified, ok: 1 };
  if (upserted.length > 0) reply.upserted = upserted;
  return withWriteErrors(reply, writeErrors);
};

const remove: Handler = async (context) => {
  const args = context.command;
  const name = collectionName('delete', args.delete);
  const onView = viewWriteReply(context, name);
  if (onView) return onView;
  const statements = docsOf('delete', 'deletes', requiredArray('delete', args, 'deletes'));
  const ordered = optionalBool('delete', args, 'ordered') ?? true;
  const variables = parseLet('delete', args);
  for (const statement of statements) checkStatementFields('delete.deletes', statement);
  const writeErrors: WriteError[] = [];
  let n = 0;
  await context.store.write((writer) => {
    const collection = writer.collection(context.db, name);
    for (const [index, statement] of statements.entries()) {
      try {
        const q = optionalDoc('delete.deletes', statement, 'q');
        if (!q)
          throw new CommandError(
            'FailedToParse',
            "BSON field 'delete.deletes.q' is missing but a required field",
          );
        const limit = statement.limit;
        if (limit !== 0 && limit !== 1) {
          throw new CommandError(
            'FailedToParse',
            `The limit field in delete objects must be 0 or 1. Got ${String(limit)}`,
          );
        }
        const collation = checkedCollation(statement);
        if (!collection) continue;
        const matches = runFind(collection, {
          filter: q,
          limit: limit === 1 ? 1 : undefined,
          collation,
          variables,
          deadline: context.deadline,
        }).docs;
        for (const match of matches) writer.remove(collection, match);
        n += matches.length;
      } catch (error) {
        if (isInterruption(error)) throw error;
        writeErrors.push(toWriteError(index, error));
        if (ordered) break;
      }
    }
  });
  return withWriteErrors({ n, ok: 1 }, writeErrors);
};

function project(
  doc: Doc | undefined,
  fields: Doc | undefined,
  variables: Doc | undefined,
): Doc | null {
  if (!doc) return null;
  if (!fields || Object.keys(fields).length === 0) return doc;
  try {
    return mingoFind([doc], {}, fields, variables ? { variables } : undefined).all()[0] ?? null;
  } catch (error) {
    throw fromQueryLibraryError(error);
  }
}

const findAndModify: Handler = async (context) => {
  const args = context.command;
  const command = context.name;
  const name = collectionName(command, args[command]);
  assertNotView(context, name);
  const bypass = optionalBool(command, args, 'bypassDocumentValidation') ?? false;
  const query = optionalDoc(command, args, 'query') ?? {};
  const sort = validateSort(command, optionalDoc(command, args, 'sort'));
  const fields = optionalDoc(command, args, 'fields');
  const remove = optionalBool(command, args, 'remove') ?? false;
  const returnNew = optionalBool(command, args, 'new') ?? false;
  const upsert = optionalBool(command, args, 'upsert') ?? false;
  const filters = optionalArray(command, args, 'arrayFilters');
  const arrayFilters = filters ? docsOf(command, 'arrayFilters', filters) : undefined;
  const variables = parseLet(command, args);
  if (remove && args.update !== undefined) {
    throw new CommandError('FailedToParse', 'Cannot specify both an update and remove=true');
  }
  if (!remove && args.update === undefined) {
    throw new CommandError('FailedToParse', 'Either an update or remove=true must be specified');
  }
  if (remove && (upsert || returnNew)) {
    throw new CommandError(
      'FailedToParse',
      'Cannot specify both upsert=true or new=true and remove=true',
    );
  }
  const updateSpec = remove ? undefined : validateUpdate(args.update);
  const collation = checkedCollation(args);

  return context.store.write((writer): Doc => {
    writer.bypassDocumentValidation = bypass;
    const collection = remove
      ? writer.collection(context.db, name)
      : writer.ensureCollection(context.db, name);
    const match = collection
      ? runFind(collection, {
          filter: query,
          sort,
          limit: 1,
          collation,
          variables,
          deadline: context.deadline,
        }).docs[0]
      : undefined;
    if (remove) {
      if (match && collection) writer.remove(collection, match);
      return {
        lastErrorObject: { n: match ? 1 : 0 },
        value: project(match, fields, variables),
        ok: 1,
      };
    }
    if (!collection || !updateSpec) throw new CommandError('InternalError', 'collection missing');
    if (match) {
      const { doc, changed } = applyUpdate(
        match,
        updateSpec,
        query,
        arrayFilters,
        variables,
        effectiveCollation(collation, collection.options),
      );
      if (changed) writer.replace(collection, doc);
      return {
        lastErrorObject: { n: 1, updatedExisting: true },
        value: project(returnNew ? doc : match, fields, variables),
        ok: 1,
      };
    }
    if (!upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    const { doc } = applyUpdate(
      undefined,
      updateSpec,
      query,
      arrayFilters,
      variables,
      effectiveCollation(collation, collection.options),
    );
    writer.insert(collection, prepareInsert(doc));
    return {
      lastErrorObject: { n: 1, updatedExisting: false, upserted: doc._id },
      value: returnNew ? project(doc, fields, variables) : null,
      ok: 1,
    };
  });
};

export const writeCommands: Record<string, Handler> = {
  insert,
  update,
  delete: remove,
  findAndModify,
  findandmodify: findAndModify,
};
