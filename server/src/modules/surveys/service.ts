import { newId, sha256 } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { conflict, fieldError, notFound, type FieldError } from '../../http/problem.ts';
import { enqueueEmail } from '../../mail/outbox.ts';
import { invalid, userIdOf } from '../activities/checks.ts';
import { areaAndSubAreas } from '../directory/area-scope.ts';
import { insertTies } from '../ties/repo.ts';
import { bumpDirectoryVersion } from '../records/version.ts';
import { memberToken, newNonce, surveyInviteMail, surveyLink, surveyReminderMail } from './mail.ts';
import {
  actorIdsInAreas,
  claimReminder,
  deleteUnsubmittedAnswers,
  findRound,
  insertMembers,
  insertRound,
  listRounds,
  memberCandidates,
  roundAnswers,
  roundCounts,
  roundMembers,
  setMember,
  setRound,
  type RoundCounts,
  type RoundRow,
} from './repo.ts';
import type { Round, RoundCreate, RoundDetail, RoundListQuery } from './schema.ts';

// Survey rounds (netwerkmetingen): coordinators and admins create a round with its members, open
// it (every member is mailed a personal link), remind, and close it. Closing freezes the round:
// the chosen answers of members who submitted become ties (source 'survey') dated on the closing
// day, the answers of those who did not are dropped, and the round is read-only from then on.

export const MIN_MEMBERS = 2;

export const todayOf = (ctx: AppContext) => nowIso(ctx).slice(0, 10);

const rate = (c: RoundCounts) => (c.invited ? c.submitted / c.invited : null);

function view(row: RoundRow, c: RoundCounts | undefined): Round {
  const counts = c ?? { invited: 0, started: 0, submitted: 0 };
  return {
    id: row.id,
    title: row.title,
    intro: row.intro,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    reminderDays: Number(row.reminder_days),
    status: row.status,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    snapshotOn: row.snapshot_on,
    createdAt: row.created_at,
    ...counts,
    responseRate: rate(counts),
  };
}

export async function viewRound(db: Db, workspaceId: string, id: string) {
  const row = await findRound(db, workspaceId, id);
  if (!row) throw notFound('No such survey round.');
  return row;
}

export async function getRounds(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: Omit<RoundListQuery, 'page' | 'pageSize'>,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'surveys.read', workspaceId);
  const { rows, total } = await listRounds(ctx.db, workspaceId, q.status, page.offset, page.limit);
  const counts = await roundCounts(
    ctx.db,
    workspaceId,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => view(r, counts.get(r.id))), total };
}

export async function getRound(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
): Promise<RoundDetail> {
  assertCan(actor, 'surveys.read', workspaceId);
  const row = await viewRound(ctx.db, workspaceId, id);
  const [counts, members] = await Promise.all([
    roundCounts(ctx.db, workspaceId, [id]),
    roundMembers(ctx.db, workspaceId, id),
  ]);
  return {
    ...view(row, counts.get(id)),
    members: members.map((m) => ({
      actorId: m.actor_id,
      name: m.name,
      progress: m.submitted_at
        ? 'submitted'
        : m.started_at
          ? 'started'
          : m.invited_at
            ? 'invited'
            : 'not_invited',
      remindedAt: m.reminded_at,
    })),
  };
}

/** The members of a new round: by area, by list, each with an address; every error listed. */
async function chooseMembers(ctx: AppContext, workspaceId: string, input: RoundCreate) {
  const errors: FieldError[] = [];
  const areaIds = input.areaId
    ? await areaAndSubAreas(ctx.db, workspaceId, input.areaId).catch(() => {
        errors.push(fieldError('/areaId', 'unknown_area', 'No such area in this workspace.'));
        return [];
      })
    : [];
  const fromArea = await actorIdsInAreas(ctx.db, workspaceId, areaIds ?? []);
  const listed = input.members.map((m) => m.actorId);
  const found = await memberCandidates(ctx.db, workspaceId, [...listed, ...fromArea]);
  const entered = new Map<string, string>();
  const seen = new Set<string>();
  input.members.forEach((m, i) => {
    if (!found.has(m.actorId))
      errors.push(
        fieldError(`/members/${i}/actorId`, 'unknown_actor', 'No such actor in this workspace.'),
      );
    else if (seen.has(m.actorId))
      errors.push(fieldError(`/members/${i}/actorId`, 'duplicate', 'This actor is listed twice.'));
    seen.add(m.actorId);
    if (m.email) entered.set(m.actorId, m.email);
  });
  // Area members without an address are left out; listed ones need one (entered or linked).
  const usable: { actorId: string; email: string }[] = [];
  for (const id of [...new Set([...listed, ...fromArea])].filter((x) => found.has(x))) {
    const a = found.get(id)!;
    const address = entered.get(id) ?? a.user_email ?? a.actor_email ?? null;
    const i = listed.indexOf(id);
    if (address) usable.push({ actorId: id, email: address });
    else if (i >= 0)
      errors.push(
        fieldError(`/members/${i}/email`, 'email_required', 'This actor has no email address.'),
      );
  }
  if (usable.length < MIN_MEMBERS && errors.length === 0)
    errors.push(
      fieldError('/members', 'too_few_members', `A round needs at least ${MIN_MEMBERS} members.`),
    );
  return { errors, members: usable };
}

