import { ObjectId } from 'bson';
import { Aggregator, Query } from 'mingo';

import { collatePipeline, collationOptions, effectiveCollation } from '../collation.js';
import { CommandError, fromQueryLibraryError } from '../errors.js';
import { rewriteFieldExpressions } from '../field-names.js';
import { filterSteps, runYielding, timedInput } from '../limits.js';
import { checkMergeKeys, mergeDuplicateKey } from '../merge-errors.js';
import type { Plan } from '../storage/collection.js';
import { containsRegex } from '../storage/records.js';
import { jsonSchemaValidator } from '../validation.js';
import { bsonText, cloneDoc, type Doc, isPlainObject, keyOf } from '../values.js';
import type { CommandContext } from './context.js';
import { collectionlessSource } from './database-aggregate.js';
import { checkForeignViewCollations } from './lookup-collation.js';
import { viewDocsSync } from './views.js';

// Stages that only read their input; any other stage may change documents in place inside
// mingo, so the pipeline then works on copies and the stored documents stay untouched.
const READ_ONLY_STAGES = new Set([
  '$match',
  '$sort',
  '$skip',
  '$limit',
  '$count',
  '$group',
  '$sortByCount',
  '$bucket',
  '$bucketAuto',
  '$sample',
]);

export interface PipelineResult {
  docs: Doc[];
  plan: Plan;
}

function stageName(stage: unknown, index: number): string {
  if (!isPlainObject(stage)) {
    throw new CommandError(
      'TypeMismatch',
      `Each element of the 'pipeline' array must be an object (element ${index})`,
    );
  }
  const keys = Object.keys(stage);
  if (keys.length !== 1) {
    throw new CommandError(
      'Location40323',
      'A pipeline stage specification object must contain exactly one field.',
    );
  }
  return keys[0];
}

export async function runPipeline(
  context: CommandContext,
  collection: string | undefined,
  pipeline: unknown[],
  variables: Doc | undefined,
  collation?: unknown,
): Promise<PipelineResult> {
  pipeline.forEach((stage, index) => stageName(stage, index));
  if (containsRegex(pipeline))
    throw new CommandError('Location51091', 'Regular expression is invalid');
  guardRanges(pipeline);
  let stages = rewriteFieldExpressions(pipeline as Doc[]).flatMap(rewriteStage);
  const generated = collectionlessSource(context, collection, stages);
  if (generated) stages = stages.slice(1);
  const names = stages.map((stage) => Object.keys(stage)[0]);
  const lastName = names.at(-1);
  const writes = lastName === '$out' || lastName === '$merge';
  const reading = writes ? stages.slice(0, -1) : stages;
  if (names.slice(0, -1).some((name) => name === '$out' || name === '$merge')) {
    throw new CommandError(
      'Location40323',
      `${lastName === '$out' ? '$out' : '$merge'} can only be the final stage in the pipeline`,
    );
  }

  let input: Doc[] = [];
  let plan: Plan = { stage: 'COLLSCAN', keysExamined: 0 };
  const source =
    collection === undefined ? undefined : context.store.collection(context.db, collection);
  const collated = effectiveCollation(collation, source?.options);
  checkForeignViewCollations(context, reading, collated);
  const executed = collated ? collatePipeline(reading) : reading;
  const mutates = executed.some((stage) => !READ_ONLY_STAGES.has(Object.keys(stage)[0]));
  if (collection !== undefined) {
    const first = reading[0];
    if (source) {
      const filter = first && isPlainObject(first.$match) ? first.$match : {};
      const candidates = source.candidates(filter, collated);
      input = candidates.docs;
      plan = candidates.plan;
      if (Object.keys(filter).length > 0) {
        // The first $match runs here, giving way to other connections as it goes (limits.ts).
        let query: Query;
        try {
          // Under a collation the first stage runs as collatePipeline rewrote it.
          const first = executed[0];
          query = new Query(
            collated && first && isPlainObject(first.$match) ? first.$match : filter,
            {
              ...(variables ? { variables } : {}),
              ...collationOptions(collated),
              jsonSchemaValidator,
            },
          );
        } catch (error) {
          throw fromQueryLibraryError(error);
        }
        input = await runYielding(filterSteps(input, (doc) => query.test(doc), context.deadline));
      }
    }
  } else if (generated) {
    input = generated;
  } else if (names[0] !== '$documents') {
    throw new CommandError(
      'InvalidNamespace',
      `{aggregate: 1} is not valid for '${names[0] ?? '$match'}'; a collection is required.`,
    );
  }
  if (mutates) input = input.map((doc) => cloneDoc(doc));

  let docs: Doc[];
  try {
    const aggregator = new Aggregator(executed, {
      ...collationOptions(collated),
      collectionResolver: (name: string) =>
        viewDocsSync(context, name) ??
        [...(context.store.collection(context.db, name)?.docs.values() ?? [])].map((doc) =>
          cloneDoc(doc),
        ),
      ...(variables ? { variables } : {}),
      jsonSchemaValidator,
    });
    docs = aggregator.run<Doc>(timedInput(input, context.deadline));
  } catch (error) {
    throw fromQueryLibraryError(error);
  }
  if (writes) {
    await writeResults(context, stages.at(-1) ?? {}, docs);
    return { docs: [], plan };
  }
  return { docs, plan };
}

