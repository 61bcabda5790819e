import { z } from 'zod';
import {
  commitmentRecipientTypes,
  commitmentStatuses,
  matchStatuses,
  renewalTerms,
} from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';
import { dateOut, isoDate, longText, nullableDate, nullableDateOut } from '../activities/schema.ts';
import { needSchema, offerSchema, perMonth, supportType, unit } from './schema.ts';

// Suggestions, proposed matches and commitments (toezeggingen).

const reasonSchema = z.object({
  code: z.enum([
    'CAPACITY_COVERAGE',
    'PERIOD_COVERAGE',
    'AREA_FIT',
    'DOMAIN_FIT',
    'TARGET_GROUP_FIT',
    'URGENCY',
    'TRUST',
  ]),
  value: z.number().describe('Value of the criterion, 0–1'),
  weight: z.number().describe('Weight of the criterion (the weights sum to 1)'),
  points: z.number().describe('100 × weight × value: its part of the score'),
});

const factsSchema = z.object({
  requestedPerMonth: z.number().int(),
  remainingPerMonth: z.number().int().describe('Capacity left during the overlap'),
  overlapDays: z.number().int(),
  needDays: z.number().int().describe('Days of the need scored (open ends: one year)'),
  areaRelation: z.enum(['same', 'need_inside_offer', 'offer_inside_need', 'anywhere']),
  sharedDomains: z.number().int(),
  sharedTargetGroups: z.number().int(),
  trust: z.number(),
});

const suggestionFields = {
  score: z.number().describe('0–100; higher is better'),
  reasons: z.array(reasonSchema).describe('Why: each criterion’s contribution'),
  facts: factsSchema,
};

export const offerSuggestionSchema = z.object({ ...suggestionFields, offer: offerSchema });
export const needSuggestionSchema = z.object({ ...suggestionFields, need: needSchema });
export const suggestionsOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item).describe('Best first (score, then id)'),
    trustKnown: z
      .boolean()
      .describe(
        'false: the workspace records no ties, so trust counts 0 for everyone; true: trust comes from current ties (see TRUST)',
      ),
  });

export const suggestionQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('At most this many'),
});

export const matchParams = workspaceParams.extend({ matchId: uuid.describe('Match id') });
export const commitmentParams = workspaceParams.extend({
  commitmentId: uuid.describe('Commitment id'),
});

export const renewal = z
  .enum(renewalTerms)
  .describe('After the end: none, on_request (ask again) or automatic');

export const matchCreateBody = z.strictObject({
  offerId: uuid,
  needId: uuid,
  amountPerMonth: perMonth.optional().describe('Default: what the need asks for'),
  startDate: isoDate.optional().describe('Default: the later start of offer and need'),
  endDate: nullableDate
    .optional()
    .describe('Default: the earlier end of offer and need; null: open-ended'),
  renewal: renewal.optional().describe('Default: none'),
  renewalNote: longText.nullable().optional().describe('Renewal terms, as text'),
});

export const acceptBody = z.strictObject({
  side: z
    .enum(['provider', 'recipient'])
    .describe('provider: for the offering organisation; recipient: for the need’s requester'),
});

export const matchListQuery = pageQuery.extend({
  status: z.enum(matchStatuses).optional(),
  offerId: uuid.optional(),
  needId: uuid.optional(),
});

export const commitmentListQuery = pageQuery.extend({
  status: z.enum(commitmentStatuses).optional(),
  offerId: uuid.optional(),
  recipientId: uuid.optional().describe('Only commitments to this carrier or organisation'),
  recipientType: z
    .enum(commitmentRecipientTypes)
    .optional()
    .describe('Only this kind of recipient'),
  recipientInitiativeId: uuid.optional().describe('Only commitments to this initiative'),
  recipientAllianceId: uuid.optional().describe('Only commitments to this alliance'),
});

const termsFields = {
  amountPerMonth: z.number().int(),
  startDate: dateOut,
  endDate: nullableDateOut.describe('null: open-ended'),
  renewal,
  renewalNote: z.string().nullable(),
};

export const matchSchema = z.object({
  id: z.string(),
  offerId: z.string(),
  needId: z.string(),
  providerId: z.string(),
  recipientId: z.string(),
  type: supportType,
  unit,
  ...termsFields,
  status: z.enum(matchStatuses),
  providerAcceptedAt: isoDateTime.nullable(),
  recipientAcceptedAt: isoDateTime.nullable(),
  commitmentId: z.string().nullable().describe('Once both sides accepted'),
  canAcceptFor: z
    .array(z.enum(['provider', 'recipient']))
    .describe('Sides the caller may accept for'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const commitmentSchema = z.object({
  id: z.string(),
  matchId: z.string().nullable(),
  offerId: z.string(),
  needId: z.string().nullable(),
  providerId: z.string(),
  providerName: z.string(),
  recipientType: z
    .enum(commitmentRecipientTypes)
    .describe('actor (a carrier or organisation), initiative or alliance'),
  recipientId: z.string().nullable().describe('The receiving actor; null for the other kinds'),
  recipientInitiativeId: z.string().nullable().describe('The receiving initiative, if that kind'),
  recipientAllianceId: z.string().nullable().describe('The receiving alliance, if that kind'),
  recipientName: z.string(),
  type: supportType,
  unit,
  ...termsFields,
  renewedFromId: z.string().nullable(),
  status: z.enum(commitmentStatuses),
  endedAt: isoDateTime.nullable().describe('When it was ended early or cancelled'),
  endReason: z.string().nullable().describe('Why it was ended early or cancelled'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export type MatchCreate = z.infer<typeof matchCreateBody>;
export type MatchListQuery = z.infer<typeof matchListQuery>;
export type CommitmentListQuery = z.infer<typeof commitmentListQuery>;
export type MatchOut = z.infer<typeof matchSchema>;
export type CommitmentOut = z.infer<typeof commitmentSchema>;
