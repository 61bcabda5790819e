import { can } from '../../auth/policy.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { forbidden, notFound } from '../../http/problem.ts';
import { userIdOf } from '../activities/checks.ts';
import { ownCarrier } from '../activities/refs-repo.ts';
import { canSee, viewerOf } from '../records/visibility.ts';
import { findAlliance, membersOf, type AllianceRow, type MemberRow } from './repo.ts';

// Who may see and change an alliance. Coordinators and admins (alliances.manage) change any;
// the linked user of a current lead (trekker) changes that alliance; the linked user of any
// current member adds their own contributions and log entries. The linked users of its members
// (current or past) always see it, whatever its visibility.

/** A membership is current on `day` unless it ended before it. */
export const isCurrent = (m: Pick<MemberRow, 'end_date'>, day: string) =>
  m.end_date === null || m.end_date >= day;

export interface Access {
  row: AllianceRow;
  members: MemberRow[];
  manager: boolean;
  /** The caller's own current memberships (through their linked carrier). */
  own: MemberRow[];
  /** Manager, or the caller's carrier is a current lead. */
  mayEdit: boolean;
  /** mayEdit, or the caller's carrier is a current member. */
  mayContribute: boolean;
}

/** The id of the carrier linked to the caller in the workspace, or null. */
export async function ownCarrierId(db: Db, actor: Actor, workspaceId: string) {
  const userId = userIdOf(actor);
  return userId ? ((await ownCarrier(db, workspaceId, userId))?.id ?? null) : null;
}

/** Whether the caller may see and change the alliance, given the caller's carrier. */
export function accessOf(
  actor: Actor,
  workspaceId: string,
  row: AllianceRow,
  members: MemberRow[],
  today: string,
  carrierId: string | null,
): Access & { seen: boolean } {
  const manager = can(actor, 'alliances.manage', workspaceId);
  const mine = carrierId ? members.filter((m) => m.actor_id === carrierId) : [];
  const own = mine.filter((m) => isCurrent(m, today));
  const mayEdit = manager || own.some((m) => m.role === 'lead');
  return {
    row,
    members,
    manager,
    own,
    mayEdit,
    mayContribute: mayEdit || own.length > 0,
    seen: mine.length > 0 || canSee(viewerOf(actor, workspaceId), { visibility: row.visibility }),
  };
}

/** The alliance as the caller may see it, or 404 (also for alliances of another workspace). */
export async function viewAlliance(
  db: Db,
  actor: Actor,
  workspaceId: string,
  id: string,
  today: string,
): Promise<Access> {
  const row = await findAlliance(db, workspaceId, id);
  if (!row) throw notFound('No such alliance.');
  const access = accessOf(
    actor,
    workspaceId,
    row,
    await membersOf(db, workspaceId, [id]),
    today,
    await ownCarrierId(db, actor, workspaceId),
  );
  if (!access.seen) throw notFound('No such alliance.');
  return access;
}

export const cannotEdit = () =>
  forbidden('Only coordinators, or the carrier who leads (trekker) this alliance, may change it.');

export const cannotContribute = () =>
  forbidden('Only members of this alliance may add their own contributions and log entries.');
