import { Aggregator, find as mingoFind, Query } from 'mingo';
import * as pipelineStages from 'mingo/operators/pipeline';

import {
  collatedCompare,
  collatePipeline,
  type Collation,
  collationKey,
  collationOptions,
  parseCollation,
} from '../collation.js';
import { CommandError, fromQueryLibraryError } from '../errors.js';
import { pipelineWithNow } from '../now.js';
import { sortDocs } from '../sort.js';
import type { Collection } from '../storage/collection.js';
import { containsRegex } from '../storage/records.js';
import { checkValidationOptions } from '../validation.js';
import { cloneDoc, type Doc, isPlainObject } from '../values.js';
import { collectionName, commandEnvelope } from './args.js';
import type { CommandContext, Handler } from './context.js';
import { guardRanges, runPipeline } from './pipeline.js';
import type { FindSpec } from './query.js';
import { checkViewCollations } from './view-collation.js';

// Views as MongoDB 7.0 has them: a view is kept as a collection entry whose options are
// { viewOn, pipeline }, so it is journaled, snapshotted and listed like one; reads run the
// resolved pipeline over the backing collection, writes are refused with 166.

/** MongoDB's limit on views defined on views. */
const MAX_VIEW_DEPTH = 20;

const VIEW_OPTIONS = new Set(['viewOn', 'pipeline', 'collation']);

export interface ResolvedView {
  /** The view's own name. */
  name: string;
  /** The collection at the bottom of the chain of views. */
  source: string;
  /** Every pipeline from the bottom view up, concatenated. */
  pipeline: Doc[];
  /** The view's default collation; undefined for simple (a view never takes its collection's). */
  collation: Collation | undefined;
}

export function isView(collection: Collection | undefined): boolean {
  return collection !== undefined && typeof collection.options.viewOn === 'string';
}

/** The view named `name` resolved down to its backing collection; undefined for a collection. */
export function resolveView(context: CommandContext, name: string): ResolvedView | undefined {
  let current = context.store.collection(context.db, name);
  if (!isView(current)) return undefined;
  const own = current?.options.collation;
  const collation = isPlainObject(own) ? (own as Collation) : undefined;
  const pipelines: Doc[][] = [];
  let source = name;
  let depth = 0;
  while (current && isView(current)) {
    if (++depth > MAX_VIEW_DEPTH) {
      throw new CommandError(
        'ViewDepthLimitExceeded',
        `View depth too deep or view cycle detected. Maximum depth is ${MAX_VIEW_DEPTH}`,
      );
    }
    pipelines.unshift(
      Array.isArray(current.options.pipeline) ? (current.options.pipeline as Doc[]) : [],
    );
    source = String(current.options.viewOn);
    current = context.store.collection(context.db, source);
  }
  return { name, source, pipeline: pipelines.flat(), collation };
}

const SIMPLE = { locale: 'simple' };

/**
 * The collation a read on the view runs under: always the view's own, which the operation may
 * repeat but not replace (167). Simple is passed as such, so the backing collection's default
 * does not apply.
 */
export function viewCollation(view: ResolvedView, requested: unknown): Doc {
  if (requested !== undefined && requested !== null) {
    if (collationKey(parseCollation(requested)) !== collationKey(view.collation)) {
      throw new CommandError(
        'OptionNotSupportedOnView',
        "Cannot override a view's default collation",
      );
    }
  }
  return view.collation ?? SIMPLE;
}

function notACollection(context: CommandContext, name: string): CommandError {
  return new CommandError(
    'CommandNotSupportedOnView',
    `Namespace ${context.db}.${name} is a view, not a collection`,
  );
}

/** Throws 166 CommandNotSupportedOnView when `name` is a view (writes, index commands). */
export function assertNotView(context: CommandContext, name: string): void {
  if (isView(context.store.collection(context.db, name))) throw notACollection(context, name);
}

/**
 * For insert, update and delete: MongoDB reports a view as the batch's first write error.
 * Returns the reply to send, or undefined when `name` is not a view.
 */
export function viewWriteReply(context: CommandContext, name: string): Doc | undefined {
  if (!isView(context.store.collection(context.db, name))) return undefined;
  const error = notACollection(context, name);
  return {
    n: 0,
    ...(context.name === 'update' ? { nModified: 0 } : {}),
    writeErrors: [{ index: 0, code: error.code, codeName: error.codeName, errmsg: error.message }],
    ok: 1,
  };
}

