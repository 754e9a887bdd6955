import { z } from 'zod';

/** The form that asks for printable links: everyone invited, or chosen departments. */
export const printableLinksForm = z
  .object({
    scope: z.enum(['all', 'departments']).catch('departments'),
    departmentIds: z
      .array(z.string().regex(/^[a-f\d]{24}$/i, 'surveys:errors.chooseDepartmentsFromList'))
      .default([]),
  })
  .superRefine((form, context) => {
    if (form.scope === 'departments' && form.departmentIds.length === 0) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['departmentIds'],
        message: 'surveys:errors.chooseLinkDepartments',
      });
    }
  });
export type PrintableLinksForm = z.infer<typeof printableLinksForm>;
