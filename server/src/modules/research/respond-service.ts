import { newId, sha256 } from '../../auth/crypto.ts';
import { nowIso, type AppContext } from '../../context.ts';
import { decryptField, encryptField } from '../../crypto/field-encryption.ts';
import type { Db } from '../../db/dialect.ts';
import { badRequest, conflict, fieldError } from '../../http/problem.ts';
import { invalid } from '../activities/checks.ts';
import { audit } from '../audit/service.ts';
import { assertNotLimited, count, type Counter } from '../auth/rate-limit.ts';
import { rateLimitKey } from '../auth/sessions.ts';
import { participantMayCollect } from './consent-service.ts';
import { answerValueOf, checkAnswer, missingRequired, type AnswerValue } from './item-rules.ts';
import { studyWorkspaces } from './study-repo.ts';
import { itemOut } from './wave-service.ts';
import {
  answersOf,
  candidateActors,
  claimSubmit,
  deleteAnswer,
  findAnswer,
  holdInvitation,
  insertAnswer,
  invitationByTokenHash,
  linkState,
  listItems,
  participantActor,
  replaceNamedActors,
  setInvitation,
  updateAnswer,
  type ItemRow,
  type LinkRow,
} from './wave-repo.ts';
import type { Questionnaire } from './wave-schema.ts';

// The questionnaire behind an emailed research link (no account: the token authenticates). A
// link works while its wave is open, until it expires, is revoked or its answers are submitted,
// and only while the participant's participation consent stands: after a withdrawal nothing more
// is collected. Answers are saved as they go; open text is stored field-encrypted. Every refusal
// writes nothing (save: the state is checked again inside the writing transaction).

/** Failed token attempts per client address per 15 minutes, then 429. */
export const RESEARCH_CLIENT_MAX = 20;

const clientCounter = (ctx: AppContext, clientId: string): Counter => ({
  key: rateLimitKey(ctx, 'research-client', clientId),
  max: RESEARCH_CLIENT_MAX,
});

const ANSWERS = 'research_answers';
const textAt = (answerId: string) => ({
  table: ANSWERS,
  column: 'value_text_enc',
  rowId: answerId,
});

const tokenInvalid = () =>
  badRequest('token_invalid', 'This questionnaire link is invalid.', [
    fieldError('/token', 'token_invalid', 'This questionnaire link is invalid.'),
  ]);

interface LinkState {
  submitted_at: string | null;
  revoked_at: string | null;
  expires_at: string;
  wave_status: string;
}

/** Why a link no longer takes answers (409), or nothing. */
async function refusal(db: Db, s: LinkState, studyId: string, participantId: string, now: string) {
  if (s.submitted_at)
    return conflict('already_submitted', 'These answers were submitted; the link no longer works.');
  if (s.revoked_at) return conflict('link_revoked', 'This questionnaire link was withdrawn.');
  if (s.wave_status !== 'open')
    return conflict('wave_closed', 'This questionnaire is closed; answers are no longer taken.');
  if (s.expires_at < now) return conflict('link_expired', 'This questionnaire link has expired.');
  if (!(await participantMayCollect(db, studyId, participantId, 'participation')))
    return conflict(
      'consent_withdrawn',
      'Participation in this study was withdrawn: no data is collected any more.',
    );
  return null;
}

/** The invitation holding the token, if it may still answer; else the reason as problem+json. */
async function respondent(ctx: AppContext, token: string, clientId: string): Promise<LinkRow> {
  const c = clientCounter(ctx, clientId);
  await assertNotLimited(ctx, c);
  const link = await invitationByTokenHash(ctx.db, sha256(token));
  if (!link) {
    await count(ctx, c);
    throw tokenInvalid();
  }
  const refused = await refusal(ctx.db, link, link.study_id, link.participant_id, nowIso(ctx));
  if (refused) throw refused;
  return link;
}

/** Inside the writing transaction: the link still takes answers. */
/**
 * Inside the writing transaction: holds the link's row first (concurrent writes of one link run
 * one after the other), then checks it still may answer (not submitted, revoked or expired, the
 * wave open, consent current).
 */
async function stillAnswering(trx: Db, link: LinkRow, now: string) {
  const held = await holdInvitation(trx, link.id, now);
  const state = await linkState(trx, link.id);
  if (!state) throw tokenInvalid();
  const refused = await refusal(trx, state, link.study_id, link.participant_id, now);
  if (refused) throw refused;
  if (!held) throw conflict('already_submitted', 'These answers were submitted already.');
}

async function candidatesFor(db: Db, link: LinkRow) {
  const spans = (await studyWorkspaces(db, [link.study_id])).get(link.study_id) ?? [];
  const own = await participantActor(db, link.participant_id);
  return (await candidateActors(db, spans)).filter((a) => a.id !== own);
}

