import type { Db } from '../../db/dialect.ts';
import type { ActorRow, TaxonomyKind } from '../../db/types.ts';
import { badRequest, fieldError, type FieldError } from '../../http/problem.ts';
import { knownAreaIds, knownTerms } from '../records/repo.ts';
import { findActorByUser, memberIds } from './repo.ts';

/**
 * Checks that need the database or several fields at once. They run after the request schema
 * passed, collect every error (JSON pointers into the body) and never write.
 */

export interface LinkInput {
  areaIds?: readonly string[] | undefined;
  domainIds?: readonly string[] | undefined;
  targetGroupIds?: readonly string[] | undefined;
}

/**
 * Area and term ids must belong to the workspace, terms must be of the field's kind, and an
 * archived term may stay on a record (`keep`: its current term ids) but not be linked anew.
 */
export async function linkErrors(
  db: Db,
  workspaceId: string,
  input: LinkInput,
  keep: ReadonlySet<string> = new Set(),
  prefix = '',
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const areas = await knownAreaIds(db, workspaceId, input.areaIds ?? []);
  (input.areaIds ?? []).forEach((id, i) => {
    if (!areas.has(id))
      errors.push(
        fieldError(`${prefix}/areaIds/${i}`, 'unknown_area', 'No such area in this workspace.'),
      );
  });
  const termIds = [...(input.domainIds ?? []), ...(input.targetGroupIds ?? [])];
  const terms = await knownTerms(db, workspaceId, termIds);
  const check = (field: 'domainIds' | 'targetGroupIds', kind: TaxonomyKind) =>
    (input[field] ?? []).forEach((id, i) => {
      const term = terms.get(id);
      const pointer = `${prefix}/${field}/${i}`;
      if (!term)
        errors.push(fieldError(pointer, 'unknown_term', 'No such term in this workspace.'));
      else if (term.kind !== kind)
        errors.push(fieldError(pointer, 'wrong_term_kind', `This term is not a ${kind}.`));
      else if (term.archived && !keep.has(id))
        errors.push(fieldError(pointer, 'archived_term', 'This term is archived.'));
    });
  check('domainIds', 'domain');
  check('targetGroupIds', 'target_group');
  return errors;
}

/** An end date before the start date. Dates are ISO `YYYY-MM-DD`, so strings compare. */
export function periodError(
  pointer: string,
  start: string | null | undefined,
  end: string | null | undefined,
): FieldError[] {
  return start && end && end < start
    ? [fieldError(pointer, 'end_before_start', 'The end date is before the start date.')]
    : [];
}

export function rolesErrors(
  roles: readonly { startDate?: string | null | undefined; endDate?: string | null | undefined }[],
): FieldError[] {
  return roles.flatMap((r, i) => periodError(`/roles/${i}/endDate`, r.startDate, r.endDate));
}

export const consentRequired = (pointer = '/visibility') =>
  fieldError(
    pointer,
    'consent_required',
    'A person is only visible beyond coordinators once their consent is recorded.',
  );

export function futureDateError(pointer: string, date: string, today: string): FieldError[] {
  return date > today ? [fieldError(pointer, 'future_date', 'The date is in the future.')] : [];
}

/** A member's account may be linked to one carrier per workspace. */
export async function userLinkErrors(
  db: Db,
  workspaceId: string,
  userId: string,
  self: ActorRow | undefined,
): Promise<FieldError[]> {
  if (!(await memberIds(db, workspaceId, [userId])).has(userId))
    return [fieldError('/userId', 'not_a_member', 'This user is not a member of the workspace.')];
  const linked = await findActorByUser(db, workspaceId, userId);
  if (linked && linked.id !== self?.id)
    return [fieldError('/userId', 'already_linked', 'This account already has a carrier record.')];
  return [];
}

/** Throws the 400 listing every error; `consent_required` when that is the only trouble. */
export function assertValid(errors: FieldError[]): void {
  if (!errors.length) return;
  const consentOnly = errors.every((e) => e.code === 'consent_required');
  throw badRequest(
    consentOnly ? 'consent_required' : 'validation_failed',
    consentOnly
      ? 'Record the person’s consent before making them visible.'
      : `The request has ${errors.length} error(s); nothing was saved.`,
    errors,
  );
}
