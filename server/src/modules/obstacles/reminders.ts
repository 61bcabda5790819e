import type { AppContext } from '../../context.ts';
import { notify } from './notify.ts';
import { ownerMemberIds } from './owners-repo.ts';
import { overdueObstacles } from './repo.ts';

/**
 * The daily reminder job: the members of an owner get one email per overdue obstacle, every day
 * until they respond (a response sets the next due date or closes it).
 */
export async function remindOverdueObstacles(ctx: AppContext): Promise<number> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const due = await overdueObstacles(ctx.db, today);
  for (const o of due)
    await ctx.db
      .transaction()
      .execute(async (trx) =>
        notify(
          ctx,
          trx,
          await ownerMemberIds(trx, o.workspace_id, o.owner_id!),
          { id: o.id, title: o.title, workspaceSlug: o.slug },
          { kind: 'overdue', dueDate: o.due_date! },
        ),
      );
  return due.length;
}
