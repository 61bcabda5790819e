import { z } from 'zod';
import { problemSchema } from './problem.ts';

/** Standard error responses, so every operation documents its problem+json answers. */
export function problems(...statuses: number[]) {
  const all = [...new Set([400, 401, 403, 404, 500, ...statuses])].sort();
  return Object.fromEntries(all.map((s) => [s, problemSchema])) as Record<
    number,
    typeof problemSchema
  >;
}

export const noContent = z.null().describe('No content');

export const isoDateTime = z.string().describe('ISO 8601 UTC timestamp');
export const uuid = z.uuid();
export const email = z
  .email({ error: 'Must be a valid email address' })
  .max(254)
  .transform((s) => s.toLowerCase());
export const displayName = z.string().trim().min(1).max(200);
export const language = z.enum(['nl', 'en']);
export const role = z.enum(['admin', 'coordinator', 'member', 'policy_officer', 'researcher']);
export const password = z.string().max(200);

export const workspaceParams = z.strictObject({
  workspaceSlug: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .describe('Workspace slug'),
});
