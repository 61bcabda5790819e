import type { Db } from '../../db/dialect.ts';
import type {
  InitiativeParticipantsTable,
  InitiativeStatus,
  InitiativesTable,
} from '../../db/types.ts';
import type { Viewer } from '../records/visibility.ts';
import { initiativeVisible } from '../activities/refs-repo.ts';

const CHUNK = 400;

export async function insertInitiative(db: Db, row: InitiativesTable): Promise<void> {
  await db.insertInto('initiatives').values(row).execute();
}

export async function updateInitiative(
  db: Db,
  workspaceId: string,
  id: string,
  set: Partial<Omit<InitiativesTable, 'id' | 'workspace_id' | 'created_at' | 'created_by'>>,
): Promise<void> {
  await db
    .updateTable('initiatives')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function deleteInitiative(db: Db, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom('initiative_participants')
    .where('workspace_id', '=', workspaceId)
    .where('initiative_id', '=', id)
    .execute();
  await db
    .deleteFrom('initiatives')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export const findInitiative = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('initiatives')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** The page of initiatives the viewer sees, by name. */
export async function listInitiatives(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  filter: { status?: InitiativeStatus | undefined },
  offset: number,
  limit: number,
) {
  let base = db.selectFrom('initiatives').where('workspace_id', '=', workspaceId);
  if (!viewer.seesPrivate) base = base.where((eb) => initiativeVisible(eb, viewer));
  if (filter.status) base = base.where('status', '=', filter.status);
  const [rows, total] = await Promise.all([
    base.selectAll().orderBy('name').orderBy('id').offset(offset).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Participants of initiatives with the actor fields for names, visibility and rights. */
export async function participantsOf(db: Db, workspaceId: string, initiativeIds: string[]) {
  const out = [];
  for (let i = 0; i < initiativeIds.length; i += CHUNK) {
    out.push(
      ...(await db
        .selectFrom('initiative_participants as p')
        .innerJoin('actors', 'actors.id', 'p.actor_id')
        .select([
          'p.initiative_id',
          'p.actor_id',
          'p.role',
          'p.start_date',
          'p.end_date',
          'actors.name',
          'actors.kind',
          'actors.visibility',
          'actors.user_id',
        ])
        .where('p.workspace_id', '=', workspaceId)
        .where('p.initiative_id', 'in', initiativeIds.slice(i, i + CHUNK))
        .orderBy('p.role')
        .orderBy('actors.name')
        .orderBy('p.actor_id')
        .execute()),
    );
  }
  return out;
}

export type ParticipantRow = Awaited<ReturnType<typeof participantsOf>>[number];

/**
 * The carriers of a page of initiatives (at most a page size of ids), in one query, with the
 * actor fields the visibility rules need; by name.
 */
export async function carriersOf(db: Db, workspaceId: string, initiativeIds: readonly string[]) {
  if (initiativeIds.length === 0) return [];
  return db
    .selectFrom('initiative_participants as p')
    .innerJoin('actors', 'actors.id', 'p.actor_id')
    .select(['p.initiative_id', 'p.actor_id', 'actors.name', 'actors.visibility', 'actors.user_id'])
    .where('p.workspace_id', '=', workspaceId)
    .where('p.role', '=', 'carrier')
    .where('p.initiative_id', 'in', [...initiativeIds])
    .orderBy('actors.name')
    .orderBy('p.actor_id')
    .execute();
}

export async function replaceParticipants(
  db: Db,
  workspaceId: string,
  initiativeId: string,
  rows: InitiativeParticipantsTable[],
): Promise<void> {
  await db
    .deleteFrom('initiative_participants')
    .where('workspace_id', '=', workspaceId)
    .where('initiative_id', '=', initiativeId)
    .execute();
  if (rows.length) await db.insertInto('initiative_participants').values(rows).execute();
}

/** The initiatives an actor took part in, with the role and period (track record). */
export const participationsOf = (db: Db, workspaceId: string, actorId: string) =>
  db
    .selectFrom('initiative_participants as p')
    .innerJoin('initiatives', 'initiatives.id', 'p.initiative_id')
    .select([
      'initiatives.id',
      'initiatives.name',
      'initiatives.status',
      'initiatives.visibility',
      'initiatives.start_date as initiative_start',
      'initiatives.end_date as initiative_end',
      'p.role',
      'p.start_date',
      'p.end_date',
    ])
    .where('p.workspace_id', '=', workspaceId)
    .where('p.actor_id', '=', actorId)
    .execute();
