import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { badRequest, fieldError, notFound, type FieldError } from '../../http/problem.ts';
import {
  affiliationsWithParties,
  deleteAffiliationRow,
  findActor,
  findAffiliationRow,
  insertAffiliation,
  updateAffiliationRow,
} from './repo.ts';
import type { AffiliationCreate, AffiliationPatch } from './schema.ts';
import { findVisibleActor } from './service.ts';
import { assertValid, periodError } from './validate.ts';
import { toAffiliation } from './view.ts';

/** Affiliations: a person works or volunteers at an organisation, in a role, for a period. */

async function affiliationById(db: Db, workspaceId: string, id: string) {
  const [row] = await affiliationsWithParties(db, workspaceId, { id });
  if (!row) throw notFound('No such affiliation.');
  return toAffiliation(row);
}

/** The path names either party; `counterpartId` the other, of the other kind. */
export async function addAffiliation(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  actorId: string,
  input: AffiliationCreate,
) {
  assertCan(actor, 'directory.manage', workspaceId);
  return ctx.db.transaction().execute(async (trx) => {
    const subject = await findVisibleActor(trx, actor, workspaceId, actorId);
    const other = await findActor(trx, workspaceId, input.counterpartId);
    const errors: FieldError[] = [];
    if (!other)
      errors.push(
        fieldError('/counterpartId', 'unknown_actor', 'No such actor in this workspace.'),
      );
    else if (other.kind === subject.kind)
      errors.push(
        fieldError(
          '/counterpartId',
          'wrong_actor_kind',
          `An affiliation links a person and an organisation; both are ${subject.kind}s.`,
        ),
      );
    errors.push(...periodError('/endDate', input.startDate, input.endDate));
    assertValid(errors);
    const person = subject.kind === 'person' ? subject : other!;
    const organisation = subject.kind === 'person' ? other! : subject;
    const now = nowIso(ctx);
    const id = newId();
    await insertAffiliation(trx, {
      id,
      workspace_id: workspaceId,
      person_id: person.id,
      organisation_id: organisation.id,
      role: input.role,
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      created_at: now,
      updated_at: now,
    });
    return affiliationById(trx, workspaceId, id);
  });
}

export async function changeAffiliation(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: AffiliationPatch,
) {
  assertCan(actor, 'directory.manage', workspaceId);
  if (Object.values(input).every((v) => v === undefined))
    throw badRequest('validation_failed', 'Nothing to change.', [
      fieldError('/', 'empty', 'Give at least one of role, startDate, endDate.'),
    ]);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await findAffiliationRow(trx, workspaceId, id);
    if (!current) throw notFound('No such affiliation.');
    const set = {
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
      ...(input.endDate !== undefined ? { end_date: input.endDate } : {}),
      updated_at: nowIso(ctx),
    };
    const next = { ...current, ...set };
    assertValid(
      periodError(
        input.endDate !== undefined ? '/endDate' : '/startDate',
        next.start_date,
        next.end_date,
      ),
    );
    await updateAffiliationRow(trx, workspaceId, id, set);
    return affiliationById(trx, workspaceId, id);
  });
}

export async function removeAffiliation(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
): Promise<void> {
  assertCan(actor, 'directory.manage', workspaceId);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findAffiliationRow(trx, workspaceId, id))) throw notFound('No such affiliation.');
    await deleteAffiliationRow(trx, workspaceId, id);
  });
}
