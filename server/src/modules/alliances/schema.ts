import { z } from 'zod';
import {
  allianceContributionKinds,
  allianceDecisionRules,
  allianceLogKinds,
  allianceMemberRoles,
  allianceStatuses,
  visibilities,
} from '../../db/types.ts';
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
import { balanceSummarySchema } from './balance-schema.ts';

// Alliances (bondgenootschappen). Shape and format are checked here; ranges (seats, votes and
// money ≥ 0), date order, references to records of the workspace, duplicate memberships and
// governance by the service (checks.ts), so one 400 lists every such error at once.

/** Seats, votes and quantities: whole numbers up to the largest a JSON number carries exactly. */
export const MAX_COUNT = 1_000_000;
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

export const allianceStatus = z
  .enum(allianceStatuses)
  .describe('exploring (verkennend), active (actief), paused (gepauzeerd), ended (beëindigd)');
export const decisionRule = z
  .enum(allianceDecisionRules)
  .describe(
    'consensus, majority (meerderheid), qualified_majority, lead_decides (trekker beslist)',
  );
export const memberRole = z
  .enum(allianceMemberRoles)
  .describe('lead (trekker), member (lid), supporter (ondersteuner)');
export const contributionKind = z
  .enum(allianceContributionKinds)
  .describe(
    'money (geld; quantity in euro cents, equal to valueCents), hours (uren; whole hours), space (ruimte; dagdelen), in_kind (in natura; items)',
  );
const visibility = z
  .enum(visibilities)
  .describe(
    'private (default: coordinators and the linked users of its members), workspace, public',
  );
/** `YYYY`, `YYYY-Qn` or `YYYY-MM`. */
export const period = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/)
  .describe('Period: YYYY, YYYY-Qn (quarter) or YYYY-MM (month)');

export const allianceParams = workspaceParams.extend({ allianceId: uuid.describe('Alliance id') });
export const memberParams = allianceParams.extend({ memberId: uuid.describe('Membership id') });
export const contributionParams = allianceParams.extend({
  contributionId: uuid.describe('Contribution id'),
});

const count = (what: string) =>
  z.number().int().meta({ minimum: 0, maximum: MAX_COUNT }).describe(what);

const memberFields = {
  actorId: uuid.describe('A carrier (person) or organisation of the workspace'),
  role: memberRole,
  seats: count('Seats in the alliance’s board or steering group, ≥ 0'),
  votes: count('Votes in its decisions, ≥ 0'),
  startDate: isoDate.describe('First day of the membership'),
  endDate: nullableDate.optional().describe('Last day, not before startDate; null: still a member'),
};
export const memberCreateBody = z.strictObject(memberFields);
const { actorId: _actorId, ...changeable } = memberFields;
export const memberUpdateBody = z.strictObject(
  Object.fromEntries(Object.entries(changeable).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof changeable]: z.ZodOptional<(typeof changeable)[K]>;
  },
);
export const memberEndBody = z.strictObject({
  endDate: isoDate.optional().describe('Last day of the membership; default today'),
});

const allianceFields = {
  name: text(200).describe('Name of the alliance'),
  description: longText.nullable().optional(),
  status: allianceStatus.optional().describe('Default exploring; active needs at least one seat'),
  decisionRule,
  visibility: visibility.optional(),
};
export const allianceCreateBody = z.strictObject({
  ...allianceFields,
  signalId: uuid
    .nullable()
    .optional()
    .describe(
      'The overlap signal it is formed from (moves to alliance_formed); set only at creation',
    ),
  members: z.array(memberCreateBody).max(100).optional().describe('The first members'),
});
/** Every field optional; no signalId: it is set at creation only (forming moves that signal). */
export const allianceUpdateBody = z.strictObject(
  Object.fromEntries(Object.entries(allianceFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof allianceFields]: z.ZodOptional<(typeof allianceFields)[K]>;
  },
);

export const allianceListQuery = pageQuery.extend({
  status: allianceStatus.optional(),
  areaId: uuid
    .optional()
    .describe('Only alliances whose current charter names this area or one of its sub-areas'),
  actorId: uuid.optional().describe('Only alliances this actor is a current member of'),
});

