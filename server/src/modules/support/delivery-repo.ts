import type { Db } from '../../db/dialect.ts';
import type { SupportDeliveriesTable } from '../../db/types.ts';

// Deliveries (check-ins) against a commitment. Every query filters on the workspace.

export async function insertDelivery(db: Db, row: SupportDeliveriesTable): Promise<void> {
  await db.insertInto('support_deliveries').values(row).execute();
}

export async function listDeliveries(
  db: Db,
  workspaceId: string,
  commitmentId: string,
  offset: number,
  limit: number,
) {
  const base = db
    .selectFrom('support_deliveries')
    .where('workspace_id', '=', workspaceId)
    .where('commitment_id', '=', commitmentId);
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('delivered_on', 'desc')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
