import { z } from 'zod';
import { actorKinds, initiativeStatuses, participantRoles, visibilities } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';
import {
  activitySchema,
  linkFields,
  longText,
  nullableDate,
  nullableDateOut,
  text,
} from '../activities/schema.ts';
import { achievementSchema } from './achievements-schema.ts';

export const initiativeStatus = z.enum(initiativeStatuses).describe('planned, active or ended');
export const participantRole = z
  .enum(participantRoles)
  .describe('carrier (carries the initiative) or partner');

/** What the list and the detail share. */
const initiativeBase = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: initiativeStatus,
  startDate: nullableDateOut.describe('YYYY-MM-DD'),
  endDate: nullableDateOut.describe('YYYY-MM-DD'),
  visibility: z.enum(visibilities),
  areaIds: z.array(z.string()),
  domainIds: z.array(z.string()),
  targetGroupIds: z.array(z.string()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const carrierRefSchema = z.object({
  actorId: z.string(),
  name: z.string(),
});

/** A list item: the initiative with the names of its carriers, so a list needs no detail calls. */
export const initiativeSchema = initiativeBase.extend({
  carriers: z
    .array(carrierRefSchema)
    .describe('Its carriers (role carrier) that the caller may see, by name'),
});

export const participantSchema = z.object({
  actorId: z.string(),
  name: z.string(),
  kind: z.enum(actorKinds),
  role: participantRole,
  startDate: nullableDateOut,
  endDate: nullableDateOut,
});

export const initiativeDetailSchema = initiativeBase.extend({
  participants: z
    .array(participantSchema)
    .describe('Carriers and partners the caller may see, carriers first'),
  activities: z.array(activitySchema).describe('Activities within it that the caller may see'),
  achievements: z.array(achievementSchema).describe('Its results and recognitions'),
  canEdit: z.boolean().describe('Whether the caller may change or delete it'),
});

export const initiativeListQuery = pageQuery.extend({ status: initiativeStatus.optional() });

export const initiativeParams = workspaceParams.extend({
  initiativeId: uuid.describe('Initiative id'),
});

const participantInput = z.strictObject({
  actorId: uuid,
  role: participantRole,
  startDate: nullableDate.optional().describe('When this actor joined, if not from the start'),
  endDate: nullableDate.optional().describe('When this actor left, if before the end'),
});

const participants = z
  .array(participantInput)
  .max(200)
  .describe(
    'Replaces the list. Coordinators may list anyone; other members must list their own carrier as a carrier. Participants the caller cannot see are kept.',
  );

export const initiativeCreateBody = z.strictObject({
  name: text(200),
  description: longText.nullable().optional(),
  status: initiativeStatus,
  startDate: nullableDate.optional(),
  endDate: nullableDate.optional().describe('Not before startDate'),
  visibility: z.enum(visibilities).optional().describe('Default workspace'),
  ...linkFields,
  participants,
});

export const initiativeUpdateBody = z.strictObject({
  name: text(200).optional(),
  description: longText.nullable().optional(),
  status: initiativeStatus.optional(),
  startDate: nullableDate.optional(),
  endDate: nullableDate.optional(),
  visibility: z.enum(visibilities).optional(),
  areaIds: linkFields.areaIds.optional(),
  domainIds: linkFields.domainIds.optional(),
  targetGroupIds: linkFields.targetGroupIds.optional(),
  participants: participants.optional(),
});

export type InitiativeCreate = z.infer<typeof initiativeCreateBody>;
export type InitiativeUpdate = z.infer<typeof initiativeUpdateBody>;
export type ParticipantInput = z.infer<typeof participantInput>;
