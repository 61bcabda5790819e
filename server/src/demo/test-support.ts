import type { Db } from '../db/dialect.ts';
import type { RecordType } from '../db/types.ts';
import { activityEntry, actorEntry, initiativeEntry } from '../modules/records/entries.ts';
import { tokenize } from '../modules/records/tokens.ts';

/** Reads back everything the demo generator wrote for a workspace, for the tests' checks. */
export async function loadWorkspace(db: Db, ws: string) {
  const [
    areas,
    indicators,
    terms,
    actors,
    roles,
    affiliations,
    initiatives,
    participants,
    activities,
    achievements,
    credits,
    recordAreas,
    recordTerms,
    entries,
    tokens,
  ] = await Promise.all([
    db.selectFrom('areas').selectAll().where('workspace_id', '=', ws).orderBy('code').execute(),
    db.selectFrom('area_indicators').selectAll().where('workspace_id', '=', ws).execute(),
    db.selectFrom('taxonomy_terms').selectAll().where('workspace_id', '=', ws).execute(),
    db.selectFrom('actors').selectAll().where('workspace_id', '=', ws).orderBy('id').execute(),
    db.selectFrom('actor_roles').selectAll().where('workspace_id', '=', ws).orderBy('id').execute(),
    db
      .selectFrom('affiliations')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('id')
      .execute(),
    db.selectFrom('initiatives').selectAll().where('workspace_id', '=', ws).orderBy('id').execute(),
    db.selectFrom('initiative_participants').selectAll().where('workspace_id', '=', ws).execute(),
    db.selectFrom('activities').selectAll().where('workspace_id', '=', ws).orderBy('id').execute(),
    db
      .selectFrom('achievements')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('id')
      .execute(),
    db.selectFrom('achievement_credits').selectAll().where('workspace_id', '=', ws).execute(),
    db.selectFrom('record_areas').selectAll().where('workspace_id', '=', ws).execute(),
    db.selectFrom('record_terms').selectAll().where('workspace_id', '=', ws).execute(),
    db.selectFrom('search_entries').selectAll().where('workspace_id', '=', ws).execute(),
    db.selectFrom('search_tokens').selectAll().where('workspace_id', '=', ws).execute(),
  ]);
  return {
    areas,
    indicators,
    terms,
    actors,
    roles,
    affiliations,
    initiatives,
    participants,
    activities,
    achievements,
    credits,
    recordAreas,
    recordTerms,
    entries,
    tokens,
  };
}
export type Loaded = Awaited<ReturnType<typeof loadWorkspace>>;

/**
 * Every link points at a row of the same workspace, every record has areas, a domain, a search
 * entry and exactly the tokens writeSearchEntry would store. Returns the problems found (at most
 * 20, so a broken generator fails with a readable message).
 */
export function linkProblems(d: Loaded): string[] {
  const problems: string[] = [];
  const note = (p: string) => problems.length < 20 && problems.push(p);
  const areaIds = new Set(d.areas.map((a) => a.id));
  const termKind = new Map(d.terms.map((t) => [t.id, t.kind]));
  const actors = new Map(d.actors.map((a) => [a.id, a]));
  const initiatives = new Map(d.initiatives.map((i) => [i.id, i]));
  const activities = new Map(d.activities.map((a) => [a.id, a]));
  const achievements = new Set(d.achievements.map((a) => a.id));
  const records: Record<RecordType, Set<string>> = {
    actor: new Set(actors.keys()),
    activity: new Set(activities.keys()),
    initiative: new Set(initiatives.keys()),
  };
  const withArea = new Set<string>();
  for (const l of d.recordAreas) {
    if (!areaIds.has(l.area_id)) note(`record_areas: unknown area ${l.area_id}`);
    if (!records[l.record_type].has(l.record_id))
      note(`record_areas: no ${l.record_type} ${l.record_id}`);
    withArea.add(`${l.record_type}:${l.record_id}`);
  }
  const withDomain = new Set<string>();
  for (const l of d.recordTerms) {
    const kind = termKind.get(l.term_id);
    if (!kind) note(`record_terms: unknown term ${l.term_id}`);
    if (!records[l.record_type].has(l.record_id))
      note(`record_terms: no ${l.record_type} ${l.record_id}`);
    if (kind === 'domain') withDomain.add(`${l.record_type}:${l.record_id}`);
  }
  for (const [type, ids] of Object.entries(records))
    for (const id of ids) {
      if (!withArea.has(`${type}:${id}`)) note(`${type} ${id} has no area`);
      if (!withDomain.has(`${type}:${id}`)) note(`${type} ${id} has no domain`);
    }
  const participating = new Set(d.participants.map((p) => `${p.initiative_id}:${p.actor_id}`));
  for (const a of d.activities) {
    if (!actors.has(a.actor_id)) note(`activity ${a.id}: actor of another workspace`);
    if (a.initiative_id && !initiatives.has(a.initiative_id)) note(`activity ${a.id}: initiative`);
    if (a.initiative_id && !participating.has(`${a.initiative_id}:${a.actor_id}`))
      note(`activity ${a.id}: actor does not take part in its initiative`);
    if (a.end_date !== null && a.end_date < a.start_date)
      note(`activity ${a.id}: ends before it starts`);
  }
  for (const p of d.participants)
    if (!actors.has(p.actor_id) || !initiatives.has(p.initiative_id))
      note(`participant ${p.actor_id}`);
  for (const c of d.credits)
    if (!actors.has(c.actor_id) || !achievements.has(c.achievement_id))
      note(`credit ${c.actor_id}`);
  for (const a of d.achievements)
    if (a.initiative_id && !initiatives.has(a.initiative_id)) note(`achievement ${a.id}`);
  for (const r of d.roles) if (actors.get(r.actor_id)?.kind !== 'person') note(`role ${r.id}`);
  for (const f of d.affiliations) {
    if (actors.get(f.person_id)?.kind !== 'person') note(`affiliation ${f.id}: person`);
    if (actors.get(f.organisation_id)?.kind !== 'organisation') note(`affiliation ${f.id}: org`);
  }

  // The search index holds exactly what records/entries.ts says, for every record.
  const expected = [
    ...d.actors.map((a) => actorEntry(a)),
    ...d.activities.map((a) => activityEntry(a, actors.get(a.actor_id)!)),
    ...d.initiatives.map((i) => initiativeEntry(i)),
  ];
  const stored = new Map(d.entries.map((e) => [`${e.record_type}:${e.record_id}`, e]));
  const tokens = new Map<string, Set<string>>();
  for (const t of d.tokens) {
    const key = `${t.record_type}:${t.record_id}`;
    let set = tokens.get(key);
    if (!set) tokens.set(key, (set = new Set()));
    set.add(t.token);
  }
  if (d.entries.length !== expected.length)
    note(`${d.entries.length} search entries, expected ${expected.length}`);
  for (const { entry, texts } of expected) {
    const key = `${entry.record_type}:${entry.record_id}`;
    const got = stored.get(key);
    if (!got) {
      note(`${key}: no search entry`);
      continue;
    }
    const differs = (Object.keys(entry) as (keyof typeof entry)[]).filter(
      (k) => got[k] !== entry[k],
    );
    if (differs.length) note(`${key}: entry differs in ${differs.join(', ')}`);
    const want = tokenize(texts.filter(Boolean).join(' '));
    const have = tokens.get(key) ?? new Set();
    if (!want.length || want.length !== have.size || !want.every((w) => have.has(w)))
      note(`${key}: tokens differ`);
  }
  return problems;
}
