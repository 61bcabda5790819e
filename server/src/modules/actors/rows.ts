import { newId } from '../../auth/crypto.ts';
import type { ActorRolesTable, ActorRow, ActorsTable } from '../../db/types.ts';
import { fieldError, type FieldError } from '../../http/problem.ts';
import type { ActorCreate, ActorPatch, RoleInput } from './schema.ts';
import { deriveSizeClass } from './size-class.ts';

/** Pure mapping of API input to table rows. */

/** The consent text version of a carrier who keeps their own record: the consent is their own. */
export const SELF_MANAGED = 'self-managed';

/** Trimmed text; empty means "not given". */
export const blank = (s: string | null | undefined): string | null =>
  s === undefined || s === null || s.trim() === '' ? null : s;

type PreferencesInput = ActorPatch['contactPreferences'];

export const preferencesJson = (p: PreferencesInput): string | null =>
  p ? JSON.stringify({ channels: [...new Set(p.channels)], note: blank(p.note) }) : null;

export function roleRows(workspaceId: string, actorId: string, roles: readonly RoleInput[]) {
  return roles.map((r): ActorRolesTable => ({
    id: newId(),
    workspace_id: workspaceId,
    actor_id: actorId,
    role: r.role,
    start_date: r.startDate ?? null,
    end_date: r.endDate ?? null,
  }));
}

/** A new actor row; `createdBy` also records consent given in the input. */
export function newActorRow(
  workspaceId: string,
  input: ActorCreate,
  now: string,
  createdBy: string | null,
): ActorsTable {
  const common = {
    id: newId(),
    workspace_id: workspaceId,
    name: input.name,
    bio: blank(input.bio),
    email: input.email ?? null,
    phone: blank(input.phone),
    created_by: createdBy,
    created_at: now,
    updated_at: now,
  };
  if (input.kind === 'organisation') {
    const size = {
      budgetBand: input.budgetBand ?? null,
      staffCount: input.staffCount ?? null,
      override: input.sizeClassOverride ?? null,
    };
    return {
      ...common,
      kind: 'organisation',
      carries: null,
      org_kind: input.orgKind,
      budget_band: size.budgetBand,
      staff_count: size.staffCount,
      size_class_override: size.override,
      size_class: deriveSizeClass(size),
      kvk_number: input.kvkNumber ?? null,
      website: blank(input.website),
      // Organisations are not personal data: the workspace sees them unless told otherwise.
      visibility: input.visibility ?? 'workspace',
      user_id: null,
      contact_preferences: null,
      consent_given_at: null,
      consent_text_version: null,
      consent_recorded_by: null,
    };
  }
  return {
    ...common,
    kind: 'person',
    carries: blank(input.carries),
    org_kind: null,
    budget_band: null,
    staff_count: null,
    size_class_override: null,
    size_class: null,
    kvk_number: null,
    website: null,
    visibility: input.visibility ?? 'private',
    user_id: input.userId ?? null,
    contact_preferences: preferencesJson(input.contactPreferences),
    consent_given_at: input.consent?.givenOn ?? null,
    consent_text_version: input.consent?.textVersion ?? null,
    consent_recorded_by: input.consent ? createdBy : null,
  };
}

const personOnly = ['carries', 'roles', 'contactPreferences', 'userId'] as const;
const organisationOnly = [
  'orgKind',
  'budgetBand',
  'staffCount',
  'sizeClassOverride',
  'kvkNumber',
  'website',
] as const;

/** Fields that do not belong to the actor's kind. */
export function kindErrors(kind: ActorRow['kind'], input: ActorPatch): FieldError[] {
  const foreign = kind === 'person' ? organisationOnly : personOnly;
  return foreign
    .filter((f) => input[f] !== undefined)
    .map((f) =>
      fieldError(
        `/${f}`,
        'not_for_kind',
        `A${kind === 'person' ? ' person' : 'n organisation'} has no ${f}.`,
      ),
    );
}

/** The columns a patch changes (size class re-derived for organisations). */
export function patchSet(current: ActorRow, input: ActorPatch, now: string): Partial<ActorsTable> {
  const set: Partial<ActorsTable> = { updated_at: now };
  if (input.name !== undefined) set.name = input.name;
  if (input.carries !== undefined) set.carries = blank(input.carries);
  if (input.bio !== undefined) set.bio = blank(input.bio);
  if (input.email !== undefined) set.email = input.email;
  if (input.phone !== undefined) set.phone = blank(input.phone);
  if (input.contactPreferences !== undefined)
    set.contact_preferences = preferencesJson(input.contactPreferences);
  if (input.visibility !== undefined) set.visibility = input.visibility;
  if (input.userId !== undefined) set.user_id = input.userId;
  if (input.orgKind !== undefined) set.org_kind = input.orgKind;
  if (input.budgetBand !== undefined) set.budget_band = input.budgetBand;
  if (input.staffCount !== undefined) set.staff_count = input.staffCount;
  if (input.sizeClassOverride !== undefined) set.size_class_override = input.sizeClassOverride;
  if (input.kvkNumber !== undefined) set.kvk_number = input.kvkNumber;
  if (input.website !== undefined) set.website = blank(input.website);
  if (current.kind === 'organisation') {
    const next = { ...current, ...set };
    set.size_class = deriveSizeClass({
      budgetBand: next.budget_band,
      staffCount: next.staff_count,
      override: next.size_class_override,
    });
  }
  return set;
}

/** Changes that alter what the actor's activities' search entries hold. */
export const touchesActivities = (a: ActorRow, b: ActorRow) =>
  a.name !== b.name ||
  a.visibility !== b.visibility ||
  a.size_class !== b.size_class ||
  a.org_kind !== b.org_kind ||
  a.user_id !== b.user_id;
