import { Long } from 'bson';
import { find as mingoFind, Query } from 'mingo';

import {
  collatedCompare,
  collateFilter,
  collationOptions,
  distinctValues,
  effectiveCollation,
  parseCollation,
} from '../collation.js';
import { isCursorId } from '../cursors.js';
import { CommandError, fromQueryLibraryError } from '../errors.js';
import { rewriteFieldExpressions } from '../field-names.js';
import { parseLet } from '../let.js';
import { filterSteps, runSteps, runYielding, type Steps } from '../limits.js';
import { commandAsSent, nowVariables } from '../now.js';
import { sortDocs } from '../sort.js';
import type { Collection, Plan } from '../storage/collection.js';
import { containsRegex } from '../storage/records.js';
import { jsonSchemaValidator } from '../validation.js';
import { compareValues, type Doc, isPlainObject, keyOf, valuesAtPath } from '../values.js';
import {
  collectionName,
  optionalBool,
  optionalCount,
  optionalDoc,
  optionalString,
  validateSort,
} from './args.js';
import type { CommandContext, Handler } from './context.js';
import { runPipeline } from './pipeline.js';
import { findOnSystemViews, SYSTEM_VIEWS, systemViewsPipeline } from './system-views.js';
import { countOnView, findOnView, resolveView, viewCollation, viewDocs } from './views.js';

export interface FindSpec {
  filter: Doc;
  projection?: Doc;
  sort?: Doc;
  skip?: number;
  limit?: number;
  variables?: Doc;
  /** The operation's `collation` argument as sent; the collection's default applies without it. */
  collation?: unknown;
  /** maxTimeMS's deadline (performance.now()); see limits.ts. */
  deadline?: number;
}

export interface FindResult {
  docs: Doc[];
  plan: Plan;
  examined: number;
}

/** Runs a find over a collection, narrowing by _id or an index before mingo applies the filter. */
export function runFind(collection: Collection | undefined, spec: FindSpec): FindResult {
  return runSteps(findSteps(collection, spec));
}

/** The same find, pausing now and then so that other connections are served meanwhile. */
export function runFindYielding(
  collection: Collection | undefined,
  spec: FindSpec,
): Promise<FindResult> {
  return runYielding(findSteps(collection, spec));
}

function* findSteps(collection: Collection | undefined, spec: FindSpec): Steps<FindResult> {
  if (!collection) return { docs: [], plan: { stage: 'COLLSCAN', keysExamined: 0 }, examined: 0 };
  if (containsRegex(spec.filter)) {
    throw new CommandError('Location51091', 'Regular expression is invalid');
  }
  try {
    const collation = effectiveCollation(spec.collation, collection.options);
    const { docs, plan, exact } = collection.candidates(spec.filter, collation);
    if (exact && !spec.projection && !spec.sort && !spec.skip) {
      const limited = spec.limit ? docs.slice(0, spec.limit) : docs;
      return { docs: limited, plan, examined: docs.length };
    }
    const options = spec.variables
      ? { variables: spec.variables, jsonSchemaValidator }
      : { jsonSchemaValidator };
    const filter = rewriteFieldExpressions(spec.filter);
    const query = collation
      ? new Query(collateFilter(filter), { ...options, ...collationOptions(collation) })
      : new Query(filter, options);
    let matches = yield* filterSteps(docs, (doc) => query.test(doc), spec.deadline);
    if (spec.sort) matches = sortDocs(matches, spec.sort, collatedCompare(collation));
    if (spec.skip || spec.limit) {
      const from = spec.skip ?? 0;
      matches = matches.slice(from, spec.limit ? from + spec.limit : undefined);
    }
    if (spec.projection) {
      // The filter goes along for positional ($) projections.
      matches = mingoFind(
        matches,
        spec.filter,
        rewriteFieldExpressions(spec.projection),
        options,
      ).all();
    }
    return { docs: matches, plan, examined: docs.length };
  } catch (error) {
    throw fromQueryLibraryError(error);
  }
}

function parseFind(
  context: CommandContext,
  args: Doc = context.command,
): FindSpec & {
  collection: string;
  batchSize?: number;
  singleBatch?: boolean;
} {
  const name = 'find';
  const collection = collectionName(name, args.find);
  const limit = optionalCount(name, args, 'limit');
  return {
    collection,
    filter: optionalDoc(name, args, 'filter') ?? {},
    projection: nonEmpty(optionalDoc(name, args, 'projection')),
    sort: validateSort(name, optionalDoc(name, args, 'sort')),
    skip: optionalCount(name, args, 'skip'),
    limit: limit === 0 ? undefined : limit,
    batchSize: optionalCount(name, args, 'batchSize'),
    singleBatch: optionalBool(name, args, 'singleBatch'),
    variables: parseLet(name, args),
    collation: checkedCollation(args),
  };
}

