import type { AppContext } from '../context.ts';
import { nowIso } from '../context.ts';
import type { Db } from '../db/dialect.ts';
import { addActivities } from './activities.ts';
import { addLinkedPerson, addOrganisations, addRecordedPerson } from './actors.ts';
import { buildAreas, type DemoScale } from './areas.ts';
import { buildIndicators, indicatorRows } from './indicators.ts';
import { addAffiliations, addInitiatives } from './initiatives.ts';
import type { Random } from './random.ts';
import {
  activeTerms,
  membersOf,
  RowSink,
  type MemberRef,
  type SeedTable,
  type TermRef,
} from './repo.ts';
import { addLieke, LIEKE_EMAIL } from './track-record.ts';
import type { World } from './world.ts';

/**
 * Fills the demo workspace with Wijkhaven: areas with boundaries and kerncijfers, carriers and
 * organisations, affiliations, initiatives with participants, results and recognitions, and
 * activities — every record with its area and term links and its search entry. One transaction.
 */

export interface ScaleSize {
  persons: number;
  organisations: number;
  initiatives: number;
  activities: number;
  /** Extra members (role member) who manage their own carrier record. */
  linked: number;
}

export const scaleSizes: Record<DemoScale, ScaleSize> = {
  demo: { persons: 60, organisations: 40, initiatives: 25, activities: 300, linked: 5 },
  municipality: {
    persons: 3300,
    organisations: 1800,
    initiatives: 1200,
    activities: 26_000,
    linked: 150,
  },
  national: {
    persons: 70_000,
    organisations: 30_000,
    initiatives: 20_000,
    activities: 500_000,
    linked: 2000,
  },
};

export interface DemoCounts {
  wijken: number;
  buurten: number;
  persons: number;
  organisations: number;
  /** Rows written per table. */
  rows: Record<SeedTable, number>;
}

export const COORDINATOR_EMAIL = 'coordinator@demo.wijkdragers.nl';

export async function seedDirectory(
  ctx: AppContext,
  workspace: { id: string },
  random: Random,
  scale: DemoScale,
): Promise<DemoCounts> {
  const size = scaleSizes[scale];
  const now = nowIso(ctx);
  const areas = buildAreas(workspace.id, scale, random.fork(), now);
  const indicators = buildIndicators(areas, random.fork());
  const worldRandom = random.fork();
  return ctx.db.transaction().execute(async (trx) => {
    const sink = new RowSink(trx);
    for (const row of areas.rows) sink.add('areas', row);
    await sink.flush();
    for (const chunk of indicatorRows(workspace.id, indicators, 50_000)) {
      for (const row of chunk) sink.add('area_indicators', row);
      await sink.maybeFlush();
    }
    const members = await membersOf(trx, workspace.id);
    const world = await createWorld(trx, workspace.id, now, worldRandom, sink, areas, members);
    await populate(world, size, members);
    await sink.flush();
    return {
      wijken: areas.wijken.length,
      buurten: areas.buurten.length,
      persons: world.persons.length,
      organisations: world.organisations.length,
      rows: { ...sink.counts },
    };
  });
}

async function createWorld(
  db: Db,
  ws: string,
  now: string,
  random: Random,
  sink: RowSink,
  areas: World['areas'],
  members: MemberRef[],
): Promise<World> {
  const terms = await activeTerms(db, ws);
  const domains = terms.filter((t) => t.kind === 'domain');
  const targetGroups = terms.filter((t) => t.kind === 'target_group');
  if (!domains.length) throw new Error('The demo workspace has no domains to link records to.');
  return {
    ws,
    now,
    random,
    sink,
    areas,
    domains,
    targetGroups,
    targetGroupBySlug: new Map(targetGroups.map((t): [string, TermRef] => [t.slug, t])),
    focus: areas.wijken.map(() => random.sample(domains, 3)),
    coordinatorId: members.find((m) => m.email === COORDINATOR_EMAIL)?.id ?? null,
    persons: [],
    organisations: [],
    personsByWijk: areas.wijken.map(() => []),
    organisationsByWijk: areas.wijken.map(() => []),
  };
}

async function populate(world: World, size: ScaleSize, members: MemberRef[]): Promise<void> {
  const { random, areas } = world;
  const wijk = () => random.int(0, areas.wijken.length - 1);
  const lieke = members.find((m) => m.email === LIEKE_EMAIL);
  const selfManaged = members
    .filter((m) => m.role === 'member' && m.email !== LIEKE_EMAIL && m.email.startsWith('bewoner'))
    .slice(0, size.linked);
  const recorded = size.persons - selfManaged.length - (lieke ? 1 : 0);
  for (let k = 0; k < recorded; k++) {
    addRecordedPerson(world, wijk());
    if (k % 1000 === 999) await world.sink.maybeFlush();
  }
  for (const user of selfManaged) addLinkedPerson(world, wijk(), user);
  addOrganisations(world, size.organisations);
  await world.sink.maybeFlush();

  const taken = new Set<string>();
  const skip = new Set<string>();
  if (lieke) skip.add(addLieke(world, lieke.id, taken).row.id);
  addAffiliations(world, skip);
  addInitiatives(world, size.initiatives - world.sink.total('initiatives'), taken);
  await world.sink.maybeFlush();
  await addActivities(world, size.activities - world.sink.total('activities'));
}
