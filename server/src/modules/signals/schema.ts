import { z } from 'zod';
import { signalStates } from '../../analytics/overlap/lifecycle.ts';
import { signalEvents, tieTypes } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';
import { isoDate, text } from '../activities/schema.ts';

// Overlap signals (issue 5). English names, camelCase; the UI shows the Dutch terms (gezien, in
// gesprek, bondgenootschap gevormd, opgelost, afgewezen). Scores are 0..1.

export const signalParams = workspaceParams.extend({ signalId: uuid.describe('Signal id') });
export const allyParams = workspaceParams.extend({ actorId: uuid.describe('Actor id') });

const state = z
  .enum(signalStates)
  .describe(
    'open (new), seen (gezien), in_dialogue (in gesprek), alliance_formed (bondgenootschap gevormd), resolved (opgelost), dismissed (afgewezen)',
  );

export const signalListQuery = pageQuery.extend({
  state: state.optional().describe('Only signals in this state'),
  actorId: uuid.optional().describe('Only signals naming this actor'),
  areaId: uuid.optional().describe('Only signals sharing this area or one of its sub-areas'),
  includeStale: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: also pairs that no longer overlap (stale); default false'),
});
export type SignalListQuery = z.infer<typeof signalListQuery>;

export const transitionBody = z.strictObject({
  to: state.describe('The state to move the signal to'),
  reason: text(2000).nullable().optional().describe('Why; required when dismissing'),
  allianceId: uuid
    .nullable()
    .optional()
    .describe('The alliance formed (an alliance of the workspace); required for alliance_formed'),
});
export type TransitionBody = z.infer<typeof transitionBody>;

export const noteBody = z.strictObject({ text: text(4000).describe('The note') });
export type NoteBody = z.infer<typeof noteBody>;

export const settingsBody = z.strictObject({
  threshold: z
    .number()
    .meta({ minimum: 0.05, maximum: 1 })
    .nullable()
    .describe('Signals scoring below this are not kept; null: the default'),
});
export type SettingsBody = z.infer<typeof settingsBody>;

export const allyQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('At most this many'),
});

const tieType = z.enum(tieTypes);

export const signalActorSchema = z.object({
  id: z.string(),
  name: z.string().nullable().describe('null when the caller may not see this actor'),
  kind: z.enum(['person', 'organisation']).nullable(),
  sizeClass: z.enum(['small', 'large']).nullable(),
});

export const reasonSchema = z.object({
  code: z
    .string()
    .describe(
      'shared-areas, shared-domains, shared-target-groups, period-overlap, contested-hours, size-disparity, tension-tie, shared-funders or collaboration-tie',
    ),
  value: z.number().describe('The fact (a count, days, hours; -1: unknown hours)'),
  component: z.number().describe('Its score component, 0..1'),
  effect: z.object({
    kind: z.enum(['weight', 'raise', 'factor']),
    amount: z.number(),
  }),
  tieTypes: z.array(tieType).optional(),
});

export const signalSummarySchema = z.object({
  id: z.string(),
  state,
  score: z.number().describe('0..1'),
  stale: z.boolean().describe('The pair no longer overlaps (kept for its history)'),
  staleSince: isoDateTime.nullable(),
  actors: z.array(signalActorSchema).describe('The two actors, in canonical order'),
  areaIds: z.array(z.string()),
  domainIds: z.array(z.string()),
  targetGroupIds: z.array(z.string()),
  reasons: z.array(reasonSchema),
  firstDetectedAt: isoDateTime,
  detectedAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type SignalSummary = z.infer<typeof signalSummarySchema>;

const personRef = z
  .object({ userId: z.string().nullable(), name: z.string().nullable() })
  .nullable()
  .describe(
    'null: the detection run, or a deleted account; userId and name null: a user linked to an actor the caller may not see',
  );

export const signalDetailSchema = signalSummarySchema.extend({
  explanation: z.object({
    facts: z.object({
      sharedAreas: z.number().int(),
      sharedDomains: z.number().int(),
      sharedTargetGroups: z.number().int(),
      overlapDays: z.number().int(),
      contestedHours: z.number().nullable(),
      sizeKinds: z
        .array(z.enum(['person', 'small', 'large', 'unknown']).nullable())
        .describe('Per actor; null for an actor the caller may not see'),
      tieTypes: z.array(tieType),
      sharedFunders: z.number().int(),
    }),
    components: z.record(z.string(), z.number()),
    cells: z.array(
      z.object({
        areaId: z.string(),
        domainId: z.string(),
        targetGroupIds: z.array(z.string()),
        from: isoDate,
        to: isoDate,
        overlapDays: z.number().int(),
      }),
    ),
  }),
  dismissReason: z.string().nullable(),
  allianceId: z.string().nullable(),
  allowedTransitions: z.array(state).describe('The moves the caller may make now'),
  history: z.array(
    z.object({
      id: z.string(),
      event: z.enum(signalEvents),
      fromState: state.nullable(),
      toState: state,
      reason: z.string().nullable(),
      allianceId: z.string().nullable(),
      by: personRef,
      at: isoDateTime,
    }),
  ),
  notes: z.array(noteSchemaShape()),
});
export type SignalDetail = z.infer<typeof signalDetailSchema>;

function noteSchemaShape() {
  return z.object({
    id: z.string(),
    text: z.string(),
    author: personRef,
    createdAt: isoDateTime,
  });
}
export const noteSchema = noteSchemaShape();
export type NoteOut = z.infer<typeof noteSchema>;

export const settingsSchema = z.object({
  threshold: z.number().describe('The threshold in force'),
  defaultThreshold: z.number(),
  custom: z.boolean().describe('A coordinator set the threshold'),
  detectedAt: isoDateTime.nullable().describe('When the signals were last detected'),
});
export type SettingsOut = z.infer<typeof settingsSchema>;

export const allySuggestionsSchema = z.object({
  actorId: z.string(),
  suggestions: z.array(
    z.object({
      actor: signalActorSchema,
      score: z.number(),
      sharedAreaIds: z.array(z.string()),
      complementaryDomainIds: z.array(z.string()),
      reasons: z.array(
        z.object({
          code: z
            .string()
            .describe('shared-areas, complementary-domains, trust, support-capacity or size-mix'),
          value: z.number(),
          component: z.number(),
          weight: z.number(),
        }),
      ),
    }),
  ),
  excluded: z
    .array(
      z.object({
        actor: signalActorSchema,
        reason: z.literal('competes-under-tension'),
        sharedCells: z.number().int(),
        tieTypes: z.array(tieType),
      }),
    )
    .describe('Left out: they compete under tension (only shown to the actor and coordinators)'),
});
export type AllySuggestionsOut = z.infer<typeof allySuggestionsSchema>;
