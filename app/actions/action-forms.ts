import { z } from 'zod';

import { actionSource, actionStatuses } from './action-rules';

// The input shapes of the action forms and the list's filters, shared by the routes (which read
// forms and addresses) and the server modules (which check again whatever they are given).

const objectId = (message: string) => z.string().regex(/^[a-f\d]{24}$/i, message);

/** A calendar date, YYYY-MM-DD, that exists (no 31 February). */
export const dateText = z
  .string({ required_error: 'Choose a due date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD')
  .refine(
    (value) => {
      // Runs after a failed format check too, so a malformed value must not throw here.
      const date = new Date(`${value}T00:00:00Z`);
      return (
        !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
        (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value))
      );
    },
    { message: 'That date does not exist' },
  );

// A checkbox sends "on" when ticked and nothing when not.
const checkbox = z.preprocess(
  (value) => value === 'on' || value === true || value === 'true',
  z.boolean(),
);

export const actionFields = z.object({
  title: z
    .string({ required_error: 'Give the action a title' })
    .trim()
    .min(1, 'Give the action a title')
    .max(200, 'Keep the title to 200 characters'),
  description: z.string().trim().max(5000, 'Keep the description to 5,000 characters').default(''),
  ownerId: objectId('Choose an owner'),
  dueOn: dateText,
  published: checkbox,
});
export type ActionFields = z.infer<typeof actionFields>;

export const raiseActionInput = actionFields.extend({ source: actionSource });
export type RaiseActionInput = z.input<typeof raiseActionInput>;

export const editActionInput = actionFields;

export const moveActionInput = z
  .object({
    from: z.enum(actionStatuses, { message: 'Reload the page and try again' }),
    to: z.enum(actionStatuses, { message: 'Choose a status' }),
    note: z.string().trim().max(2000, 'Keep the note to 2,000 characters').default(''),
    reason: z.string().trim().max(2000, 'Keep the reason to 2,000 characters').default(''),
  })
  // Deciding not to act on what people said is only fair with the reason written down.
  .superRefine((move, context) => {
    if (move.to === 'wont-do' && move.reason === '') {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'Give the reason it will not be done',
      });
    }
  });

export const updateInput = z.object({
  note: z
    .string({ required_error: 'Write the update' })
    .trim()
    .min(1, 'Write the update')
    .max(2000, 'Keep the update to 2,000 characters'),
});

/** The forms of an action's page, told apart by their `intent`. */
export const actionIntents = ['edit', 'move', 'update'] as const;
export const actionIntent = z.object({
  intent: z.enum(actionIntents, { message: 'Unknown form: reload the page and try again' }),
});

export const dueWindows = ['all', 'overdue', 'week'] as const;
export type DueWindow = (typeof dueWindows)[number];

export const dueWindowLabels: Record<DueWindow, string> = {
  all: 'Any due date',
  overdue: 'Overdue',
  week: 'Due within 7 days',
};

// An empty choice in the filter form means "any".
const anyOr = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const listFilters = z.object({
  status: anyOr(z.enum(actionStatuses, { message: 'Unknown status' })),
  owner: anyOr(objectId('Unknown owner')),
  department: anyOr(objectId('Unknown department')),
  due: anyOr(z.enum(dueWindows, { message: 'Unknown due date filter' })).transform(
    (value) => value ?? 'all',
  ),
});
export type ListFilters = z.infer<typeof listFilters>;
