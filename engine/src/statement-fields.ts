import { CommandError } from './errors.js';
import type { Doc } from './values.js';

// MongoDB 7.0 parses each update and delete statement strictly: a field it does not know is refused
// with an IDL error (40415) rather than ignored. This is how options that only later releases
// accept, such as `sort` on an update or a replaceOne (8.0), answer on 7.0.

const STATEMENT_FIELDS: Record<string, ReadonlySet<string>> = {
  'update.updates': new Set([
    'q',
    'u',
    'c',
    'arrayFilters',
    'hint',
    'multi',
    'upsert',
    'upsertSupplied',
    'collation',
    'sampleId',
    '$_allowShardKeyUpdatesWithoutFullShardKeyInQuery',
  ]),
  'delete.deletes': new Set(['q', 'limit', 'hint', 'collation', 'sampleId']),
};

/** Refuses a statement field MongoDB 7.0 does not know, as its command parser does. */
export function checkStatementFields(where: keyof typeof STATEMENT_FIELDS, statement: Doc): void {
  const known = STATEMENT_FIELDS[where];
  for (const field of Object.keys(statement)) {
    if (!known.has(field)) {
      throw new CommandError(
        'Location40415',
        `BSON field '${where}.${field}' is an unknown field.`,
      );
    }
  }
}
