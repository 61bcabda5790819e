import type {
  AchievementType,
  InitiativeStatus,
  InitiativesTable,
  Visibility,
} from '../db/types.ts';
import { initiativeEntry } from '../modules/records/entries.ts';
import { addActivity } from './activities.ts';
import type { TermRef } from './repo.ts';
import { affiliationRoles, evidence, fill, recognitions, resultTitles, textsFor } from './texts.ts';
import {
  DEMO_TODAY,
  addDays,
  buurtIn,
  dateBetween,
  domainsFor,
  minDate,
  targetGroupsFor,
  whereOf,
  type ActorInfo,
  type World,
} from './world.ts';

/** Initiatives with their carriers and partners, results and recognitions. */

export interface AchievementInput {
  type: AchievementType;
  title: string;
  on: string;
  evidence?: string | null;
  source?: string | null;
  /** Credited actors; by default the initiative's carriers. */
  credited?: ActorInfo[];
}

export interface InitiativeInput {
  wijk: number;
  name: string;
  description?: string;
  start: string;
  end: string | null;
  visibility?: Visibility;
  domains: TermRef[];
  targetGroups?: TermRef[];
  buurten?: number[];
  carriers: ActorInfo[];
  partners: ActorInfo[];
  /** Explicit achievements, or random ones when left out. */
  achievements?: AchievementInput[];
}

export const statusOf = (start: string, end: string | null): InitiativeStatus =>
  start > DEMO_TODAY ? 'planned' : end !== null && end < DEMO_TODAY ? 'ended' : 'active';

export function addInitiative(world: World, input: InitiativeInput): InitiativesTable {
  const { random, ws, now, areas, sink } = world;
  const buurten = input.buurten ?? [
    ...new Set([
      buurtIn(world, input.wijk),
      ...(random.chance(0.4) ? [buurtIn(world, input.wijk)] : []),
    ]),
  ];
  const where = whereOf(world, buurten[0] ?? 0);
  const row: InitiativesTable = {
    id: random.id(),
    workspace_id: ws,
    name: input.name,
    description:
      input.description ??
      `Bewoners en partners in ${where.wijk} werken samen. Thema's: ${input.domains
        .map((d) => d.slug.replace(/-/g, ' '))
        .join(', ')}.`,
    status: statusOf(input.start, input.end),
    start_date: input.start,
    end_date: input.end,
    visibility:
      input.visibility ??
      (random.chance(0.25) ? 'public' : random.chance(0.05) ? 'private' : 'workspace'),
    created_by: world.coordinatorId,
    created_at: now,
    updated_at: now,
  };
  sink.add('initiatives', row);
  const groups = input.targetGroups ?? targetGroupsFor(world, input.domains);
  sink.link(
    ws,
    'initiative',
    row.id,
    buurten.map((b) => areas.buurten[b]?.id ?? ''),
    [...input.domains, ...groups].map((t) => t.id),
  );
  sink.index(initiativeEntry(row));

  const participants = [
    ...input.carriers.map((a) => ({ actor: a, role: 'carrier' as const })),
    ...input.partners.map((a) => ({ actor: a, role: 'partner' as const })),
  ];
  const seen = new Set<string>();
  for (const { actor, role } of participants) {
    if (seen.has(`${actor.row.id}:${role}`)) continue;
    seen.add(`${actor.row.id}:${role}`);
    // Most take part throughout; some carriers step out early (their history keeps it).
    const leaves =
      role === 'carrier' &&
      input.end === null &&
      addDays(input.start, 60) < DEMO_TODAY &&
      random.chance(0.15);
    const end = leaves ? dateBetween(random, addDays(input.start, 60), DEMO_TODAY) : input.end;
    sink.add('initiative_participants', {
      workspace_id: ws,
      initiative_id: row.id,
      actor_id: actor.row.id,
      role,
      start_date: input.start,
      end_date: end,
    });
    const taking = { id: row.id, start: input.start, end };
    actor.initiatives.push(taking);
    addActivity(world, actor, {
      initiative: taking,
      domains: [random.pick(input.domains)],
      buurten: [random.pick(buurten)],
    });
  }

  const achievements = input.achievements ?? randomAchievements(world, input);
  for (const a of achievements) {
    const id = random.id();
    sink.add('achievements', {
      id,
      workspace_id: ws,
      initiative_id: row.id,
      type: a.type,
      title: a.title,
      description: null,
      occurred_on: a.on,
      evidence: a.evidence ?? null,
      source: a.source ?? null,
      created_at: now,
      updated_at: now,
    });
    for (const actorId of new Set((a.credited ?? input.carriers).map((c) => c.row.id)))
      sink.add('achievement_credits', { workspace_id: ws, achievement_id: id, actor_id: actorId });
  }
  return row;
}