/** The command's `collation` argument, checked now so a bad one fails even on no collection. */
export function checkedCollation(args: Doc): unknown {
  parseCollation(args.collation);
  return args.collation ?? undefined;
}

function nonEmpty(doc: Doc | undefined): Doc | undefined {
  return doc && Object.keys(doc).length > 0 ? doc : undefined;
}

const find: Handler = async (context) => {
  const spec = parseFind(context);
  if (context.command.tailable) {
    throw new CommandError(
      'CommandNotSupported',
      'tailable cursors are not supported by the embedded engine',
    );
  }
  const ns = `${context.db}.${spec.collection}`;
  const singleBatch =
    spec.singleBatch === true ||
    (spec.limit !== undefined && spec.batchSize !== undefined && spec.limit <= spec.batchSize);
  if (spec.collection === SYSTEM_VIEWS) {
    return context.cursors.first(ns, findOnSystemViews(context, spec), spec.batchSize, singleBatch);
  }
  const view = resolveView(context, spec.collection);
  if (view) {
    return findOnView(context, view, spec).then((docs) =>
      context.cursors.first(ns, docs, spec.batchSize, singleBatch),
    );
  }
  const { docs } = await runFindYielding(context.store.collection(context.db, spec.collection), {
    ...spec,
    deadline: context.deadline,
  });
  return context.cursors.first(ns, docs, spec.batchSize, singleBatch);
};

const getMore: Handler = (context) => {
  const args = context.command;
  const id = args.getMore;
  if (!isCursorId(id)) {
    throw new CommandError(
      'TypeMismatch',
      "BSON field 'getMore.getMore' is the wrong type, expected type 'long'",
    );
  }
  const collection = collectionName('getMore', args.collection);
  const batchSize = optionalCount('getMore', args, 'batchSize');
  return context.cursors.more(id, `${context.db}.${collection}`, batchSize);
};

