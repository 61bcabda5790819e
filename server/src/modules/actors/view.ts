import type { ActorRolesTable, ActorRow } from '../../db/types.ts';
import { canSee, type Viewer } from '../records/visibility.ts';
import type { AffiliationWithParties } from './repo.ts';
import {
  contactChannels,
  type ActorDetail,
  type ActorSummary,
  type Affiliation,
} from './schema.ts';

/** Row → API shapes. Contact and consent details only when `disclose` (managers, the carrier). */

export interface Links {
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
}

export const noLinks: Links = { areaIds: [], domainIds: [], targetGroupIds: [] };

export const toSummary = (r: ActorRow, links: Links): ActorSummary => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  carries: r.carries,
  orgKind: r.org_kind,
  sizeClass: r.size_class,
  visibility: r.visibility,
  ...links,
});

export const toAffiliation = (a: AffiliationWithParties): Affiliation => ({
  id: a.id,
  personId: a.person_id,
  personName: a.person_name,
  organisationId: a.organisation_id,
  organisationName: a.organisation_name,
  role: a.role,
  startDate: a.start_date,
  endDate: a.end_date,
});

/** An affiliation is shown when the viewer may see both parties. */
export const affiliationVisible = (viewer: Viewer, a: AffiliationWithParties) =>
  canSee(viewer, { visibility: a.person_visibility, owner_user_id: a.person_user_id }) &&
  canSee(viewer, { visibility: a.organisation_visibility, owner_user_id: null });

type Preferences = NonNullable<ActorDetail['contactPreferences']>;

function parsePreferences(json: string | null): Preferences | null {
  if (!json) return null;
  const raw = JSON.parse(json) as { channels?: unknown; note?: unknown };
  const channels = Array.isArray(raw.channels)
    ? raw.channels.filter((c): c is Preferences['channels'][number] =>
        (contactChannels as readonly unknown[]).includes(c),
      )
    : [];
  return { channels, note: typeof raw.note === 'string' ? raw.note : null };
}

export const hasConsent = (r: Pick<ActorRow, 'consent_given_at'>) => r.consent_given_at !== null;

export function toDetail(
  r: ActorRow,
  extra: { links: Links; roles: ActorRolesTable[]; affiliations: AffiliationWithParties[] },
  disclose: boolean,
): ActorDetail {
  return {
    ...toSummary(r, extra.links),
    bio: r.bio,
    budgetBand: r.budget_band,
    staffCount: r.staff_count,
    sizeClassOverride: r.size_class_override,
    kvkNumber: r.kvk_number,
    website: r.website,
    roles: extra.roles.map((x) => ({
      id: x.id,
      role: x.role,
      startDate: x.start_date,
      endDate: x.end_date,
    })),
    affiliations: extra.affiliations.map(toAffiliation),
    selfManaged: r.user_id !== null,
    userId: disclose ? r.user_id : null,
    ...(disclose
      ? {
          email: r.email,
          phone: r.phone,
          contactPreferences: parsePreferences(r.contact_preferences),
          consent:
            r.consent_given_at === null
              ? null
              : {
                  givenOn: r.consent_given_at.slice(0, 10),
                  textVersion: r.consent_text_version ?? '',
                  recordedBy: r.consent_recorded_by,
                },
        }
      : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
