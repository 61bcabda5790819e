import { z } from 'zod';
import { taxonomyKinds } from '../../db/types.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';

export const taxonomyKind = z.enum(taxonomyKinds).describe('domain or target_group');

const label = z.string().trim().min(1).max(200);

export const termSchema = z.object({
  id: z.string(),
  kind: taxonomyKind,
  slug: z.string().describe('Generated from labelNl; unique per kind in the workspace'),
  labelNl: z.string().describe('Dutch label (shown in the UI)'),
  labelEn: z.string().describe('English label'),
  description: z.string().nullable(),
  position: z.number().int().describe('Display order within the kind, ascending'),
  archived: z.boolean().describe('Archived terms stay on existing records but are not offered'),
  archivedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});

export const termListSchema = z.object({ items: z.array(termSchema) });

export const termListQuery = z.strictObject({
  kind: taxonomyKind.optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .describe('Also list archived terms (default false)'),
});

export const termParams = workspaceParams.extend({ termId: uuid.describe('Term id') });

export const termCreateBody = z.strictObject({
  kind: taxonomyKind,
  labelNl: label.describe('Dutch label; the slug is generated from it'),
  labelEn: label.describe('English label'),
  description: z.string().trim().max(2000).nullable().optional(),
  position: z
    .number()
    .int()
    .min(0)
    .max(100000)
    .optional()
    .describe('Display order; defaults to after the last term of the kind'),
});

export const termUpdateBody = z.strictObject({
  labelNl: label.optional().describe('New Dutch label; the slug follows it'),
  labelEn: label.optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  position: z.number().int().min(0).max(100000).optional(),
  archived: z.boolean().optional().describe('true archives the term, false restores it'),
});

export type TermCreate = z.infer<typeof termCreateBody>;
export type TermUpdate = z.infer<typeof termUpdateBody>;