const killCursors: Handler = (context) => {
  collectionName('killCursors', context.command.killCursors);
  const ids = context.command.cursors;
  if (!Array.isArray(ids)) {
    throw new CommandError(
      'TypeMismatch',
      "BSON field 'killCursors.cursors' is the wrong type, expected type 'array'",
    );
  }
  const cursorsKilled: Long[] = [];
  const cursorsNotFound: Long[] = [];
  for (const id of ids) {
    if (!isCursorId(id)) continue;
    const asLong = Long.fromString(id.toString());
    (context.cursors.kill(id) ? cursorsKilled : cursorsNotFound).push(asLong);
  }
  return { cursorsKilled, cursorsNotFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
};

const count: Handler = async (context) => {
  const args = context.command;
  const name = collectionName('count', args.count);
  const query = optionalDoc('count', args, 'query') ?? {};
  const skip = optionalCount('count', args, 'skip') ?? 0;
  const limit = optionalCount('count', args, 'limit') ?? 0;
  const collation = checkedCollation(args);
  const variables = nowVariables(args);
  const view = resolveView(context, name);
  if (view) return countOnView(context, view, query, skip, limit, collation, variables);
  const collection = context.store.collection(context.db, name);
  let n: number;
  if (Object.keys(query).length === 0) n = collection?.docs.size ?? 0;
  else {
    const found = await runFindYielding(collection, {
      filter: query,
      collation,
      variables,
      deadline: context.deadline,
    });
    n = found.docs.length;
  }
  n = Math.max(0, n - skip);
  if (limit > 0) n = Math.min(n, limit);
  return { n, ok: 1 };
};

const distinct: Handler = async (context) => {
  const args = context.command;
  const name = collectionName('distinct', args.distinct);
  const key = optionalString('distinct', args, 'key');
  if (key === undefined) {
    throw new CommandError(
      'FailedToParse',
      "BSON field 'distinct.key' is missing but a required field",
    );
  }
  const query = optionalDoc('distinct', args, 'query') ?? {};
  const collation = checkedCollation(args);
  const variables = nowVariables(args);
  const view = resolveView(context, name);
  const source = view ? undefined : context.store.collection(context.db, name);
  const docs = view
    ? await viewDocs(context, view, query, variables, viewCollation(view, collation))
    : (
        await runFindYielding(source, {
          filter: query,
          collation,
          variables,
          deadline: context.deadline,
        })
      ).docs;
  const effective = view ? view.collation : effectiveCollation(collation, source?.options);
  if (effective) {
    const values = docs.flatMap((doc) => valuesAtPath(doc, key).filter((v) => v !== undefined));
    return { values: distinctValues(values, effective), ok: 1 };
  }
  const seen = new Map<string, unknown>();
  for (const doc of docs) {
    for (const value of valuesAtPath(doc, key)) {
      if (value !== undefined) seen.set(keyOf(value), value);
    }
  }
  return { values: [...seen.values()].sort(compareValues), ok: 1 };
};

const aggregate: Handler = async (context) => {
  const args = context.command;
  const target = args.aggregate;
  const pipeline = args.pipeline;
  if (!Array.isArray(pipeline)) {
    throw new CommandError(
      'TypeMismatch',
      "BSON field 'aggregate.pipeline' is the wrong type, expected type 'array'",
    );
  }
  const explain = optionalBool('aggregate', args, 'explain') === true;
  const cursorOptions = optionalDoc('aggregate', args, 'cursor');
  if (!cursorOptions && !explain) {
    throw new CommandError(
      'FailedToParse',
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  const name = target === 1 ? undefined : collectionName('aggregate', target);
  const batchSize = cursorOptions
    ? optionalCount('aggregate.cursor', cursorOptions, 'batchSize')
    : undefined;
  const variables = parseLet('aggregate', args);
  const collation = checkedCollation(args);
  const view = name === undefined ? undefined : resolveView(context, name);
  const result = view
    ? await runPipeline(
        context,
        view.source,
        [...view.pipeline, ...(pipeline as unknown[])],
        variables,
        viewCollation(view, collation),
      )
    : name === SYSTEM_VIEWS
      ? await runPipeline(
          context,
          undefined,
          systemViewsPipeline(context, pipeline),
          variables,
          collation,
        )
      : await runPipeline(context, name, pipeline, variables, collation);
  const ns = `${context.db}.${name ?? '$cmd.aggregate'}`;
  if (explain) {
    return {
      explainVersion: '1',
      stages: pipeline,
      queryPlanner: {
        namespace: ns,
        winningPlan: { stage: result.plan.stage, indexName: result.plan.indexName },
      },
      ok: 1,
    };
  }
  return context.cursors.first(ns, result.docs, batchSize);
};

const explain: Handler = (context) => {
  const inner = context.command.explain;
  if (!isPlainObject(inner)) {
    throw new CommandError(
      'TypeMismatch',
      "BSON field 'explain.explain' is the wrong type, expected type 'object'",
    );
  }
  const started = Date.now();
  let spec: FindSpec & { collection: string };
  if ('find' in inner) spec = parseFind(context, inner);
  else if ('count' in inner)
    spec = {
      collection: collectionName('count', inner.count),
      filter: optionalDoc('count', inner, 'query') ?? {},
      collation: checkedCollation(inner),
      variables: nowVariables(inner),
    };
  else if ('distinct' in inner)
    spec = {
      collection: collectionName('distinct', inner.distinct),
      filter: optionalDoc('distinct', inner, 'query') ?? {},
      collation: checkedCollation(inner),
      variables: nowVariables(inner),
    };
  else
    throw new CommandError(
      'CommandNotSupported',
      'explain is supported for find, count and distinct',
    );
  const collection = context.store.collection(context.db, spec.collection);
  const { docs, plan, examined } = runFind(collection, spec);
  const ns = `${context.db}.${spec.collection}`;
  // What the client sent, not the filter with $$NOW bound (now.ts).
  const sent = commandAsSent(inner);
  const filter = sent === inner ? spec.filter : ((sent.filter ?? sent.query ?? {}) as Doc);
  const leaf: Doc =
    plan.stage === 'COLLSCAN'
      ? { stage: 'COLLSCAN', filter, direction: 'forward' }
      : plan.stage === 'IDHACK'
        ? { stage: 'IDHACK' }
        : {
            stage: 'FETCH',
            inputStage: {
              stage: 'IXSCAN',
              indexName: plan.indexName,
              keyPattern: collection?.findIndex(plan.indexName ?? '')?.spec.key,
            },
          };
  return {
    explainVersion: '1',
    queryPlanner: { namespace: ns, parsedQuery: filter, winningPlan: leaf, rejectedPlans: [] },
    executionStats: {
      executionSuccess: true,
      nReturned: docs.length,
      executionTimeMillis: Date.now() - started,
      totalKeysExamined: plan.keysExamined,
      totalDocsExamined: examined,
      executionStages: { ...leaf, nReturned: docs.length, docsExamined: examined },
    },
    command: sent,
    ok: 1,
  };
};

export const queryCommands: Record<string, Handler> = {
  find,
  getMore,
  killCursors,
  count,
  distinct,
  aggregate,
  explain,
};
