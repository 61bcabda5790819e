import type { ActivitiesTable } from '../db/types.ts';
import { activityEntry } from '../modules/records/entries.ts';
import { weightedPicker } from './random.ts';
import type { TermRef } from './repo.ts';
import { activityDescription, fill, textsFor } from './texts.ts';
import {
  DEMO_TODAY,
  addDays,
  dateBetween,
  maxDate,
  minDate,
  whereOf,
  type ActorInfo,
  type World,
} from './world.ts';

/** Activities: who does what, where, for whom, when — one actor, areas, domains, a period. */

export interface ActivityInput {
  initiative?: { id: string; start: string; end: string | null } | null;
  start?: string;
  end?: string | null;
  domains?: TermRef[];
  buurten?: number[];
  title?: string;
  hoursPerWeek?: number;
}

const label = (t: TermRef) => t.slug.replace(/-/g, ' ');

function period(world: World, initiative: ActivityInput['initiative']) {
  const { random } = world;
  if (initiative) {
    const last = minDate(initiative.end ?? DEMO_TODAY, DEMO_TODAY);
    const start =
      initiative.start > DEMO_TODAY
        ? initiative.start
        : dateBetween(random, initiative.start, last);
    return { start, end: initiative.end };
  }
  // Recent years weigh more: the later of two draws.
  const a = dateBetween(random, '2016-01-01', DEMO_TODAY);
  const b = dateBetween(random, '2016-01-01', DEMO_TODAY);
  const start = maxDate(a, b);
  const r = random.next();
  if (r < 0.5) return { start, end: null };
  if (r < 0.85) {
    const from = addDays(start, 30);
    return { start, end: from < DEMO_TODAY ? dateBetween(random, from, DEMO_TODAY) : null };
  }
  return { start, end: dateBetween(random, addDays(DEMO_TODAY, 30), '2027-12-31') };
}

function hours(world: World, actor: ActorInfo): number {
  const { random } = world;
  const [min, max] =
    actor.row.kind === 'person' ? [1, 8] : actor.row.size_class === 'large' ? [4, 36] : [2, 16];
  return Math.round(random.float(min, max) * 2) / 2;
}

export function addActivity(
  world: World,
  actor: ActorInfo,
  input: ActivityInput = {},
): ActivitiesTable {
  const { random, areas, ws, now } = world;
  const domains =
    input.domains ??
    (actor.domains.length > 1 && random.chance(0.3)
      ? random.sample(actor.domains, 2)
      : [random.pick(actor.domains)]);
  const main = domains[0] as TermRef;
  let buurten = input.buurten;
  let areaIds: string[];
  if (!buurten) {
    const pool = actor.wide || !actor.buurten.length ? null : actor.buurten;
    const one = () => (pool ? random.pick(pool) : random.int(0, areas.buurten.length - 1));
    buurten = random.chance(0.2) ? [...new Set([one(), one()])] : [one()];
  }
  const home = buurten[0] as number;
  // Large parties sometimes work for a whole wijk rather than a buurt.
  if (!input.buurten && actor.row.size_class === 'large' && random.chance(0.1))
    areaIds = [areas.wijken[areas.buurten[home]?.wijk ?? 0]?.id ?? ''];
  else areaIds = buurten.map((b) => areas.buurten[b]?.id ?? '');
  const where = whereOf(world, home);
  // For whom: groups that go with the domain, preferably ones the actor works for.
  const fitting = textsFor(main.slug).targetGroups;
  const own = actor.targetGroups.filter((t) => fitting.includes(t.slug));
  const groups = [
    ...new Set([
      ...random.sample(own, random.int(0, own.length)),
      ...(random.chance(0.3) ? [world.targetGroupBySlug.get(random.pick(fitting) ?? '')] : []),
    ]),
  ].filter((t): t is TermRef => t !== undefined);
  const when = input.start
    ? { start: input.start, end: input.end ?? null }
    : period(world, input.initiative);
  const row: ActivitiesTable = {
    id: random.id(),
    workspace_id: ws,
    actor_id: actor.row.id,
    initiative_id: input.initiative?.id ?? null,
    title: input.title ?? fill(random.pick(textsFor(main.slug).activities), where),
    description: activityDescription(random, where, groups[0] ? label(groups[0]) : null),
    start_date: when.start,
    end_date: when.end,
    hours_per_week: input.hoursPerWeek ?? hours(world, actor),
    created_at: now,
    updated_at: now,
  };
  world.sink.add('activities', row);
  world.sink.link(
    ws,
    'activity',
    row.id,
    areaIds,
    [...domains, ...groups].map((t) => t.id),
  );
  world.sink.index(activityEntry(row, actor.row));
  return row;
}

/**
 * The bulk of the activities: each picks its actor by weight (a large organisation does far more
 * than a resident), and a quarter of those taking part in an initiative do it for that initiative.
 * Rows are flushed as they pile up, so a whole country streams through bounded memory.
 */
export async function addActivities(world: World, n: number): Promise<void> {
  const actors = [...world.persons, ...world.organisations];
  const pick = weightedPicker(actors.map((a) => a.weight));
  for (let k = 0; k < n; k++) {
    const actor = actors[pick(world.random)] as ActorInfo;
    const initiative =
      actor.initiatives.length && world.random.chance(0.25)
        ? world.random.pick(actor.initiatives)
        : null;
    addActivity(world, actor, { initiative });
    if (k % 1000 === 999) await world.sink.maybeFlush();
  }
}
