import { newId } from '../../auth/crypto.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { decryptOptional, encryptField, encryptOptional } from '../../crypto/field-encryption.ts';
import {
  freePseudonym,
  identityHash,
  pseudonymOf,
  studyPseudonymKey,
  type ParticipantIdentity,
} from '../../crypto/research-pseudonyms.ts';
import { conflict, fieldError, notFound } from '../../http/problem.ts';
import { invalid, userIdOf } from '../activities/checks.ts';
import { audit } from '../audit/service.ts';
import { stewardStudy, teamStudy } from './access.ts';
import { consentStates, exportable, mayCollect } from './consent-rules.ts';
import {
  actorName,
  consentEvents,
  findByIdentity,
  findParticipant,
  insertParticipant,
  insertReidentification,
  listParticipants,
  personIn,
  pseudonymsStartingWith,
  type ParticipantRow,
} from './participant-repo.ts';
import type { ParticipantCreate, ParticipantOut, ReIdentification } from './schema.ts';
import { studyWorkspaces } from './study-repo.ts';

// Participants: a carrier of one of the study's workspaces or an external person (name and email
// stored field-encrypted). The team sees pseudonyms and consent only; the steward alone adds
// participants and re-identifies one, with a reason, in the same transaction as its audit event.

export const TABLE = 'research_participants';

/** The team's view of participants: pseudonym and consent, nothing that identifies. */
export async function participantDtos(
  db: Db,
  studyId: string,
  rows: ParticipantRow[],
): Promise<ParticipantOut[]> {
  const events = await consentEvents(
    db,
    studyId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const states = consentStates(events.filter((e) => e.participant_id === r.id));
    return {
      id: r.id,
      pseudonym: r.pseudonym,
      consent: states,
      mayCollect: mayCollect(states, 'participation'),
      exportable: exportable(states),
      createdAt: r.created_at,
    };
  });
}

/** The participant of the study, or 404 (also for a participant of another study). */
export async function participantOf(db: Db, studyId: string, id: string) {
  const row = await findParticipant(db, studyId, id);
  if (!row) throw notFound('No such participant in this study.');
  return row;
}

/** Adds a participant, or returns the one the identity already is (created: false). */
export async function addParticipant(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  input: ParticipantCreate,
): Promise<{ created: boolean; participant: ParticipantOut }> {
  const { study } = await stewardStudy(ctx.db, actor, workspaceId, studyId);
  if (study.status === 'closed')
    throw conflict('study_closed', 'A closed study takes no new participants.');
  const { row, created } = await ctx.db.transaction().execute(async (trx) => {
    const spans = (await studyWorkspaces(trx, [studyId])).get(studyId)!;
    if (input.kind === 'actor' && !(await personIn(trx, spans, input.actorId)))
      throw invalid([
        fieldError(
          '/actorId',
          'unknown_actor',
          'No carrier (person) with this id in a workspace of this study.',
        ),
      ]);
    const identity: ParticipantIdentity =
      input.kind === 'actor'
        ? { kind: 'actor', actorId: input.actorId }
        : { kind: 'external', email: input.email };
    const hash = identityHash(
      studyPseudonymKey(ctx.config.researchPseudonymKey, studyId),
      identity,
    );
    const existing = await findByIdentity(trx, studyId, hash.toString('hex'));
    if (existing) return { row: existing, created: false };
    const taken = await pseudonymsStartingWith(trx, studyId, pseudonymOf(hash));
    const id = newId();
    const keys = ctx.config.fieldEncryptionKeys;
    const at = (column: string) => ({ table: TABLE, column, rowId: id });
    const row: ParticipantRow = {
      id,
      study_id: studyId,
      workspace_id: study.workspace_id,
      kind: input.kind,
      actor_id: input.kind === 'actor' ? input.actorId : null,
      identity_hash: hash.toString('hex'),
      pseudonym: freePseudonym(hash, (c) => taken.has(c)),
      name_enc: input.kind === 'external' ? encryptField(keys, at('name_enc'), input.name) : null,
      email_enc: encryptOptional(
        keys,
        at('email_enc'),
        input.kind === 'external' ? input.email : null,
      ),
      created_by: userIdOf(actor),
      created_at: nowIso(ctx),
    };
    await insertParticipant(trx, row);
    await audit(
      ctx,
      {
        action: 'research.participant_added',
        result: 'ok',
        actorUserId: userIdOf(actor),
        workspaceId,
        objectType: 'research_participant',
        objectId: id,
      },
      trx,
    );
    return { row, created: true };
  });
  return { created, participant: (await participantDtos(ctx.db, studyId, [row]))[0]! };
}

export async function getParticipants(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  page: { offset: number; limit: number },
) {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  const { rows, total } = await listParticipants(ctx.db, studyId, page.offset, page.limit);
  return { items: await participantDtos(ctx.db, studyId, rows), total };
}

export async function getParticipant(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  id: string,
) {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  return (await participantDtos(ctx.db, studyId, [await participantOf(ctx.db, studyId, id)]))[0]!;
}

/**
 * The steward reads who a participant is. The reason is stored (encrypted) and the read is an
 * audit event, both in the transaction that decrypts: no identity leaves without its trail.
 */
export async function reIdentify(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  id: string,
  reason: string,
): Promise<ReIdentification> {
  const { study } = await stewardStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const p = await participantOf(trx, studyId, id);
    const now = nowIso(ctx);
    const rid = newId();
    const keys = ctx.config.fieldEncryptionKeys;
    await insertReidentification(trx, {
      id: rid,
      study_id: studyId,
      workspace_id: study.workspace_id,
      participant_id: p.id,
      user_id: userIdOf(actor),
      reason_enc: encryptField(
        keys,
        { table: 'research_reidentifications', column: 'reason_enc', rowId: rid },
        reason,
      ),
      created_at: now,
    });
    await audit(
      ctx,
      {
        action: 'research.reidentified',
        result: 'ok',
        actorUserId: userIdOf(actor),
        workspaceId,
        objectType: 'research_participant',
        objectId: p.id,
      },
      trx,
    );
    const at = (column: string) => ({ table: TABLE, column, rowId: p.id });
    return {
      participantId: p.id,
      pseudonym: p.pseudonym,
      kind: p.kind,
      actorId: p.actor_id,
      name: p.actor_id
        ? await actorName(trx, p.actor_id)
        : decryptOptional(keys, at('name_enc'), p.name_enc),
      email: decryptOptional(keys, at('email_enc'), p.email_enc),
      auditedAt: now,
    };
  });
}
