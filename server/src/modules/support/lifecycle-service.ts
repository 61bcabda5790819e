import { dayNumber, durability, isoDay } from '../../analytics/support/index.ts';
import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { SupportCommitmentsTable } from '../../db/types.ts';
import { conflict, fieldError, notFound, type FieldError } from '../../http/problem.ts';
import { invalid } from '../activities/checks.ts';
import { findActor } from '../activities/refs-repo.ts';
import { commitmentDtos } from './commitment-dto.ts';
import { commitmentErrors } from './commitment-rules.ts';
import { carrierInitiativesOf, renewalOf, updateCommitment } from './lifecycle-repo.ts';
import type { DurabilityOut, EndingInput, RenewalInput } from './lifecycle-schema.ts';
import { findCommitment, insertCommitment } from './match-repo.ts';
import { groupsOfActor, heldCommitmentsOfAny } from './recipient-repo.ts';
import { recipientOf, viewCommitment } from './recipients.ts';
import { findOffer, lockOffer } from './repo.ts';

// The life of a commitment after both sides accepted: it ends (early, or on its date), is
// cancelled, or is renewed by a new commitment that starts after it. The provider side acts
// (coordinators and admins, who edit the offering organisation: access.ts); both sides see it.
// An ending commitment stays `active` until its (new) end date, so it keeps its capacity and can
// still be renewed; the renewal links back through `renewed_from_id`, which marks the old one as
// renewed (the status list has no separate value for it, and a running commitment must keep
// counting against the offer's capacity until its end).

const today = (ctx: Pick<AppContext, 'clock'>) => nowIso(ctx).slice(0, 10);

async function openCommitment(db: Db, workspaceId: string, id: string) {
  const row = await findCommitment(db, workspaceId, id);
  if (!row) throw notFound('No such commitment.');
  if (row.status !== 'active')
    throw conflict('commitment_closed', `This commitment is ${row.status}.`);
  return row;
}

/** End (on a date, today by default) or cancel an active commitment, with the reason. */
export async function endCommitment(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: EndingInput,
) {
  assertCan(actor, 'support.manage', workspaceId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const c = await openCommitment(trx, workspaceId, id);
    const now = nowIso(ctx);
    const errors: FieldError[] = [];
    const base = { ended_at: now, end_reason: input.reason, updated_at: now };
    let set: Partial<SupportCommitmentsTable>;
    if (input.kind === 'cancel') {
      if (input.endDate !== undefined)
        errors.push(
          fieldError('/endDate', 'not_for_cancel', 'A cancelled commitment has no new end date.'),
        );
      set = { ...base, status: 'cancelled' };
    } else {
      const end = input.endDate ?? today(ctx);
      if (end < c.start_date)
        errors.push(
          fieldError('/endDate', 'end_before_start', `The commitment starts on ${c.start_date}.`),
        );
      if (c.end_date !== null && end > c.end_date)
        errors.push(
          fieldError(
            '/endDate',
            'after_current_end',
            `The commitment already ends on ${c.end_date}; renew it to continue.`,
          ),
        );
      set = { ...base, end_date: end, status: end <= today(ctx) ? 'ended' : 'active' };
    }
    if (errors.length) throw invalid(errors);
    await updateCommitment(trx, workspaceId, id, set);
    return { ...c, ...set };
  });
  return (await commitmentDtos(ctx.db, workspaceId, [row]))[0]!;
}

/**
 * A new commitment that continues an active one after its end date: the same offer, need and
 * parties, with the rules of an accepted match checked again inside the transaction (capacity,
 * the offer's period, overlap with another commitment of the pair). 400 with every error and
 * nothing written when they fail; 409 when the commitment is closed or already renewed.
 */
