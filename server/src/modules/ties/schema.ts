import { z } from 'zod';
import { tieIntensities, tieSources, tieTypes } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';
import { dateOut, isoDate, nullableDate, nullableDateOut } from '../activities/schema.ts';

// Ties (relaties) between actors. Shape and format are checked here; references, date order,
// self-ties and duplicates by the service (checks.ts), so one 400 lists every such error.

export const tieType = z
  .enum(tieTypes)
  .describe(
    'collaboration (samenwerking), support (steun), funding (financiering), referral (doorverwijzing), information_exchange (informatie-uitwisseling), tension (spanning/concurrentie), obstruction (tegenwerking)',
  );
export const tieIntensity = z
  .enum(tieIntensities)
  .describe('PARTNER level: awareness, cooperative, coordinated, integrated (weakest first)');

export const tieParams = workspaceParams.extend({ tieId: uuid.describe('Tie id') });
export const actorTieParams = workspaceParams.extend({ actorId: uuid.describe('Actor id') });

const tieFields = {
  fromActorId: uuid.describe('The actor the tie goes from (for a mutual tie: one of the two)'),
  toActorId: uuid.describe('The actor the tie goes to (for a mutual tie: the other one)'),
  type: tieType,
  directed: z.boolean().describe('true: from → to (e.g. who supports whom); false: mutual'),
  intensity: tieIntensity,
  startDate: isoDate.describe('First day of the tie, YYYY-MM-DD'),
  endDate: nullableDate.optional().describe('Last day, not before startDate; null: still current'),
  note: z.string().trim().max(2000).nullable().optional().describe('A short note'),
};

export const tieCreateBody = z.strictObject(tieFields);
export const tieUpdateBody = z.strictObject(
  Object.fromEntries(Object.entries(tieFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof tieFields]: z.ZodOptional<(typeof tieFields)[K]>;
  },
);

const filters = {
  type: tieType.optional(),
  activeOn: isoDate.optional().describe('Only ties whose period includes this day'),
  areaId: uuid
    .optional()
    .describe('Only ties with an actor working in this area or one of its sub-areas'),
};

export const tieListQuery = pageQuery.extend({
  actorId: uuid.optional().describe('Only ties with this actor at either end'),
  ...filters,
});

export const egoQuery = pageQuery.extend(filters);

export const tieSchema = z.object({
  id: z.string(),
  fromActorId: z.string(),
  fromActorName: z.string(),
  toActorId: z.string(),
  toActorName: z.string(),
  type: tieType,
  directed: z.boolean(),
  intensity: tieIntensity,
  startDate: dateOut,
  endDate: nullableDateOut,
  source: z
    .enum(tieSources)
    .describe('recorded (by a user, see recordedBy) or survey (an answer in a survey round)'),
  surveyRoundId: z.string().nullable().describe('The survey round, when source is survey'),
  recordedBy: z.string().nullable().describe('Id of the user who recorded the tie'),
  note: z.string().nullable(),
  canEdit: z.boolean().describe('Whether the caller may change and delete it'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export type TieCreate = z.infer<typeof tieCreateBody>;
export type TieUpdate = z.infer<typeof tieUpdateBody>;
export type TieListQuery = z.infer<typeof tieListQuery>;
export type EgoQuery = z.infer<typeof egoQuery>;
export type Tie = z.infer<typeof tieSchema>;
