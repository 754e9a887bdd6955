import { z } from 'zod';

// The shapes of the thanks forms. The sending form is checked against what exists when it is
// sent (the departments that may be thanked from this board, the known drivers), so its schema is
// made for that moment. Messages are keys in the `thanks` namespace.

export const messageBounds = { min: 3, max: 600 } as const;
export const senderNameMax = 80;

export interface SendContext {
  /** Departments that may be thanked: every live one except the board's own. */
  departmentIds: readonly string[];
  /** The board's department: the sender's own, which cannot be thanked from it. */
  ownDepartmentId: string;
  drivers: readonly string[];
}

export function sendThanksSchema({ departmentIds, ownDepartmentId, drivers }: SendContext) {
  return z
    .object({
      to: z
        .string({ required_error: 'thanks:errors.toMissing' })
        .trim()
        .min(1, 'thanks:errors.toMissing')
        .superRefine((id, context) => {
          if (id === ownDepartmentId) {
            context.addIssue({ code: 'custom', message: 'thanks:errors.toOwn' });
          } else if (!departmentIds.includes(id)) {
            context.addIssue({ code: 'custom', message: 'thanks:errors.toUnknown' });
          }
        }),
      message: z
        .string({ required_error: 'thanks:errors.messageMissing' })
        .trim()
        .min(1, 'thanks:errors.messageMissing')
        .min(messageBounds.min, 'thanks:errors.messageShort')
        .max(messageBounds.max, 'thanks:errors.messageLong'),
      driver: z
        .string()
        .trim()
        .optional()
        .transform((driver) => driver || null)
        .refine((driver) => driver === null || drivers.includes(driver), 'thanks:errors.driver'),
      // "name" to sign it with the name below; anything else sends it anonymously.
      signed: z
        .string()
        .optional()
        .transform((value) => value === 'name'),
      senderName: z
        .string()
        .trim()
        .max(senderNameMax, 'thanks:errors.nameLong')
        .optional()
        .transform((name) => name || null),
    })
    .superRefine((form, context) => {
      if (form.signed && !form.senderName) {
        context.addIssue({
          code: 'custom',
          path: ['senderName'],
          message: 'thanks:errors.nameMissing',
        });
      }
    })
    .transform(({ signed, senderName, ...rest }) => ({
      ...rest,
      // A name typed and then "anonymously" chosen is dropped, not kept.
      senderName: signed ? senderName : null,
    }));
}

export type SendThanksInput = z.output<ReturnType<typeof sendThanksSchema>>;

export const publishForm = z.object({
  intent: z.enum(['publish', 'unpublish'], { message: 'thanks:errors.intent' }),
  thanksId: z
    .string({ required_error: 'thanks:errors.notFound' })
    .regex(/^[0-9a-f-]{36}$/, 'thanks:errors.notFound'),
});

/** The staff page's address: one department of the viewer's, or all of them. */
export const thanksFilters = z.object({
  department: z
    .string()
    .regex(/^[0-9a-f]{24}$/, 'thanks:errors.badDepartment')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
