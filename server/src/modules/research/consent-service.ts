import { newId } from '../../auth/crypto.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { decryptOptional, encryptOptional } from '../../crypto/field-encryption.ts';
import type { Db } from '../../db/dialect.ts';
import type { ConsentPurpose } from '../../db/types.ts';
import { conflict, fieldError, type FieldError } from '../../http/problem.ts';
import { invalid, userIdOf } from '../activities/checks.ts';
import { audit } from '../audit/service.ts';
import { stewardStudy, teamStudy } from './access.ts';
import { consentStates, exportable, mayCollect, type ConsentStates } from './consent-rules.ts';
import {
  consentEvents,
  insertConsentEvent,
  nextConsentSeq,
  type ConsentEventRow,
} from './participant-repo.ts';
import { participantOf } from './participant-service.ts';
import type { ConsentEventOut, ConsentHistory, ConsentInput } from './schema.ts';

// Consent per participant and purpose, as an append-only history: giving and withdrawing are the
// same single call, and the latest decision per purpose is the state. Only the steward records
// consent and reads its notes back (each such read is an audit event); the team sees the rest.

const TABLE = 'research_consent_events';
const noteAt = (id: string) => ({ table: TABLE, column: 'note_enc', rowId: id });

const eventOut = (e: ConsentEventRow, note?: string | null): ConsentEventOut => ({
  id: e.id,
  purpose: e.purpose,
  decision: e.decision,
  method: e.method,
  letterVersion: e.letter_version,
  date: e.decided_on,
  ...(note !== undefined ? { note } : {}),
  recordedAt: e.created_at,
});

function consentErrors(input: ConsentInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.decision === 'given' && !input.letterVersion)
    errors.push(
      fieldError('/letterVersion', 'required', 'Name the information letter consent was given on.'),
    );
  if (input.date && input.date > today)
    errors.push(fieldError('/date', 'future_date', `Not later than today, ${today}.`));
  return errors;
}

/** Records a decision (given or withdrawn) for one purpose. */
export async function recordConsent(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  participantId: string,
  input: ConsentInput,
): Promise<ConsentEventOut> {
  const { study } = await stewardStudy(ctx.db, actor, workspaceId, studyId);
  const now = nowIso(ctx);
  const row = await ctx.db.transaction().execute(async (trx) => {
    await participantOf(trx, studyId, participantId);
    const errors = consentErrors(input, now.slice(0, 10));
    if (errors.length) throw invalid(errors);
    const id = newId();
    const row: ConsentEventRow = {
      id,
      study_id: studyId,
      workspace_id: study.workspace_id,
      participant_id: participantId,
      seq: await nextConsentSeq(trx, participantId),
      purpose: input.purpose,
      decision: input.decision,
      letter_version: input.letterVersion ?? null,
      method: input.method,
      decided_on: input.date ?? now.slice(0, 10),
      note_enc: encryptOptional(ctx.config.fieldEncryptionKeys, noteAt(id), input.note ?? null),
      recorded_by: userIdOf(actor),
      created_at: now,
    };
    await insertConsentEvent(trx, row);
    await audit(
      ctx,
      {
        action: 'research.consent_recorded',
        result: 'ok',
        actorUserId: userIdOf(actor),
        workspaceId,
        objectType: 'research_participant',
        objectId: participantId,
      },
      trx,
    );
    return row;
  });
  return eventOut(row);
}

/**
 * The history and state of a participant's consent. The steward gets the notes too: decrypting
 * them is a read of special-category text, audited in the same transaction.
 */
export async function getConsent(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  participantId: string,
): Promise<ConsentHistory> {
  const { role } = await teamStudy(ctx.db, actor, workspaceId, studyId);
  return ctx.db.transaction().execute(async (trx) => {
    const p = await participantOf(trx, studyId, participantId);
    const events = await consentEvents(trx, studyId, [p.id]);
    const withNotes = role === 'steward';
    if (withNotes && events.some((e) => e.note_enc !== null))
      await audit(
        ctx,
        {
          action: 'research.encrypted_read',
          result: 'ok',
          actorUserId: userIdOf(actor),
          workspaceId,
          objectType: 'research_participant',
          objectId: p.id,
        },
        trx,
      );
    const states = consentStates(events);
    const keys = ctx.config.fieldEncryptionKeys;
    return {
      participantId: p.id,
      pseudonym: p.pseudonym,
      consent: states,
      mayCollect: mayCollect(states, 'participation'),
      exportable: exportable(states),
      history: events.map((e) =>
        eventOut(e, withNotes ? decryptOptional(keys, noteAt(e.id), e.note_enc) : undefined),
      ),
    };
  });
}

/** The consent state of a participant, for later parts (waves, exports) to ask before acting. */
export async function participantConsent(
  db: Db,
  studyId: string,
  participantId: string,
): Promise<ConsentStates> {
  return consentStates(await consentEvents(db, studyId, [participantId]));
}

/** May new data of this purpose be collected from the participant now? */
export const participantMayCollect = async (
  db: Db,
  studyId: string,
  participantId: string,
  purpose: ConsentPurpose,
) => mayCollect(await participantConsent(db, studyId, participantId), purpose);

/** New data of the participant needs current consent for the purpose (409 otherwise). */
export async function assertMayCollect(
  db: Db,
  studyId: string,
  participantId: string,
  p: ConsentPurpose,
) {
  if (await participantMayCollect(db, studyId, participantId, p)) return;
  throw p === 'recording'
    ? conflict(
        'no_recording_consent',
        'The participant has not (or no longer) consented to recordings: no audio or video is stored.',
      )
    : conflict(
        'no_consent',
        'The participant has no current participation consent: no new data is collected.',
      );
}

/**
 * Analysis of what was already collected (coding a transcript or an open answer) stops when the
 * participant withdraws participation (409). Material of an earlier wave whose consent was given
 * on paper and not (yet) recorded may still be coded.
 */
export async function assertNotWithdrawn(db: Db, studyId: string, participantId: string) {
  const states = await participantConsent(db, studyId, participantId);
  if (states.participation !== 'withdrawn') return;
  throw conflict(
    'consent_withdrawn',
    'The participant withdrew from the study: their material is not coded any further.',
  );
}
