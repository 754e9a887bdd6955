import { z } from 'zod';

// The forms of signing in, resetting a password and setting up the first HR admin. Messages
// are shown beside the field, so they speak to the person filling it in.

const email = z
  .string({ required_error: 'Enter your email address.' })
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .email('Enter an email address like name@example.com.');

/** A password being chosen: long enough to resist guessing, short enough to hash quickly. */
const newPassword = z
  .string({ required_error: 'Choose a password.' })
  .min(10, 'Use at least 10 characters.')
  .max(200, 'Use at most 200 characters.');

export const loginSchema = z.object({
  email,
  // Any length is checked against the hash, up to a bound that keeps hashing cheap.
  password: z
    .string({ required_error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(200, 'That password is too long.'),
  redirectTo: z.string().max(2000).optional(),
});

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({
    password: newPassword,
    confirmPassword: z.string({ required_error: 'Type the password again.' }),
  })
  .refine((form) => form.password === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords differ. Type the same password twice.',
  });

/** The first HR admin, from the /setup page or `npm run create-admin`. */
export const firstAdminSchema = z.object({
  name: z
    .string({ required_error: 'Enter your name.' })
    .trim()
    .min(1, 'Enter your name.')
    .max(200, 'Use at most 200 characters.'),
  email,
  password: newPassword,
});

export type FirstAdmin = z.infer<typeof firstAdminSchema>;

export const setupSchema = firstAdminSchema
  .extend({ confirmPassword: z.string({ required_error: 'Type the password again.' }) })
  .refine((form) => form.password === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords differ. Type the same password twice.',
  });
