import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { notFound } from '../../http/problem.ts';
import { invalid, nothingToChange } from '../activities/checks.ts';
import { actorsByIds } from '../activities/refs-repo.ts';
import { factsOf, governanceErrors, memberErrors, type MemberFacts } from './checks.ts';
import { actorNameFor, memberDtos } from './dto.ts';
import { insertMembers, updateMember, type MemberRow } from './repo.ts';
import type { MemberCreate, MemberUpdate } from './schema.ts';
import { editAlliance, memberRow, today } from './service.ts';

// Members of an alliance: added, changed and ended by its editors (coordinators, admins and the
// carrier who leads it). One actor's memberships never overlap; an active alliance keeps at
// least one seat among its current members. Checked as a whole, in one transaction.

const one = async (ctx: AppContext, actor: Actor, workspaceId: string, row: MemberRow) => {
  const actors = await actorsByIds(ctx.db, workspaceId, [row.actor_id]);
  return memberDtos(actorNameFor(actor, workspaceId), actors, [row], today(ctx))[0]!;
};

export async function addMember(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  input: MemberCreate,
) {
  assertCan(actor, 'alliances.self', workspaceId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const { members } = await editAlliance(ctx, trx, actor, workspaceId, allianceId);
    const facts: MemberFacts = { ...input, id: newId(), endDate: input.endDate ?? null };
    const errors = await memberErrors(trx, actor, workspaceId, [facts], [''], members.map(factsOf));
    if (errors.length) throw invalid(errors);
    const row = memberRow(workspaceId, allianceId, facts, nowIso(ctx)) as MemberRow;
    await insertMembers(trx, [row]);
    return row;
  });
  return one(ctx, actor, workspaceId, row);
}

async function change(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  memberId: string,
  next: (current: MemberFacts) => MemberFacts,
  governancePointer: string | null,
  leaving: boolean,
) {
  assertCan(actor, 'alliances.self', workspaceId);
  const day = today(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const { row, members } = await editAlliance(ctx, trx, actor, workspaceId, allianceId);
    const current = members.find((m) => m.id === memberId);
    if (!current) throw notFound('No such member of this alliance.');
    const facts = next(factsOf(current));
    const others = members.filter((m) => m.id !== memberId).map(factsOf);
    const errors = [
      ...(await memberErrors(trx, actor, workspaceId, [facts], [''], others)),
      ...(governancePointer
        ? governanceErrors(
            row.status,
            leaving ? others : [...others, facts],
            day,
            governancePointer,
          )
        : []),
    ];
    if (errors.length) throw invalid(errors);
    const set = {
      role: facts.role,
      seats: facts.seats,
      votes: facts.votes,
      start_date: facts.startDate,
      end_date: facts.endDate,
      updated_at: nowIso(ctx),
    };
    await updateMember(trx, workspaceId, allianceId, memberId, set);
    return { ...current, ...set };
  });
}

/** Role, seats, votes and period; checked as a whole. */
export async function changeMember(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  memberId: string,
  input: MemberUpdate,
) {
  if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
  const touchesSeats = input.seats !== undefined || input.endDate !== undefined;
  const row = await change(
    ctx,
    actor,
    workspaceId,
    allianceId,
    memberId,
    (c) => ({
      ...c,
      ...(input.role ? { role: input.role } : {}),
      ...(input.seats !== undefined ? { seats: input.seats } : {}),
      ...(input.votes !== undefined ? { votes: input.votes } : {}),
      ...(input.startDate ? { startDate: input.startDate } : {}),
      ...(input.endDate !== undefined ? { endDate: input.endDate } : {}),
    }),
    touchesSeats ? (input.seats !== undefined ? '/seats' : '/endDate') : null,
    false,
  );
  return one(ctx, actor, workspaceId, row);
}

/** Ends a membership (default today): its seats leave the alliance's governance. */
export async function endMember(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  memberId: string,
  input: { endDate?: string | undefined },
) {
  const endDate = input.endDate ?? today(ctx);
  const row = await change(
    ctx,
    actor,
    workspaceId,
    allianceId,
    memberId,
    (c) => ({ ...c, endDate }),
    '/endDate',
    true,
  );
  return one(ctx, actor, workspaceId, row);
}
