import type { Db } from '../../db/dialect.ts';
import type { SupportCommitmentsTable } from '../../db/types.ts';
import { actorsByIds } from '../activities/refs-repo.ts';
import { unitOf } from './access.ts';
import type { CommitmentOut } from './match-schema.ts';

/** Commitments as the API answers them, with the names of both parties. */
export async function commitmentDtos(
  db: Db,
  workspaceId: string,
  rows: readonly SupportCommitmentsTable[],
) {
  const actors = await actorsByIds(
    db,
    workspaceId,
    rows.flatMap((r) => [r.provider_id, r.recipient_id]),
  );
  return rows.map((r): CommitmentOut => ({
    id: r.id,
    matchId: r.match_id,
    offerId: r.offer_id,
    needId: r.need_id,
    providerId: r.provider_id,
    providerName: actors.get(r.provider_id)?.name ?? '',
    recipientId: r.recipient_id,
    recipientName: actors.get(r.recipient_id)?.name ?? '',
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
