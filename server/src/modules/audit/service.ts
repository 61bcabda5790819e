import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { AuditEventsTable } from '../../db/types.ts';
import { insertAuditEvent, listAuditEvents } from './repo.ts';

/** Security events only: who did what to which object, and the result. Never secrets or content. */
export type AuditAction =
  | 'login'
  | 'logout'
  | 'password.changed'
  | 'password.reset_requested'
  | 'password.reset'
  | 'sessions.ended'
  | 'role.changed'
  | 'member.removed'
  | 'account.deactivated'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'invitation.accepted'
  | 'token.created'
  | 'token.revoked'
  | 'export'
  | 'backup'
  | 'consent.recorded'
  | 'consent.withdrawn'
  | 'actor.deleted'
  | 'import'
  | 'checkins.shared'
  | 'checkins.unshared'
  | 'research.study_created'
  | 'research.steward_appointed'
  | 'research.member_added'
  | 'research.member_removed'
  | 'research.participant_added'
  | 'research.consent_recorded'
  | 'research.reidentified'
  | 'research.encrypted_read';

export interface AuditInput {
  action: AuditAction;
  result: AuditEventsTable['result'];
  actorUserId?: string | null;
  workspaceId?: string | null;
  objectType?: string;
  objectId?: string;
}

export async function audit(ctx: AppContext, input: AuditInput, db: Db = ctx.db): Promise<void> {
  await insertAuditEvent(db, {
    id: newId(),
    workspace_id: input.workspaceId ?? null,
    actor_user_id: input.actorUserId ?? null,
    action: input.action,
    object_type: input.objectType ?? null,
    object_id: input.objectId ?? null,
    result: input.result,
    created_at: nowIso(ctx),
  });
}

export async function listWorkspaceAudit(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'audit.read', workspaceId);
  const { items, total } = await listAuditEvents(ctx.db, workspaceId, page.offset, page.limit);
  return {
    total,
    items: items.map((e) => ({
      id: e.id,
      action: e.action,
      objectType: e.object_type,
      objectId: e.object_id,
      result: e.result,
      createdAt: e.created_at,
      actorUserId: e.actor_user_id,
      actorName: e.actor_name,
    })),
  };
}
