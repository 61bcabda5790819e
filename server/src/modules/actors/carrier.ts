import { assertCan, requireUser } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { conflict, notFound } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { actorEvent } from './events.ts';
import { findActorByUser } from './repo.ts';
import { newActorRow, SELF_MANAGED } from './rows.ts';
import type { CarrierCreate, CarrierPatch } from './schema.ts';
import { assertValid, linkErrors, rolesErrors } from './validate.ts';
import { applyPatch, detailOf, uniqueLink, writeNewActor } from './write.ts';

/**
 * The caller's own, self-managed carrier record (`/me/carrier`). The person is the user, so the
 * consent is their own: it is recorded when the record is created (text version "self-managed").
 */

const none = () => notFound('You have no carrier record in this workspace.');

export async function getMyCarrier(ctx: AppContext, actor: Actor, workspaceId: string) {
  assertCan(actor, 'directory.self', workspaceId);
  const user = requireUser(actor);
  const row = await findActorByUser(ctx.db, workspaceId, user.userId);
  if (!row) throw none();
  return detailOf(ctx.db, actor, row);
}

export async function createMyCarrier(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: CarrierCreate,
) {
  assertCan(actor, 'directory.self', workspaceId);
  const user = requireUser(actor);
  const row = await uniqueLink(() =>
    ctx.db.transaction().execute(async (trx) => {
      if (await findActorByUser(trx, workspaceId, user.userId))
        throw conflict('carrier_exists', 'You already have a carrier record in this workspace.');
      assertValid([...(await linkErrors(trx, workspaceId, input)), ...rolesErrors(input.roles)]);
      const now = nowIso(ctx);
      const row = {
        ...newActorRow(workspaceId, { ...input, kind: 'person' }, now, user.userId),
        user_id: user.userId,
        consent_given_at: now,
        consent_text_version: SELF_MANAGED,
        consent_recorded_by: user.userId,
      };
      await writeNewActor(trx, row, input);
      await audit(ctx, actorEvent(actor, row, 'consent.recorded'), trx);
      return row;
    }),
  );
  return detailOf(ctx.db, actor, row);
}

export async function updateMyCarrier(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: CarrierPatch,
) {
  assertCan(actor, 'directory.self', workspaceId);
  const user = requireUser(actor);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const current = await findActorByUser(trx, workspaceId, user.userId);
    if (!current) throw none();
    return applyPatch(ctx, trx, actor, current, input);
  });
  return detailOf(ctx.db, actor, row);
}