function targetOf(
  context: CommandContext,
  spec: unknown,
  stage: string,
): { db: string; coll: string } {
  if (typeof spec === 'string') return { db: context.db, coll: spec };
  if (isPlainObject(spec)) {
    const into = stage === '$merge' ? spec.into : spec;
    if (typeof into === 'string') return { db: context.db, coll: into };
    if (isPlainObject(into) && typeof into.coll === 'string') {
      return { db: typeof into.db === 'string' ? into.db : context.db, coll: into.coll };
    }
  }
  throw new CommandError('FailedToParse', `${stage} needs a target collection name`);
}

async function writeResults(context: CommandContext, stage: Doc, docs: Doc[]): Promise<void> {
  const name = Object.keys(stage)[0];
  const spec = stage[name];
  const target = targetOf(context, spec, name);
  const existing = context.store.collection(target.db, target.coll);
  if (existing && typeof existing.options.viewOn === 'string') {
    throw new CommandError(
      'CommandNotSupportedOnView',
      `Namespace ${target.db}.${target.coll} is a view, not a collection`,
    );
  }
  const bypass = context.command.bypassDocumentValidation === true;
  const withIds = docs.map((doc) =>
    doc._id === undefined ? { _id: new ObjectId(), ...doc } : doc,
  );
  if (name === '$out') {
    await context.store.write((writer) => {
      writer.bypassDocumentValidation = bypass;
      const collection = writer.ensureCollection(target.db, target.coll);
      // Check the whole result against the unique indexes before replacing anything.
      const probe = new Set<string>();
      for (const doc of withIds) {
        const key = keyOf(doc._id);
        if (probe.has(key)) throw collection.duplicateKeyError(collection.idIndex, [doc._id]);
        probe.add(key);
      }
      for (const doc of [...collection.docs.values()]) writer.remove(collection, doc);
      for (const doc of withIds) writer.insert(collection, doc);
    });
    return;
  }
  const options = isPlainObject(spec) ? spec : {};
  const on =
    options.on === undefined
      ? ['_id']
      : Array.isArray(options.on)
        ? options.on.map(String)
        : [bsonText(options.on)];
  const whenMatched = options.whenMatched ?? 'merge';
  const whenNotMatched = options.whenNotMatched ?? 'insert';
  if (typeof whenMatched !== 'string') {
    throw new CommandError(
      'CommandNotSupported',
      '$merge with a whenMatched pipeline is not supported by the embedded engine',
    );
  }
  if (options.on !== undefined) {
    checkMergeKeys(context.store.collection(target.db, target.coll), on);
  }
  await context.store.write((writer) => {
    writer.bypassDocumentValidation = bypass;
    const collection = writer.ensureCollection(target.db, target.coll);
    for (const doc of docs) {
      const filter: Doc = {};
      for (const field of on) filter[field] = doc[field];
      const existing = collection
        .candidates(filter)
        .docs.find((candidate) =>
          on.every((field) => keyOf(candidate[field]) === keyOf(doc[field])),
        );
      if (!existing) {
        if (whenNotMatched === 'discard') continue;
        if (whenNotMatched === 'fail') {
          throw new CommandError(
            'BadValue',
            '$merge could not find a matching document in the target collection',
          );
        }
        writer.insert(collection, doc._id === undefined ? { _id: new ObjectId(), ...doc } : doc);
        continue;
      }
      if (whenMatched === 'keepExisting') continue;
      if (whenMatched === 'fail') throw mergeDuplicateKey(collection, on, doc);
      const next =
        whenMatched === 'replace'
          ? { ...doc, _id: existing._id }
          : { ...existing, ...doc, _id: existing._id };
      writer.replace(collection, next);
    }
  });
}