function randomAchievements(world: World, input: InitiativeInput): AchievementInput[] {
  const { random } = world;
  if (input.start > DEMO_TODAY) return [];
  const last = minDate(input.end ?? DEMO_TODAY, DEMO_TODAY);
  const where = whereOf(world, input.buurten?.[0] ?? buurtIn(world, input.wijk));
  const out: AchievementInput[] = [];
  for (let k = random.int(0, 2); k > 0; k--)
    out.push({
      type: 'result',
      title: random.pick(resultTitles).replace('{n}', String(random.int(8, 240))),
      on: dateBetween(random, input.start, last),
      evidence: random.pick(evidence),
    });
  if (random.chance(0.5)) {
    const type = random.pick(['award', 'press', 'thanks'] as const);
    const credited = [...input.carriers, ...(random.chance(0.3) ? input.partners.slice(0, 1) : [])];
    out.push({
      type,
      title: fill(random.pick(recognitions[type].titles), where),
      on: dateBetween(random, input.start, last),
      source: fill(random.pick(recognitions[type].sources), where),
      credited,
    });
  }
  return out;
}

/** Generic initiatives: carriers from the wijk, partners small and large, ten years of history. */
export function addInitiatives(world: World, n: number, taken: Set<string>): void {
  const { random, areas } = world;
  const wide = world.organisations.filter((o) => o.wide);
  for (let k = 0; k < n; k++) {
    const wijk = random.int(0, areas.wijken.length - 1);
    const domains = domainsFor(world, wijk, 2);
    const where = whereOf(world, buurtIn(world, wijk));
    const start = dateBetween(random, '2015-01-01', '2026-09-30');
    const end =
      start < DEMO_TODAY && random.chance(0.55)
        ? dateBetween(random, addDays(start, 180), addDays(start, 365 * 5))
        : null;
    let name = fill(random.pick(textsFor(domains[0]?.slug ?? '').initiatives), where);
    if (taken.has(name)) name = `${name} ${start.slice(0, 4)}`;
    for (let i = 2; taken.has(name); i++) name = `${name.replace(/ \(\d+\)$/, '')} (${i})`;
    taken.add(name);
    const local = world.personsByWijk[wijk] ?? [];
    const carriers = random
      .sample(local.length ? local : world.persons.map((_, i) => i), random.int(1, 3))
      .map((i) => world.persons[i] as ActorInfo);
    const orgs = world.organisationsByWijk[wijk] ?? [];
    const pool = (orgs.length ? orgs : world.organisations.map((_, i) => i)).map(
      (i) => world.organisations[i] as ActorInfo,
    );
    const small = pool.filter((o) => o.row.size_class === 'small');
    const large = [...pool.filter((o) => o.row.size_class === 'large'), ...wide];
    const partners = [
      ...random.sample(small, random.int(0, 2)),
      ...random.sample(large, random.int(1, 2)),
    ];
    // An end date past today is a planned end: the initiative is still active.
    addInitiative(world, {
      wijk,
      name,
      start,
      end: end && end > addDays(DEMO_TODAY, 400) ? null : end,
      domains,
      carriers,
      partners,
    });
  }
}

/** Persons' ties to organisations (role, period), mostly in their own wijk. */
export function addAffiliations(world: World, skip: ReadonlySet<string>): void {
  const { random, ws, now, sink } = world;
  const everywhere = world.organisations.map((_, i) => i);
  for (const person of world.persons) {
    if (skip.has(person.row.id)) continue;
    if (!random.chance(0.6)) continue;
    const local = world.organisationsByWijk[person.wijk] ?? [];
    const pool = local.length && random.chance(0.8) ? local : everywhere;
    for (const o of random.sample(pool, random.int(1, 2))) {
      const org = world.organisations[o] as ActorInfo;
      const start = dateBetween(random, '2010-01-01', DEMO_TODAY);
      sink.add('affiliations', {
        id: random.id(),
        workspace_id: ws,
        person_id: person.row.id,
        organisation_id: org.row.id,
        role: random.pick(affiliationRoles[org.row.size_class === 'large' ? 'large' : 'small']),
        start_date: start,
        end_date: random.chance(0.3) ? dateBetween(random, start, DEMO_TODAY) : null,
        created_at: now,
        updated_at: now,
      });
    }
  }
}
