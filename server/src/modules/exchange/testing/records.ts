import { newId } from '../../../auth/crypto.ts';
import { nowIso, type Actor, type AppContext } from '../../../context.ts';
import type { ActivitiesTable, ActorsTable, TaxonomyKind } from '../../../db/types.ts';
import { collection, feature, polygon } from '../../../../test/geojson.ts';
import { importAreas } from '../../areas/service.ts';
import { activityEntry, actorEntry } from '../../records/entries.ts';
import { setRecordAreas, setRecordTerms, writeSearchEntry } from '../../records/repo.ts';

/**
 * Test-only: records written straight into the tables (the actors and activities modules are
 * built beside this one), with their area and term links and search entries.
 */

const system: Actor = { kind: 'system' };

/** Two buurten and their wijk in GM0599 (the municipality of every seeded workspace). */
export async function seedAreas(
  ctx: AppContext,
  workspaceId: string,
): Promise<Map<string, string>> {
  await importAreas(
    ctx,
    system,
    workspaceId,
    collection([
      feature({ id: 'WK059901', name: 'Stadsdriehoek' }, polygon(4.47, 51.92, 0.02)),
      feature({ id: 'BU05990110', name: 'Oude Westen' }, polygon(4.47, 51.92)),
      feature({ id: 'BU05990111', name: 'Cool' }, polygon(4.48, 51.92)),
    ]),
    { year: 2024 },
  );
  const rows = await ctx.db
    .selectFrom('areas')
    .select(['id', 'code'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function termIds(
  ctx: AppContext,
  workspaceId: string,
  kind: TaxonomyKind,
  ...slugs: string[]
): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('taxonomy_terms')
    .select(['id', 'slug'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', kind)
    .execute();
  return slugs.map((s) => {
    const row = rows.find((r) => r.slug === s);
    if (!row) throw new Error(`no ${kind} ${s}`);
    return row.id;
  });
}

interface Links {
  areaIds?: string[];
  termIds?: string[];
}

export async function addActor(
  ctx: AppContext,
  workspaceId: string,
  fields: Pick<ActorsTable, 'kind' | 'name' | 'visibility'> & Partial<ActorsTable>,
  links: Links = {},
): Promise<ActorsTable> {
  const now = nowIso(ctx);
  const row: ActorsTable = {
    id: newId(),
    workspace_id: workspaceId,
    carries: null,
    bio: null,
    org_kind: fields.kind === 'organisation' ? 'stichting_vereniging' : null,
    budget_band: null,
    staff_count: null,
    size_class_override: null,
    size_class: fields.kind === 'organisation' ? 'small' : null,
    kvk_number: null,
    user_id: null,
    email: null,
    phone: null,
    website: null,
    contact_preferences: null,
    consent_given_at: null,
    consent_text_version: null,
    consent_recorded_by: null,
    created_by: null,
    created_at: now,
    updated_at: now,
    ...fields,
  };
  await ctx.db.insertInto('actors').values(row).execute();
  await setRecordAreas(ctx.db, workspaceId, 'actor', row.id, links.areaIds ?? []);
  await setRecordTerms(ctx.db, workspaceId, 'actor', row.id, links.termIds ?? []);
  const { entry, texts } = actorEntry(row);
  await writeSearchEntry(ctx.db, entry, texts);
  return row;
}

export async function addActivity(
  ctx: AppContext,
  actor: ActorsTable,
  fields: Pick<ActivitiesTable, 'title' | 'start_date'> & Partial<ActivitiesTable>,
  links: Links = {},
): Promise<ActivitiesTable> {
  const now = nowIso(ctx);
  const row: ActivitiesTable = {
    id: newId(),
    workspace_id: actor.workspace_id,
    actor_id: actor.id,
    initiative_id: null,
    description: null,
    end_date: null,
    hours_per_week: null,
    created_at: now,
    updated_at: now,
    ...fields,
  };
  await ctx.db.insertInto('activities').values(row).execute();
  await setRecordAreas(ctx.db, actor.workspace_id, 'activity', row.id, links.areaIds ?? []);
  await setRecordTerms(ctx.db, actor.workspace_id, 'activity', row.id, links.termIds ?? []);
  const { entry, texts } = activityEntry(row, actor);
  await writeSearchEntry(ctx.db, entry, texts);
  return row;
}

/** Every row of the tables an actor import writes, to show a failed import changed nothing. */
export async function snapshot(ctx: AppContext) {
  const all = async (
    table: 'actors' | 'record_areas' | 'record_terms' | 'search_entries' | 'search_tokens',
  ) => JSON.stringify(await ctx.db.selectFrom(table).selectAll().execute());
  return {
    actors: await all('actors'),
    record_areas: await all('record_areas'),
    record_terms: await all('record_terms'),
    search_entries: await all('search_entries'),
    search_tokens: await all('search_tokens'),
  };
}