/**
 * Stages whose mingo behaviour differs from MongoDB's, rewritten into the equivalent stages
 * MongoDB's documentation gives for them ($count of nothing is no document; $bucket's lower
 * boundary is inclusive).
 */
// An array this long cannot be a sensible result and would exhaust the process's memory.
const MAX_RANGE_LENGTH = 10_000_000;
const MAX_SAMPLE_SIZE = 10_000_000;

export function guardRanges(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(guardRanges);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (key === '$range' && Array.isArray(item)) {
      const [start, end, step = 1] = item as unknown[];
      if (
        typeof start === 'number' &&
        typeof end === 'number' &&
        typeof step === 'number' &&
        step !== 0
      ) {
        if (Math.abs((end - start) / step) > MAX_RANGE_LENGTH) {
          throw new CommandError(
            'BadValue',
            `$range would produce more than ${MAX_RANGE_LENGTH} elements`,
          );
        }
      }
    }
    guardRanges(item);
  }
}

function sampleStage(spec: unknown): { size: number } {
  if (!isPlainObject(spec)) {
    throw new CommandError('Location28745', 'the $sample stage specification must be an object');
  }
  const size = spec.size;
  if (size === undefined)
    throw new CommandError('Location28749', '$sample stage must specify a size');
  if (typeof size !== 'number' || !Number.isFinite(size)) {
    throw new CommandError('Location28746', 'size argument to $sample must be a number');
  }
  if (size < 0)
    throw new CommandError('Location28747', 'size argument to $sample must not be negative');
  return { size: Math.min(Math.floor(size), MAX_SAMPLE_SIZE) };
}

/** MongoDB samples without replacement (mingo draws with it): shuffle by a random key, then take. */
function sampleStages(spec: unknown): Doc[] {
  const { size } = sampleStage(spec);
  if (size === 0) return [{ $match: { $expr: { $eq: [1, 0] } } }];
  return [
    { $addFields: { __innerloopSample: { $rand: {} } } },
    { $sort: { __innerloopSample: 1 } },
    { $limit: size },
    { $unset: '__innerloopSample' },
  ];
}

/** $lookup with both localField/foreignField and a pipeline: the join condition comes first. */
function lookupStage(spec: Doc): Doc {
  const { localField, foreignField, pipeline, let: variables, ...rest } = spec;
  if (
    typeof localField !== 'string' ||
    typeof foreignField !== 'string' ||
    !Array.isArray(pipeline)
  ) {
    return { $lookup: spec };
  }
  const join = {
    $match: {
      $expr: {
        $in: [
          `$${foreignField}`,
          { $cond: [{ $isArray: '$$innerloopLocal' }, '$$innerloopLocal', ['$$innerloopLocal']] },
        ],
      },
    },
  };
  return {
    $lookup: {
      ...rest,
      let: { ...(isPlainObject(variables) ? variables : {}), innerloopLocal: `$${localField}` },
      pipeline: [join, ...(pipeline as unknown[])],
    },
  };
}

function rewriteStage(stage: Doc): Doc[] {
  if ('$sample' in stage) return sampleStages(stage.$sample);
  if ('$lookup' in stage && isPlainObject(stage.$lookup)) return [lookupStage(stage.$lookup)];
  if ('$count' in stage && typeof stage.$count === 'string') {
    return [{ $group: { _id: null, [stage.$count]: { $sum: 1 } } }, { $project: { _id: 0 } }];
  }
  if ('$bucket' in stage && isPlainObject(stage.$bucket)) {
    const { groupBy, boundaries, default: fallback, output } = stage.$bucket;
    if (!Array.isArray(boundaries) || boundaries.length < 2) {
      throw new CommandError(
        'BadValue',
        "The $bucket 'boundaries' field must be an array of at least two values",
      );
    }
    const branches = boundaries.slice(0, -1).map((lower: unknown, i: number) => ({
      case: { $and: [{ $gte: [groupBy, lower] }, { $lt: [groupBy, boundaries[i + 1]] }] },
      then: lower,
    }));
    const bucketOf = {
      $switch: { branches, ...(fallback !== undefined ? { default: fallback } : {}) },
    };
    const accumulators = isPlainObject(output) ? output : { count: { $sum: 1 } };
    return [{ $group: { _id: bucketOf, ...accumulators } }, { $sort: { _id: 1 } }];
  }
  return [stage];
}
