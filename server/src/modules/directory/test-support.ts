import { newId } from '../../auth/crypto.ts';
import type { Db } from '../../db/dialect.ts';
import type {
  ActivitiesTable,
  ActorsTable,
  InitiativesTable,
  OrganisationKind,
  SizeClass,
  Visibility,
} from '../../db/types.ts';
import { activityEntry, actorEntry, initiativeEntry } from '../records/entries.ts';
import { setRecordAreas, setRecordTerms, writeSearchEntry } from '../records/repo.ts';

// Tests only: directory records written the way the actor, activity and initiative services
// write them (row, search entry and tokens, area and term links), without depending on them.

const NOW = '2026-03-02T09:00:00.000Z';

interface Links {
  areaIds?: string[];
  termIds?: string[];
}

export async function insertActor(
  db: Db,
  workspaceId: string,
  input: Links & {
    kind: 'person' | 'organisation';
    name: string;
    visibility: Visibility;
    carries?: string;
    bio?: string;
    orgKind?: OrganisationKind;
    sizeClass?: SizeClass;
    userId?: string;
  },
): Promise<ActorsTable> {
  const row: ActorsTable = {
    id: newId(),
    workspace_id: workspaceId,
    kind: input.kind,
    name: input.name,
    carries: input.carries ?? null,
    bio: input.bio ?? null,
    org_kind: input.kind === 'organisation' ? (input.orgKind ?? 'stichting_vereniging') : null,
    budget_band: null,
    staff_count: null,
    size_class_override: null,
    size_class: input.kind === 'organisation' ? (input.sizeClass ?? 'small') : null,
    kvk_number: null,
    visibility: input.visibility,
    user_id: input.userId ?? null,
    email: null,
    phone: null,
    website: null,
    contact_preferences: null,
    consent_given_at: null,
    consent_text_version: null,
    consent_recorded_by: null,
    created_by: null,
    created_at: NOW,
    updated_at: NOW,
  };
  await db.insertInto('actors').values(row).execute();
  const { entry, texts } = actorEntry(row);
  await writeSearchEntry(db, entry, texts);
  await links(db, workspaceId, 'actor', row.id, input);
  return row;
}

export async function insertActivity(
  db: Db,
  actor: ActorsTable,
  input: Links & {
    title: string;
    description?: string;
    startDate: string;
    endDate?: string;
    initiativeId?: string;
  },
): Promise<ActivitiesTable> {
  const row: ActivitiesTable = {
    id: newId(),
    workspace_id: actor.workspace_id,
    actor_id: actor.id,
    initiative_id: input.initiativeId ?? null,
    title: input.title,
    description: input.description ?? null,
    start_date: input.startDate,
    end_date: input.endDate ?? null,
    hours_per_week: null,
    created_at: NOW,
    updated_at: NOW,
  };
  await db.insertInto('activities').values(row).execute();
  const { entry, texts } = activityEntry(row, actor);
  await writeSearchEntry(db, entry, texts);
  await links(db, actor.workspace_id, 'activity', row.id, input);
  return row;
}

export async function insertInitiative(
  db: Db,
  workspaceId: string,
  input: Links & {
    name: string;
    visibility: Visibility;
    description?: string;
    startDate?: string;
    endDate?: string;
  },
): Promise<InitiativesTable> {
  const row: InitiativesTable = {
    id: newId(),
    workspace_id: workspaceId,
    name: input.name,
    description: input.description ?? null,
    status: 'active',
    start_date: input.startDate ?? null,
    end_date: input.endDate ?? null,
    visibility: input.visibility,
    created_by: null,
    created_at: NOW,
    updated_at: NOW,
  };
  await db.insertInto('initiatives').values(row).execute();
  const { entry, texts } = initiativeEntry(row);
  await writeSearchEntry(db, entry, texts);
  await links(db, workspaceId, 'initiative', row.id, input);
  return row;
}

async function links(
  db: Db,
  workspaceId: string,
  type: 'actor' | 'activity' | 'initiative',
  id: string,
  input: Links,
) {
  await setRecordAreas(db, workspaceId, type, id, input.areaIds ?? []);
  await setRecordTerms(db, workspaceId, type, id, input.termIds ?? []);
}

/** Area id by code (the latest CBS year) and term id by Dutch label, for a workspace. */
export async function lookups(db: Db, workspaceId: string) {
  const areas = await db
    .selectFrom('areas')
    .select(['id', 'code'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('cbs_year')
    .execute();
  const terms = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'label_nl'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const areaIds = new Map(areas.map((a) => [a.code, a.id]));
  const termIds = new Map(terms.map((t) => [t.label_nl, t.id]));
  const get = (m: Map<string, string>, k: string) => {
    const v = m.get(k);
    if (v === undefined) throw new Error(`no ${k} in the workspace`);
    return v;
  };
  return {
    area: (code: string) => get(areaIds, code),
    term: (label: string) => get(termIds, label),
  };
}
