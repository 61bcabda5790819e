import { can } from '../../auth/policy.ts';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import type { RecordType } from '../../db/types.ts';
import { badRequest, fieldError, type FieldError } from '../../http/problem.ts';
import { knownAreaIds, knownTerms, setRecordAreas, setRecordTerms } from '../records/repo.ts';
import { canSee, type Viewer } from '../records/visibility.ts';
import type { ActorRef, Links } from './refs-repo.ts';

// Rules shared by activities, initiatives and achievements: who may write, and the checks that
// need more than the request's shape (ranges, date order, references to other records). Each
// check returns field errors so a service can list them all in one 400.

export const isManager = (actor: Actor, workspaceId: string) =>
  can(actor, 'directory.manage', workspaceId);

/** The calling user, or null for the system and anonymous callers. */
export const userIdOf = (actor: Actor): string | null =>
  actor.kind === 'user' ? actor.userId : null;

export const seesActor = (viewer: Viewer, a: Pick<ActorRef, 'visibility' | 'user_id'>) =>
  canSee(viewer, { visibility: a.visibility, owner_user_id: a.user_id });

/** Managers write for any actor; other members only for the carrier linked to their account. */
export function mayWriteFor(actor: Actor, workspaceId: string, target: Pick<ActorRef, 'user_id'>) {
  if (isManager(actor, workspaceId)) return true;
  const userId = userIdOf(actor);
  return userId !== null && target.user_id === userId;
}

export function invalid(errors: FieldError[]) {
  return badRequest(
    'validation_failed',
    `The request has ${errors.length} error(s); nothing was saved.`,
    errors,
  );
}

export function nothingToChange() {
  return badRequest('validation_failed', 'Nothing to change.', [
    fieldError('/', 'empty', 'Give at least one field to change.'),
  ]);
}

/** An end date before the start date. */
export function checkPeriod(
  start: string | null | undefined,
  end: string | null | undefined,
  endPointer: string,
): FieldError[] {
  return start && end && end < start
    ? [fieldError(endPointer, 'end_before_start', `The end date ${end} is before ${start}.`)]
    : [];
}

export function checkHours(hours: number | null | undefined): FieldError[] {
  if (hours === null || hours === undefined) return [];
  return Number.isFinite(hours) && hours >= 0 && hours <= 168
    ? []
    : [fieldError('/hoursPerWeek', 'out_of_range', 'Hours per week must be between 0 and 168.')];
}

/**
 * Areas must belong to the workspace, domains and target groups must be terms of the workspace of
 * that kind. Archived terms are refused unless the record already has them.
 */
export async function checkLinks(
  db: Db,
  workspaceId: string,
  input: Partial<Links>,
  existingTermIds: ReadonlySet<string> = new Set(),
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const areaIds = input.areaIds ?? [];
  const known = await knownAreaIds(db, workspaceId, areaIds);
  areaIds.forEach((id, i) => {
    if (!known.has(id))
      errors.push(fieldError(`/areaIds/${i}`, 'unknown_area', `No area ${id} in this workspace.`));
  });
  const terms = await knownTerms(db, workspaceId, [
    ...(input.domainIds ?? []),
    ...(input.targetGroupIds ?? []),
  ]);
  const checkTerms = (field: 'domainIds' | 'targetGroupIds', kind: string) =>
    (input[field] ?? []).forEach((id, i) => {
      const term = terms.get(id);
      const pointer = `/${field}/${i}`;
      if (!term) errors.push(fieldError(pointer, 'unknown_term', `No term ${id} here.`));
      else if (term.kind !== kind)
        errors.push(fieldError(pointer, 'wrong_term_kind', `Term ${id} is a ${term.kind}.`));
      else if (term.archived && !existingTermIds.has(id))
        errors.push(fieldError(pointer, 'archived_term', `Term ${id} is archived.`));
    });
  checkTerms('domainIds', 'domain');
  checkTerms('targetGroupIds', 'target_group');
  return errors;
}

/** Ids that occur more than once, as field errors at their second and later positions. */
export function checkDuplicates(ids: readonly string[], pointer: string): FieldError[] {
  const seen = new Set<string>();
  return ids.flatMap((id, i) => {
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [fieldError(`${pointer}/${i}`, 'duplicate', `${id} is listed twice.`)];
  });
}

/** Replaces a record's area and term links. */
export async function writeLinks(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  recordId: string,
  links: Links,
): Promise<void> {
  await setRecordAreas(db, workspaceId, recordType, recordId, links.areaIds);
  await setRecordTerms(db, workspaceId, recordType, recordId, [
    ...links.domainIds,
    ...links.targetGroupIds,
  ]);
}
