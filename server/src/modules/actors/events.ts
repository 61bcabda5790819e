import type { Actor } from '../../context.ts';
import type { ActorRow } from '../../db/types.ts';
import type { AuditAction, AuditInput } from '../audit/service.ts';

export type ActorAuditAction = Extract<
  AuditAction,
  'consent.recorded' | 'consent.withdrawn' | 'actor.deleted'
>;

/**
 * An audit event about an actor: ids only, never names, contact details or consent text.
 */
export const actorEvent = (
  actor: Actor,
  row: Pick<ActorRow, 'id' | 'workspace_id'>,
  action: ActorAuditAction,
): AuditInput => ({
  action,
  result: 'ok',
  actorUserId: actor.kind === 'user' ? actor.userId : null,
  workspaceId: row.workspace_id,
  objectType: 'actor',
  objectId: row.id,
});
