import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type {
  ResearchConsentEventsTable,
  ResearchParticipantsTable,
  ResearchReidentificationsTable,
} from '../../db/types.ts';

// Participants, their consent history and re-identifications. Kysely only; every query names
// the study. Consent events are only ever inserted: there is no update or delete here.

export type ParticipantRow = Selectable<ResearchParticipantsTable>;
export type ConsentEventRow = Selectable<ResearchConsentEventsTable>;

export async function insertParticipant(db: Db, row: Insertable<ResearchParticipantsTable>) {
  await db.insertInto('research_participants').values(row).execute();
}

export const findParticipant = (db: Db, studyId: string, id: string) =>
  db
    .selectFrom('research_participants')
    .selectAll()
    .where('study_id', '=', studyId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findByIdentity = (db: Db, studyId: string, identityHash: string) =>
  db
    .selectFrom('research_participants')
    .selectAll()
    .where('study_id', '=', studyId)
    .where('identity_hash', '=', identityHash)
    .executeTakeFirst();

/** Pseudonyms of the study that start with the prefix (collision check). */
export async function pseudonymsStartingWith(db: Db, studyId: string, prefix: string) {
  const rows = await db
    .selectFrom('research_participants')
    .select('pseudonym')
    .where('study_id', '=', studyId)
    .where('pseudonym', 'like', `${prefix}%`)
    .execute();
  return new Set(rows.map((r) => r.pseudonym));
}

export async function listParticipants(db: Db, studyId: string, offset: number, limit: number) {
  const q = db.selectFrom('research_participants').where('study_id', '=', studyId);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('pseudonym').offset(offset).limit(limit).execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** A person (carrier) record of one of the workspaces. */
export const personIn = (db: Db, workspaceIds: readonly string[], actorId: string) =>
  db
    .selectFrom('actors')
    .select(['id', 'name', 'kind'])
    .where('workspace_id', 'in', [...workspaceIds])
    .where('id', '=', actorId)
    .where('kind', '=', 'person')
    .executeTakeFirst();

/**
 * Persons (carriers) of the workspaces whose contact email or account email is one of `emails`
 * (given in lower case), with the email that matched.
 */
export async function personsByEmail(
  db: Db,
  workspaceIds: readonly string[],
  emails: readonly string[],
): Promise<{ id: string; email: string }[]> {
  if (emails.length === 0 || workspaceIds.length === 0) return [];
  const rows = await db
    .selectFrom('actors as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.email', 'u.email as user_email'])
    .where('a.workspace_id', 'in', [...workspaceIds])
    .where('a.kind', '=', 'person')
    .where((eb) =>
      eb.or([eb(eb.fn('lower', ['a.email']), 'in', [...emails]), eb('u.email', 'in', [...emails])]),
    )
    .execute();
  const wanted = new Set(emails);
  return rows.flatMap((r) =>
    [r.email?.toLowerCase(), r.user_email?.toLowerCase()]
      .filter((e, i, all): e is string => !!e && wanted.has(e) && all.indexOf(e) === i)
      .map((email) => ({ id: r.id, email })),
  );
}

export const actorName = async (db: Db, actorId: string) =>
  (await db.selectFrom('actors').select('name').where('id', '=', actorId).executeTakeFirst())
    ?.name ?? null;

/** The consent events of the participants, oldest first. */
export async function consentEvents(db: Db, studyId: string, participantIds: readonly string[]) {
  if (!participantIds.length) return [];
  return db
    .selectFrom('research_consent_events')
    .selectAll()
    .where('study_id', '=', studyId)
    .where('participant_id', 'in', [...participantIds])
    .orderBy('participant_id')
    .orderBy('seq')
    .execute();
}

export async function nextConsentSeq(db: Db, participantId: string): Promise<number> {
  const r = await db
    .selectFrom('research_consent_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return Number(r?.seq ?? 0) + 1;
}

export async function insertConsentEvent(db: Db, row: Insertable<ResearchConsentEventsTable>) {
  await db.insertInto('research_consent_events').values(row).execute();
}

export async function insertReidentification(
  db: Db,
  row: Insertable<ResearchReidentificationsTable>,
) {
  await db.insertInto('research_reidentifications').values(row).execute();
}
