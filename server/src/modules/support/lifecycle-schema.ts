import { z } from 'zod';
import { commitmentRecipientTypes } from '../../db/types.ts';
import { isoDate, longText, nullableDate } from '../activities/schema.ts';
import { renewal } from './match-schema.ts';
import { perMonth } from './schema.ts';

// Ending, cancelling and renewing a commitment, and its recipient's durability.

export const endingBody = z.strictObject({
  kind: z
    .enum(['end', 'cancel'])
    .describe(
      'end: it stops on endDate (today by default) and counts until then; cancel: withdrawn, it no longer counts for capacity or durability',
    ),
  endDate: isoDate
    .optional()
    .describe('end only: the last day (default today); not after the current end date'),
  reason: z.string().trim().min(1).max(2000).describe('Why it ends (shown to both sides)'),
});

export const renewalBody = z.strictObject({
  startDate: isoDate.optional().describe('Default: the day after the current end date'),
  endDate: nullableDate.describe('The new end date; null: open-ended'),
  amountPerMonth: perMonth.optional().describe('Default: the current amount'),
  renewal: renewal.optional().describe('Default: the current renewal terms'),
  renewalNote: longText.nullable().optional().describe('Renewal terms, as text'),
});

export const durabilitySchema = z.object({
  recipientType: z
    .enum(commitmentRecipientTypes)
    .describe('actor, initiative or alliance: whose support is measured'),
  recipientId: z.string().describe('The actor, initiative or alliance'),
  asOf: z.string().describe('The clock date the measures are taken on, YYYY-MM-DD'),
  commitments: z.number().int().describe('Commitments of the recipient (not cancelled)'),
  totalSupportedDays: z.number().int().describe('Distinct days up to asOf with any commitment'),
  renewals: z.number().int().describe('Commitments that renew an earlier one'),
  longestContinuousDays: z.number().int().describe('Longest run of supported days'),
  continuity: z.object({
    ended: z
      .number()
      .int()
      .describe('Initiatives the recipient carried that ended at least 90 days ago (actors only)'),
    kept: z
      .number()
      .int()
      .describe(
        'Of those, supported 90 days after their end: itself, or another initiative it carries or an alliance it is a member of on that day',
      ),
    share: z.number().nullable().describe('kept / ended; null when none ended'),
  }),
});

export type EndingInput = z.infer<typeof endingBody>;
export type RenewalInput = z.infer<typeof renewalBody>;
export type DurabilityOut = z.infer<typeof durabilitySchema>;
