import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { forbidden, notFound } from '../../http/problem.ts';
import { checkLinks, invalid, userIdOf } from '../activities/checks.ts';
import { actorsByIds } from '../activities/refs-repo.ts';
import { cannotContribute, viewAlliance } from './access.ts';
import { balanceAnswer, type Granularity } from './balance.ts';
import { powerRatings } from './perceived-repo.ts';
import type { BalanceAnswer } from './balance-schema.ts';
import { actorNameFor, agreementDtos, contributionDto, logDto } from './dto.ts';
import { contributionErrors } from './checks.ts';
import {
  allContributions,
  deleteContribution,
  findContribution,
  insertAgreement,
  insertContributions,
  insertLogEntries,
  latestVersion,
  listAgreements,
  listContributions,
  listLog,
  type ContributionRow,
  type NewContribution,
  type LogRow,
} from './records-repo.ts';
import type {
  AgreementCreate,
  ContributionCreate,
  ContributionListQuery,
  LogCreate,
} from './schema.ts';
import { editAlliance, today } from './service.ts';

// An alliance's charter versions, contributions and log, and its balance index. Whoever sees the
// alliance reads them. Its editors add charter versions (never changed in place) and any
// member's contributions; a current member adds their own contributions and log entries and
// deletes their own contributions.

type Page = { offset: number; limit: number };

export async function getAgreements(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  page: Page,
) {
  assertCan(actor, 'alliances.read', workspaceId);
  await viewAlliance(ctx.db, actor, workspaceId, allianceId, today(ctx));
  const { rows, total } = await listAgreements(
    ctx.db,
    workspaceId,
    allianceId,
    page.offset,
    page.limit,
  );
  return { items: await agreementDtos(ctx.db, workspaceId, rows), total };
}

/** A new charter version (the latest + 1); earlier versions stay as they were. */
export async function addAgreement(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  input: AgreementCreate,
) {
  assertCan(actor, 'alliances.self', workspaceId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    await editAlliance(ctx, trx, actor, workspaceId, allianceId);
    const links = { areaIds: input.areaIds ?? [], domainIds: input.domainIds ?? [] };
    const errors = await checkLinks(trx, workspaceId, links);
    if (errors.length) throw invalid(errors);
    const row = {
      id: newId(),
      workspace_id: workspaceId,
      alliance_id: allianceId,
      version: (await latestVersion(trx, workspaceId, allianceId)) + 1,
      aims: input.aims,
      charter: input.charter,
      created_by: userIdOf(actor),
      created_at: nowIso(ctx),
    };
    await insertAgreement(trx, row, links.areaIds, links.domainIds);
    return row;
  });
  return (await agreementDtos(ctx.db, workspaceId, [row]))[0]!;
}

export async function getContributions(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  q: Omit<ContributionListQuery, 'page' | 'pageSize'>,
  page: Page,
) {
  assertCan(actor, 'alliances.read', workspaceId);
  const access = await viewAlliance(ctx.db, actor, workspaceId, allianceId, today(ctx));
  const { rows, total } = await listContributions(
    ctx.db,
    workspaceId,
    allianceId,
    q,
    page.offset,
    page.limit,
  );
  return { items: rows.map((r) => contributionDto(r, access.members, access)), total };
}

/** Editors add any member's contribution; a current member only their own. */
export async function addContribution(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  input: ContributionCreate,
) {
  assertCan(actor, 'alliances.self', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const access = await viewAlliance(trx, actor, workspaceId, allianceId, today(ctx));
    if (!access.mayContribute) throw cannotContribute();
    const member = access.members.find((m) => m.id === input.memberId);
    if (member && !access.mayEdit && !access.own.some((m) => m.id === member.id))
      throw forbidden('Members add only their own contributions.');
    const errors = contributionErrors({
      kind: input.kind,
      quantity: input.quantity,
      valueCents: input.valueCents,
      memberKnown: member !== undefined,
    });
    if (errors.length) throw invalid(errors);
    const row: NewContribution & ContributionRow = {
      id: newId(),
      workspace_id: workspaceId,
      alliance_id: allianceId,
      member_id: input.memberId,
      period: input.period,
      kind: input.kind,
      quantity: input.quantity ?? input.valueCents,
      value_cents: input.valueCents,
      note: input.note ? input.note : null,
      created_by: userIdOf(actor),
      created_at: nowIso(ctx),
    };
    await insertContributions(trx, [row]);
    return contributionDto(row, access.members, access);
  });
}

export async function removeContribution(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  id: string,
) {
  assertCan(actor, 'alliances.self', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    const access = await viewAlliance(trx, actor, workspaceId, allianceId, today(ctx));
    const row = await findContribution(trx, workspaceId, allianceId, id);
    if (!row) throw notFound('No such contribution.');
    if (!contributionDto(row, access.members, access).canDelete)
      throw forbidden('Only its editors, or the member who gave it, may delete a contribution.');
    await deleteContribution(trx, workspaceId, allianceId, id);
  });
}

export async function getLog(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  page: Page,
) {
  assertCan(actor, 'alliances.read', workspaceId);
  await viewAlliance(ctx.db, actor, workspaceId, allianceId, today(ctx));
  const { rows, total } = await listLog(ctx.db, workspaceId, allianceId, page.offset, page.limit);
  return { items: rows.map(logDto), total };
}

export async function addLogEntry(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  input: LogCreate,
) {
  assertCan(actor, 'alliances.self', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const access = await viewAlliance(trx, actor, workspaceId, allianceId, today(ctx));
    if (!access.mayContribute) throw cannotContribute();
    const row: LogRow = {
      id: newId(),
      workspace_id: workspaceId,
      alliance_id: allianceId,
      date: input.date,
      kind: input.kind,
      title: input.title,
      body: input.body ? input.body : null,
      created_by: userIdOf(actor),
      created_at: nowIso(ctx),
    };
    await insertLogEntries(trx, [row]);
    return logDto(row);
  });
}

/** The balance index with its parts, the trend per period and the unbalanced flag. */
export async function getBalance(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  allianceId: string,
  per: Granularity | undefined,
): Promise<BalanceAnswer> {
  assertCan(actor, 'alliances.read', workspaceId);
  const day = today(ctx);
  const { members } = await viewAlliance(ctx.db, actor, workspaceId, allianceId, day);
  const actorIds = members.map((m) => m.actor_id);
  const [actors, contributions, ratings] = await Promise.all([
    actorsByIds(ctx.db, workspaceId, actorIds),
    allContributions(ctx.db, workspaceId, allianceId),
    powerRatings(ctx.db, workspaceId, actorIds, day),
  ]);
  const input = { members, actors, contributions, today: day, ratings };
  const answer = balanceAnswer(allianceId, input, per);
  const nameOf = actorNameFor(actor, workspaceId);
  return {
    ...answer,
    members: answer.members.map((m) => ({ ...m, actorName: nameOf(actors.get(m.actorId)) })),
  };
}
