import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/dialect.ts';
import type { ActorsTable, Database, RecordType, TaxonomyKind } from '../../db/types.ts';
import { areasOf } from '../records/repo.ts';
import { visibleLevels, type Viewer } from '../records/visibility.ts';

// Reads of records this module does not own (actors, affiliations, term kinds) and the visibility
// filters shared by activities, initiatives and achievements. Kysely only; every query filters on
// the workspace.

const CHUNK = 400;

/** What activities, initiatives and the search index need of an actor. */
export const actorColumns = [
  'id',
  'workspace_id',
  'kind',
  'name',
  'carries',
  'bio',
  'org_kind',
  'size_class',
  'visibility',
  'user_id',
] as const;

export type ActorRef = Pick<ActorsTable, (typeof actorColumns)[number]>;

export const findActor = (db: Db, workspaceId: string, id: string) =>
  db
    .selectFrom('actors')
    .select(actorColumns)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();

export async function actorsByIds(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, ActorRef>> {
  const out = new Map<string, ActorRef>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('actors')
      .select(actorColumns)
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', unique.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/** The carrier linked to a user account in the workspace (at most one). */
export const ownCarrier = (db: Db, workspaceId: string, userId: string) =>
  db
    .selectFrom('actors')
    .select(actorColumns)
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

/** SQL twin of records/visibility.ts canSee for the `actors` table in scope. */
export function actorVisible(eb: ExpressionBuilder<Database, 'actors'>, viewer: Viewer) {
  const byLevel = eb('actors.visibility', 'in', visibleLevels(viewer));
  return viewer.userId ? eb.or([byLevel, eb('actors.user_id', '=', viewer.userId)]) : byLevel;
}

/**
 * An initiative is seen by whoever sees its visibility level, and by the linked users of its
 * participants (a carrier sees the private project they carry).
 */
export function initiativeVisible(eb: ExpressionBuilder<Database, 'initiatives'>, viewer: Viewer) {
  const byLevel = eb('initiatives.visibility', 'in', visibleLevels(viewer));
  if (!viewer.userId) return byLevel;
  return eb.or([
    byLevel,
    eb.exists(
      eb
        .selectFrom('initiative_participants as vp')
        .innerJoin('actors as va', 'va.id', 'vp.actor_id')
        .select('vp.actor_id')
        .whereRef('vp.initiative_id', '=', 'initiatives.id')
        .where('va.user_id', '=', viewer.userId),
    ),
  ]);
}

/** Names of the initiatives among `ids` that the viewer sees. */
export async function visibleInitiatives(
  db: Db,
  workspaceId: string,
  viewer: Viewer,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const out = new Map<string, string>();
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('initiatives')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', unique.slice(i, i + CHUNK))
      .where((eb) => initiativeVisible(eb, viewer))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

export interface Links {
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
}

/** Area, domain and target-group ids per record, for many records at once. */
export async function linksOf(
  db: Db,
  workspaceId: string,
  recordType: RecordType,
  ids: readonly string[],
): Promise<Map<string, Links>> {
  const areas = await areasOf(db, workspaceId, recordType, ids);
  const terms = new Map<string, { id: string; kind: TaxonomyKind }[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db
      .selectFrom('record_terms')
      .innerJoin('taxonomy_terms', 'taxonomy_terms.id', 'record_terms.term_id')
      .select(['record_terms.record_id', 'record_terms.term_id', 'taxonomy_terms.kind'])
      .where('record_terms.workspace_id', '=', workspaceId)
      .where('record_terms.record_type', '=', recordType)
      .where('record_terms.record_id', 'in', ids.slice(i, i + CHUNK))
      .orderBy('record_terms.term_id')
      .execute();
    for (const r of rows)
      terms.set(r.record_id, [...(terms.get(r.record_id) ?? []), { id: r.term_id, kind: r.kind }]);
  }
  return new Map(
    ids.map((id) => {
      const t = terms.get(id) ?? [];
      return [
        id,
        {
          areaIds: areas.get(id) ?? [],
          domainIds: t.filter((x) => x.kind === 'domain').map((x) => x.id),
          targetGroupIds: t.filter((x) => x.kind === 'target_group').map((x) => x.id),
        },
      ];
    }),
  );
}

/** Affiliations of a person or an organisation, with the other party. */
export const affiliationsOf = (db: Db, workspaceId: string, actorId: string) =>
  db
    .selectFrom('affiliations')
    .innerJoin('actors as person', 'person.id', 'affiliations.person_id')
    .innerJoin('actors as org', 'org.id', 'affiliations.organisation_id')
    .select([
      'affiliations.id',
      'affiliations.person_id',
      'affiliations.organisation_id',
      'affiliations.role',
      'affiliations.start_date',
      'affiliations.end_date',
      'person.name as person_name',
      'person.visibility as person_visibility',
      'person.user_id as person_user_id',
      'org.name as org_name',
      'org.visibility as org_visibility',
      'org.user_id as org_user_id',
    ])
    .where('affiliations.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or([
        eb('affiliations.person_id', '=', actorId),
        eb('affiliations.organisation_id', '=', actorId),
      ]),
    )
    .execute();
