import { z } from 'zod';
import { actorKinds, supportTypes, urgencies, visibilities } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';
import {
  dateOut,
  idList,
  isoDate,
  longText,
  nullableDate,
  nullableDateOut,
  text,
} from '../activities/schema.ts';

// Offers (steunaanbod) and needs (hulpvragen). Shape and format are checked here; ranges, date
// order and references to other records by the services, so one 400 lists every such error.

export const supportType = z
  .enum(supportTypes)
  .describe(
    'money (geld, euro cents), space (ruimte), staff_hours (uren), coaching, backoffice, material (materiaal), network (netwerk)',
  );
export const unit = z
  .enum(['cents', 'hours', 'units'])
  .describe('Unit of the amounts: cents for money, hours for staff_hours and coaching');
/** Whole numbers only (never floats); the service checks the range so all errors come at once. */
export const perMonth = z
  .number()
  .int()
  .meta({ minimum: 1, maximum: 2_000_000_000 })
  .describe('Whole number per month in the unit of the type (euro cents for money, hours)');
const visibility = z
  .enum(visibilities)
  .describe('private (default: coordinators and the carrier concerned), workspace or public');

export const offerParams = workspaceParams.extend({ offerId: uuid.describe('Offer id') });
export const needParams = workspaceParams.extend({ needId: uuid.describe('Need id') });

const offerFields = {
  providerId: uuid.describe('The institution: an organisation of the workspace'),
  type: supportType,
  title: text(200),
  capacityPerMonth: perMonth.describe('Capacity per month (cents for money, hours for hours)'),
  startDate: isoDate,
  endDate: nullableDate.optional().describe('YYYY-MM-DD, not before startDate; omit: open-ended'),
  conditions: longText.nullable().optional().describe('Conditions, as text'),
  areaIds: idList.describe('Eligible areas of the workspace (none: everywhere)'),
  domainIds: idList.describe('Eligible domains (none: any)'),
  targetGroupIds: idList.describe('Eligible target groups (none: any)'),
  personsEligible: z.boolean().describe('Whether carriers (persons) may receive it'),
  visibility: visibility.optional(),
};

export const offerCreateBody = z.strictObject(offerFields);
export const offerUpdateBody = z.strictObject(
  Object.fromEntries(
    Object.entries(offerFields)
      .filter(([k]) => k !== 'providerId' && k !== 'type')
      .map(([k, v]) => [k, v.optional()]),
  ) as {
    [K in Exclude<keyof typeof offerFields, 'providerId' | 'type'>]: z.ZodOptional<
      (typeof offerFields)[K]
    >;
  },
);

const needFields = {
  requesterId: uuid.describe('A carrier (person) or a small organisation of the workspace'),
  type: supportType,
  description: text(5000).describe('What is needed; stored as text, shown escaped'),
  amountPerMonth: perMonth.describe('Amount asked per month (cents for money, hours for hours)'),
  startDate: isoDate,
  endDate: nullableDate.optional().describe('YYYY-MM-DD, not before startDate; omit: open-ended'),
  urgency: z.enum(urgencies).describe('low, normal or high'),
  areaId: uuid.describe('The area of the workspace the need is in'),
  domainIds: idList.describe('Domains of the need'),
  targetGroupIds: idList.describe('Target groups of the need'),
  visibility: visibility.optional(),
};

export const needCreateBody = z.strictObject(needFields);
export const needUpdateBody = z.strictObject({
  description: needFields.description.optional(),
  amountPerMonth: needFields.amountPerMonth.optional(),
  startDate: isoDate.optional(),
  endDate: nullableDate.optional(),
  urgency: needFields.urgency.optional(),
  areaId: uuid.optional(),
  domainIds: idList.optional(),
  targetGroupIds: idList.optional(),
  visibility: visibility.optional(),
  status: z.enum(['open', 'closed']).optional().describe('closed: no longer looking'),
});

export const offerListQuery = pageQuery.extend({
  type: supportType.optional(),
  providerId: uuid.optional().describe('Only offers of this institution'),
  areaId: uuid.optional().describe('Only offers eligible in this area (or everywhere)'),
  domainId: uuid.optional().describe('Only offers eligible for this domain (or any)'),
  activeOn: isoDate.optional().describe('Only offers running on this day'),
});

export const needListQuery = pageQuery.extend({
  type: supportType.optional(),
  requesterId: uuid.optional().describe('Only needs of this carrier or organisation'),
  areaId: uuid.optional(),
  urgency: z.enum(urgencies).optional(),
  status: z.enum(['open', 'closed']).optional(),
  mine: z.enum(['true', 'false']).optional().describe('true: only needs of the caller’s carrier'),
});

export const offerSchema = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  type: supportType,
  unit,
  title: z.string(),
  capacityPerMonth: z.number().int(),
  startDate: dateOut,
  endDate: nullableDateOut.describe('null: open-ended'),
  conditions: z.string().nullable(),
  areaIds: z.array(z.string()),
  domainIds: z.array(z.string()),
  targetGroupIds: z.array(z.string()),
  personsEligible: z.boolean(),
  visibility,
  canEdit: z.boolean().describe('Whether the caller may change it and accept for it'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const needSchema = z.object({
  id: z.string(),
  requesterId: z.string(),
  requesterName: z.string(),
  requesterKind: z.enum(actorKinds),
  type: supportType,
  unit,
  description: z.string(),
  amountPerMonth: z.number().int(),
  startDate: dateOut,
  endDate: nullableDateOut.describe('null: open-ended'),
  urgency: z.enum(urgencies),
  areaId: z.string(),
  domainIds: z.array(z.string()),
  targetGroupIds: z.array(z.string()),
  status: z.enum(['open', 'closed']),
  visibility,
  canEdit: z.boolean().describe('Whether the caller may change it and accept for it'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export type OfferCreate = z.infer<typeof offerCreateBody>;
export type OfferUpdate = z.infer<typeof offerUpdateBody>;
export type NeedCreate = z.infer<typeof needCreateBody>;
export type NeedUpdate = z.infer<typeof needUpdateBody>;
export type OfferListQuery = z.infer<typeof offerListQuery>;
export type NeedListQuery = z.infer<typeof needListQuery>;
export type Offer = z.infer<typeof offerSchema>;
export type Need = z.infer<typeof needSchema>;
