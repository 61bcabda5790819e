import { z } from 'zod';
import { fundingInstruments, fundingRecipientTypes, visibilities } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';
import { dateOut, idList, isoDate, text } from '../activities/schema.ts';
import { csvQuery } from '../exchange/schema.ts';

// Funding flows (geldstromen). Shape and format are checked here; ranges, date order and
// references to records of the workspace by the service (checks.ts), so one 400 lists every such
// error at once. Money is integer euro cents: a fraction of a cent is refused, never rounded.

/** The largest amount a JSON number carries exactly (€ 90 trillion): far above any real flow. */
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;
/** Reporting hours and reports over one flow's whole period. */
export const MAX_BURDEN = 1_000_000;

export const instrument = z
  .enum(fundingInstruments)
  .describe(
    'project_grant (projectsubsidie), core_funding (structurele/kernfinanciering), in_kind (in natura), procurement (aanbesteding), budget_voucher (budget/voucher), right_to_challenge',
  );
const visibility = z
  .enum(visibilities)
  .describe('private (default: coordinators and the recipient carrier), workspace or public');
export const recipientKinds = ['person', 'small', 'large', 'initiative', 'alliance'] as const;
const recipientKind = z
  .enum(recipientKinds)
  .describe('person (a carrier), small or large organisation, initiative, alliance');

export const flowParams = workspaceParams.extend({ flowId: uuid.describe('Funding flow id') });

const cents = z
  .number()
  .int()
  .meta({ minimum: 1, maximum: MAX_CENTS })
  .describe('Amount over the whole period in euro cents, a whole number (€ 1.250,00 is 125000)');
const burden = (what: string) =>
  z.number().int().meta({ minimum: 0, maximum: MAX_BURDEN }).describe(what);

const flowFields = {
  funderId: uuid.describe('The funder: an organisation of the workspace'),
  recipientType: z
    .enum(fundingRecipientTypes)
    .describe('actor (a carrier or an organisation), initiative or alliance'),
  recipientId: uuid.describe('The receiving actor, initiative or alliance of the workspace'),
  initiativeId: uuid
    .nullable()
    .optional()
    .describe('The initiative the money is for (implied when the recipient is an initiative)'),
  title: text(200).nullable().optional().describe('A short name, e.g. the grant decision'),
  amountCents: cents,
  startDate: isoDate,
  endDate: isoDate.describe('YYYY-MM-DD, not before startDate'),
  instrument,
  reportingHours: burden('Hours of reporting the funder asks over the whole period').optional(),
  reports: burden('Number of reports the funder asks over the whole period').optional(),
  areaIds: idList.optional().describe('Areas (gemeente, wijken, buurten) the money is for'),
  domainIds: idList.optional().describe('Domains (taxonomy terms of kind domain)'),
  visibility: visibility.optional(),
};

export const flowCreateBody = z.strictObject(flowFields);
export const flowUpdateBody = z.strictObject(
  Object.fromEntries(Object.entries(flowFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof flowFields]: z.ZodOptional<(typeof flowFields)[K]>;
  },
);

export const flowListQuery = pageQuery.extend({
  funderId: uuid.optional().describe('Only flows of this funder'),
  recipientId: uuid.optional().describe('Only flows to this actor, initiative or alliance'),
  initiativeId: uuid.optional().describe('Only flows for this initiative'),
  instrument: instrument.optional(),
  areaId: uuid.optional().describe('Only flows for this area or one of its sub-areas'),
  activeOn: isoDate.optional().describe('Only flows whose period includes this day'),
});

export const flowSchema = z.object({
  id: z.string(),
  funderId: z.string(),
  funderName: z
    .string()
    .nullable()
    .describe('null when the caller may not see the funder’s record'),
  recipientType: z.enum(fundingRecipientTypes),
  recipientId: z.string(),
  recipientName: z
    .string()
    .nullable()
    .describe('null when the caller may not see the recipient’s record'),
  recipientKind,
  initiativeId: z.string().nullable(),
  initiativeName: z.string().nullable().describe('null when none, or not visible to the caller'),
  title: z.string().nullable(),
  amountCents: z.number().int().describe('Euro cents over the whole period'),
  startDate: dateOut,
  endDate: dateOut,
  durationDays: z.number().int().describe('endDate − startDate + 1'),
  instrument,
  reportingHours: z.number().int(),
  reports: z.number().int(),
  areaIds: z.array(z.string()),
  domainIds: z.array(z.string()),
  visibility,
  canEdit: z.boolean().describe('Whether the caller may change and delete it'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const dashboardQuery = z.strictObject({
  areaId: uuid.optional().describe('Only flows for this area or one of its sub-areas'),
});

export const exportQuery = csvQuery.extend({
  areaId: uuid.optional().describe('Only flows for this area or one of its sub-areas'),
});

const money = z.string().regex(/^\d+$/).nullable().describe('Euro cents as a decimal string');
const share = z.number().nullable().describe('0–1; null when suppressed or nothing was funded');
const perEuro = {
  hoursPer1000Euro: z.number().nullable().describe('Reporting hours per € 1.000'),
  reportsPer10000Euro: z.number().nullable().describe('Reports per € 10.000'),
};
const suppression = {
  suppressed: z.boolean().describe('Fewer than 5 recipients, or hidden to protect such a cell'),
  reason: z.enum(['primary', 'secondary']).nullable(),
};

export const dashboardSchema = z.object({
  threshold: z.number().int().describe('Figures resting on fewer recipients are suppressed'),
  areaId: z.string().nullable(),
  suppressed: z.boolean().describe('The selection has fewer recipients than the threshold'),
  recipients: z.number().int().nullable(),
  flows: z.number().int().nullable(),
  totalCents: money,
  shareToCarriers: share.describe('Share of the money to carriers (persons)'),
  shareCore: share.describe('Share through core_funding'),
  shareProject: share.describe('Share through project_grant'),
  medianDurationDays: z.number().nullable().describe('Median of the flows’ durations'),
  reportingHours: z.number().int().nullable(),
  reports: z.number().int().nullable(),
  ...perEuro,
  byInstrument: z.array(
    z.object({
      instrument,
      recipients: z.number().int().nullable(),
      flows: z.number().int().nullable(),
      cents: money,
      share,
      medianDurationDays: z.number().nullable(),
      ...perEuro,
      ...suppression,
    }),
  ),
  byRecipientKind: z.array(
    z.object({
      kind: recipientKind,
      recipients: z.number().int().nullable(),
      flows: z.number().int().nullable(),
      cents: money,
      share,
      ...suppression,
    }),
  ),
  fragmentation: z.object({
    meanInstruments: z
      .number()
      .nullable()
      .describe('Distinct instruments per recipient, mean (null when a cell is suppressed)'),
    distribution: z.array(
      z.object({
        instruments: z.number().int().describe('Number of distinct instruments'),
        recipients: z.number().int().nullable(),
        ...suppression,
      }),
    ),
  }),
});

export type FlowCreate = z.infer<typeof flowCreateBody>;
export type FlowUpdate = z.infer<typeof flowUpdateBody>;
export type FlowListQuery = z.infer<typeof flowListQuery>;
export type Flow = z.infer<typeof flowSchema>;
export type RecipientKind = (typeof recipientKinds)[number];
export type FundingDashboard = z.infer<typeof dashboardSchema>;
