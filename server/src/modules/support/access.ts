import { can } from '../../auth/policy.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { SupportNeedsTable, SupportOffersTable, SupportType } from '../../db/types.ts';
import { notFound } from '../../http/problem.ts';
import { mayWriteFor } from '../activities/checks.ts';
import { findActor, type ActorRef } from '../activities/refs-repo.ts';
import { canSee, viewerOf } from '../records/visibility.ts';
import { findNeed } from './need-repo.ts';
import { findOffer } from './repo.ts';

// Who sees and who acts for an offer or a need. An offer belongs to an organisation, and
// organisation records are edited by coordinators and admins, so they edit its offers and accept
// for it. A need is edited (and accepted for) by whoever may edit its requester's record: the
// coordinators and admins, and the carrier linked to the caller's account (actors/write.ts).

export const unitOf = (type: SupportType) =>
  type === 'money' ? 'cents' : type === 'staff_hours' || type === 'coaching' ? 'hours' : 'units';

export const mayEditOffer = (actor: Actor, workspaceId: string) =>
  can(actor, 'support.manage', workspaceId);

export const mayEditNeed = (
  actor: Actor,
  workspaceId: string,
  requester: Pick<ActorRef, 'user_id'>,
) => mayWriteFor(actor, workspaceId, requester);

export const seesOffer = (
  actor: Actor,
  row: Pick<SupportOffersTable, 'visibility' | 'workspace_id'>,
) => canSee(viewerOf(actor, row.workspace_id), { visibility: row.visibility, owner_user_id: null });

export const seesNeed = (
  actor: Actor,
  row: Pick<SupportNeedsTable, 'visibility' | 'workspace_id'>,
  requester: Pick<ActorRef, 'user_id'> | undefined,
) =>
  canSee(viewerOf(actor, row.workspace_id), {
    visibility: row.visibility,
    owner_user_id: requester?.user_id ?? null,
  });

/** The offer as the actor may see it, or 404. */
export async function viewOffer(db: Db, actor: Actor, workspaceId: string, id: string) {
  const row = await findOffer(db, workspaceId, id);
  if (!row || !seesOffer(actor, row)) throw notFound('No such offer.');
  return row;
}

/** The need and its requester as the actor may see them, or 404. */
export async function viewNeed(db: Db, actor: Actor, workspaceId: string, id: string) {
  const row = await findNeed(db, workspaceId, id);
  const requester = row ? await findActor(db, workspaceId, row.requester_id) : undefined;
  if (!row || !requester || !seesNeed(actor, row, requester)) throw notFound('No such need.');
  return { row, requester };
}
