import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type {
  ResearchAnswersTable,
  ResearchInvitationsTable,
  ResearchItemsTable,
  ResearchWavesTable,
} from '../../db/research-wave-types.ts';

// Waves, their items, invitations and answers. Kysely only; every query names the study or the
// wave, except the token lookup (the token's hash names the invitation).

export type WaveRow = Selectable<ResearchWavesTable>;
export type ItemRow = Selectable<ResearchItemsTable>;
export type InvitationRow = Selectable<ResearchInvitationsTable>;
export type AnswerRow = Selectable<ResearchAnswersTable>;

// ---- Waves ----

export async function insertWave(db: Db, row: Insertable<ResearchWavesTable>) {
  await db.insertInto('research_waves').values(row).execute();
}

export async function updateWave(
  db: Db,
  studyId: string,
  id: string,
  set: Updateable<ResearchWavesTable>,
  fromStatus?: WaveRow['status'],
): Promise<boolean> {
  let q = db.updateTable('research_waves').set(set).where('study_id', '=', studyId);
  q = q.where('id', '=', id);
  if (fromStatus) q = q.where('status', '=', fromStatus);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findWave = (db: Db, studyId: string, id: string) =>
  db
    .selectFrom('research_waves')
    .selectAll()
    .where('study_id', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

export const listWaves = (db: Db, studyId: string) =>
  db
    .selectFrom('research_waves')
    .selectAll()
    .where('study_id', '=', studyId)
    .orderBy('starts_on')
    .orderBy('created_at')
    .execute();

export interface WaveCounts {
  items: number;
  invited: number;
  started: number;
  submitted: number;
  respondents: number;
}

/** Items, invitations by state and respondents (≥ 1 answer, any source) per wave. */
export async function waveCounts(db: Db, waveIds: readonly string[]) {
  const out = new Map<string, WaveCounts>(
    waveIds.map((id) => [id, { items: 0, invited: 0, started: 0, submitted: 0, respondents: 0 }]),
  );
  if (!waveIds.length) return out;
  const ids = [...waveIds];
  const [items, invitations, respondents] = await Promise.all([
    db
      .selectFrom('research_items')
      .select(['wave_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('wave_id', 'in', ids)
      .groupBy('wave_id')
      .execute(),
    db
      .selectFrom('research_invitations')
      .select([
        'wave_id',
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.count<string | number>('started_at').as('started'),
        (eb) => eb.fn.count<string | number>('submitted_at').as('submitted'),
      ])
      .where('wave_id', 'in', ids)
      .groupBy('wave_id')
      .execute(),
    db
      .selectFrom('research_answers')
      .select([
        'wave_id',
        (eb) => eb.fn.count<string | number>('participant_id').distinct().as('n'),
      ])
      .where('wave_id', 'in', ids)
      .groupBy('wave_id')
      .execute(),
  ]);
  for (const r of items) out.get(r.wave_id)!.items = Number(r.n);
  for (const r of invitations)
    Object.assign(out.get(r.wave_id)!, {
      invited: Number(r.n),
      started: Number(r.started),
      submitted: Number(r.submitted),
    });
  for (const r of respondents) out.get(r.wave_id)!.respondents = Number(r.n);
  return out;
}

// ---- Items ----

export const listItems = (db: Db, waveId: string) =>
  db
    .selectFrom('research_items')
    .selectAll()
    .where('wave_id', '=', waveId)
    .orderBy('position')
    .execute();

export async function insertItems(db: Db, rows: Insertable<ResearchItemsTable>[]) {
  for (const row of rows) await db.insertInto('research_items').values(row).execute();
}

export async function updateItem(
  db: Db,
  waveId: string,
  id: string,
  set: Updateable<ResearchItemsTable>,
) {
  await db
    .updateTable('research_items')
    .set(set)
    .where('wave_id', '=', waveId)
    .where('id', '=', id)
    .execute();
}

export async function deleteItem(db: Db, waveId: string, id: string) {
  await db
    .deleteFrom('research_items')
    .where('wave_id', '=', waveId)
    .where('id', '=', id)
    .execute();
}

// ---- Participants and their addresses ----

export const participantsOf = (db: Db, studyId: string) =>
  db
    .selectFrom('research_participants')
    .select(['id', 'pseudonym', 'kind', 'actor_id', 'email_enc'])
    .where('study_id', '=', studyId)
    .orderBy('pseudonym')
    .execute();

export type InviteeRow = Awaited<ReturnType<typeof participantsOf>>[number];

/** A carrier's contact email: the record's own, else the linked account's. */
export async function actorEmail(db: Db, actorId: string): Promise<string | null> {
  const row = await db
    .selectFrom('actors')
    .leftJoin('users', 'users.id', 'actors.user_id')
    .select(['actors.email as own', 'users.email as account'])
    .where('actors.id', '=', actorId)
    .executeTakeFirst();
  return row?.own ?? row?.account ?? null;
}

// ---- Invitations ----

export const listInvitations = (db: Db, waveId: string) =>
  db
    .selectFrom('research_invitations as i')
    .innerJoin('research_participants as p', 'p.id', 'i.participant_id')
    .selectAll('i')
    .select('p.pseudonym')
    .where('i.wave_id', '=', waveId)
    .orderBy('p.pseudonym')
    .execute();

export async function insertInvitation(db: Db, row: Insertable<ResearchInvitationsTable>) {
  await db.insertInto('research_invitations').values(row).execute();
}

export async function setInvitation(db: Db, id: string, set: Updateable<ResearchInvitationsTable>) {
  await db.updateTable('research_invitations').set(set).where('id', '=', id).execute();
}

/** The invitation behind a link, with its wave and study. */
export const invitationByTokenHash = (db: Db, tokenHash: string) =>
  db
    .selectFrom('research_invitations as i')
    .innerJoin('research_waves as w', 'w.id', 'i.wave_id')
    .innerJoin('research_studies as s', 's.id', 'i.study_id')
    .selectAll('i')
    .select([
      'w.title as wave_title',
      'w.status as wave_status',
      'w.ends_on as wave_ends_on',
      's.title as study_title',
      's.workspace_id as study_workspace_id',
    ])
    .where('i.token_hash', '=', tokenHash)
    .executeTakeFirst();

export type LinkRow = NonNullable<Awaited<ReturnType<typeof invitationByTokenHash>>>;

export const participantActor = async (db: Db, participantId: string) =>
  (
    await db
      .selectFrom('research_participants')
      .select('actor_id')
      .where('id', '=', participantId)
      .executeTakeFirst()
  )?.actor_id ?? null;

/** Inside the transaction that writes: the invitation's and its wave's state now. */
export const linkState = (db: Db, id: string) =>
  db
    .selectFrom('research_invitations as i')
    .innerJoin('research_waves as w', 'w.id', 'i.wave_id')
    .select(['i.submitted_at', 'i.revoked_at', 'i.expires_at', 'w.status as wave_status'])
    .where('i.id', '=', id)
    .executeTakeFirst();

/**
 * Takes the invitation's row for this transaction (a write: on PostgreSQL a concurrent save or
 * submit of the same link waits until this one commits, then sees it) and marks it started.
 * False when the link was submitted or revoked meanwhile.
 */
export async function holdInvitation(db: Db, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('research_invitations')
    .set({ started_at: sql<string>`coalesce(started_at, ${now})` })
    .where('id', '=', id)
    .where('submitted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function claimSubmit(db: Db, id: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('research_invitations')
    .set({ submitted_at: now })
    .where('id', '=', id)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- Answers ----

export const answersOf = (db: Db, waveId: string, participantId: string) =>
  db
    .selectFrom('research_answers')
    .selectAll()
    .where('wave_id', '=', waveId)
    .where('participant_id', '=', participantId)
    .execute();

export const findAnswer = (db: Db, waveId: string, participantId: string, itemId: string) =>
  db
    .selectFrom('research_answers')
    .selectAll()
    .where('wave_id', '=', waveId)
    .where('participant_id', '=', participantId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();

export async function insertAnswer(db: Db, row: Insertable<ResearchAnswersTable>) {
  await db.insertInto('research_answers').values(row).execute();
}

export async function updateAnswer(db: Db, id: string, set: Updateable<ResearchAnswersTable>) {
  await db.updateTable('research_answers').set(set).where('id', '=', id).execute();
}

export async function deleteAnswer(db: Db, id: string) {
  await db.deleteFrom('research_named_actors').where('answer_id', '=', id).execute();
  await db.deleteFrom('research_answers').where('id', '=', id).execute();
}

/** The ties a network answer records: one row per actor named. */
export async function replaceNamedActors(
  db: Db,
  studyId: string,
  answerId: string,
  actorIds: readonly string[],
) {
  await db.deleteFrom('research_named_actors').where('answer_id', '=', answerId).execute();
  for (const actorId of actorIds)
    await db
      .insertInto('research_named_actors')
      .values({ answer_id: answerId, study_id: studyId, actor_id: actorId })
      .execute();
}

/** The actors a network item offers: public actors of the study's workspaces, by name. */
export const candidateActors = (db: Db, workspaceIds: readonly string[]) =>
  workspaceIds.length
    ? db
        .selectFrom('actors')
        .select(['id', 'name'])
        .where('workspace_id', 'in', [...workspaceIds])
        .where('visibility', '=', 'public')
        .orderBy('name')
        .orderBy('id')
        .execute()
    : Promise.resolve([]);
