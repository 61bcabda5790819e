import { z } from 'zod';
import { displayName, email, language, password, role } from '../../http/route-schema.ts';

export const meSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    language,
    workspaces: z.array(
      z.object({
        id: z.string(),
        slug: z.string(),
        name: z.string(),
        gemeentecode: z.string(),
        role,
      }),
    ),
    csrfToken: z.string().optional().describe('Send as X-CSRF-Token on state-changing requests'),
  })
  .describe('The signed-in user');

export const loginBody = z.strictObject({
  email: email.describe('Email address of the account'),
  password: password.min(1).describe('Password'),
});

export const resetRequestBody = z.strictObject({
  email: email.describe('Email address of the account'),
});

export const resetBody = z.strictObject({
  token: z.string().min(10).max(200).describe('Token from the reset email'),
  password: password.describe('New password (at least 12 characters, not a common one)'),
});

export const updateMeBody = z
  .strictObject({
    displayName: displayName.optional().describe('Name shown to others'),
    language: language.optional().describe('Preferred language of the interface and emails'),
  })
  .refine((b) => b.displayName !== undefined || b.language !== undefined, {
    message: 'Give displayName or language',
  });

export const changePasswordBody = z.strictObject({
  currentPassword: password.min(1).describe('The current password'),
  newPassword: password.describe('The new password'),
});

export const sessionsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      current: z.boolean(),
    }),
  ),
});

export { displayName };
