import { type Doc, isPlainObject } from './values.js';

// One walk over an aggregation pipeline and the pipelines inside it ($facet's, $lookup's and
// $unionWith's `pipeline`, $merge's `whenMatched`), for the passes that rewrite a pipeline before
// it runs: escaping inherited field names (inherited-names.ts) and binding $$NOW (now.ts). The
// walk knows where sub-pipelines and filters sit; the pass says what becomes of everything else.

/** What a pass makes of the parts of a stage that are not sub-pipelines. */
export interface StageWalk {
  /** A query filter: $match's, and $graphLookup's `restrictSearchWithMatch`. */
  filter: (value: unknown) => unknown;
  /** Any other option of $lookup, $unionWith, $graphLookup or $merge. */
  option: (stage: string, key: string, value: unknown) => unknown;
  /** The name of a $facet output. */
  facetName: (name: string) => string;
  /** Any other stage, and one of the above whose argument is not a document. */
  other: (name: string, spec: unknown, stage: Doc) => unknown;
  /** A stage with other than one field (the pipeline's check answers 40323 for it). */
  malformed: (stage: Doc) => unknown;
}

/** Stages whose options may hold a sub-pipeline or a filter. */
const NESTING = new Set(['$lookup', '$unionWith', '$graphLookup', '$merge']);

/** Sets a property as an own data property, whatever its name (even `__proto__`). */
function define(target: Doc, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/**
 * Rebuilds an object with renamed keys and mapped values; returns the object itself when nothing
 * changed, so the common case allocates nothing.
 */
export function mapObject(
  value: Doc,
  rename: (key: string) => string,
  map: (key: string, item: unknown) => unknown,
): Doc {
  let out: Doc | undefined;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const item = value[key];
    const newKey = rename(key);
    const newItem = map(key, item);
    if (out === undefined && (newKey !== key || newItem !== item)) {
      out = {};
      for (let j = 0; j < i; j++) define(out, keys[j], value[keys[j]]);
    }
    if (out !== undefined) define(out, newKey, newItem);
  }
  return out ?? value;
}

export function mapArray(value: unknown[], map: (item: unknown) => unknown): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const item = map(value[i]);
    if (out === undefined && item !== value[i]) out = value.slice(0, i);
    if (out !== undefined) out.push(item);
  }
  return out ?? value;
}

function same(key: string): string {
  return key;
}

function walkStage(stage: unknown, walk: StageWalk): unknown {
  if (!isPlainObject(stage)) return stage;
  const keys = Object.keys(stage);
  if (keys.length !== 1) return walk.malformed(stage);
  const [name] = keys;
  const spec = stage[name];
  if (name === '$match') return { $match: walk.filter(spec) };
  if (!isPlainObject(spec)) return walk.other(name, spec, stage);
  if (name === '$facet') {
    return {
      $facet: mapObject(spec, walk.facetName, (_key, item) =>
        Array.isArray(item) ? walkPipeline(item, walk) : item,
      ),
    };
  }
  if (!NESTING.has(name)) return walk.other(name, spec, stage);
  return {
    [name]: mapObject(spec, same, (key, item) => {
      if (key === 'pipeline' || key === 'whenMatched') {
        return Array.isArray(item) ? walkPipeline(item, walk) : item;
      }
      if (key === 'restrictSearchWithMatch') return walk.filter(item);
      return walk.option(name, key, item);
    }),
  };
}

/** The pipeline with each stage, and each stage of its sub-pipelines, as `walk` makes it. */
export function walkPipeline(pipeline: unknown[], walk: StageWalk): unknown[] {
  return mapArray(pipeline, (stage) => walkStage(stage, walk));
}
