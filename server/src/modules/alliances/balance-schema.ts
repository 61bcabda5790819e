import { z } from 'zod';
import { dateOut } from '../activities/schema.ts';

// The answer of the balance endpoint: the balance index of analytics/balance with every part,
// the trend per period and the unbalanced flag with its reasons. Scores are 0–1, 1 = balanced.

const score = z.number().nullable().describe('0–1, 1 = balanced; null when it cannot be computed');
const weight = z.number().describe('Its weight in the index');
const share = z.number().nullable();

export const reasonCodes = [
  'index-below-threshold',
  'single-majority',
  'seats-underrepresented',
  'votes-underrepresented',
  'votes-concentrated',
  'contributions-concentrated',
  'perceived-power-disparity',
] as const;

export const reasonSchema = z.object({
  code: z.enum(reasonCodes),
  value: z.number().describe('The measured value'),
  limit: z.number().describe('The limit it crossed'),
  memberId: z.string().optional().describe('The membership holding a majority'),
});

export const partsSchema = z.object({
  representation: z.object({
    score,
    weight,
    memberShare: z.number().describe('Share of members that are carriers or small organisations'),
    seatShare: share,
    voteShare: share,
    seatRatio: share.describe('seatShare ÷ memberShare'),
    voteRatio: share.describe('voteShare ÷ memberShare'),
  }),
  voteConcentration: z.object({ score, weight, hhi: share, gini: share }),
  contributionConcentration: z.object({
    score,
    weight,
    hhi: share,
    gini: share,
    totalCents: z.number().int(),
  }),
  majority: z.object({
    score,
    weight,
    memberId: z.string().nullable().describe('The membership holding more than half the votes'),
    share,
  }),
  perceivedPower: z.object({
    score,
    weight,
    meanSmall: share,
    meanLarge: share,
    disparity: share,
  }),
});

export const balanceSummarySchema = z.object({
  index: z.number().nullable().describe('0–1, 1 = balanced; null when nothing can be computed'),
  unbalanced: z.boolean(),
  reasons: z.array(reasonSchema),
});

export const balanceQuery = z.strictObject({
  per: z
    .enum(['year', 'quarter', 'month'])
    .optional()
    .describe('Trend granularity; default the coarsest period any contribution uses'),
});

export const balanceSchema = balanceSummarySchema.extend({
  allianceId: z.string(),
  asOf: dateOut.describe('Members current on this day (today) count'),
  threshold: z.number().describe('Below this index the alliance is flagged unbalanced'),
  granularity: z.enum(['year', 'quarter', 'month']).nullable().describe('null: no contributions'),
  perceivedPowerAvailable: z
    .boolean()
    .describe(
      'Whether power ratings from the latest closed survey round entered the index (only when at least 5 respondents rated current members)',
    ),
  parts: partsSchema,
  members: z.array(
    z.object({
      memberId: z.string(),
      actorId: z.string(),
      actorName: z.string().nullable(),
      kind: z.enum(['person', 'small', 'large']),
      role: z.enum(['lead', 'member', 'supporter']),
      seats: z.number().int(),
      votes: z.number().int(),
      contributionCents: z.number().int(),
    }),
  ),
  trend: z.array(
    balanceSummarySchema.extend({
      period: z.string().describe('YYYY, YYYY-Qn or YYYY-MM'),
      parts: partsSchema,
    }),
  ),
});

export type BalanceQuery = z.infer<typeof balanceQuery>;
export type BalanceAnswer = z.infer<typeof balanceSchema>;
export type BalanceSummary = z.infer<typeof balanceSummarySchema>;
