import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { ActorKind, ActorRow } from '../../db/types.ts';
import { notFound, type FieldError } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { deleteRecordLinks } from '../records/repo.ts';
import { canSee, viewerOf, visibleLevels } from '../records/visibility.ts';
import {
  activitiesOfActor,
  actorsByIds,
  deleteActorRow,
  findActor,
  listActorRows,
} from './repo.ts';
import { actorEvent } from './events.ts';
import { newActorRow } from './rows.ts';
import type { ActorCreate, ActorPatch } from './schema.ts';
import {
  assertValid,
  consentRequired,
  futureDateError,
  linkErrors,
  rolesErrors,
  userLinkErrors,
} from './validate.ts';
import { noLinks, toSummary } from './view.ts';
import { applyPatch, detailOf, linksOf, ownerOf, uniqueLink, writeNewActor } from './write.ts';

export const today = (ctx: AppContext) => nowIso(ctx).slice(0, 10);

/** Actor rows by id (any visibility), for other modules that check or display actors. */
export async function getActorsByIds(
  ctx: AppContext,
  workspaceId: string,
  ids: readonly string[],
  db: Db = ctx.db,
): Promise<ActorRow[]> {
  return actorsByIds(db, workspaceId, ids);
}

/** One actor the viewer may see, or 404. */
export async function findVisibleActor(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
): Promise<ActorRow> {
  const row = await findActor(db, workspaceId, id);
  if (!row || !canSee(viewerOf(actor, workspaceId), ownerOf(row))) throw notFound('No such actor.');
  return row;
}

export async function listActors(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  filter: { kind?: ActorKind | undefined },
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'directory.read', workspaceId);
  const viewer = viewerOf(actor, workspaceId);
  const { items, total } = await listActorRows(
    ctx.db,
    workspaceId,
    { kind: filter.kind, levels: visibleLevels(viewer), ownerUserId: viewer.userId },
    page.offset,
    page.limit,
  );
  const links = await linksOf(
    ctx.db,
    workspaceId,
    items.map((r) => r.id),
  );
  return { items: items.map((r) => toSummary(r, links.get(r.id) ?? noLinks)), total };
}

export async function getActor(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'directory.read', workspaceId);
  return detailOf(ctx.db, actor, await findVisibleActor(ctx.db, actor, workspaceId, id));
}

/** Every error in a new actor's input that the request schema cannot see; writes nothing. */
export async function actorInputErrors(
  ctx: AppContext,
  db: Db,
  workspaceId: string,
  input: ActorCreate,
): Promise<FieldError[]> {
  const errors = await linkErrors(db, workspaceId, input);
  if (input.kind === 'person') {
    errors.push(...rolesErrors(input.roles));
    if (input.consent)
      errors.push(...futureDateError('/consent/givenOn', input.consent.givenOn, today(ctx)));
    else if ((input.visibility ?? 'private') !== 'private') errors.push(consentRequired());
    if (input.userId)
      errors.push(...(await userLinkErrors(db, workspaceId, input.userId, undefined)));
  }
  return errors;
}

/**
 * Creates an actor inside the caller's transaction (the CSV importer creates many in one). Throws
 * a 400 listing every error before writing anything.
 */
export async function createActorInTx(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  workspaceId: string,
  input: ActorCreate,
): Promise<ActorRow> {
  assertCan(actor, 'directory.manage', workspaceId);
  assertValid(await actorInputErrors(ctx, trx, workspaceId, input));
  const by = actor.kind === 'user' ? actor.userId : null;
  const row = newActorRow(workspaceId, input, nowIso(ctx), by);
  await writeNewActor(trx, row, input);
  if (row.consent_given_at) await audit(ctx, actorEvent(actor, row, 'consent.recorded'), trx);
  return row;
}

export async function createActor(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: ActorCreate,
) {
  assertCan(actor, 'directory.manage', workspaceId);
  const row = await uniqueLink(() =>
    ctx.db.transaction().execute((trx) => createActorInTx(ctx, trx, actor, workspaceId, input)),
  );
  return detailOf(ctx.db, actor, row);
}

/** Managers change any actor; other members only the carrier linked to their account. */
export async function updateActor(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: ActorPatch,
) {
  assertCan(actor, 'directory.self', workspaceId);
  const row = await uniqueLink(() =>
    ctx.db.transaction().execute(async (trx) => {
      const current = await findVisibleActor(trx, actor, workspaceId, id);
      return applyPatch(ctx, trx, actor, current, input);
    }),
  );
  return detailOf(ctx.db, actor, row);
}

/**
 * Deletes an actor with its roles, affiliations and activities (cascade), and their area/term
 * links and search entries (no foreign key there, so here).
 */
export async function deleteActor(ctx: AppContext, actor: Actor, workspaceId: string, id: string) {
  assertCan(actor, 'directory.manage', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleActor(trx, actor, workspaceId, id);
    for (const a of await activitiesOfActor(trx, workspaceId, id))
      await deleteRecordLinks(trx, workspaceId, 'activity', a.id);
    await deleteRecordLinks(trx, workspaceId, 'actor', id);
    await deleteActorRow(trx, workspaceId, id);
    await audit(ctx, actorEvent(actor, row, 'actor.deleted'), trx);
  });
}
