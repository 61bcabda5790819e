import type { Db } from '../../db/dialect.ts';
import { badRequest, fieldError } from '../../http/problem.ts';
import { findArea, subAreas } from './repo.ts';

/**
 * The ids of an area and its sub-areas, for list and dashboard filters (`?areaId=`); undefined
 * when no area is asked for; a 400 naming the query parameter for an area not of this workspace.
 */
export async function areaAndSubAreas(db: Db, workspaceId: string, areaId: string | undefined) {
  if (!areaId) return undefined;
  const area = await findArea(db, workspaceId, areaId);
  if (!area)
    throw badRequest('validation_failed', 'The query is invalid.', [
      fieldError('/areaId', 'unknown_area', 'No such area in this workspace.', 'query'),
    ]);
  return [area.id, ...(await subAreas(db, workspaceId, area)).map((a) => a.id)];
}
