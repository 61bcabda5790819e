import { newId, sha256 } from '../../auth/crypto.ts';
import { isoAfter, nowIso, type Actor, type AppContext } from '../../context.ts';
import { decryptOptional } from '../../crypto/field-encryption.ts';
import type { Db } from '../../db/dialect.ts';
import { conflict, fieldError } from '../../http/problem.ts';
import { enqueueEmail } from '../../mail/outbox.ts';
import { invalid, userIdOf } from '../activities/checks.ts';
import { audit } from '../audit/service.ts';
import { teamStudy } from './access.ts';
import { consentStates, mayCollect } from './consent-rules.ts';
import {
  newNonce,
  participantToken,
  questionnaireLink,
  researchInviteMail,
  researchReminderMail,
} from './invitation-mail.ts';
import { consentEvents } from './participant-repo.ts';
import { TABLE as PARTICIPANTS } from './participant-service.ts';
import { waveOf } from './wave-service.ts';
import {
  actorEmail,
  insertInvitation,
  listInvitations,
  participantsOf,
  setInvitation,
  type InvitationRow,
  type InviteeRow,
} from './wave-repo.ts';
import type { InvitationList, InviteInput, InviteResult, SkipReason } from './wave-schema.ts';

// Invitations to a wave: one single-use link per participant, mailed (Dutch, then English).
// Only participants whose participation consent is given are invited, and none who withdrew
// consent to be contacted for later waves. The address is the external participant's encrypted
// email or the carrier's contact email; each such read is an audit event in the transaction that
// sends. The team sees pseudonyms and link states only.

const DAY = 86_400;

export function invitationStatus(i: InvitationRow, now: string) {
  if (i.submitted_at) return 'submitted' as const;
  if (i.revoked_at) return 'revoked' as const;
  if (i.expires_at < now) return 'expired' as const;
  if (i.started_at) return 'started' as const;
  return 'pending' as const;
}

export async function getInvitations(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
): Promise<InvitationList> {
  await teamStudy(ctx.db, actor, workspaceId, studyId);
  await waveOf(ctx.db, studyId, waveId);
  const now = nowIso(ctx);
  const rows = await listInvitations(ctx.db, waveId);
  const items = rows.map((i) => ({
    id: i.id,
    participantId: i.participant_id,
    pseudonym: i.pseudonym,
    status: invitationStatus(i, now),
    sentAt: i.sent_at,
    remindedAt: i.reminded_at,
    startedAt: i.started_at,
    submittedAt: i.submitted_at,
    expiresAt: i.expires_at,
  }));
  const invited = items.length;
  const started = items.filter((i) => i.startedAt).length;
  const submitted = items.filter((i) => i.submittedAt).length;
  return {
    items,
    summary: { invited, started, submitted, responseRate: invited ? submitted / invited : 0 },
  };
}

/** Where the participant's link goes; reading it is audited (in the caller's transaction). */
async function addressOf(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  workspaceId: string,
  p: InviteeRow,
): Promise<string | null> {
  const email =
    p.kind === 'external'
      ? decryptOptional(
          ctx.config.fieldEncryptionKeys,
          { table: PARTICIPANTS, column: 'email_enc', rowId: p.id },
          p.email_enc,
        )
      : p.actor_id
        ? await actorEmail(db, p.actor_id)
        : null;
  if (email)
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
      db,
    );
  return email;
}

const notOpen = () =>
  conflict('wave_not_open', 'Invitations and reminders go out only while the wave is open.');

export async function invite(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
  input: InviteInput,
): Promise<InviteResult> {
  const { study } = await teamStudy(ctx.db, actor, workspaceId, studyId);
  const wave = await waveOf(ctx.db, studyId, waveId);
  if (wave.status !== 'open') throw notOpen();
  const now = nowIso(ctx);
  const expiresAt = isoAfter(ctx, (input.expiresInDays ?? 30) * DAY);
  return ctx.db.transaction().execute(async (trx) => {
    const all = await participantsOf(trx, studyId);
    const byId = new Map(all.map((p) => [p.id, p]));
    const ids = input.participantIds ? [...new Set(input.participantIds)] : all.map((p) => p.id);
    const unknown = (input.participantIds ?? []).flatMap((id, i) =>
      byId.has(id)
        ? []
        : [
            fieldError(
              `/participantIds/${i}`,
              'unknown_participant',
              'No such participant in this study.',
            ),
          ],
    );
    if (unknown.length) throw invalid(unknown);
    const invited = new Set((await listInvitations(trx, waveId)).map((i) => i.participant_id));
    const events = await consentEvents(trx, studyId, ids);
    const skipped: InviteResult['skipped'] = [];
    let created = 0;
    for (const id of ids) {
      const p = byId.get(id)!;
      const states = consentStates(events.filter((e) => e.participant_id === id));
      const skip = (reason: SkipReason) =>
        skipped.push({ participantId: id, pseudonym: p.pseudonym, reason });
      if (invited.has(id)) skip('already_invited');
      else if (!mayCollect(states, 'participation')) skip('no_consent');
      else if (states.recontact === 'withdrawn') skip('no_recontact');
      else {
        const to = await addressOf(ctx, trx, actor, workspaceId, p);
        if (!to) {
          skip('no_email');
          continue;
        }
        const nonce = newNonce();
        const token = participantToken(ctx, waveId, id, nonce);
        await insertInvitation(trx, {
          id: newId(),
          study_id: studyId,
          wave_id: waveId,
          participant_id: id,
          token_hash: sha256(token),
          nonce,
          language: input.language ?? 'nl',
          expires_at: expiresAt,
          sent_at: now,
          reminded_at: null,
          started_at: null,
          submitted_at: null,
          revoked_at: null,
          created_by: userIdOf(actor),
          created_at: now,
        });
        await enqueueEmail(ctx, trx, {
          to,
          ...researchInviteMail({
            study: study.title,
            wave: wave.title,
            expiresAt,
            link: questionnaireLink(ctx, token),
          }),
        });
        created += 1;
      }
    }
    return { created, skipped };
  });
}

/** Mails the same link again to every invitee who has not submitted and whose link still works. */
export async function remind(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  studyId: string,
  waveId: string,
) {
  const { study } = await teamStudy(ctx.db, actor, workspaceId, studyId);
  const wave = await waveOf(ctx.db, studyId, waveId);
  if (wave.status !== 'open') throw notOpen();
  const now = nowIso(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const byId = new Map((await participantsOf(trx, studyId)).map((p) => [p.id, p]));
    const due = (await listInvitations(trx, waveId)).filter((i) =>
      ['pending', 'started'].includes(invitationStatus(i, now)),
    );
    const events = await consentEvents(
      trx,
      studyId,
      due.map((i) => i.participant_id),
    );
    let reminded = 0;
    for (const i of due) {
      const states = consentStates(events.filter((e) => e.participant_id === i.participant_id));
      if (!mayCollect(states, 'participation') || states.recontact === 'withdrawn') continue;
      const to = await addressOf(ctx, trx, actor, workspaceId, byId.get(i.participant_id)!);
      if (!to) continue;
      await setInvitation(trx, i.id, { reminded_at: now });
      await enqueueEmail(ctx, trx, {
        to,
        ...researchReminderMail({
          study: study.title,
          wave: wave.title,
          expiresAt: i.expires_at,
          link: questionnaireLink(ctx, participantToken(ctx, waveId, i.participant_id, i.nonce)),
        }),
      });
      reminded += 1;
    }
    return { reminded };
  });
}
