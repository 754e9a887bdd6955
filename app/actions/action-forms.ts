import { z } from 'zod';

import { actionStatuses } from '../../models/vocabulary';
import { actionSource } from './action-rules';

// The input shapes of the action forms and the list's filters, shared by the routes (which read
// forms and addresses) and the server modules (which check again whatever they are given).

const objectId = (message: string) => z.string().regex(/^[a-f\d]{24}$/i, message);

/** A calendar date, YYYY-MM-DD, that exists (no 31 February). */
export const dateText = z
  .string({ required_error: 'actions:errors.dueRequired' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'actions:errors.dueFormat')
  .refine(
    (value) => {
      // Runs after a failed format check too, so a malformed value must not throw here.
      const date = new Date(`${value}T00:00:00Z`);
      return (
        !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
        (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value))
      );
    },
    { message: 'actions:errors.dueMissingDay' },
  );

// A checkbox sends "on" when ticked and nothing when not.
const checkbox = z.preprocess(
  (value) => value === 'on' || value === true || value === 'true',
  z.boolean(),
);

const actionFields = z.object({
  title: z
    .string({ required_error: 'actions:errors.titleRequired' })
    .trim()
    .min(1, 'actions:errors.titleRequired')
    .max(200, 'actions:errors.titleTooLong'),
  description: z.string().trim().max(5000, 'actions:errors.descriptionTooLong').default(''),
  ownerId: objectId('actions:errors.chooseOwner'),
  dueOn: dateText,
  published: checkbox,
});
export type ActionFields = z.infer<typeof actionFields>;

export const raiseActionInput = actionFields.extend({ source: actionSource });
export type RaiseActionInput = z.input<typeof raiseActionInput>;

export const editActionInput = actionFields;

export const moveActionInput = z
  .object({
    from: z.enum(actionStatuses, { message: 'actions:errors.reload' }),
    to: z.enum(actionStatuses, { message: 'actions:errors.chooseStatus' }),
    note: z.string().trim().max(2000, 'actions:errors.noteTooLong').default(''),
    reason: z.string().trim().max(2000, 'actions:errors.reasonTooLong').default(''),
  })
  // Deciding not to act on what people said is only fair with the reason written down.
  .superRefine((move, context) => {
    if (move.to === 'wont-do' && move.reason === '') {
      context.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'actions:errors.reasonRequired',
      });
    }
  });

export const updateInput = z.object({
  note: z
    .string({ required_error: 'actions:errors.updateRequired' })
    .trim()
    .min(1, 'actions:errors.updateRequired')
    .max(2000, 'actions:errors.updateTooLong'),
});

/** The forms of an action's page, told apart by their `intent`. */
const actionIntents = ['edit', 'move', 'update'] as const;
export const actionIntent = z.object({
  intent: z.enum(actionIntents, { message: 'actions:errors.unknownForm' }),
});

export const dueWindows = ['all', 'overdue', 'week'] as const;
export type DueWindow = (typeof dueWindows)[number];

// An empty choice in the filter form means "any".
const anyOr = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const listFilters = z.object({
  status: anyOr(z.enum(actionStatuses, { message: 'actions:errors.unknownStatus' })),
  owner: anyOr(objectId('actions:errors.unknownOwner')),
  department: anyOr(objectId('actions:errors.unknownDepartment')),
  due: anyOr(z.enum(dueWindows, { message: 'actions:errors.unknownDue' })).transform(
    (value) => value ?? 'all',
  ),
});
export type ListFilters = z.infer<typeof listFilters>;
