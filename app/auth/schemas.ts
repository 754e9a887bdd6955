import { z } from 'zod';

// The forms of signing in, resetting a password and setting up the first HR admin. Messages
// are shown beside the field, so they speak to the person filling it in; they are keys of the
// staff words (see ~/utils/message), shown in the reader's language.

const email = z
  .string({ required_error: 'staff:errors.emailMissing' })
  .trim()
  .min(1, 'staff:errors.emailMissing')
  .max(254, 'staff:errors.emailTooLong')
  .email('staff:errors.emailInvalid');

/** A password being chosen: long enough to resist guessing, short enough to hash quickly. */
const newPassword = z
  .string({ required_error: 'staff:errors.passwordChoose' })
  .min(10, 'staff:errors.passwordShort')
  .max(200, 'staff:errors.passwordLong');

export const loginSchema = z.object({
  email,
  // Any length is checked against the hash, up to a bound that keeps hashing cheap.
  password: z
    .string({ required_error: 'staff:errors.passwordMissing' })
    .min(1, 'staff:errors.passwordMissing')
    .max(200, 'staff:errors.passwordTooLong'),
  redirectTo: z.string().max(2000).optional(),
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({
    password: newPassword,
    confirmPassword: z.string({ required_error: 'staff:errors.passwordAgain' }),
  })
  .refine((form) => form.password === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'staff:errors.passwordsDiffer',
  });

/** The first HR admin, from the /setup page or `npm run create-admin`. */
export const firstAdminSchema = z.object({
  name: z
    .string({ required_error: 'staff:errors.nameMissing' })
    .trim()
    .min(1, 'staff:errors.nameMissing')
    .max(200, 'staff:errors.nameTooLong'),
  email,
  password: newPassword,
});

export type FirstAdmin = z.infer<typeof firstAdminSchema>;

export const setupSchema = firstAdminSchema
  .extend({ confirmPassword: z.string({ required_error: 'staff:errors.passwordAgain' }) })
  .refine((form) => form.password === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'staff:errors.passwordsDiffer',
  });
