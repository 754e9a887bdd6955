import { type Collation, collationKey } from '../collation.js';
import { CommandError } from '../errors.js';
import { isPlainObject } from '../values.js';
import type { CommandContext } from './context.js';
import { resolveView } from './views.js';

// An aggregation that reads a view through $lookup or $graphLookup runs under one collation, so
// the view's default collation must be the operation's (MongoDB's "Create a View with Default
// Collation": "the views must have the same collation"; SERVER-25186): otherwise 167
// OptionNotSupportedOnView, as when the operation names another collation for the view itself.

function foreignNames(stages: unknown[], found: string[]): string[] {
  for (const stage of stages) {
    if (!isPlainObject(stage)) continue;
    const [name] = Object.keys(stage);
    const spec = stage[name];
    if (!isPlainObject(spec)) continue;
    if ((name === '$lookup' || name === '$graphLookup') && typeof spec.from === 'string') {
      found.push(spec.from);
    }
    if ((name === '$lookup' || name === '$unionWith') && Array.isArray(spec.pipeline)) {
      foreignNames(spec.pipeline, found);
    }
    if (name === '$facet') {
      for (const pipeline of Object.values(spec)) {
        if (Array.isArray(pipeline)) foreignNames(pipeline, found);
      }
    }
  }
  return found;
}

/** Throws 167 when a view the stages $lookup or $graphLookup has another collation than `collation`. */
export function checkForeignViewCollations(
  context: CommandContext,
  stages: unknown[],
  collation: Collation | undefined,
): void {
  const names = foreignNames(stages, []);
  if (names.length === 0) return;
  const own = collationKey(collation);
  for (const name of new Set(names)) {
    const view = resolveView(context, name);
    if (view && collationKey(view.collation) !== own) {
      throw new CommandError(
        'OptionNotSupportedOnView',
        "Cannot override a view's default collation",
      );
    }
  }
}
