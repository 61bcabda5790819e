import type { Db } from '../../db/dialect.ts';
import { fieldError, type FieldError } from '../../http/problem.ts';
import { checkLinks, checkPeriod } from '../activities/checks.ts';
import { findActor } from '../activities/refs-repo.ts';
import { findInitiative } from '../initiatives/repo.ts';
import { findAlliance } from '../support/recipient-repo.ts';
import { MAX_BURDEN, MAX_CENTS } from './schema.ts';

// Checks of a funding flow that the request schema cannot make: ranges, date order and
// references to records of the workspace. They return field errors, so one 400 lists them all.
// A record of another workspace is reported exactly like one that does not exist.

/** A flow as it would be after the request (a create, or the current row merged with a change). */
export interface FlowFacts {
  funderId: string;
  recipientType: 'actor' | 'initiative' | 'alliance';
  recipientId: string;
  initiativeId: string | null;
  amountCents: number;
  startDate: string;
  endDate: string;
  reportingHours: number;
  reports: number;
  areaIds?: string[] | undefined;
  domainIds?: string[] | undefined;
}

function checkRange(value: number, min: number, max: number, pointer: string): FieldError[] {
  if (value >= min && value <= max) return [];
  const negativeMoney = value < 0 && pointer === '/amountCents';
  return [
    fieldError(
      pointer,
      negativeMoney ? 'negative_amount' : 'out_of_range',
      `Must be a whole number from ${min} to ${max}.`,
    ),
  ];
}

export async function flowErrors(
  db: Db,
  workspaceId: string,
  f: FlowFacts,
  existingTermIds?: ReadonlySet<string>,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const funder = await findActor(db, workspaceId, f.funderId);
  if (!funder)
    errors.push(fieldError('/funderId', 'unknown_actor', 'No such actor in this workspace.'));
  else if (funder.kind !== 'organisation')
    errors.push(
      fieldError('/funderId', 'wrong_actor_kind', 'Funders are organisations, not persons.'),
    );
  if (f.recipientId === '')
    errors.push(fieldError('/recipientId', 'required', 'Give the recipient of the new type.'));
  else if (f.recipientType === 'actor') {
    if (!(await findActor(db, workspaceId, f.recipientId)))
      errors.push(fieldError('/recipientId', 'unknown_actor', 'No such actor in this workspace.'));
    else if (f.recipientId === f.funderId)
      errors.push(fieldError('/recipientId', 'same_as_funder', 'A funder does not fund itself.'));
  } else if (f.recipientType === 'initiative') {
    if (!(await findInitiative(db, workspaceId, f.recipientId)))
      errors.push(
        fieldError('/recipientId', 'unknown_initiative', 'No such initiative in this workspace.'),
      );
    if (f.initiativeId !== null && f.initiativeId !== f.recipientId)
      errors.push(
        fieldError(
          '/initiativeId',
          'conflicting_initiative',
          'The recipient is an initiative: the flow is for that initiative.',
        ),
      );
  } else if (!(await findAlliance(db, workspaceId, f.recipientId)))
    errors.push(
      fieldError('/recipientId', 'unknown_alliance', 'No such alliance in this workspace.'),
    );
  if (
    f.initiativeId !== null &&
    f.recipientType !== 'initiative' &&
    !(await findInitiative(db, workspaceId, f.initiativeId))
  )
    errors.push(
      fieldError('/initiativeId', 'unknown_initiative', 'No such initiative in this workspace.'),
    );
  errors.push(...checkRange(f.amountCents, 1, MAX_CENTS, '/amountCents'));
  errors.push(...checkRange(f.reportingHours, 0, MAX_BURDEN, '/reportingHours'));
  errors.push(...checkRange(f.reports, 0, MAX_BURDEN, '/reports'));
  errors.push(...checkPeriod(f.startDate, f.endDate, '/endDate'));
  errors.push(
    ...(await checkLinks(
      db,
      workspaceId,
      { areaIds: f.areaIds, domainIds: f.domainIds },
      existingTermIds,
    )),
  );
  return errors;
}
