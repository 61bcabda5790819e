import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type {
  SurveyAnswersTable,
  SurveyMembersTable,
  SurveyRoundsTable,
  SurveyStatus,
} from '../../db/types.ts';

// Survey rounds, their members and answers. Kysely only; every query filters on the workspace,
// except the token lookup (the token itself names the round and the member).

const CHUNK = 400;

export type RoundRow = Selectable<SurveyRoundsTable>;
export type MemberRow = Selectable<SurveyMembersTable>;
export type AnswerRow = Selectable<SurveyAnswersTable>;

export async function insertRound(db: Db, row: Insertable<SurveyRoundsTable>): Promise<void> {
  await db.insertInto('survey_rounds').values(row).execute();
}

export async function insertMembers(db: Db, rows: Insertable<SurveyMembersTable>[]) {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('survey_members')
      .values(rows.slice(i, i + 100))
      .execute();
}

export const findRound = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('survey_rounds')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function listRounds(
  db: Db,
  workspaceId: string,
  status: SurveyStatus | undefined,
  offset: number,
  limit: number,
) {
  let base = db.selectFrom('survey_rounds').where('workspace_id', '=', workspaceId);
  if (status) base = base.where('status', '=', status);
  const [rows, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export interface RoundCounts {
  invited: number;
  started: number;
  submitted: number;
}

/** Members, members who opened their link, and members who submitted, per round. */
export async function roundCounts(db: Db, workspaceId: string, roundIds: readonly string[]) {
  const out = new Map<string, RoundCounts>();
  for (let i = 0; i < roundIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('survey_members')
      .select((eb) => [
        'round_id',
        eb.fn.countAll<string | number>().as('invited'),
        eb.fn.count<string | number>('started_at').as('started'),
        eb.fn.count<string | number>('submitted_at').as('submitted'),
      ])
      .where('workspace_id', '=', workspaceId)
      .where('round_id', 'in', roundIds.slice(i, i + CHUNK))
      .groupBy('round_id')
      .execute();
    for (const r of rows)
      out.set(r.round_id, {
        invited: Number(r.invited),
        started: Number(r.started),
        submitted: Number(r.submitted),
      });
  }
  return out;
}

/** The members of a round with their actor's name and linked account, by name. */
export const roundMembers = (db: Db, workspaceId: string, roundId: string) =>
  db
    .selectFrom('survey_members as m')
    .innerJoin('actors as a', 'a.id', 'm.actor_id')
    .selectAll('m')
    .select(['a.name', 'a.user_id', 'a.visibility'])
    .where('m.workspace_id', '=', workspaceId)
    .where('m.round_id', '=', roundId)
    .orderBy('a.name')
    .orderBy('m.actor_id')
    .execute();

export async function setRound(
  db: Db,
  workspaceId: string,
  id: string,
  from: SurveyStatus,
  set: Partial<Omit<RoundRow, 'id' | 'workspace_id'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('survey_rounds')
    .set(set)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setMember(
  db: Db,
  roundId: string,
  actorId: string,
  set: Partial<Omit<MemberRow, 'round_id' | 'actor_id' | 'workspace_id'>>,
) {
  await db
    .updateTable('survey_members')
    .set(set)
    .where('round_id', '=', roundId)
    .where('actor_id', '=', actorId)
    .execute();
}

/** Marks the member reminded if nobody did yet; true when this call did it (once each). */
export async function claimReminder(db: Db, roundId: string, actorId: string, now: string) {
  const r = await db
    .updateTable('survey_members')
    .set({ reminded_at: now })
    .where('round_id', '=', roundId)
    .where('actor_id', '=', actorId)
    .where('reminded_at', 'is', null)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks the member submitted unless already done; true when this call did it. */
export async function claimSubmit(db: Db, roundId: string, actorId: string, now: string) {
  const r = await db
    .updateTable('survey_members')
    .set({ submitted_at: now })
    .where('round_id', '=', roundId)
    .where('actor_id', '=', actorId)
    .where('submitted_at', 'is', null)
    .where('round_id', 'in', (eb) =>
      eb.selectFrom('survey_rounds').select('id').where('status', '=', 'open'),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Inside the transaction that saves an answer: whether the round is still open and the member has
 * not submitted (else which of the two). The round's row is locked by a no-op update (PostgreSQL: a closing transaction
 * waits for the save, or the save sees the round closed; SQLite writes one at a time), so no
 * answer lands in a round closed meanwhile.
 */
export async function stillAnswering(
  db: Db,
  roundId: string,
  actorId: string,
): Promise<'ok' | 'round_closed' | 'already_submitted'> {
  const open = await db
    .updateTable('survey_rounds')
    .set({ status: 'open' })
    .where('id', '=', roundId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(open.numUpdatedRows) !== 1) return 'round_closed';
  const m = await db
    .selectFrom('survey_members')
    .select('actor_id')
    .where('round_id', '=', roundId)
    .where('actor_id', '=', actorId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return m ? 'ok' : 'already_submitted';
}

/** The member holding a token, with its round and workspace name. */
export const memberByTokenHash = (db: Db, tokenHash: string) =>
  db
    .selectFrom('survey_members as m')
    .innerJoin('survey_rounds as r', 'r.id', 'm.round_id')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .innerJoin('actors as a', 'a.id', 'm.actor_id')
    .selectAll('m')
    .select([
      'r.title',
      'r.intro',
      'r.status',
      'r.closes_on',
      'w.name as workspace_name',
      'a.name as actor_name',
    ])
    .where('m.token_hash', '=', tokenHash)
    .executeTakeFirst();

export const answersOf = (db: Db, roundId: string, raterId: string) =>
  db
    .selectFrom('survey_answers')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('rater_id', '=', raterId)
    .orderBy('alter_id')
    .execute();

/** Every answer of a round (closing; the round's ratings once it is closed). */
export const roundAnswers = (db: Db, workspaceId: string, roundId: string) =>
  db
    .selectFrom('survey_answers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('round_id', '=', roundId)
    .orderBy('rater_id')
    .orderBy('alter_id')
    .execute();

/** Inserts or replaces one answer (the caller holds a transaction). */
export async function putAnswer(db: Db, row: AnswerRow): Promise<void> {
  await db
    .deleteFrom('survey_answers')
    .where('round_id', '=', row.round_id)
    .where('rater_id', '=', row.rater_id)
    .where('alter_id', '=', row.alter_id)
    .execute();
  await db.insertInto('survey_answers').values(row).execute();
}

/** Drops the answers of members who never submitted (a closed round keeps only what counts). */
export async function deleteUnsubmittedAnswers(db: Db, workspaceId: string, roundId: string) {
  const unsubmitted = db
    .selectFrom('survey_members')
    .select('actor_id')
    .where('round_id', '=', roundId)
    .where('submitted_at', 'is', null);
  await db
    .deleteFrom('survey_answers')
    .where('workspace_id', '=', workspaceId)
    .where('round_id', '=', roundId)
    .where('rater_id', 'in', unsubmitted)
    .execute();
}

/** Open rounds of every workspace (the reminder job). */
export const openRounds = (db: Db) =>
  db.selectFrom('survey_rounds').selectAll().where('status', '=', 'open').orderBy('id').execute();

/** Actors of the workspace by id, with the linked account's email and language. */
export async function memberCandidates(db: Db, workspaceId: string, ids: readonly string[]) {
  const all = [...new Set(ids)];
  const out = [];
  for (let i = 0; i < all.length; i += CHUNK)
    out.push(
      ...(await db
        .selectFrom('actors as a')
        .leftJoin('users as u', 'u.id', 'a.user_id')
        .select(['a.id', 'a.name', 'a.email as actor_email', 'u.email as user_email'])
        .where('a.workspace_id', '=', workspaceId)
        .where('a.id', 'in', all.slice(i, i + CHUNK))
        .execute()),
    );
  return new Map(out.map((r) => [r.id, r]));
}

/** Ids of the actors working in any of these areas. */
export async function actorIdsInAreas(db: Db, workspaceId: string, areaIds: readonly string[]) {
  if (!areaIds.length) return [];
  const rows = await db
    .selectFrom('record_areas')
    .select('record_id')
    .where('workspace_id', '=', workspaceId)
    .where('record_type', '=', 'actor')
    .where('area_id', 'in', [...areaIds])
    .distinct()
    .orderBy('record_id')
    .execute();
  return rows.map((r) => r.record_id);
}

/** Answers in bulk (the demo's closed rounds). */
export async function insertAnswers(db: Db, rows: AnswerRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('survey_answers')
      .values(rows.slice(i, i + 100))
      .execute();
}

/** Organisations and persons of the workspace by id, with an address if any (the demo). */
export const surveyCandidates = (db: Db, workspaceId: string) =>
  db
    .selectFrom('actors')
    .select(['id', 'kind', 'email'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('kind')
    .orderBy('id')
    .execute();