export async function lookupQuestionnaire(
  ctx: AppContext,
  token: string,
  clientId: string,
): Promise<Questionnaire> {
  const link = await respondent(ctx, token, clientId);
  const items = await listItems(ctx.db, link.wave_id);
  const candidates = items.some((i) => i.kind === 'network')
    ? await candidatesFor(ctx.db, link)
    : [];
  const now = nowIso(ctx);
  const answers = await ctx.db.transaction().execute(async (trx) => {
    if (!link.started_at) await setInvitation(trx, link.id, { started_at: now });
    const rows = await answersOf(trx, link.wave_id, link.participant_id);
    // The participant reads their own open text back: still a decrypting read, so audited.
    if (rows.some((r) => r.value_text_enc !== null))
      await audit(
        ctx,
        {
          action: 'research.encrypted_read',
          result: 'ok',
          actorUserId: null,
          workspaceId: link.study_workspace_id,
          objectType: 'research_participant',
          objectId: link.participant_id,
        },
        trx,
      );
    return rows;
  });
  const byId = new Map(items.map((i) => [i.id, itemOut(i)]));
  const out: Record<string, AnswerValue> = {};
  for (const a of answers) {
    const item = byId.get(a.item_id);
    if (!item) continue;
    const text =
      a.value_text_enc === null
        ? null
        : decryptField(ctx.config.fieldEncryptionKeys, textAt(a.id), a.value_text_enc);
    out[a.item_id] = answerValueOf(item, a, text);
  }
  return {
    study: { title: link.study_title },
    wave: { title: link.wave_title, endsOn: link.wave_ends_on },
    language: link.language,
    expiresAt: link.expires_at,
    items: items.map((i) => ({
      ...byId.get(i.id)!,
      ...(i.kind === 'network' ? { candidates } : {}),
    })),
    answers: out,
    submittedAt: null,
  };
}

/** Saves (or with null, clears) the answer to one item of the link's wave. */
export async function saveAnswer(
  ctx: AppContext,
  itemId: string,
  input: { token: string; value: AnswerValue },
  clientId: string,
) {
  const link = await respondent(ctx, input.token, clientId);
  const row: ItemRow | undefined = (await listItems(ctx.db, link.wave_id)).find(
    (i) => i.id === itemId,
  );
  if (!row)
    throw invalid([
      fieldError('/itemId', 'unknown_item', 'Not an item of this questionnaire.', 'path'),
    ]);
  const item = itemOut(row);
  const candidates =
    item.kind === 'network'
      ? new Set((await candidatesFor(ctx.db, link)).map((a) => a.id))
      : undefined;
  const { errors, stored } = checkAnswer(item, input.value, candidates);
  if (errors.length) throw invalid(errors);
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await stillAnswering(trx, link, now);
    const existing = await findAnswer(trx, link.wave_id, link.participant_id, itemId);
    if (!stored) {
      if (existing) await deleteAnswer(trx, existing.id);
      return;
    }
    const id = existing?.id ?? newId();
    const values = {
      value_number: stored.number,
      value_json: stored.json === null ? null : JSON.stringify(stored.json),
      value_text_enc:
        stored.text === null
          ? null
          : encryptField(ctx.config.fieldEncryptionKeys, textAt(id), stored.text),
      source: 'link' as const,
      updated_at: now,
    };
    if (existing) await updateAnswer(trx, id, values);
    else
      await insertAnswer(trx, {
        id,
        study_id: link.study_id,
        wave_id: link.wave_id,
        participant_id: link.participant_id,
        item_id: itemId,
        created_at: now,
        ...values,
      });
    if (item.kind === 'network') await replaceNamedActors(trx, link.study_id, id, stored.actorIds);
  });
  return { itemId, savedAt: now };
}

/** Submits: every required item needs an answer. After this the link no longer works. */
export async function submitAnswers(ctx: AppContext, token: string, clientId: string) {
  const link = await respondent(ctx, token, clientId);
  const items = (await listItems(ctx.db, link.wave_id)).map(itemOut);
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await stillAnswering(trx, link, now);
    // Read with the link held: an answer cleared by a save running at the same time counts.
    const answered = new Set(
      (await answersOf(trx, link.wave_id, link.participant_id)).map((a) => a.item_id),
    );
    const missing = missingRequired(items, answered);
    if (missing.length)
      throw invalid(
        missing.map((code) =>
          fieldError(`/items/${code}`, 'required', 'This question needs an answer.'),
        ),
      );
    if (!(await claimSubmit(trx, link.id, now)))
      throw conflict('already_submitted', 'These answers were submitted already.');
  });
  return { submittedAt: now };
}
