import type { Db } from '../../db/dialect.ts';
import type { SupportCommitmentsTable } from '../../db/types.ts';
import { actorsByIds } from '../activities/refs-repo.ts';
import { unitOf } from './access.ts';
import type { CommitmentOut } from './match-schema.ts';
import { groupNames } from './recipient-repo.ts';
import { recipientOf } from './recipients.ts';

const present = (ids: readonly (string | null)[]) => ids.filter((x): x is string => x !== null);

/** Commitments as the API answers them, with the names of both parties. */
export async function commitmentDtos(
  db: Db,
  workspaceId: string,
  rows: readonly SupportCommitmentsTable[],
) {
  const actors = await actorsByIds(
    db,
    workspaceId,
    present(rows.flatMap((r) => [r.provider_id, r.recipient_id])),
  );
  const initiatives = await groupNames(
    db,
    workspaceId,
    'initiatives',
    present(rows.map((r) => r.recipient_initiative_id)),
  );
  const alliances = await groupNames(
    db,
    workspaceId,
    'alliances',
    present(rows.map((r) => r.recipient_alliance_id)),
  );
  const nameOf = (r: SupportCommitmentsTable) => {
    const { type, id } = recipientOf(r);
    if (type === 'actor') return actors.get(id)?.name ?? '';
    return (type === 'initiative' ? initiatives : alliances).get(id) ?? '';
  };
  return rows.map((r): CommitmentOut => ({
    id: r.id,
    matchId: r.match_id,
    offerId: r.offer_id,
    needId: r.need_id,
    providerId: r.provider_id,
    providerName: actors.get(r.provider_id)?.name ?? '',
    recipientType: r.recipient_type,
    recipientId: r.recipient_id,
    recipientInitiativeId: r.recipient_initiative_id,
    recipientAllianceId: r.recipient_alliance_id,
    recipientName: nameOf(r),
    type: r.type,
    unit: unitOf(r.type),
    amountPerMonth: Number(r.amount_per_month),
    startDate: r.start_date,
    endDate: r.end_date,
    renewal: r.renewal,
    renewalNote: r.renewal_note,
    renewedFromId: r.renewed_from_id,
    status: r.status,
    endedAt: r.ended_at,
    endReason: r.end_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
