import { z } from 'zod';
import { role, uuid, workspaceParams } from '../../http/route-schema.ts';

export const workspaceSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  gemeentecode: z.string().describe('CBS municipality code, e.g. GM0599'),
  role,
});

export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role,
  joinedAt: z.string().describe('ISO 8601 UTC timestamp'),
});

export const memberParams = workspaceParams.extend({ userId: uuid.describe('User id') });
export const changeRoleBody = z.strictObject({ role: role.describe('The new role') });
