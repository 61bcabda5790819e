import type { Db } from '../../db/dialect.ts';
import type { NewAuditEvent } from '../../db/types.ts';

export async function insertAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
  await db.insertInto('audit_events').values(event).execute();
}

export async function listAuditEvents(db: Db, workspaceId: string, offset: number, limit: number) {
  const where = db.selectFrom('audit_events').where('workspace_id', '=', workspaceId);
  const [items, total] = await Promise.all([
    where
      .leftJoin('users', 'users.id', 'audit_events.actor_user_id')
      .select([
        'audit_events.id',
        'audit_events.action',
        'audit_events.object_type',
        'audit_events.object_id',
        'audit_events.result',
        'audit_events.created_at',
        'audit_events.actor_user_id',
        'users.display_name as actor_name',
      ])
      .orderBy('audit_events.created_at', 'desc')
      .orderBy('audit_events.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    where.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
