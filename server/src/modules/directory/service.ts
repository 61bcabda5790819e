import { assertCan } from '../../auth/policy.ts';
import type { Actor, AppContext } from '../../context.ts';
import { badRequest, fieldError, type FieldError } from '../../http/problem.ts';
import { knownTerms } from '../records/repo.ts';
import { viewerOf } from '../records/visibility.ts';
import { findArea, subAreas } from './repo.ts';
import { searchEntries } from './search-repo.ts';
import type { SearchFilters } from './schema.ts';
import { MAX_QUERY_WORDS, parseSearchQuery } from './search-query.ts';

export const queryError = (pointer: string, code: string, detail: string) =>
  fieldError(pointer, code, detail, 'query');

/** Throws one 400 listing every error, when there are any. */
export function assertNoErrors(errors: FieldError[], detail: string): void {
  if (errors.length) throw badRequest('validation_failed', detail, errors);
}

/** Checks that a term id is a taxonomy term of the expected kind in the workspace. */
export function termErrors(
  terms: Map<string, { kind: string }>,
  checks: { pointer: string; id: string | undefined; kind: 'domain' | 'target_group' }[],
): FieldError[] {
  return checks.flatMap(({ pointer, id, kind }) => {
    if (id === undefined) return [];
    const term = terms.get(id);
    if (!term) return [queryError(pointer, 'unknown_term', 'No such term in this workspace.')];
    if (term.kind !== kind)
      return [queryError(pointer, 'wrong_term_kind', `The term is not a ${kind}.`)];
    return [];
  });
}

/**
 * Directory search: actors, activities and initiatives the caller may see, matching every word
 * of `q` as a prefix and every filter, in the directory's order (sort key, type, id). The area
 * filter includes the area's sub-areas. Unknown filter ids answer 400, listing every bad filter.
 */
export async function searchDirectory(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  filters: SearchFilters,
  page: { offset: number; limit: number },
) {
  assertCan(actor, 'directory.read', workspaceId);
  const parsed = parseSearchQuery(filters.q);
  const errors: FieldError[] = [];
  if (parsed.wordCount > MAX_QUERY_WORDS)
    errors.push(queryError('/q', 'too_many_words', `Use at most ${MAX_QUERY_WORDS} words.`));
  if (filters.activeFrom && filters.activeTo && filters.activeFrom > filters.activeTo)
    errors.push(queryError('/activeTo', 'before_active_from', 'activeTo is before activeFrom.'));
  const termIds = [filters.domainId, filters.targetGroupId].filter((id) => id !== undefined);
  const [area, terms] = await Promise.all([
    filters.areaId ? findArea(ctx.db, workspaceId, filters.areaId) : undefined,
    knownTerms(ctx.db, workspaceId, termIds),
  ]);
  if (filters.areaId && !area)
    errors.push(queryError('/areaId', 'unknown_area', 'No such area in this workspace.'));
  errors.push(
    ...termErrors(terms, [
      { pointer: '/domainId', id: filters.domainId, kind: 'domain' },
      { pointer: '/targetGroupId', id: filters.targetGroupId, kind: 'target_group' },
    ]),
  );
  assertNoErrors(errors, 'The search is invalid.');
  const areaIds = area
    ? [area.id, ...(await subAreas(ctx.db, workspaceId, area)).map((a) => a.id)]
    : undefined;
  return searchEntries(
    ctx.db,
    workspaceId,
    viewerOf(actor, workspaceId),
    {
      ranges: parsed.ranges,
      type: filters.type,
      areaIds,
      termIds,
      actorKind: filters.actorKind,
      orgKind: filters.orgKind,
      sizeClass: filters.sizeClass,
      activeFrom: filters.activeFrom,
      activeTo: filters.activeTo,
    },
    page,
  );
}
