import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { AllianceContributionKind } from '../../db/types.ts';
import { seesActor } from '../activities/checks.ts';
import { actorsByIds, type ActorRef } from '../activities/refs-repo.ts';
import { viewerOf } from '../records/visibility.ts';
import { accessOf, isCurrent, ownCarrierId, type Access } from './access.ts';
import { balanceSummary, sizeKind } from './balance.ts';
import { powerRatings } from './perceived-repo.ts';
import {
  agreementLinks,
  allContributions,
  listAgreements,
  type AgreementRow,
  type ContributionRow,
  type LogRow,
} from './records-repo.ts';
import { membersOf, type AllianceRow, type MemberRow } from './repo.ts';
import type {
  Agreement,
  Alliance,
  AllianceDetail,
  Contribution,
  LogEntry,
  Member,
} from './schema.ts';

// Rows to answers; only declared fields leave the server. A member's name is shown only to
// callers who may see that actor's record: an alliance may be visible to the workspace while a
// carrier in it is private.

export const unitOf: Record<AllianceContributionKind, Contribution['unit']> = {
  money: 'cents',
  hours: 'hours',
  space: 'dagdelen',
  in_kind: 'items',
};

export function actorNameFor(actor: Actor, workspaceId: string) {
  const viewer = viewerOf(actor, workspaceId);
  return (a: ActorRef | undefined) => (a && seesActor(viewer, a) ? a.name : null);
}

export function memberDtos(
  nameOf: (a: ActorRef | undefined) => string | null,
  actors: ReadonlyMap<string, ActorRef>,
  rows: readonly MemberRow[],
  today: string,
): Member[] {
  return rows.map((m) => ({
    id: m.id,
    actorId: m.actor_id,
    actorName: nameOf(actors.get(m.actor_id)),
    actorKind: sizeKind(actors.get(m.actor_id)),
    role: m.role,
    seats: Number(m.seats),
    votes: Number(m.votes),
    startDate: m.start_date,
    endDate: m.end_date,
    current: isCurrent(m, today),
  }));
}

export async function agreementDtos(
  db: Db,
  workspaceId: string,
  rows: readonly AgreementRow[],
): Promise<Agreement[]> {
  const links = await agreementLinks(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    version: Number(r.version),
    aims: r.aims,
    charter: r.charter,
    areaIds: links.get(r.id)?.areaIds ?? [],
    domainIds: links.get(r.id)?.domainIds ?? [],
    createdBy: r.created_by,
    createdAt: r.created_at,
  }));
}

export function contributionDto(
  r: Pick<ContributionRow, Exclude<keyof ContributionRow, 'quantity' | 'value_cents'>> & {
    quantity: string | number;
    value_cents: string | number;
  },
  members: readonly MemberRow[],
  access: Pick<Access, 'mayEdit' | 'own'>,
): Contribution {
  return {
    id: r.id,
    memberId: r.member_id,
    actorId: members.find((m) => m.id === r.member_id)?.actor_id ?? '',
    period: r.period,
    kind: r.kind,
    quantity: Number(r.quantity),
    unit: unitOf[r.kind],
    valueCents: Number(r.value_cents),
    note: r.note,
    createdBy: r.created_by,
    createdAt: r.created_at,
    canDelete: access.mayEdit || access.own.some((m) => m.id === r.member_id),
  };
}

export const logDto = (r: LogRow): LogEntry => ({
  id: r.id,
  date: r.date,
  kind: r.kind,
  title: r.title,
  body: r.body,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const base = (r: AllianceRow, members: readonly MemberRow[], canEdit: boolean, today: string) => ({
  id: r.id,
  name: r.name,
  description: r.description,
  status: r.status,
  decisionRule: r.decision_rule,
  signalId: r.signal_id,
  visibility: r.visibility,
  memberCount: members.filter((m) => isCurrent(m, today)).length,
  canEdit,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** List items: the alliances with their current member count and whether the caller may edit. */
export async function allianceDtos(
  db: Db,
  actor: Actor,
  workspaceId: string,
  rows: readonly AllianceRow[],
  today: string,
): Promise<Alliance[]> {
  const members = await membersOf(
    db,
    workspaceId,
    rows.map((r) => r.id),
  );
  const carrierId = await ownCarrierId(db, actor, workspaceId);
  return rows.map((r) => {
    const own = members.filter((m) => m.alliance_id === r.id);
    return base(r, own, accessOf(actor, workspaceId, r, own, today, carrierId).mayEdit, today);
  });
}

/** One alliance with its members, current charter, contribution totals and balance. */
export async function allianceDetail(
  db: Db,
  actor: Actor,
  workspaceId: string,
  access: Access,
  today: string,
): Promise<AllianceDetail> {
  const { row, members } = access;
  const actorIds = members.map((m) => m.actor_id);
  const [actors, contributions, latest, ratings] = await Promise.all([
    actorsByIds(db, workspaceId, actorIds),
    allContributions(db, workspaceId, row.id),
    listAgreements(db, workspaceId, row.id, 0, 1),
    powerRatings(db, workspaceId, actorIds, today),
  ]);
  const [current] = await agreementDtos(db, workspaceId, latest.rows);
  const kinds = new Map<AllianceContributionKind, { quantity: number; valueCents: number }>();
  const byMember = new Map<string, number>();
  let valueCents = 0;
  for (const c of contributions) {
    const k = kinds.get(c.kind) ?? { quantity: 0, valueCents: 0 };
    k.quantity += Number(c.quantity);
    k.valueCents += Number(c.value_cents);
    kinds.set(c.kind, k);
    byMember.set(c.member_id, (byMember.get(c.member_id) ?? 0) + Number(c.value_cents));
    valueCents += Number(c.value_cents);
  }
  return {
    ...base(row, members, access.mayEdit, today),
    canContribute: access.mayContribute,
    members: memberDtos(actorNameFor(actor, workspaceId), actors, members, today),
    currentAgreement: current ?? null,
    contributionTotals: {
      valueCents,
      byKind: [...kinds]
        .map(([kind, t]) => ({ kind, ...t }))
        .sort((a, b) => (a.kind < b.kind ? -1 : 1)),
      byMember: [...byMember].map(([memberId, v]) => ({ memberId, valueCents: v })),
    },
    balance: balanceSummary({ members, actors, contributions, today, ratings }),
  };
}
