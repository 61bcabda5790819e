import type { Db } from '../../db/dialect.ts';
import type { ImportRunsTable } from '../../db/types.ts';

/** import_runs rows of area imports (kind 'areas'); every query filters on the workspace. */

type Kind = ImportRunsTable['kind'];

export async function insertRun(db: Db, row: ImportRunsTable): Promise<void> {
  await db.insertInto('import_runs').values(row).execute();
}

export const findRun = (db: Db, workspaceId: string, kind: Kind, id: string) =>
  db
    .selectFrom('import_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('id', '=', id)
    .executeTakeFirst();

export const runningRun = (db: Db, workspaceId: string, kind: Kind) =>
  db
    .selectFrom('import_runs')
    .select(['id'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .where('status', '=', 'running')
    .executeTakeFirst();

export async function updateRunProgress(
  db: Db,
  workspaceId: string,
  id: string,
  done: number,
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({ done })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishRun(
  db: Db,
  workspaceId: string,
  id: string,
  set: Pick<ImportRunsTable, 'status' | 'done' | 'report' | 'finished_at'>,
): Promise<void> {
  await db
    .updateTable('import_runs')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/**
 * Marks every run of the kind still 'running' as failed, in all workspaces: at start-up, a run
 * left running belongs to a process that stopped (its transaction was rolled back).
 */
export async function failRunningRuns(
  db: Db,
  kind: Kind,
  report: string,
  finishedAt: string,
): Promise<number> {
  const r = await db
    .updateTable('import_runs')
    .set({ status: 'failed', report, finished_at: finishedAt })
    .where('kind', '=', kind)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