function checkPipeline(command: string, pipeline: unknown): Doc[] {
  if (!Array.isArray(pipeline)) {
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${command}.pipeline' is the wrong type, expected type 'array'`,
    );
  }
  for (const stage of pipeline) {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
      throw new CommandError(
        'Location40323',
        'A pipeline stage specification object must contain exactly one field.',
      );
    }
    const name = Object.keys(stage)[0];
    if (name === '$out' || name === '$merge') {
      throw new CommandError(
        'OptionNotSupportedOnView',
        `${name} cannot be used in a view definition`,
      );
    }
  }
  // The checks every aggregate gets, here once for all reads of the view ($lookup included).
  if (containsRegex(pipeline)) {
    throw new CommandError('Location51091', 'Regular expression is invalid');
  }
  guardRanges(pipeline);
  // MongoDB parses the pipeline when the view is defined: an unknown stage is refused then.
  // Only the names are checked; running the stages here could evaluate $documents at once.
  for (const stage of pipeline as Doc[]) {
    const name = Object.keys(stage)[0];
    if (!Object.hasOwn(pipelineStages, name) || !name.startsWith('$')) {
      throw new CommandError('Location40324', `Unrecognized pipeline stage name: '${name}'`);
    }
  }
  return pipeline as Doc[];
}

/** Refuses a definition of view `name` on `viewOn` that would close a cycle of views. */
function checkNoCycle(context: CommandContext, name: string, viewOn: string): void {
  const chain = [name, viewOn];
  let next: string | undefined = viewOn;
  while (next !== undefined) {
    if (next === name) {
      throw new CommandError(
        'GraphContainsCycle',
        `View cycle detected: [${chain.map((entry) => `${context.db}.${entry}`).join(' => ')}]`,
      );
    }
    const current = context.store.collection(context.db, next);
    next = isView(current) ? String(current?.options.viewOn) : undefined;
    if (next !== undefined) chain.push(next);
    if (chain.length > MAX_VIEW_DEPTH + 2) {
      throw new CommandError(
        'ViewDepthLimitExceeded',
        `View depth too deep or view cycle detected. Maximum depth is ${MAX_VIEW_DEPTH}`,
      );
    }
  }
}

function viewOnName(command: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new CommandError(
      'TypeMismatch',
      `BSON field '${command}.viewOn' is the wrong type, expected type 'string'`,
    );
  }
  return collectionName(command, value);
}

/**
 * The options create stores for a view, checked as MongoDB checks them; undefined when the
 * command creates a collection. `options` are the create command's options (envelope removed).
 */
export function viewCreateOptions(
  context: CommandContext,
  name: string,
  options: Doc,
): Doc | undefined {
  if (options.viewOn === undefined) {
    if (options.pipeline !== undefined) {
      throw new CommandError('BadValue', "'pipeline' requires 'viewOn' to also be specified");
    }
    checkValidationOptions('create', options);
    return undefined;
  }
  const viewOn = viewOnName('create', options.viewOn);
  const pipeline = checkPipeline('create', options.pipeline ?? []);
  for (const key of Object.keys(options)) {
    if (!VIEW_OPTIONS.has(key)) {
      throw new CommandError('InvalidOptions', `option not supported on a view: ${key}`);
    }
  }
  // A taken name answers NamespaceExists (create checks that next), not a cycle.
  if (!context.store.collection(context.db, name)) {
    checkNoCycle(context, name, viewOn);
    checkViewCollations(context, name, viewOn, options.collation);
  }
  return { ...options, viewOn, pipeline };
}

/** The listCollections entry of a view. */
export function viewInfo(collection: Collection, nameOnly: boolean): Doc {
  if (nameOnly) return { name: collection.name, type: 'view' };
  return {
    name: collection.name,
    type: 'view',
    options: collection.options,
    info: { readOnly: true },
  };
}

/** The documents of a view after its pipeline and a $match on `filter`. */
export async function viewDocs(
  context: CommandContext,
  view: ResolvedView,
  filter: Doc,
  variables?: Doc,
  collation: Doc = viewCollation(view, undefined),
): Promise<Doc[]> {
  const match = Object.keys(filter).length > 0 ? [{ $match: filter }] : [];
  const stored = pipelineWithNow(view.pipeline, variables);
  const result = await runPipeline(
    context,
    view.source,
    [...stored.pipeline, ...match],
    stored.variables,
    collation,
  );
  return result.docs;
}

/**
 * A view's documents for a stage that reads another namespace ($lookup, $unionWith,
 * $graphLookup); undefined when `name` is not a view.
 */
