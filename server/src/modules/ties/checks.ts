import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { TieType } from '../../db/types.ts';
import { fieldError, forbidden, type FieldError } from '../../http/problem.ts';
import { checkPeriod, mayWriteFor, seesActor } from '../activities/checks.ts';
import { findActor, type ActorRef } from '../activities/refs-repo.ts';
import { viewerOf } from '../records/visibility.ts';
import { tiesBetween, type TieRow } from './repo.ts';

// Checks of a tie that the request schema cannot make. They return field errors, so one 400 lists
// them all. An actor of another workspace, or one the caller may not see, is reported exactly
// like one that does not exist.

/** A tie as it would be after the request (a create, or the current row merged with a change). */
export interface TieFacts {
  fromActorId: string;
  toActorId: string;
  type: TieType;
  directed: boolean;
  startDate: string;
  endDate: string | null;
}

type Period = { start_date: string; end_date: string | null };

/** Periods share a day (an open end runs for ever). */
export const periodsOverlap = (a: Period, b: Period) =>
  a.start_date <= (b.end_date ?? '9999-12-31') && b.start_date <= (a.end_date ?? '9999-12-31');

/**
 * A duplicate is a tie of the same type between the same two actors whose period overlaps, unless
 * both are directed in opposite directions (A supports B and B supports A are two ties).
 */
export function isDuplicate(f: TieFacts, other: TieRow): boolean {
  const sameWay = other.from_actor_id === f.fromActorId;
  const bothDirected = f.directed && Number(other.directed) === 1;
  if (bothDirected && !sameWay) return false;
  return periodsOverlap({ start_date: f.startDate, end_date: f.endDate }, other);
}

const cannotRecord = () =>
  forbidden('Only coordinators, or the carrier at one end of the tie, may record or change it.');

/** Whether the caller may record or change a tie between these actors. */
export const mayWriteTie = (
  actor: Actor,
  workspaceId: string,
  ends: readonly Pick<ActorRef, 'user_id'>[],
) => ends.some((end) => mayWriteFor(actor, workspaceId, end));

/**
 * Every error of the tie, for the caller (who must see both actors). Throws 403 when both actors
 * are known and visible but the caller may write for neither.
 */
export async function tieErrors(
  db: Db,
  actor: Actor,
  workspaceId: string,
  f: TieFacts,
  exceptId?: string,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const viewer = viewerOf(actor, workspaceId);
  const end = async (id: string, pointer: string) => {
    const found = await findActor(db, workspaceId, id);
    if (found && seesActor(viewer, found)) return found;
    errors.push(fieldError(pointer, 'unknown_actor', 'No such actor in this workspace.'));
    return undefined;
  };
  const from = await end(f.fromActorId, '/fromActorId');
  const to = await end(f.toActorId, '/toActorId');
  if (from && to && !mayWriteTie(actor, workspaceId, [from, to])) throw cannotRecord();
  if (f.fromActorId === f.toActorId)
    errors.push(fieldError('/toActorId', 'self_tie', 'A tie joins two different actors.'));
  errors.push(...checkPeriod(f.startDate, f.endDate, '/endDate'));
  if (from && to && from.id !== to.id && errors.length === 0) {
    const others = await tiesBetween(db, workspaceId, from.id, to.id, f.type);
    // Survey ties are a round's snapshot, not records: they never make a recorded tie a duplicate.
    const clash = others.find(
      (o) => o.id !== exceptId && o.source !== 'survey' && isDuplicate(f, o),
    );
    if (clash)
      errors.push(
        fieldError(
          '/type',
          'duplicate_tie',
          `A ${f.type} tie between these actors already covers part of this period (${clash.id}).`,
        ),
      );
  }
  return errors;
}
