import { z } from 'zod';
import { achievementTypes, actorKinds } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';
import { dateOut, idList, isoDate, longText, text } from '../activities/schema.ts';

export const achievementType = z
  .enum(achievementTypes)
  .describe('result (what was achieved), or a recognition: award, press, thanks');

export const creditSchema = z.object({
  actorId: z.string(),
  name: z.string(),
  kind: z.enum(actorKinds),
});

export const achievementSchema = z.object({
  id: z.string(),
  initiativeId: z.string().nullable(),
  initiativeName: z.string().nullable(),
  type: achievementType,
  title: z.string(),
  description: z.string().nullable(),
  occurredOn: dateOut,
  evidence: z.string().nullable().describe('Results: what shows it (a link, a report, a count)'),
  source: z.string().nullable().describe('Recognitions: who gave it (jury, newspaper, residents)'),
  credited: z
    .array(creditSchema)
    .describe('The people and organisations who carried it (those the caller may see)'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const achievementDetailSchema = achievementSchema.extend({
  canEdit: z.boolean().describe('Whether the caller may change or delete it'),
});

export const achievementListQuery = pageQuery.extend({
  initiativeId: uuid.optional().describe('Only results and recognitions of this initiative'),
  actorId: uuid.optional().describe('Only those credited to this actor'),
});

export const achievementParams = workspaceParams.extend({
  achievementId: uuid.describe('Achievement id'),
});

const credited = idList.describe(
  'The actors who carried it, at least one. Coordinators credit anyone; other members must credit their own carrier or be a carrier of the initiative.',
);

export const achievementCreateBody = z.strictObject({
  initiativeId: uuid.nullable().optional().describe('The initiative it belongs to'),
  type: achievementType,
  title: text(200),
  description: longText.nullable().optional(),
  occurredOn: isoDate,
  evidence: longText.nullable().optional(),
  source: text(200).nullable().optional(),
  creditedActorIds: credited,
});

export const achievementUpdateBody = z.strictObject({
  initiativeId: uuid.nullable().optional(),
  type: achievementType.optional(),
  title: text(200).optional(),
  description: longText.nullable().optional(),
  occurredOn: isoDate.optional(),
  evidence: longText.nullable().optional(),
  source: text(200).nullable().optional(),
  creditedActorIds: credited.optional(),
});

export type AchievementCreate = z.infer<typeof achievementCreateBody>;
export type AchievementUpdate = z.infer<typeof achievementUpdateBody>;
export type AchievementDto = z.infer<typeof achievementSchema>;
