import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type {
  AllianceMembersTable,
  AlliancesTable,
  AllianceStatus,
  Visibility,
} from '../../db/types.ts';

// Alliances and their members. Kysely only; every query filters on the workspace. An alliance is
// seen at its visibility level, and always by the linked users of its members' actors.

const CHUNK = 400;

export type AllianceRow = Selectable<AlliancesTable>;
export type NewAlliance = Insertable<AlliancesTable>;
export type AllianceSet = Omit<Updateable<AlliancesTable>, 'id' | 'workspace_id' | 'created_at'>;
export type MemberRow = Selectable<AllianceMembersTable>;
export type NewMember = Insertable<AllianceMembersTable>;
export type MemberSet = Omit<
  Updateable<AllianceMembersTable>,
  'id' | 'workspace_id' | 'alliance_id' | 'actor_id' | 'created_at'
>;

export async function insertAlliance(db: Db, row: NewAlliance): Promise<void> {
  await db.insertInto('alliances').values(row).execute();
}

export async function updateAlliance(db: Db, workspaceId: string, id: string, set: AllianceSet) {
  await db
    .updateTable('alliances')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export const findAlliance = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('alliances')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Whether a user's carrier is (or was) a member of the alliance. */
export async function isMemberUser(
  db: Db,
  workspaceId: string,
  allianceId: string,
  userId: string,
) {
  const row = await db
    .selectFrom('alliance_members as m')
    .innerJoin('actors as a', 'a.id', 'm.actor_id')
    .select('m.id')
    .where('m.workspace_id', '=', workspaceId)
    .where('m.alliance_id', '=', allianceId)
    .where('a.user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface AllianceFilter {
  status?: AllianceStatus | undefined;
  /** The area and its sub-areas: alliances whose current charter names any of them. */
  areaIds?: readonly string[] | undefined;
  /** Alliances the actor is a current member of (on `today`). */
  actorId?: string | undefined;
  today: string;
  levels: readonly Visibility[];
  /** The caller, who also sees the alliances their own carrier is a member of. */
  userId: string | null;
}

function allianceQuery(db: Db, workspaceId: string, f: AllianceFilter) {
  let q = db.selectFrom('alliances as al').where('al.workspace_id', '=', workspaceId);
  const userId = f.userId;
  q = q.where((eb) =>
    userId
      ? eb.or([
          eb('al.visibility', 'in', [...f.levels]),
          eb(
            'al.id',
            'in',
            eb
              .selectFrom('alliance_members as vm')
              .innerJoin('actors as va', 'va.id', 'vm.actor_id')
              .select('vm.alliance_id')
              .where('vm.workspace_id', '=', workspaceId)
              .where('va.user_id', '=', userId),
          ),
        ])
      : eb('al.visibility', 'in', [...f.levels]),
  );
  if (f.status) q = q.where('al.status', '=', f.status);
  if (f.actorId) {
    const { actorId, today } = f;
    q = q.where('al.id', 'in', (eb) =>
      eb
        .selectFrom('alliance_members as fm')
        .select('fm.alliance_id')
        .where('fm.workspace_id', '=', workspaceId)
        .where('fm.actor_id', '=', actorId)
        .where((w) => w.or([w('fm.end_date', 'is', null), w('fm.end_date', '>=', today)])),
    );
  }
  if (f.areaIds) {
    const areaIds = f.areaIds.length ? [...f.areaIds] : ['-'];
    q = q.where('al.id', 'in', (eb) =>
      eb
        .selectFrom('alliance_agreements as ag')
        .innerJoin('alliance_agreement_areas as aa', 'aa.agreement_id', 'ag.id')
        .select('ag.alliance_id')
        .where('ag.workspace_id', '=', workspaceId)
        .where('aa.area_id', 'in', areaIds)
        .where((w) =>
          w(
            'ag.version',
            '=',
            w
              .selectFrom('alliance_agreements as latest')
              .select((s) => s.fn.max('latest.version').as('v'))
              .whereRef('latest.alliance_id', '=', 'ag.alliance_id'),
          ),
        ),
    );
  }
  return q;
}

/** A page of alliances, newest first. */
export async function listAlliances(
  db: Db,
  workspaceId: string,
  f: AllianceFilter,
  offset: number,
  limit: number,
) {
  const base = allianceQuery(db, workspaceId, f);
  const [rows, total] = await Promise.all([
    base
      .selectAll('al')
      .orderBy('al.created_at', 'desc')
      .orderBy('al.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function insertMembers(db: Db, rows: readonly NewMember[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('alliance_members')
      .values([...rows])
      .execute();
}

export async function updateMember(
  db: Db,
  workspaceId: string,
  allianceId: string,
  id: string,
  set: MemberSet,
) {
  await db
    .updateTable('alliance_members')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('alliance_id', '=', allianceId)
    .where('id', '=', id)
    .execute();
}

/** Members of the alliances, by start date. */
export async function membersOf(db: Db, workspaceId: string, allianceIds: readonly string[]) {
  const out: MemberRow[] = [];
  const all = [...new Set(allianceIds)];
  for (let i = 0; i < all.length; i += CHUNK) {
    const rows = await db
      .selectFrom('alliance_members')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('alliance_id', 'in', all.slice(i, i + CHUNK))
      .orderBy('start_date')
      .orderBy('id')
      .execute();
    out.push(...rows);
  }
  return out;
}

/** Actors, wijken and domain terms of the workspace, by id (the demo generator). */
export async function allianceParties(db: Db, workspaceId: string) {
  const [actors, areas, domains] = await Promise.all([
    db
      .selectFrom('actors')
      .select(['id', 'kind', 'size_class'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('areas')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('level', '=', 'wijk')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('taxonomy_terms')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('kind', '=', 'domain')
      .where('archived_at', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  return { actors, areaIds: areas.map((a) => a.id), domainIds: domains.map((d) => d.id) };
}
