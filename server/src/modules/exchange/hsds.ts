import { createHash } from 'node:crypto';
import type { AreaLevel, TaxonomyKind } from '../../db/types.ts';

/**
 * Open Referral HSDS 3.0 (Human Services Data Specification) of a workspace's PUBLIC organisations.
 *
 * Envelope: the response of the HSDS API's `GET /organizations?full_service=true`: a `Page`
 * (`total_items`, `total_pages`, `page_number`, `size`, `first_page`, `last_page`, `empty`) whose
 * `contents` are organisations (`organization_list` fields plus the nested arrays of the full
 * organisation), each with its `services`. Mapping:
 * - organisation → `organization` (bio as description, website, KvK number as an
 *   `organization_identifier` with scheme NL-KVK; email and phone are left out: the directory shows
 *   contact details only to coordinators);
 * - its activities → `service` (title, description, status `active` until the end date has passed,
 *   then `inactive`, `last_modified`);
 * - areas (CBS gemeente/wijk/buurt) → `location` (type physical, the CBS code as
 *   `external_identifier`) under the organisation — for its own areas and those of its activities —
 *   and, per activity, a `service_area` and a `service_at_location`;
 * - domains and target groups → `attribute`s (link_type `domain` / `target_group`) with their
 *   `taxonomy_term` and two taxonomies per workspace.
 * Objects HSDS needs an id for that Wijkdragers has no row for (service areas, attributes, …) get a
 * stable name-based UUID (version 5), so every export gives them the same id.
 */

export interface HsdsArea {
  id: string;
  code: string;
  name: string;
  level: AreaLevel;
  cbsYear: number;
}

export interface HsdsTerm {
  id: string;
  kind: TaxonomyKind;
  slug: string;
  labelNl: string;
  description: string | null;
}

export interface HsdsActivity {
  id: string;
  title: string;
  description: string | null;
  endDate: string | null;
  updatedAt: string;
  areas: HsdsArea[];
  terms: HsdsTerm[];
}

export interface HsdsOrganisation {
  id: string;
  name: string;
  bio: string | null;
  website: string | null;
  kvkNumber: string | null;
  areas: HsdsArea[];
  terms: HsdsTerm[];
  activities: HsdsActivity[];
}

export interface HsdsInput {
  workspace: { id: string; name: string };
  /** YYYY-MM-DD: activities that ended before today are inactive. */
  today: string;
  organisations: HsdsOrganisation[];
  page: { number: number; pageSize: number; totalItems: number };
}

/** Fixed namespace of Wijkdragers' name-based HSDS ids. */
const NAMESPACE = Buffer.from('6f1c2b1e8a9d4c57b0e3a2d94f7c6e15', 'hex');

/** A UUID version 5 (SHA-1, RFC 9562) of `name`: the same name always gives the same id. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(NAMESPACE).update(name).digest().subarray(0, 16);
  h.writeUInt8((h.readUInt8(6) & 0x0f) | 0x50, 6);
  h.writeUInt8((h.readUInt8(8) & 0x3f) | 0x80, 8);
  const x = h.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

const TAXONOMY_NAMES: Record<TaxonomyKind, [string, string]> = {
  domain: ['Wijkdragers domeinen', 'Domeinen'],
  target_group: ['Wijkdragers doelgroepen', 'Doelgroepen'],
};

function taxonomy(workspace: HsdsInput['workspace'], kind: TaxonomyKind) {
  const [name, plural] = TAXONOMY_NAMES[kind];
  return {
    id: stableUuid(`taxonomy:${workspace.id}:${kind}`),
    name,
    description: `${plural} van werkruimte ${workspace.name} (Wijkdragers).`,
  };
}

function attributes(
  workspace: HsdsInput['workspace'],
  linkId: string,
  linkEntity: 'organization' | 'service',
  terms: HsdsTerm[],
) {
  return terms.map((t) => {
    const detail = taxonomy(workspace, t.kind);
    return {
      id: stableUuid(`attribute:${linkId}:${t.id}`),
      link_id: linkId,
      link_type: t.kind,
      link_entity: linkEntity,
      taxonomy_term_id: t.id,
      taxonomy_term: {
        id: t.id,
        code: t.slug,
        name: t.labelNl,
        description: t.description ?? t.labelNl,
        taxonomy: detail.name,
        taxonomy_id: detail.id,
        taxonomy_detail: detail,
        language: 'nl',
      },
    };
  });
}

const areaText = (a: HsdsArea) => `CBS ${a.level} ${a.code} (${a.cbsYear})`;

function location(a: HsdsArea) {
  return {
    id: a.id,
    location_type: 'physical' as const,
    name: a.name,
    description: areaText(a),
    external_identifier: a.code,
    external_identifier_type: 'CBS gebiedscode',
  };
}

/** An absolute http(s) URL, or nothing (HSDS `website` is a URI). */
function webAddress(text: string | null): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : undefined;
  } catch {
    return undefined;
  }
}

function service(input: HsdsInput, orgId: string, a: HsdsActivity) {
  return {
    id: a.id,
    organization_id: orgId,
    name: a.title,
    ...(a.description ? { description: a.description } : {}),
    status: (a.endDate !== null && a.endDate < input.today ? 'inactive' : 'active') as
      'active' | 'inactive',
    last_modified: a.updatedAt,
    service_areas: a.areas.map((area) => ({
      id: stableUuid(`service_area:${a.id}:${area.id}`),
      service_id: a.id,
      name: `${area.name} (${area.code})`,
      description: areaText(area),
    })),
    service_at_locations: a.areas.map((area) => ({
      id: stableUuid(`service_at_location:${a.id}:${area.id}`),
      service_id: a.id,
      location_id: area.id,
    })),
    attributes: attributes(input.workspace, a.id, 'service', a.terms),
  };
}

function organization(input: HsdsInput, o: HsdsOrganisation) {
  const areas = new Map<string, HsdsArea>();
  for (const a of [...o.areas, ...o.activities.flatMap((x) => x.areas)]) areas.set(a.id, a);
  const website = webAddress(o.website);
  return {
    id: o.id,
    name: o.name,
    description: o.bio ?? '',
    ...(website ? { website } : {}),
    organization_identifiers: o.kvkNumber
      ? [
          {
            id: stableUuid(`kvk:${o.id}`),
            organization_id: o.id,
            identifier_scheme: 'NL-KVK',
            identifier_type: 'KvK-nummer',
            identifier: o.kvkNumber,
          },
        ]
      : [],
    locations: [...areas.values()].sort((a, b) => a.code.localeCompare(b.code)).map(location),
    attributes: attributes(input.workspace, o.id, 'organization', o.terms),
    services: o.activities.map((a) => service(input, o.id, a)),
  };
}

export type HsdsOrganization = ReturnType<typeof organization>;

export interface HsdsPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: HsdsOrganization[];
}

export function toHsds(input: HsdsInput): HsdsPage {
  const { number, pageSize, totalItems } = input.page;
  const totalPages = Math.max(1, Math.ceil(totalItems / pageSize));
  const contents = input.organisations.map((o) => organization(input, o));
  return {
    total_items: totalItems,
    total_pages: totalPages,
    page_number: number,
    size: contents.length,
    first_page: number === 1,
    last_page: number >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
