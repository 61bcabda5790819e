import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type { ResearchStudiesTable, ResearchStudyMembersTable, StudyRole } from '../../db/types.ts';

// Studies, the workspaces they span and their team. Kysely only. A study is reached through any
// of its workspaces: every read names the caller's workspace and joins research_study_workspaces.

export type StudyRow = Selectable<ResearchStudiesTable>;
export type StudySet = Omit<Updateable<ResearchStudiesTable>, 'id' | 'workspace_id' | 'created_at'>;

export async function insertStudy(
  db: Db,
  row: Insertable<ResearchStudiesTable>,
  workspaceIds: readonly string[],
): Promise<void> {
  await db.insertInto('research_studies').values(row).execute();
  await db
    .insertInto('research_study_workspaces')
    .values([...new Set(workspaceIds)].map((workspace_id) => ({ study_id: row.id, workspace_id })))
    .execute();
}

export async function updateStudy(db: Db, id: string, set: StudySet): Promise<void> {
  await db.updateTable('research_studies').set(set).where('id', '=', id).execute();
}

const spanning = (db: Db, workspaceId: string) =>
  db
    .selectFrom('research_study_workspaces')
    .select('study_id')
    .where('workspace_id', '=', workspaceId);

/** The study when it spans the workspace. */
export const findStudyIn = (db: Db, workspaceId: string, studyId: string) =>
  db
    .selectFrom('research_studies')
    .selectAll()
    .where('id', '=', studyId)
    .where('id', 'in', spanning(db, workspaceId))
    .executeTakeFirst();

/** Studies spanning the workspace, newest first; with a user id only those on whose team they are. */
export async function listStudiesIn(
  db: Db,
  workspaceId: string,
  teamUserId: string | null,
  offset: number,
  limit: number,
) {
  let q = db.selectFrom('research_studies as s').where('s.id', 'in', spanning(db, workspaceId));
  if (teamUserId)
    q = q.where(
      's.id',
      'in',
      db.selectFrom('research_study_members').select('study_id').where('user_id', '=', teamUserId),
    );
  const [rows, total] = await Promise.all([
    q
      .selectAll('s')
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id')
      .offset(offset)
      .limit(limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The workspaces of each study. */
export async function studyWorkspaces(db: Db, studyIds: readonly string[]) {
  const out = new Map<string, string[]>(studyIds.map((id) => [id, []]));
  if (!studyIds.length) return out;
  const rows = await db
    .selectFrom('research_study_workspaces')
    .select(['study_id', 'workspace_id'])
    .where('study_id', 'in', [...studyIds])
    .orderBy('workspace_id')
    .execute();
  for (const r of rows) out.get(r.study_id)?.push(r.workspace_id);
  return out;
}

/** The team of each study with display names, steward first. */
export async function teams(db: Db, studyIds: readonly string[]) {
  const out = new Map<
    string,
    { user_id: string; display_name: string; role: StudyRole; created_at: string }[]
  >(studyIds.map((id) => [id, []]));
  if (!studyIds.length) return out;
  const rows = await db
    .selectFrom('research_study_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.study_id', 'm.user_id', 'u.display_name', 'm.role', 'm.created_at'])
    .where('m.study_id', 'in', [...studyIds])
    .orderBy('m.role', 'desc') // steward before researcher
    .orderBy('u.display_name')
    .orderBy('m.user_id')
    .execute();
  for (const r of rows) out.get(r.study_id)?.push(r);
  return out;
}

export const findMember = (db: Db, studyId: string, userId: string) =>
  db
    .selectFrom('research_study_members')
    .selectAll()
    .where('study_id', '=', studyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export async function insertMember(db: Db, row: Insertable<ResearchStudyMembersTable>) {
  await db.insertInto('research_study_members').values(row).execute();
}

export async function setMemberRole(db: Db, studyId: string, userId: string, role: StudyRole) {
  await db
    .updateTable('research_study_members')
    .set({ role })
    .where('study_id', '=', studyId)
    .where('user_id', '=', userId)
    .execute();
}

/** Demotes the current steward (if any) to researcher. */
export async function demoteSteward(db: Db, studyId: string) {
  await db
    .updateTable('research_study_members')
    .set({ role: 'researcher' })
    .where('study_id', '=', studyId)
    .where('role', '=', 'steward')
    .execute();
}

export async function deleteMember(db: Db, studyId: string, userId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('research_study_members')
    .where('study_id', '=', studyId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** An active account with the researcher role in one of the workspaces, by email. */
export const researcherByEmail = (db: Db, workspaceIds: readonly string[], email: string) =>
  db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .where('memberships.workspace_id', 'in', [...workspaceIds])
    .where('memberships.role', '=', 'researcher')
    .where('users.email', '=', email)
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst();
