import { newId } from '../../auth/crypto.ts';
import type { Db } from '../../db/dialect.ts';
import type { Workspace } from '../../db/types.ts';
import { AppError, fieldError } from '../../http/problem.ts';
import { applyTransition } from '../signals/service.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { invalid, nothingToChange, userIdOf } from '../activities/checks.ts';
import { areaAndSubAreas } from '../directory/area-scope.ts';
import { viewerOf, visibleLevels } from '../records/visibility.ts';
import { cannotEdit, viewAlliance, type Access } from './access.ts';
import { factsOf, governanceErrors, memberErrors, type MemberFacts } from './checks.ts';
import { allianceDetail, allianceDtos } from './dto.ts';
import {
  insertAlliance,
  insertMembers,
  listAlliances,
  updateAlliance,
  type AllianceSet,
  type NewAlliance,
  type NewMember,
} from './repo.ts';
import type { AllianceCreate, AllianceListQuery, AllianceUpdate } from './schema.ts';

// Alliances (bondgenootschappen, issue 5): coordinators and admins create them and change any;
// the carrier who leads one (trekker) changes that one. Every member sees the alliances visible
// to them (private by default: coordinators and the linked users of its members). Everything is
// checked before anything is written, in one transaction. Nothing here is cached, so writes bump
// no read-model version.

export const today = (ctx: AppContext) => nowIso(ctx).slice(0, 10);

const detail = async (ctx: AppContext, actor: Actor, workspaceId: string, id: string) =>
  allianceDetail(
    ctx.db,
    actor,
    workspaceId,
    await viewAlliance(ctx.db, actor, workspaceId, id, today(ctx)),
    today(ctx),
  );

/**
 * A new alliance. Formed from an overlap signal (`signalId`), the signal moves to
 * `alliance_formed` naming it in the same transaction: the signal must be visible to the caller
 * and in dialogue, or nothing is written.
 */
export async function createAlliance(
  ctx: AppContext,
  actor: Actor,
  ws: Pick<Workspace, 'id' | 'slug' | 'directory_version'>,
  input: AllianceCreate,
) {
  const workspaceId = ws.id;
  assertCan(actor, 'alliances.manage', workspaceId);
  const day = today(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const facts: MemberFacts[] = (input.members ?? []).map((m) => ({
      ...m,
      id: newId(),
      endDate: m.endDate ?? null,
    }));
    const status = input.status ?? 'exploring';
    const errors = [
      ...(await memberErrors(
        trx,
        actor,
        workspaceId,
        facts,
        facts.map((_m, i) => `/members/${i}`),
        [],
      )),
      ...governanceErrors(status, facts, day, '/status'),
    ];
    if (errors.length) throw invalid(errors);
    const now = nowIso(ctx);
    const row: NewAlliance = {
      id: newId(),
      workspace_id: workspaceId,
      name: input.name,
      description: input.description ? input.description : null,
      status,
      decision_rule: input.decisionRule,
      signal_id: input.signalId ?? null,
      visibility: input.visibility ?? 'private',
      created_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    };
    await insertAlliance(trx, row);
    await insertMembers(
      trx,
      facts.map((f) => memberRow(workspaceId, row.id, f, now)),
    );
    if (input.signalId) await formFromSignal(trx, ctx, actor, ws, input.signalId, row.id);
    return row.id;
  });
  return detail(ctx, actor, workspaceId, id);
}

async function formFromSignal(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  ws: Pick<Workspace, 'id' | 'slug' | 'directory_version'>,
  signalId: string,
  allianceId: string,
) {
  try {
    await applyTransition(trx, ctx, actor, ws, signalId, { to: 'alliance_formed', allianceId });
  } catch (e) {
    // A signal the caller may not see reads as unknown, as on its own routes.
    if (e instanceof AppError && e.status === 404)
      throw invalid([fieldError('/signalId', 'unknown_signal', 'No such overlap signal.')]);
    throw e;
  }
}

export const memberRow = (
  workspaceId: string,
  allianceId: string,
  f: MemberFacts,
  now: string,
): NewMember => ({
  id: f.id,
  workspace_id: workspaceId,
  alliance_id: allianceId,
  actor_id: f.actorId,
  role: f.role,
  seats: f.seats,
  votes: f.votes,
  start_date: f.startDate,
  end_date: f.endDate,
  created_at: now,
  updated_at: now,
});

export async function getAlliances(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  q: Omit<AllianceListQuery, 'page' | 'pageSize'>,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'alliances.read', workspaceId);
  const { areaId, ...rest } = q;
  const areaIds = await areaAndSubAreas(ctx.db, workspaceId, areaId);
  const viewer = viewerOf(actor, workspaceId);
  const day = today(ctx);
  const { rows, total } = await listAlliances(
    ctx.db,
    workspaceId,
    {
      ...rest,
      areaIds,
      today: day,
      levels: visibleLevels(viewer),
      userId: viewer.seesPrivate ? null : viewer.userId,
    },
    page.offset,
    page.limit,
  );
  return { items: await allianceDtos(ctx.db, actor, workspaceId, rows, day), total };
}

export async function getAlliance(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'alliances.read', workspaceId);
  return detail(ctx, actor, workspaceId, id);
}

/** The alliance for a change by its editors (coordinators, admins, a current lead), or 403/404. */
export async function editAlliance(
  ctx: AppContext,
  db: AppContext['db'],
  actor: Actor,
  workspaceId: string,
  id: string,
): Promise<Access> {
  const access = await viewAlliance(db, actor, workspaceId, id, today(ctx));
  if (!access.mayEdit) throw cannotEdit();
  return access;
}

/** Name, description, status, decision rule and visibility; checked as a whole. */
export async function changeAlliance(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: AllianceUpdate,
) {
  assertCan(actor, 'alliances.self', workspaceId);
  if (Object.values(input).every((v) => v === undefined)) throw nothingToChange();
  await ctx.db.transaction().execute(async (trx) => {
    const { members } = await editAlliance(ctx, trx, actor, workspaceId, id);
    if (input.status === 'active') {
      const errors = governanceErrors('active', members.map(factsOf), today(ctx), '/status');
      if (errors.length) throw invalid(errors);
    }
    const set: AllianceSet = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined
        ? { description: input.description ? input.description : null }
        : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.decisionRule ? { decision_rule: input.decisionRule } : {}),
      ...(input.visibility ? { visibility: input.visibility } : {}),
      updated_at: nowIso(ctx),
    };
    await updateAlliance(trx, workspaceId, id, set);
  });
  return detail(ctx, actor, workspaceId, id);
}
