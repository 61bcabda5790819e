import { can } from '../../auth/policy.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { dayNumber } from '../../analytics/support/dates.ts';
import { canSee, viewerOf, type Viewer } from '../records/visibility.ts';
import { actorNames, flowLinks, initiativeNames, type FlowRow } from './repo.ts';
import type { Flow, RecipientKind } from './schema.ts';

// Rows to answers; only declared fields leave the server. A funder's, recipient's or initiative's
// name is shown only to callers who may see that record: a flow may be visible to the workspace
// while the carrier it funds is private.

export const recipientIdOf = (
  r: Pick<
    FlowRow,
    'recipient_type' | 'recipient_actor_id' | 'recipient_initiative_id' | 'recipient_alliance_id'
  >,
) =>
  (r.recipient_type === 'actor'
    ? r.recipient_actor_id
    : r.recipient_type === 'initiative'
      ? r.recipient_initiative_id
      : r.recipient_alliance_id) ?? '';

export function recipientKindOf(
  type: FlowRow['recipient_type'],
  actor: { kind: string; size_class: string | null } | undefined,
): RecipientKind {
  if (type === 'initiative') return 'initiative';
  if (type === 'alliance') return 'alliance';
  if (actor?.kind === 'person') return 'person';
  return actor?.size_class === 'large' ? 'large' : 'small';
}

export const durationDays = (start: string, end: string) => dayNumber(end) - dayNumber(start) + 1;

export async function flowDtos(
  db: Db,
  actor: Actor,
  workspaceId: string,
  rows: readonly FlowRow[],
): Promise<Flow[]> {
  const viewer: Viewer = viewerOf(actor, workspaceId);
  const [links, actors, initiatives, alliances] = await Promise.all([
    flowLinks(
      db,
      workspaceId,
      rows.map((r) => r.id),
    ),
    actorNames(
      db,
      workspaceId,
      rows.flatMap((r) => [r.funder_id, ...(r.recipient_actor_id ? [r.recipient_actor_id] : [])]),
    ),
    initiativeNames(
      db,
      workspaceId,
      rows.flatMap((r) => [r.recipient_initiative_id, r.initiative_id].filter((x) => x !== null)),
    ),
    initiativeNames(
      db,
      workspaceId,
      rows.flatMap((r) => (r.recipient_alliance_id ? [r.recipient_alliance_id] : [])),
      'alliances',
    ),
  ]);
  const canEdit = can(actor, 'funding.manage', workspaceId);
  const actorName = (id: string | null) => {
    const a = id ? actors.get(id) : undefined;
    return a && canSee(viewer, { visibility: a.visibility, owner_user_id: a.user_id })
      ? a.name
      : null;
  };
  const initiativeName = (id: string | null, from = initiatives) => {
    const i = id ? from.get(id) : undefined;
    return i && canSee(viewer, { visibility: i.visibility }) ? i.name : null;
  };
  return rows.map((r) => ({
    id: r.id,
    funderId: r.funder_id,
    funderName: actorName(r.funder_id),
    recipientType: r.recipient_type,
    recipientId: recipientIdOf(r),
    recipientName:
      r.recipient_type === 'actor'
        ? actorName(r.recipient_actor_id)
        : r.recipient_type === 'initiative'
          ? initiativeName(r.recipient_initiative_id)
          : initiativeName(r.recipient_alliance_id, alliances),
    recipientKind: recipientKindOf(
      r.recipient_type,
      r.recipient_actor_id ? actors.get(r.recipient_actor_id) : undefined,
    ),
    initiativeId: r.initiative_id,
    initiativeName: initiativeName(r.initiative_id),
    title: r.title,
    amountCents: Number(r.amount_cents),
    startDate: r.start_date,
    endDate: r.end_date,
    durationDays: durationDays(r.start_date, r.end_date),
    instrument: r.instrument,
    reportingHours: Number(r.reporting_hours),
    reports: Number(r.report_count),
    areaIds: links.get(r.id)?.areaIds ?? [],
    domainIds: links.get(r.id)?.domainIds ?? [],
    visibility: r.visibility,
    canEdit,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
