import { z } from 'zod';

import { message } from '../utils/message';

// The comment page's inputs, shared by its route, its server module and its form. Read by the
// browser too, so nothing here imports a *.server.ts module.

// Short pages: each comment carries its replies and a reply box, so 50 made a phone page endless.
export const commentsPageSize = 20;
export const commentSearchMaxLength = 100;
export const replyMaxLength = 2000;

const objectIdPattern = /^[0-9a-f]{24}$/i;
const cycleNumber = z.coerce.number().int().min(1).max(100_000);

/** A filter that is absent or empty means "all". */
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/**
 * The filters as the address carries them. Ids are checked for shape only; whether they name
 * something the user may see is the server module's question. A cycle number or page that makes
 * no sense is dropped (and the page says so) rather than refused. There is no language filter:
 * in a small department the language of a comment names its writer.
 */
export const commentFiltersSchema = z.object({
  survey: z.preprocess(
    blankToUndefined,
    z.string().regex(objectIdPattern, 'insights:comments.errors.surveyAddress').optional(),
  ),
  department: z.preprocess(
    blankToUndefined,
    z.string().regex(objectIdPattern, 'insights:comments.errors.departmentAddress').optional(),
  ),
  question: z.preprocess(blankToUndefined, z.string().max(40).optional()),
  from: z.preprocess(blankToUndefined, cycleNumber.optional()).catch(undefined),
  to: z.preprocess(blankToUndefined, cycleNumber.optional()).catch(undefined),
  cycle: z.preprocess(blankToUndefined, cycleNumber.optional()).catch(undefined),
  /**
   * Words to find in the comment texts. Matched only against comments the viewer may already read
   * (comments.server.ts), so a search can never tell anything about withheld groups.
   */
  q: z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(
        commentSearchMaxLength,
        message('insights:comments.errors.searchTooLong', { max: commentSearchMaxLength }),
      )
      .transform((text) => text.trim())
      .optional(),
  ),
  /** Null when the address holds a page number that makes no sense; the page then says so. */
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(1).max(10_000).default(1).nullable().catch(null),
  ),
});
export type CommentFilterInput = z.infer<typeof commentFiltersSchema>;

export const replyFormSchema = z.object({
  intent: z.literal('reply', {
    errorMap: () => ({ message: 'insights:reply.errors.chooseIntent' }),
  }),
  ref: z.string({ required_error: 'insights:reply.errors.chooseComment' }).min(1).max(1000),
  text: z
    .string({ required_error: 'insights:reply.errors.write' })
    .trim()
    .min(1, 'insights:reply.errors.write')
    .max(replyMaxLength, message('insights:reply.errors.tooLong', { max: replyMaxLength })),
});
export type ReplyForm = z.infer<typeof replyFormSchema>;
