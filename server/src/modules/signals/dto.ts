import type { OverlapReason } from '../../analytics/overlap/index.ts';
import type { Actor } from '../../context.ts';
import { actorOut, seesActorInfo } from './access.ts';
import { apiTieType, decodeExplanation, type Explanation } from './explanation.ts';
import type { ActorInfo } from './input.ts';
import type { EventRow, NoteRow, SignalRow } from './repo.ts';
import type { NoteOut, SignalDetail, SignalSummary } from './schema.ts';

// Rows to API shapes. Tie types leave in the API's English (tension, obstruction …).

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

function reasonOut(r: OverlapReason): SignalSummary['reasons'][number] {
  const { tieTypes, ...rest } = r;
  return tieTypes ? { ...rest, tieTypes: tieTypes.map((t) => apiTieType[t]) } : rest;
}

export function summaryOf(
  actor: Actor,
  workspaceId: string,
  row: SignalRow,
  actors: ReadonlyMap<string, ActorInfo>,
  e: Explanation = decodeExplanation(row.explanation),
): SignalSummary {
  return {
    id: row.id,
    state: row.state,
    score: Number(row.score),
    stale: row.stale_at !== null,
    staleSince: row.stale_at,
    actors: [
      actorOut(actor, workspaceId, actors.get(row.actor_a_id), row.actor_a_id),
      actorOut(actor, workspaceId, actors.get(row.actor_b_id), row.actor_b_id),
    ],
    areaIds: sorted(e.cells.map((c) => c.areaId)),
    domainIds: sorted(e.cells.map((c) => c.domainId)),
    targetGroupIds: sorted(e.cells.flatMap((c) => c.targetGroupIds)),
    reasons: e.reasons.map(reasonOut),
    firstDetectedAt: row.first_detected_at,
    detectedAt: row.detected_at,
    updatedAt: row.updated_at,
  };
}

/** Who did something: null for the detection run; userId and name null for a user the caller
 * may not know (linked to an actor hidden from them, see `hiddenUsers` in service.ts). */
const person = (
  userId: string | null,
  names: ReadonlyMap<string, string>,
  hidden: ReadonlySet<string> = new Set(),
) =>
  userId === null
    ? null
    : hidden.has(userId)
      ? { userId: null, name: null }
      : { userId, name: names.get(userId) ?? '' };

export const noteOut = (
  n: NoteRow,
  names: ReadonlyMap<string, string>,
  hidden?: ReadonlySet<string>,
): NoteOut => ({
  id: n.id,
  text: n.body,
  author: person(n.author_user_id, names, hidden),
  createdAt: n.created_at,
});

export function detailOf(
  actor: Actor,
  workspaceId: string,
  row: SignalRow,
  actors: ReadonlyMap<string, ActorInfo>,
  more: {
    events: EventRow[];
    notes: NoteRow[];
    names: ReadonlyMap<string, string>;
    /** Users linked to an actor the caller may not see: shown without id and name. */
    hidden: ReadonlySet<string>;
    allowed: readonly SignalDetail['state'][];
  },
): SignalDetail {
  const e = decodeExplanation(row.explanation);
  const f = e.facts;
  // The size kind of an actor the caller may not see stays hidden, as actorOut hides its kind.
  const kindOf = (id: string, kind: typeof f.kindA) =>
    seesActorInfo(actor, workspaceId, actors.get(id)) ? kind : null;
  return {
    ...summaryOf(actor, workspaceId, row, actors, e),
    explanation: {
      facts: {
        sharedAreas: f.sharedAreas,
        sharedDomains: f.sharedDomains,
        sharedTargetGroups: f.sharedTargetGroups,
        overlapDays: f.overlapDays,
        contestedHours: f.contestedHours,
        sizeKinds: [kindOf(row.actor_a_id, f.kindA), kindOf(row.actor_b_id, f.kindB)],
        tieTypes: f.tieTypes.map((t) => apiTieType[t]),
        sharedFunders: f.sharedFunders,
      },
      components: { ...e.components },
      cells: e.cells,
    },
    dismissReason: row.dismiss_reason,
    allianceId: row.alliance_id,
    allowedTransitions: [...more.allowed],
    history: more.events.map((ev) => ({
      id: ev.id,
      event: ev.event,
      fromState: ev.from_state,
      toState: ev.to_state,
      reason: ev.reason,
      allianceId: ev.alliance_id,
      by: person(ev.user_id, more.names, more.hidden),
      at: ev.created_at,
    })),
    notes: more.notes.map((n) => noteOut(n, more.names, more.hidden)),
  };
}
