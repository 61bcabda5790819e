import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { AllianceMemberRole, AllianceStatus } from '../../db/types.ts';
import { fieldError, type FieldError } from '../../http/problem.ts';
import { checkPeriod, seesActor } from '../activities/checks.ts';
import { actorsByIds } from '../activities/refs-repo.ts';
import { viewerOf } from '../records/visibility.ts';
import { periodsOverlap } from '../ties/checks.ts';
import { isCurrent } from './access.ts';
import type { MemberRow } from './repo.ts';
import { MAX_CENTS, MAX_COUNT } from './schema.ts';

// Checks of an alliance that the request schema cannot make: ranges (never negative), date
// order, members that are actors of the workspace, duplicate memberships and governance. They
// return field errors, so one 400 lists them all. An actor of another workspace, or one the
// caller may not see, is reported exactly like one that does not exist.

/** A membership as it would be after the request. */
export interface MemberFacts {
  id: string;
  actorId: string;
  role: AllianceMemberRole;
  seats: number;
  votes: number;
  startDate: string;
  endDate: string | null;
}

export const factsOf = (m: MemberRow): MemberFacts => ({
  id: m.id,
  actorId: m.actor_id,
  role: m.role,
  seats: Number(m.seats),
  votes: Number(m.votes),
  startDate: m.start_date,
  endDate: m.end_date,
});

export function checkCount(value: number, max: number, pointer: string): FieldError[] {
  if (value < 0) return [fieldError(pointer, 'negative_value', 'Must not be negative.')];
  if (value > max)
    return [fieldError(pointer, 'out_of_range', `Must be a whole number up to ${max}.`)];
  return [];
}

/**
 * Every error of the memberships `changed` (pointers under `prefixes[i]`), given the alliance's
 * other memberships. The actor of each must be one of the workspace that the caller may see, and
 * one actor's memberships may not overlap in time.
 */
export async function memberErrors(
  db: Db,
  actor: Actor,
  workspaceId: string,
  changed: readonly MemberFacts[],
  prefixes: readonly string[],
  others: readonly MemberFacts[],
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const viewer = viewerOf(actor, workspaceId);
  const actors = await actorsByIds(
    db,
    workspaceId,
    changed.map((m) => m.actorId),
  );
  const seen: MemberFacts[] = [...others];
  changed.forEach((m, i) => {
    const p = prefixes[i] ?? '';
    const a = actors.get(m.actorId);
    if (!a || !seesActor(viewer, a))
      errors.push(fieldError(`${p}/actorId`, 'unknown_actor', 'No such actor in this workspace.'));
    errors.push(...checkCount(m.seats, MAX_COUNT, `${p}/seats`));
    errors.push(...checkCount(m.votes, MAX_COUNT, `${p}/votes`));
    const order = checkPeriod(m.startDate, m.endDate, `${p}/endDate`);
    errors.push(...order);
    const period = { start_date: m.startDate, end_date: m.endDate };
    const clash = seen.find(
      (o) =>
        o.id !== m.id &&
        o.actorId === m.actorId &&
        periodsOverlap(period, { start_date: o.startDate, end_date: o.endDate }),
    );
    if (clash && order.length === 0)
      errors.push(
        fieldError(
          `${p}/actorId`,
          'duplicate_member',
          `This actor is already a member for part of this period (${clash.id}).`,
        ),
      );
    seen.push(m);
  });
  return errors;
}

/** An active alliance needs at least one seat among the members current on `today`. */
export function governanceErrors(
  status: AllianceStatus,
  members: readonly MemberFacts[],
  today: string,
  pointer: string,
): FieldError[] {
  if (status !== 'active') return [];
  const seats = members
    .filter((m) => isCurrent({ end_date: m.endDate }, today))
    .reduce((s, m) => s + Math.max(0, m.seats), 0);
  return seats > 0
    ? []
    : [
        fieldError(
          pointer,
          'governance_without_seats',
          'An active alliance needs at least one seat among its current members.',
        ),
      ];
}

/** A contribution's money and quantity: never negative; money's quantity is its value. */
export function contributionErrors(c: {
  kind: string;
  quantity: number | undefined;
  valueCents: number;
  memberKnown: boolean;
}): FieldError[] {
  const errors: FieldError[] = [];
  if (!c.memberKnown)
    errors.push(fieldError('/memberId', 'unknown_member', 'No such member of this alliance.'));
  errors.push(...checkCount(c.valueCents, MAX_CENTS, '/valueCents'));
  if (c.quantity !== undefined) errors.push(...checkCount(c.quantity, MAX_CENTS, '/quantity'));
  if (c.kind === 'money' && c.quantity !== undefined && c.quantity !== c.valueCents)
    errors.push(
      fieldError('/quantity', 'quantity_mismatch', 'For money the quantity is the value in cents.'),
    );
  if (c.kind !== 'money' && c.quantity === undefined)
    errors.push(fieldError('/quantity', 'required', 'Give the hours, dagdelen or items.'));
  return errors;
}
