import type {
  FundingLink,
  OverlapActivity,
  OverlapActor,
  OverlapInput,
  OverlapTie,
} from '../../analytics/overlap/index.ts';
import type { Db } from '../../db/dialect.ts';
import type { Visibility } from '../../db/types.ts';
import { overlapTieType } from './explanation.ts';
import {
  inputActivities,
  inputActivityAreas,
  inputActivityTerms,
  inputActors,
  inputFundingLinks,
  inputTies,
  type ActivityInputFilter,
} from './input-repo.ts';

// The analytics' input built from the database: one query per input kind (input-repo.ts), joined
// in memory through maps keyed on the activity id.

/** An actor as the signals module shows it, besides what the analytics need. */
export interface ActorInfo extends OverlapActor {
  visibility: Visibility;
  userId: string | null;
}

const NONE: readonly string[] = Object.freeze([]);

function group(rows: readonly { record_id: string }[], value: (r: never) => string) {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.record_id);
    const v = value(r as never);
    if (list === undefined) out.set(r.record_id, [v]);
    else list.push(v);
  }
  return out;
}

/** Activities with their areas, domains and target groups. */
export async function loadActivities(
  db: Db,
  workspaceId: string,
  filter: ActivityInputFilter = {},
): Promise<OverlapActivity[]> {
  const whole = Object.values(filter).every((v) => v === undefined);
  const rows = await inputActivities(db, workspaceId, filter);
  const ids = whole ? undefined : rows.map((r) => r.id);
  if (ids !== undefined && ids.length === 0) return [];
  const [areaRows, termRows] = await Promise.all([
    inputActivityAreas(db, workspaceId, ids),
    inputActivityTerms(db, workspaceId, ids),
  ]);
  const areas = group(areaRows, (r: { area_id: string }) => r.area_id);
  const domains = group(
    termRows.filter((r) => r.kind === 'domain'),
    (r: { term_id: string }) => r.term_id,
  );
  const groups = group(
    termRows.filter((r) => r.kind === 'target_group'),
    (r: { term_id: string }) => r.term_id,
  );
  return rows.map((a) => ({
    id: a.id,
    actorId: a.actor_id,
    areaIds: areas.get(a.id) ?? NONE,
    domainIds: domains.get(a.id) ?? NONE,
    targetGroupIds: groups.get(a.id) ?? NONE,
    start: a.start_date,
    end: a.end_date,
    hoursPerWeek: a.hours_per_week === null ? null : Number(a.hours_per_week),
  }));
}

export async function loadActors(
  db: Db,
  workspaceId: string,
  ids?: readonly string[],
): Promise<ActorInfo[]> {
  return (await inputActors(db, workspaceId, ids)).map((a) => ({
    id: a.id,
    kind: a.kind,
    sizeClass: a.size_class,
    name: a.name,
    visibility: a.visibility,
    userId: a.user_id,
  }));
}

export async function loadTies(
  db: Db,
  workspaceId: string,
  day: string,
  actorIds?: readonly string[],
): Promise<OverlapTie[]> {
  return (await inputTies(db, workspaceId, day, actorIds)).map((t) => ({
    source: t.from_actor_id,
    target: t.to_actor_id,
    type: overlapTieType[t.type],
  }));
}

export interface WorkspaceInput extends OverlapInput {
  actors: ActorInfo[];
}

/** Everything detection reads of a workspace, with the actors' display facts. */
export async function loadOverlapInput(
  db: Db,
  workspaceId: string,
  day: string,
): Promise<WorkspaceInput> {
  const [activities, actors, ties, links] = await Promise.all([
    loadActivities(db, workspaceId),
    loadActors(db, workspaceId),
    loadTies(db, workspaceId, day),
    inputFundingLinks(db, workspaceId),
  ]);
  return { activities, actors, ties, funders: fundingLinks(links) };
}

const fundingLinks = (
  links: readonly { funder_id: string; recipient_actor_id: string | null }[],
): FundingLink[] =>
  links.map((l) => ({ funderId: l.funder_id, recipientId: l.recipient_actor_id! }));

/**
 * What detection needs to score every pair of the given actors anew, and no more: their
 * activities, every activity in an area × domain cell of theirs (a pair's facts come only from
 * the cells both work in, so this holds every partner's relevant activities), the actors of
 * those, their ties and the funding links of all of them (shared funders). Pairs of two other
 * actors in the result are incomplete: the caller keeps only the pairs naming a given actor.
 */
export async function loadOverlapInputAround(
  db: Db,
  workspaceId: string,
  day: string,
  actorIds: readonly string[],
): Promise<WorkspaceInput> {
  const own = await loadActivities(db, workspaceId, { actorIds });
  const cells = new Map<string, readonly [string, string]>();
  for (const a of own)
    for (const area of a.areaIds)
      for (const domain of a.domainIds) cells.set(`${area}|${domain}`, [area, domain]);
  const activities =
    cells.size === 0 ? own : await loadActivities(db, workspaceId, { cells: [...cells.values()] });
  const present = [...new Set([...actorIds, ...activities.map((a) => a.actorId)])];
  const [actors, ties, links] = await Promise.all([
    loadActors(db, workspaceId, present),
    loadTies(db, workspaceId, day, actorIds),
    inputFundingLinks(db, workspaceId, present),
  ]);
  return { activities, actors, ties, funders: fundingLinks(links) };
}