export const agreementCreateBody = z.strictObject({
  aims: text(5000).describe('What the alliance wants to achieve'),
  charter: z.string().trim().min(1).max(50_000).describe('The charter (samenwerkingsafspraken)'),
  areaIds: idList.optional().describe('Areas (gemeente, wijken, buurten) it works in'),
  domainIds: idList.optional().describe('Domains (taxonomy terms of kind domain)'),
});

export const contributionCreateBody = z.strictObject({
  memberId: uuid.describe('The membership that contributes'),
  period,
  kind: contributionKind,
  quantity: z
    .number()
    .int()
    .meta({ minimum: 0, maximum: MAX_CENTS })
    .optional()
    .describe('In the kind’s unit; for money optional (it is valueCents)'),
  valueCents: z
    .number()
    .int()
    .meta({ minimum: 0, maximum: MAX_CENTS })
    .describe('Value in euro cents, ≥ 0 (hours, space and in kind valued in money)'),
  note: z.string().trim().max(2000).nullable().optional(),
});
export const contributionListQuery = pageQuery.extend({
  memberId: uuid.optional().describe('Only contributions of this membership'),
  period: period.optional().describe('Only contributions of exactly this period'),
});

export const logCreateBody = z.strictObject({
  date: isoDate,
  kind: z.enum(allianceLogKinds).describe('meeting (overleg) or decision (besluit)'),
  title: text(200),
  body: longText.nullable().optional(),
});

export const memberSchema = z.object({
  id: z.string(),
  actorId: z.string(),
  actorName: z.string().nullable().describe('null when the caller may not see the actor’s record'),
  actorKind: z
    .enum(['person', 'small', 'large'])
    .describe('person (carrier), small or large organisation'),
  role: memberRole,
  seats: z.number().int(),
  votes: z.number().int(),
  startDate: dateOut,
  endDate: nullableDateOut,
  current: z.boolean().describe('Not ended before today'),
});

export const agreementSchema = z.object({
  id: z.string(),
  version: z.number().int().describe('1, 2, …; the highest is current'),
  aims: z.string(),
  charter: z.string(),
  areaIds: z.array(z.string()),
  domainIds: z.array(z.string()),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
});

export const contributionSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  actorId: z.string(),
  period: z.string(),
  kind: contributionKind,
  quantity: z.number().int(),
  unit: z.enum(['cents', 'hours', 'dagdelen', 'items']),
  valueCents: z.number().int(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
  canDelete: z.boolean(),
});

export const logSchema = z.object({
  id: z.string(),
  date: dateOut,
  kind: z.enum(allianceLogKinds),
  title: z.string(),
  body: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
});

export const allianceSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: allianceStatus,
  decisionRule,
  signalId: z.string().nullable(),
  visibility,
  memberCount: z.number().int().describe('Current members'),
  canEdit: z.boolean().describe('Coordinator, admin, or the linked user of a current lead'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

const kindTotal = z.object({
  kind: contributionKind,
  quantity: z.number().int(),
  valueCents: z.number().int(),
});

export const allianceDetailSchema = allianceSchema.extend({
  canContribute: z.boolean().describe('Whether the caller may add contributions and log entries'),
  members: z.array(memberSchema),
  currentAgreement: agreementSchema.nullable(),
  contributionTotals: z.object({
    valueCents: z.number().int(),
    byKind: z.array(kindTotal),
    byMember: z.array(z.object({ memberId: z.string(), valueCents: z.number().int() })),
  }),
  balance: balanceSummarySchema,
});

export type AllianceCreate = z.infer<typeof allianceCreateBody>;
export type AllianceUpdate = z.infer<typeof allianceUpdateBody>;
export type AllianceListQuery = z.infer<typeof allianceListQuery>;
export type MemberCreate = z.infer<typeof memberCreateBody>;
export type MemberUpdate = z.infer<typeof memberUpdateBody>;
export type AgreementCreate = z.infer<typeof agreementCreateBody>;
export type ContributionCreate = z.infer<typeof contributionCreateBody>;
export type ContributionListQuery = z.infer<typeof contributionListQuery>;
export type LogCreate = z.infer<typeof logCreateBody>;
export type Alliance = z.infer<typeof allianceSchema>;
export type AllianceDetail = z.infer<typeof allianceDetailSchema>;
export type Member = z.infer<typeof memberSchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Contribution = z.infer<typeof contributionSchema>;
export type LogEntry = z.infer<typeof logSchema>;