export async function renewCommitment(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: RenewalInput,
) {
  assertCan(actor, 'support.manage', workspaceId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const old = await openCommitment(trx, workspaceId, id);
    if (await renewalOf(trx, workspaceId, id))
      throw conflict('already_renewed', 'This commitment has already been renewed.');
    await lockOffer(trx, workspaceId, old.offer_id);
    const offer = (await findOffer(trx, workspaceId, old.offer_id))!;
    const to = recipientOf(old);
    const person =
      to.type === 'actor' && (await findActor(trx, workspaceId, to.id))?.kind === 'person';
    const errors: FieldError[] = [];
    if (old.end_date === null)
      errors.push(
        fieldError('/startDate', 'open_ended', 'An open-ended commitment has no end to renew.'),
      );
    const start =
      input.startDate ?? (old.end_date ? isoDay(dayNumber(old.end_date) + 1) : today(ctx));
    if (old.end_date !== null && start <= old.end_date)
      errors.push(
        fieldError(
          '/startDate',
          'overlaps_previous',
          `The renewal must start after ${old.end_date}, when this commitment ends.`,
        ),
      );
    const terms = {
      amountPerMonth: input.amountPerMonth ?? Number(old.amount_per_month),
      startDate: start,
      endDate: input.endDate,
    };
    errors.push(...(await commitmentErrors(trx, offer, { ...to, person }, terms)));
    if (errors.length) throw invalid(errors);
    const now = nowIso(ctx);
    const next: SupportCommitmentsTable = {
      ...old,
      id: newId(),
      match_id: null,
      amount_per_month: terms.amountPerMonth,
      start_date: terms.startDate,
      end_date: terms.endDate,
      renewal: input.renewal ?? old.renewal,
      renewal_note: input.renewalNote !== undefined ? input.renewalNote || null : old.renewal_note,
      renewed_from_id: old.id,
      status: 'active',
      ended_at: null,
      end_reason: null,
      created_at: now,
      updated_at: now,
    };
    await insertCommitment(trx, next);
    return next;
  });
  return (await commitmentDtos(ctx.db, workspaceId, [row]))[0]!;
}

/**
 * Durability of the commitment's recipient (analytics/support/durability.ts), as of today. For an
 * actor, continuity also counts support to another initiative it carries or an alliance it is a
 * member of on the day of the check; an initiative or alliance has its own measures only.
 */
export async function commitmentDurability(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
): Promise<DurabilityOut> {
  assertCan(actor, 'support.read', workspaceId);
  const asOf = today(ctx);
  const { row } = await viewCommitment(ctx.db, actor, workspaceId, id, asOf);
  const to = recipientOf(row);
  const groups =
    to.type === 'actor'
      ? await groupsOfActor(ctx.db, workspaceId, to.id)
      : { initiatives: [], alliances: [] };
  const held = await heldCommitmentsOfAny(ctx.db, workspaceId, {
    actors: to.type === 'actor' ? [to.id] : [],
    initiatives: to.type === 'initiative' ? [to.id] : groups.initiatives.map((i) => i.id),
    alliances: to.type === 'alliance' ? [to.id] : groups.alliances.map((a) => a.alliance_id),
  });
  const initiatives =
    to.type === 'actor' ? await carrierInitiativesOf(ctx.db, workspaceId, to.id) : [];
  const memberships = [
    ...groups.initiatives.map((i) => ({
      groupId: i.id,
      actorId: to.id,
      start: i.start_date ?? i.i_start,
      end: i.end_date ?? i.i_end,
    })),
    ...groups.alliances.map((a) => ({
      groupId: a.alliance_id,
      actorId: to.id,
      start: a.start_date,
      end: a.end_date,
    })),
  ];
  const [d] = durability(
    held.map((c) => ({
      id: c.id,
      providerId: c.provider_id,
      recipientId: recipientOf(c).id,
      type: c.type,
      start: c.start_date,
      end: c.end_date,
      renewedFrom: c.renewed_from_id,
    })),
    initiatives,
    asOf,
    memberships,
  ).filter((x) => x.recipientId === to.id);
  return {
    asOf,
    recipientType: to.type,
    ...(d ?? {
      recipientId: to.id,
      commitments: 0,
      totalSupportedDays: 0,
      renewals: 0,
      longestContinuousDays: 0,
      continuity: { ended: 0, kept: 0, share: null },
    }),
  };
}
