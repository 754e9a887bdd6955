import { z } from 'zod';

import { message } from '../utils/message';

// The outbox list's address: a search and a page. Read by the browser too (the search field's
// length), so nothing here imports a *.server.ts module.

export const outboxPageSize = 25;
export const outboxSearchMaxLength = 200;

export const outboxFiltersSchema = z.object({
  /** Words to find in the recipient or the subject, case-insensitively. */
  q: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .max(
        outboxSearchMaxLength,
        message('settings:errors.searchTooLong', { maximum: outboxSearchMaxLength }),
      )
      .transform((text) => text.trim())
      .optional(),
  ),
  /** Null when the address holds a page number that makes no sense; the page then says so. */
  page: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().min(1).max(100_000).default(1).nullable().catch(null),
  ),
});
export type OutboxFilters = z.infer<typeof outboxFiltersSchema>;
