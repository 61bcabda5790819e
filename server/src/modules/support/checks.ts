import type { Db } from '../../db/dialect.ts';
import { fieldError, type FieldError } from '../../http/problem.ts';
import { checkLinks, checkPeriod } from '../activities/checks.ts';
import { findActor } from '../activities/refs-repo.ts';
import { knownAreaIds } from '../records/repo.ts';

// Checks of offers and needs that the request schema cannot make: ranges, date order and
// references to records of the workspace. Each returns field errors, so one 400 lists them all.

export const MAX_PER_MONTH = 2_000_000_000;

export function checkAmount(value: number | undefined, pointer: string): FieldError[] {
  if (value === undefined) return [];
  return value >= 1 && value <= MAX_PER_MONTH
    ? []
    : [
        fieldError(
          pointer,
          value < 0 ? 'negative_amount' : 'out_of_range',
          `Must be a whole number from 1 to ${MAX_PER_MONTH}.`,
        ),
      ];
}

export interface OfferFacts {
  providerId: string;
  capacityPerMonth: number;
  startDate: string;
  endDate: string | null;
  areaIds?: string[] | undefined;
  domainIds?: string[] | undefined;
  targetGroupIds?: string[] | undefined;
}

export async function offerErrors(
  db: Db,
  workspaceId: string,
  o: OfferFacts,
  existingTermIds?: ReadonlySet<string>,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const provider = await findActor(db, workspaceId, o.providerId);
  if (!provider)
    errors.push(fieldError('/providerId', 'unknown_actor', 'No such actor in this workspace.'));
  else if (provider.kind !== 'organisation')
    errors.push(
      fieldError('/providerId', 'wrong_actor_kind', 'Offers come from organisations, not persons.'),
    );
  errors.push(...checkAmount(o.capacityPerMonth, '/capacityPerMonth'));
  errors.push(...checkPeriod(o.startDate, o.endDate, '/endDate'));
  errors.push(
    ...(await checkLinks(
      db,
      workspaceId,
      { areaIds: o.areaIds, domainIds: o.domainIds, targetGroupIds: o.targetGroupIds },
      existingTermIds,
    )),
  );
  return errors;
}

export interface NeedFacts {
  amountPerMonth: number;
  startDate: string;
  endDate: string | null;
  areaId: string;
  domainIds?: string[] | undefined;
  targetGroupIds?: string[] | undefined;
}

export async function needErrors(
  db: Db,
  workspaceId: string,
  n: NeedFacts,
  existingTermIds?: ReadonlySet<string>,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  errors.push(...checkAmount(n.amountPerMonth, '/amountPerMonth'));
  errors.push(...checkPeriod(n.startDate, n.endDate, '/endDate'));
  if (!(await knownAreaIds(db, workspaceId, [n.areaId])).has(n.areaId))
    errors.push(fieldError('/areaId', 'unknown_area', `No area ${n.areaId} in this workspace.`));
  errors.push(
    ...(await checkLinks(
      db,
      workspaceId,
      { domainIds: n.domainIds, targetGroupIds: n.targetGroupIds },
      existingTermIds,
    )),
  );
  return errors;
}