export async function createRound(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: RoundCreate,
): Promise<RoundDetail> {
  assertCan(actor, 'surveys.manage', workspaceId);
  const { errors, members } = await chooseMembers(ctx, workspaceId, input);
  if (input.closesOn < input.opensOn)
    errors.push(fieldError('/closesOn', 'before_opens_on', 'closesOn is before opensOn.'));
  if (input.closesOn < todayOf(ctx))
    errors.push(fieldError('/closesOn', 'in_the_past', 'closesOn has passed.'));
  if (errors.length) throw invalid(errors);
  const now = nowIso(ctx);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertRound(trx, {
      id,
      workspace_id: workspaceId,
      title: input.title,
      intro: input.intro,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      status: 'draft',
      reminder_days: input.reminderDays,
      opened_at: null,
      closed_at: null,
      snapshot_on: null,
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    });
    await insertMembers(
      trx,
      members.map((m) => ({
        round_id: id,
        workspace_id: workspaceId,
        actor_id: m.actorId,
        email: m.email,
        token_nonce: null,
        token_hash: null,
        invited_at: null,
        started_at: null,
        submitted_at: null,
        reminded_at: null,
      })),
    );
  });
  return getRound(ctx, actor, workspaceId, id);
}

const wrongState = (status: string, action: string) =>
  conflict('wrong_status', `A ${status} round cannot be ${action}.`);

/** Opens a draft round: each member gets a personal link by email, in one transaction. */
export async function openRound(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'surveys.manage', workspaceId);
  const round = await viewRound(ctx.db, workspaceId, id);
  if (round.status !== 'draft') throw wrongState(round.status, 'opened');
  if (round.closes_on < todayOf(ctx))
    throw invalid([fieldError('/closesOn', 'in_the_past', 'The round’s closing day has passed.')]);
  const workspace = await ctx.db
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await setRound(trx, workspaceId, id, 'draft', {
        status: 'open',
        opened_at: now,
        updated_at: now,
      }))
    )
      throw wrongState('non-draft', 'opened');
    for (const m of await roundMembers(trx, workspaceId, id)) {
      const nonce = newNonce();
      const token = memberToken(ctx, id, m.actor_id, nonce);
      await setMember(trx, id, m.actor_id, {
        token_nonce: nonce,
        token_hash: sha256(token),
        invited_at: now,
      });
      await enqueueEmail(ctx, trx, {
        to: m.email,
        ...surveyInviteMail({
          workspace: workspace.name,
          title: round.title,
          closesOn: round.closes_on,
          link: surveyLink(ctx, token),
        }),
      });
    }
  });
  return getRound(ctx, actor, workspaceId, id);
}

/**
 * Mails a reminder to every member of an open round who has not submitted and was not reminded
 * yet (`force`: also those reminded before — the manual "send reminders now"). Each reminder is
 * claimed with its email in one transaction, so the job mails each member once.
 */
export async function sendReminders(
  ctx: AppContext,
  round: RoundRow,
  workspaceName: string,
  force: boolean,
): Promise<number> {
  let sent = 0;
  for (const m of await roundMembers(ctx.db, round.workspace_id, round.id)) {
    if (m.submitted_at || !m.token_nonce) continue;
    sent += await ctx.db.transaction().execute(async (trx) => {
      const now = nowIso(ctx);
      if (force) await setMember(trx, round.id, m.actor_id, { reminded_at: now });
      else if (!(await claimReminder(trx, round.id, m.actor_id, now))) return 0;
      const token = memberToken(ctx, round.id, m.actor_id, m.token_nonce!);
      await enqueueEmail(ctx, trx, {
        to: m.email,
        ...surveyReminderMail({
          workspace: workspaceName,
          title: round.title,
          closesOn: round.closes_on,
          link: surveyLink(ctx, token),
        }),
      });
      return 1;
    });
  }
  return sent;
}

export async function remindNow(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'surveys.manage', workspaceId);
  const round = await viewRound(ctx.db, workspaceId, id);
  if (round.status !== 'open' || round.closes_on < todayOf(ctx))
    throw wrongState(round.status, 'reminded');
  const ws = await ctx.db
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return { reminded: await sendReminders(ctx, round, ws.name, true) };
}

/**
 * Closes an open round and freezes its snapshot: the chosen answers of members who submitted
 * become directed collaboration ties (rater → alter, the answered intensity) dated on the closing
 * day with source 'survey'; the answers of members who did not submit are deleted.
 */
export async function closeRound(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'surveys.manage', workspaceId);
  const round = await viewRound(ctx.db, workspaceId, id);
  if (round.status !== 'open') throw wrongState(round.status, 'closed');
  const now = nowIso(ctx);
  const day = todayOf(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const closed = await setRound(trx, workspaceId, id, 'open', {
      status: 'closed',
      closed_at: now,
      snapshot_on: day,
      updated_at: now,
    });
    if (!closed) throw wrongState('non-open', 'closed');
    await deleteUnsubmittedAnswers(trx, workspaceId, id);
    const answers = (await roundAnswers(trx, workspaceId, id)).filter(
      (a) => Number(a.chosen) === 1,
    );
    await insertTies(
      trx,
      answers.map((a) => ({
        id: newId(),
        workspace_id: workspaceId,
        from_actor_id: a.rater_id,
        to_actor_id: a.alter_id,
        type: 'collaboration' as const,
        directed: 1,
        intensity: a.intensity ?? 'awareness',
        start_date: day,
        end_date: day,
        source: 'survey' as const,
        survey_round_id: id,
        note: null,
        created_by: userIdOf(actor),
        created_at: now,
        updated_at: now,
      })),
    );
    await bumpDirectoryVersion(trx, workspaceId);
  });
  return getRound(ctx, actor, workspaceId, id);
}
