import { can } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import { isUniqueViolation, type Db } from '../../db/dialect.ts';
import type { ActorRow, ActorsTable } from '../../db/types.ts';
import { badRequest, conflict, fieldError, forbidden } from '../../http/problem.ts';
import { audit } from '../audit/service.ts';
import { actorEntry, activityEntry } from '../records/entries.ts';
import { actorEvent } from './events.ts';
import {
  areasOf,
  knownTerms,
  setRecordAreas,
  setRecordTerms,
  termsOf,
  writeSearchEntry,
} from '../records/repo.ts';
import { viewerOf } from '../records/visibility.ts';
import {
  activitiesOfActor,
  affiliationsWithParties,
  insertActor,
  replaceRoles,
  rolesOf,
  updateActorRow,
} from './repo.ts';
import { kindErrors, patchSet, roleRows, SELF_MANAGED, touchesActivities } from './rows.ts';
import type { ActorPatch, RoleInput } from './schema.ts';
import {
  assertValid,
  consentRequired,
  linkErrors,
  rolesErrors,
  userLinkErrors,
  type LinkInput,
} from './validate.ts';
import { affiliationVisible, hasConsent, noLinks, toDetail, type Links } from './view.ts';

/** Reads and writes shared by the actor services; every function takes the transaction. */

export const ownerOf = (r: ActorRow) => ({ visibility: r.visibility, owner_user_id: r.user_id });

/** Managers and the carrier themselves see contact and consent details. */
export const discloses = (actor: Actor, r: ActorRow) =>
  can(actor, 'directory.manage', r.workspace_id) ||
  (actor.kind === 'user' && r.user_id !== null && r.user_id === actor.userId);

/** Two requests linking the same account at once: the unique key decides, the loser gets 409. */
export async function uniqueLink<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict('carrier_exists', 'This account already has a carrier record here.');
    throw err;
  }
}

export async function linksOf(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, Links>> {
  const areas = await areasOf(db, workspaceId, 'actor', ids);
  const terms = await termsOf(db, workspaceId, 'actor', ids);
  const kinds = await knownTerms(db, workspaceId, [...terms.values()].flat());
  const out = new Map<string, Links>();
  for (const id of ids) {
    const own = terms.get(id) ?? [];
    out.set(id, {
      areaIds: areas.get(id) ?? [],
      domainIds: own.filter((t) => kinds.get(t)?.kind === 'domain'),
      targetGroupIds: own.filter((t) => kinds.get(t)?.kind === 'target_group'),
    });
  }
  return out;
}

export async function detailOf(db: Db, actor: Actor, r: ActorRow) {
  const ws = r.workspace_id;
  const viewer = viewerOf(actor, ws);
  const links = await linksOf(db, ws, [r.id]);
  const roles = await rolesOf(db, ws, [r.id]);
  const affiliations = await affiliationsWithParties(db, ws, { actorId: r.id });
  return toDetail(
    r,
    {
      links: links.get(r.id) ?? noLinks,
      roles: roles.get(r.id) ?? [],
      affiliations: affiliations.filter((a) => affiliationVisible(viewer, a)),
    },
    discloses(actor, r),
  );
}

/** The actor's search entry, and its activities' entries when what they show changed. */
export async function reindex(db: Db, r: ActorRow, activitiesToo: boolean): Promise<void> {
  const { entry, texts } = actorEntry(r);
  await writeSearchEntry(db, entry, texts);
  if (!activitiesToo) return;
  for (const a of await activitiesOfActor(db, r.workspace_id, r.id)) {
    const e = activityEntry(a, r);
    await writeSearchEntry(db, e.entry, e.texts);
  }
}

/** Inserts a validated new actor with its roles, links and search entry. */
export async function writeNewActor(
  db: Db,
  row: ActorsTable,
  input: LinkInput & { roles?: readonly RoleInput[] },
): Promise<void> {
  const ws = row.workspace_id;
  await insertActor(db, row);
  await replaceRoles(db, ws, row.id, roleRows(ws, row.id, input.roles ?? []));
  await setRecordAreas(db, ws, 'actor', row.id, input.areaIds ?? []);
  await setRecordTerms(db, ws, 'actor', row.id, [
    ...(input.domainIds ?? []),
    ...(input.targetGroupIds ?? []),
  ]);
  await reindex(db, row, false);
}

/**
 * Applies a patch of a manager or of the carrier themselves (others get 403). A person becomes
 * visible only with recorded consent; when the carrier makes themselves visible, that is their
 * own consent and it is recorded as such.
 */
export async function applyPatch(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  current: ActorRow,
  input: ActorPatch,
): Promise<ActorRow> {
  const ws = current.workspace_id;
  const manager = can(actor, 'directory.manage', ws);
  const self =
    actor.kind === 'user' && current.user_id !== null && current.user_id === actor.userId;
  if (!manager && !self)
    throw forbidden('Only coordinators and the carrier themselves change this record.');
  if (input.userId !== undefined && !manager)
    throw forbidden('Only coordinators link a record to an account.');
  if (Object.values(input).every((v) => v === undefined))
    throw badRequest('validation_failed', 'Nothing to change.', [
      fieldError('/', 'empty', 'Give at least one field to change.'),
    ]);

  const currentTerms = (await termsOf(db, ws, 'actor', [current.id])).get(current.id) ?? [];
  const errors = kindErrors(current.kind, input);
  errors.push(...(await linkErrors(db, ws, input, new Set(currentTerms))));
  if (input.roles) errors.push(...rolesErrors(input.roles));
  if (input.userId && current.kind === 'person')
    errors.push(...(await userLinkErrors(db, ws, input.userId, current)));
  const now = nowIso(ctx);
  const set = patchSet(current, input, now);
  const merged = { ...current, ...set };
  if (merged.kind === 'person' && merged.visibility !== 'private' && !hasConsent(merged)) {
    if (self && actor.kind === 'user') {
      set.consent_given_at = now;
      set.consent_text_version = SELF_MANAGED;
      set.consent_recorded_by = actor.userId;
    } else errors.push(consentRequired());
  }
  assertValid(errors);

  await updateActorRow(db, ws, current.id, set);
  if (input.roles) await replaceRoles(db, ws, current.id, roleRows(ws, current.id, input.roles));
  if (input.areaIds) await setRecordAreas(db, ws, 'actor', current.id, input.areaIds);
  if (input.domainIds || input.targetGroupIds) {
    const kinds = await knownTerms(db, ws, currentTerms);
    const keep = (kind: string) => currentTerms.filter((t) => kinds.get(t)?.kind === kind);
    await setRecordTerms(db, ws, 'actor', current.id, [
      ...(input.domainIds ?? keep('domain')),
      ...(input.targetGroupIds ?? keep('target_group')),
    ]);
  }
  const next: ActorRow = { ...current, ...set };
  await reindex(db, next, touchesActivities(current, next));
  if (set.consent_given_at) await audit(ctx, actorEvent(actor, next, 'consent.recorded'), db);
  return next;
}
