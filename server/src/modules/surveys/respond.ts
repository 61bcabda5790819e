import { sha256 } from '../../auth/crypto.ts';
import { nowIso, type AppContext } from '../../context.ts';
import type { SurveyResource } from '../../db/types.ts';
import { badRequest, conflict, fieldError, type FieldError } from '../../http/problem.ts';
import { assertNotLimited, count, type Counter } from '../auth/rate-limit.ts';
import { rateLimitKey } from '../auth/sessions.ts';
import { invalid } from '../activities/checks.ts';
import {
  answersOf,
  claimSubmit,
  memberByTokenHash,
  putAnswer,
  roundMembers,
  setMember,
  stillAnswering,
  type AnswerRow,
} from './repo.ts';
import { ratingItems, type Answer, type AnswerInput, type Questionnaire } from './schema.ts';
import { todayOf } from './service.ts';

// The questionnaire behind a survey link (no account: the token authenticates). A token belongs
// to one member of one round. It works from the round's opening until the member submits, the
// round is closed, or its closing day has passed — whichever comes first; until then the member
// may open it again and again and save answers as they go. Every refusal writes nothing.

/** Failed token attempts per client address per 15 minutes, then 429. */
export const SURVEY_CLIENT_MAX = 20;

const clientCounter = (ctx: AppContext, clientId: string): Counter => ({
  key: rateLimitKey(ctx, 'survey-client', clientId),
  max: SURVEY_CLIENT_MAX,
});

const tokenInvalid = () =>
  badRequest('token_invalid', 'This survey link is invalid.', [
    fieldError('/token', 'token_invalid', 'This survey link is invalid.'),
  ]);

/** The member holding the token, if it may still answer; else the reason as problem+json. */
async function respondent(ctx: AppContext, token: string, clientId: string) {
  const c = clientCounter(ctx, clientId);
  await assertNotLimited(ctx, c);
  const m = await memberByTokenHash(ctx.db, sha256(token));
  if (!m) {
    await count(ctx, c);
    throw tokenInvalid();
  }
  if (m.submitted_at)
    throw conflict('already_submitted', 'These answers were submitted; the link no longer works.');
  if (m.status !== 'open' || m.closes_on < todayOf(ctx))
    throw conflict('round_closed', 'This survey round is closed; answers are no longer taken.');
  return m;
}

const toAnswer = (r: AnswerRow): Answer => ({
  alterId: r.alter_id,
  chosen: Number(r.chosen) === 1,
  frequency: r.frequency,
  intensity: r.intensity,
  reliability: r.reliability,
  mission: r.mission,
  openness: r.openness,
  power: r.power,
  involvement: r.involvement,
  resources: r.resources,
  brings: JSON.parse(r.brings) as SurveyResource[],
  updatedAt: r.updated_at,
});

/**
 * Whether a member is in the list others choose from: private actors are not (least visibility:
 * a respondent needs no account and sees every name in the list); they may still answer.
 * (An answer about one is still taken, as before: it names no one to the respondent.)
 */
const nameable = (x: { visibility: string }) => x.visibility !== 'private';

export async function lookupQuestionnaire(
  ctx: AppContext,
  token: string,
  clientId: string,
): Promise<Questionnaire> {
  const m = await respondent(ctx, token, clientId);
  if (!m.started_at) await setMember(ctx.db, m.round_id, m.actor_id, { started_at: nowIso(ctx) });
  const [members, answers] = await Promise.all([
    roundMembers(ctx.db, m.workspace_id, m.round_id),
    answersOf(ctx.db, m.round_id, m.actor_id),
  ]);
  return {
    round: {
      title: m.title,
      intro: m.intro,
      closesOn: m.closes_on,
      workspaceName: m.workspace_name,
    },
    respondent: { actorId: m.actor_id, name: m.actor_name },
    alters: members
      .filter((x) => nameable(x) && x.actor_id !== m.actor_id)
      .map((x) => ({ actorId: x.actor_id, name: x.name })),
    answers: answers.map(toAnswer),
    submittedAt: null,
  };
}

/**
 * Saves one answer about another member of the round (replacing an earlier one). Not chosen: the
 * other fields are cleared. Ratings outside 1–4 and a member not in the round are listed at once.
 */
export async function saveAnswer(
  ctx: AppContext,
  alterId: string,
  input: AnswerInput,
  clientId: string,
): Promise<Answer> {
  const m = await respondent(ctx, input.token, clientId);
  const errors: FieldError[] = [];
  const members = await roundMembers(ctx.db, m.workspace_id, m.round_id);
  if (alterId === m.actor_id || !members.some((x) => x.actor_id === alterId))
    errors.push(
      fieldError('/alterId', 'unknown_alter', 'Not another member of this round.', 'path'),
    );
  for (const item of ratingItems) {
    const x = input[item];
    if (x !== null && x !== undefined && (x < 1 || x > 4))
      errors.push(fieldError(`/${item}`, 'out_of_range', 'A rating is 1, 2, 3 or 4.'));
  }
  if (errors.length) throw invalid(errors);
  const chosen = input.chosen;
  const keep = <T>(x: T | null | undefined) => (chosen ? (x ?? null) : null);
  const row: AnswerRow = {
    round_id: m.round_id,
    workspace_id: m.workspace_id,
    rater_id: m.actor_id,
    alter_id: alterId,
    chosen: chosen ? 1 : 0,
    frequency: keep(input.frequency),
    intensity: keep(input.intensity),
    reliability: keep(input.reliability),
    mission: keep(input.mission),
    openness: keep(input.openness),
    power: keep(input.power),
    involvement: keep(input.involvement),
    resources: keep(input.resources),
    brings: JSON.stringify(chosen ? [...new Set(input.brings)].sort() : []),
    updated_at: nowIso(ctx),
  };
  await ctx.db.transaction().execute(async (trx) => {
    // Checked again here: the round may have closed (or the member submitted) since `respondent`.
    const state = await stillAnswering(trx, m.round_id, m.actor_id);
    if (state === 'round_closed')
      throw conflict('round_closed', 'This survey round is closed; answers are no longer taken.');
    if (state === 'already_submitted')
      throw conflict(
        'already_submitted',
        'These answers were submitted; the link no longer works.',
      );
    await putAnswer(trx, row);
    if (!m.started_at) await setMember(trx, m.round_id, m.actor_id, { started_at: row.updated_at });
  });
  return toAnswer(row);
}

/** Submits: every chosen member needs an intensity. After this the link no longer works. */
export async function submitAnswers(ctx: AppContext, token: string, clientId: string) {
  const m = await respondent(ctx, token, clientId);
  const answers = await answersOf(ctx.db, m.round_id, m.actor_id);
  const missing = answers.filter((a) => Number(a.chosen) === 1 && a.intensity === null);
  if (missing.length)
    throw invalid(
      missing.map((a) =>
        fieldError(
          `/answers/${a.alter_id}/intensity`,
          'required',
          'Say how closely you work with each member you chose.',
        ),
      ),
    );
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (!m.started_at) await setMember(trx, m.round_id, m.actor_id, { started_at: now });
    if (!(await claimSubmit(trx, m.round_id, m.actor_id, now)))
      throw conflict('already_submitted', 'These answers were submitted already.');
  });
  return { submittedAt: now };
}