export function viewDocsSync(context: CommandContext, name: string): Doc[] | undefined {
  const view = resolveView(context, name);
  if (!view) return undefined;
  const source = [...(context.store.collection(context.db, view.source)?.docs.values() ?? [])];
  const stored = pipelineWithNow(view.pipeline, undefined);
  // Under the view's own collation (the reading operation's, checked in lookup-collation.ts).
  const stages = view.collation ? collatePipeline(stored.pipeline) : stored.pipeline;
  return new Aggregator(stages, {
    ...collationOptions(view.collation),
    ...(stored.variables ? { variables: stored.variables } : {}),
    collectionResolver: (other: string) =>
      viewDocsSync(context, other) ??
      [...(context.store.collection(context.db, other)?.docs.values() ?? [])].map((doc) =>
        cloneDoc(doc),
      ),
  }).run<Doc>(source.map((doc) => cloneDoc(doc)));
}

/** What a find on a view reads of its arguments. */
export type ViewFind = Pick<
  FindSpec,
  'filter' | 'projection' | 'sort' | 'skip' | 'limit' | 'variables' | 'collation'
>;

/** find on a view: the view's pipeline, then filter, sort, skip, limit and projection. */
export async function findOnView(
  context: CommandContext,
  view: ResolvedView,
  spec: ViewFind,
): Promise<Doc[]> {
  const collation = viewCollation(view, spec.collation);
  let docs = await viewDocs(context, view, spec.filter, spec.variables, collation);
  try {
    if (spec.sort) docs = sortDocs(docs, spec.sort, collatedCompare(view.collation));
    if (spec.skip || spec.limit) {
      const from = spec.skip ?? 0;
      docs = docs.slice(from, spec.limit ? from + spec.limit : undefined);
    }
    if (spec.projection) {
      const options = spec.variables ? { variables: spec.variables } : undefined;
      // Documents already passed the filter; it goes along for positional ($) projections.
      const filter = new Query(spec.filter, options);
      docs = mingoFind(
        docs.filter((doc) => filter.test(doc)),
        spec.filter,
        spec.projection,
        options,
      ).all();
    }
  } catch (error) {
    throw fromQueryLibraryError(error);
  }
  return docs;
}

/** count on a view (estimatedDocumentCount included): the view's documents, then skip/limit. */
export async function countOnView(
  context: CommandContext,
  view: ResolvedView,
  query: Doc,
  skip: number,
  limit: number,
  collation?: unknown,
  variables?: Doc,
): Promise<Doc> {
  let n = (await viewDocs(context, view, query, variables, viewCollation(view, collation))).length;
  n = Math.max(0, n - skip);
  if (limit > 0) n = Math.min(n, limit);
  return { n, ok: 1 };
}

const COLLMOD_ENVELOPE = commandEnvelope('collMod');
const COLLMOD_COLLECTION = new Set(['validator', 'validationLevel', 'validationAction']);

/** collMod: a view's definition, or a collection's validator, level and action. */
const collMod: Handler = async (context) => {
  const args = context.command;
  const name = collectionName('collMod', args.collMod);
  const collection = context.store.collection(context.db, name);
  if (!collection) {
    throw new CommandError('NamespaceNotFound', `ns does not exist: ${context.db}.${name}`);
  }
  const changes: Doc = {};
  for (const [key, value] of Object.entries(args)) {
    if (COLLMOD_ENVELOPE.has(key) || value === undefined) continue;
    if (!COLLMOD_COLLECTION.has(key) && key !== 'viewOn' && key !== 'pipeline') {
      throw new CommandError('Location40415', `BSON field 'collMod.${key}' is an unknown field.`);
    }
    changes[key] = value;
  }
  let options: Doc;
  if (isView(collection)) {
    const invalid = Object.keys(changes).find((key) => COLLMOD_COLLECTION.has(key));
    if (invalid) {
      throw new CommandError('InvalidOptions', `option not supported on a view: ${invalid}`);
    }
    const viewOn =
      changes.viewOn === undefined
        ? String(collection.options.viewOn)
        : viewOnName('collMod', changes.viewOn);
    const pipeline =
      changes.pipeline === undefined
        ? (collection.options.pipeline as Doc[])
        : checkPipeline('collMod', changes.pipeline);
    checkNoCycle(context, name, viewOn);
    checkViewCollations(context, name, viewOn, collection.options.collation);
    options = { ...collection.options, viewOn, pipeline };
  } else {
    const forView = Object.keys(changes).find((key) => key === 'viewOn' || key === 'pipeline');
    if (forView) {
      throw new CommandError('InvalidOptions', `option only supported on a view: ${forView}`);
    }
    checkValidationOptions('collMod', changes);
    options = { ...collection.options, ...changes };
    if (isPlainObject(options.validator) && Object.keys(options.validator).length === 0) {
      delete options.validator;
    }
  }
  await context.store.write((writer) => writer.setOptions(collection, options));
  return { ok: 1 };
};

export const viewCommands: Record<string, Handler> = { collMod };
