import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { SupportDeliveriesTable } from '../../db/types.ts';
import { conflict, fieldError, forbidden, type FieldError } from '../../http/problem.ts';
import { invalid, userIdOf } from '../activities/checks.ts';
import { checkAmount } from './checks.ts';
import { insertDelivery, listDeliveries } from './delivery-repo.ts';
import type { DeliveryInput, DeliveryOut } from './delivery-schema.ts';
import { viewCommitment } from './recipients.ts';

// Deliveries (check-ins) against a commitment: the provider side records what it gave, the
// recipient what it received. Who may see the commitment reads them; who acts for a side records
// them (recipients.ts: for an alliance only its leads, while every current member reads).

/** The commitment, when the caller sees it (and, to record, acts for a side of it); else 404/403. */
async function commitmentFor(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  asOf: string,
  toRecord = false,
) {
  const { row, access } = await viewCommitment(db, actor, workspaceId, id, asOf);
  if (toRecord && !access.acts)
    throw forbidden('Only the provider side or who acts for the recipient records deliveries.');
  return row;
}

const toOut = (r: SupportDeliveriesTable): DeliveryOut => ({
  id: r.id,
  commitmentId: r.commitment_id,
  deliveredOn: r.delivered_on,
  amount: Number(r.amount),
  note: r.note,
  createdAt: r.created_at,
});

export async function recordDelivery(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  commitmentId: string,
  input: DeliveryInput,
) {
  assertCan(actor, 'support.self', workspaceId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const c = await commitmentFor(
      trx,
      actor,
      workspaceId,
      commitmentId,
      nowIso(ctx).slice(0, 10),
      true,
    );
    if (c.status === 'cancelled')
      throw conflict('commitment_closed', 'This commitment was cancelled.');
    const errors: FieldError[] = [...checkAmount(input.amount, '/amount')];
    const today = nowIso(ctx).slice(0, 10);
    if (input.deliveredOn < c.start_date || (c.end_date !== null && input.deliveredOn > c.end_date))
      errors.push(
        fieldError(
          '/deliveredOn',
          'outside_commitment',
          `The commitment runs from ${c.start_date} to ${c.end_date ?? 'open-ended'}.`,
        ),
      );
    if (input.deliveredOn > today)
      errors.push(fieldError('/deliveredOn', 'in_future', `Not later than today, ${today}.`));
    if (errors.length) throw invalid(errors);
    const d: SupportDeliveriesTable = {
      id: newId(),
      workspace_id: workspaceId,
      commitment_id: c.id,
      delivered_on: input.deliveredOn,
      amount: input.amount,
      note: input.note || null,
      recorded_by: userIdOf(actor),
      created_at: nowIso(ctx),
    };
    await insertDelivery(trx, d);
    return d;
  });
  return toOut(row);
}

export async function getDeliveries(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  commitmentId: string,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'support.read', workspaceId);
  await commitmentFor(ctx.db, actor, workspaceId, commitmentId, nowIso(ctx).slice(0, 10));
  const { rows, total } = await listDeliveries(
    ctx.db,
    workspaceId,
    commitmentId,
    page.offset,
    page.limit,
  );
  return { items: rows.map(toOut), total };
}
