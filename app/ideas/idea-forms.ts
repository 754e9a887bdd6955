import { z } from 'zod';

import { ideaKinds, ideaStatuses } from '../../models/vocabulary';
import { dateText } from '../actions/action-forms';

// The input shapes of the ideas forms: the employee's idea, and the staff page's reply, status
// and action forms (told apart by `intent`). Messages are `ideas:` keys in six languages.

/** What a sender may write: long enough to say something, short enough to read in a batch. */
export const ideaTextBounds = { min: 10, max: 2000 } as const;

export const sendIdeaInput = z.object({
  kind: z.enum(ideaKinds, { message: 'ideas:errors.chooseKind' }),
  text: z
    .string({ required_error: 'ideas:errors.textRequired' })
    .trim()
    .min(1, 'ideas:errors.textRequired')
    .min(ideaTextBounds.min, 'ideas:errors.textTooShort')
    .max(ideaTextBounds.max, 'ideas:errors.textTooLong'),
});
export type SendIdeaInput = z.infer<typeof sendIdeaInput>;

export const ideaIntent = z.object({
  intent: z.enum(['reply', 'status', 'action'], { message: 'ideas:errors.unknownForm' }),
});

export const replyInput = z.object({
  text: z
    .string({ required_error: 'ideas:errors.replyRequired' })
    .trim()
    .min(1, 'ideas:errors.replyRequired')
    .max(2000, 'ideas:errors.replyTooLong'),
});

export const statusInput = z
  .object({
    status: z.enum(ideaStatuses, { message: 'ideas:errors.chooseStatus' }),
    reason: z.string().trim().max(2000, 'ideas:errors.reasonTooLong').default(''),
  })
  // Saying no to what someone took the trouble to send is only fair with the reason written down.
  .superRefine((input, context) => {
    if (input.status === 'not-doing' && input.reason === '') {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'ideas:errors.reasonRequired',
      });
    }
  });

const checkbox = z.preprocess(
  (value) => value === 'on' || value === true || value === 'true',
  z.boolean(),
);

export const ideaActionInput = z.object({
  title: z
    .string({ required_error: 'ideas:errors.titleRequired' })
    .trim()
    .min(1, 'ideas:errors.titleRequired')
    .max(200, 'ideas:errors.titleTooLong'),
  description: z.string().trim().max(5000, 'ideas:errors.descriptionTooLong').default(''),
  ownerId: z.string().regex(/^[a-f\d]{24}$/i, 'ideas:errors.chooseOwner'),
  dueOn: dateText,
  published: checkbox,
});

export const ideaFilters = z.object({
  status: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(ideaStatuses, { message: 'ideas:errors.chooseStatus' }).optional(),
  ),
  department: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^[a-f\d]{24}$/i, 'ideas:errors.unknownDepartment')
      .optional(),
  ),
});
export type IdeaFilters = z.infer<typeof ideaFilters>;
