import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { badRequest, fieldError } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { updateActorRow } from './repo.ts';
import type { ConsentInput } from './schema.ts';
import { actorEvent } from './events.ts';
import { findVisibleActor, today } from './service.ts';
import { assertValid, futureDateError } from './validate.ts';
import { detailOf, reindex } from './write.ts';

const personOnly = () =>
  badRequest('not_a_person', 'Consent is recorded for persons only.', [
    fieldError('/actorId', 'not_a_person', 'This actor is an organisation.', 'path'),
  ]);

/** Records (or replaces) a person's consent: the day, the text version, and who recorded it. */
export async function recordConsent(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  actorId: string,
  input: ConsentInput,
) {
  assertCan(actor, 'directory.manage', workspaceId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const current = await findVisibleActor(trx, actor, workspaceId, actorId);
    if (current.kind !== 'person') throw personOnly();
    assertValid(futureDateError('/givenOn', input.givenOn, today(ctx)));
    const set = {
      consent_given_at: input.givenOn,
      consent_text_version: input.textVersion,
      consent_recorded_by: actor.kind === 'user' ? actor.userId : null,
      updated_at: nowIso(ctx),
    };
    await updateActorRow(trx, workspaceId, actorId, set);
    await audit(ctx, actorEvent(actor, current, 'consent.recorded'), trx);
    return { ...current, ...set };
  });
  return detailOf(ctx.db, actor, row);
}

/**
 * Withdraws a person's consent: the record is private again at once, and so are its search entry
 * and its activities' entries.
 */
export async function withdrawConsent(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  actorId: string,
): Promise<void> {
  assertCan(actor, 'directory.manage', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    const current = await findVisibleActor(trx, actor, workspaceId, actorId);
    if (current.kind !== 'person') throw personOnly();
    const set = {
      visibility: 'private' as const,
      consent_given_at: null,
      consent_text_version: null,
      consent_recorded_by: null,
      updated_at: nowIso(ctx),
    };
    await updateActorRow(trx, workspaceId, actorId, set);
    await reindex(trx, { ...current, ...set }, current.visibility !== 'private');
    await audit(ctx, actorEvent(actor, current, 'consent.withdrawn'), trx);
  });
}
