import { z } from 'zod';
import { actorKinds, visibilities } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';

// Fields shared by activities, initiatives and achievements. Shape and format are checked here;
// ranges, date order and references to other records are checked by the services, so one 400
// lists every such error at once (checks.ts).

export const isoDate = z.iso.date().describe('Date, YYYY-MM-DD');
/** A date that may be null (meaning open or unknown); `format` stays visible to API linters. */
export const nullableDate = isoDate.nullable().meta({ format: 'date' });
/** Dates in answers. */
export const dateOut = z.string().meta({ format: 'date' }).describe('YYYY-MM-DD');
export const nullableDateOut = z.string().nullable().meta({ format: 'date' });
export const idList = z.array(uuid).max(200);
export const text = (max: number) => z.string().trim().min(1).max(max);
export const longText = z.string().trim().max(5000);

export const linkFields = {
  areaIds: idList.describe('Areas (gemeente, wijken, buurten) of the workspace'),
  domainIds: idList.describe('Taxonomy terms of kind domain'),
  targetGroupIds: idList.describe('Taxonomy terms of kind target_group'),
};

export const hoursPerWeek = z
  .number()
  .meta({ minimum: 0, maximum: 168 })
  .describe('Hours per week spent on it, 0–168');

export const activitySchema = z.object({
  id: z.string(),
  actorId: z.string().describe('The carrier or organisation doing it'),
  actorName: z.string(),
  actorKind: z.enum(actorKinds),
  initiativeId: z.string().nullable().describe('The initiative it belongs to, when visible'),
  initiativeName: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  areaIds: z.array(z.string()),
  domainIds: z.array(z.string()),
  targetGroupIds: z.array(z.string()),
  startDate: dateOut,
  endDate: nullableDateOut.describe('YYYY-MM-DD; null while ongoing'),
  hoursPerWeek: z.number().nullable(),
  visibility: z.enum(visibilities).describe("The actor's visibility, which the activity takes"),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const activityDetailSchema = activitySchema.extend({
  canEdit: z.boolean().describe('Whether the caller may change or delete it'),
});

export const activityListQuery = pageQuery.extend({
  actorId: uuid.optional().describe('Only activities of this actor'),
  initiativeId: uuid.optional().describe('Only activities within this initiative'),
});

export const activityParams = workspaceParams.extend({ activityId: uuid.describe('Activity id') });

export const activityCreateBody = z.strictObject({
  actorId: uuid.describe('The carrier or organisation doing it'),
  initiativeId: uuid.nullable().optional().describe('The initiative it belongs to'),
  title: text(200),
  description: longText.nullable().optional(),
  ...linkFields,
  startDate: isoDate,
  endDate: nullableDate.optional().describe('YYYY-MM-DD, not before startDate; omit while ongoing'),
  hoursPerWeek: hoursPerWeek.nullable().optional(),
});

export const activityUpdateBody = z.strictObject({
  actorId: uuid.optional().describe('Move the activity to another actor'),
  initiativeId: uuid.nullable().optional().describe('null detaches it from its initiative'),
  title: text(200).optional(),
  description: longText.nullable().optional(),
  areaIds: linkFields.areaIds.optional(),
  domainIds: linkFields.domainIds.optional(),
  targetGroupIds: linkFields.targetGroupIds.optional(),
  startDate: isoDate.optional(),
  endDate: nullableDate.optional().describe('null makes it ongoing'),
  hoursPerWeek: hoursPerWeek.nullable().optional(),
});

export type ActivityCreate = z.infer<typeof activityCreateBody>;
export type ActivityUpdate = z.infer<typeof activityUpdateBody>;
export type ActivityDto = z.infer<typeof activitySchema>;
