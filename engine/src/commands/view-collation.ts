import { collationKey } from '../collation.js';
import { CommandError } from '../errors.js';
import type { CommandContext } from './context.js';
import { isView } from './views.js';

// A view defined on another view must have that view's collation, and a view that others are
// defined on must have theirs (MongoDB 3.4+, SERVER-25186 and SERVER-27761): create and collMod
// answer 167 OptionNotSupportedOnView otherwise. A view on a collection may have any collation.

function conflict(context: CommandContext, name: string, other: string): CommandError {
  return new CommandError(
    'OptionNotSupportedOnView',
    `View ${context.db}.${name} has conflicting collation with view ${context.db}.${other}`,
  );
}

/**
 * Refuses the view `name` on `viewOn` with default collation `collation` (the completed one
 * create stores; undefined for simple) when a view it reads or a view reading it has another.
 */
export function checkViewCollations(
  context: CommandContext,
  name: string,
  viewOn: string,
  collation: unknown,
): void {
  const own = collationKey(collation);
  const source = context.store.collection(context.db, viewOn);
  if (isView(source) && collationKey(source?.options.collation) !== own) {
    throw conflict(context, name, viewOn);
  }
  for (const other of context.store.databases.get(context.db)?.values() ?? []) {
    if (other.name === name || !isView(other) || other.options.viewOn !== name) continue;
    if (collationKey(other.options.collation) !== own) throw conflict(context, other.name, name);
  }
}
