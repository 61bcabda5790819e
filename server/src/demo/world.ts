import type { ActorsTable } from '../db/types.ts';
import type { DemoAreas } from './areas.ts';
import { streetName } from './names.ts';
import type { Random } from './random.ts';
import type { RowSink, TermRef } from './repo.ts';
import { textsFor, type Where } from './texts.ts';

/**
 * The state the generator threads through its parts: the workspace, its areas and terms, the
 * actors made so far (with where they work and what on), and the row sink.
 * "Today" in Wijkhaven is fixed, so the same seed gives the same data in any year.
 */
export const DEMO_TODAY = '2026-03-01';
export const CONSENT_TEXT_VERSION = 'v1-2026';

export interface ActorInfo {
  row: ActorsTable;
  /** Home wijk index; buurt indexes the actor works in; gemeente-wide actors work anywhere. */
  wijk: number;
  buurten: number[];
  wide: boolean;
  domains: TermRef[];
  targetGroups: TermRef[];
  /** Relative number of activities. */
  weight: number;
  /** Initiatives the actor takes part in, with the period of taking part. */
  initiatives: { id: string; start: string; end: string | null }[];
}

export interface World {
  ws: string;
  now: string;
  random: Random;
  sink: RowSink;
  areas: DemoAreas;
  domains: TermRef[];
  targetGroups: TermRef[];
  /** Target groups by slug, for the groups that go with a domain. */
  targetGroupBySlug: Map<string, TermRef>;
  /** Per wijk: the domains its parties work on most (overlap for later analyses). */
  focus: TermRef[][];
  coordinatorId: string | null;
  persons: ActorInfo[];
  organisations: ActorInfo[];
  personsByWijk: number[][];
  organisationsByWijk: number[][];
}

const DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const fromDate = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** A date in [from, to] (both `YYYY-MM-DD`). */
export function dateBetween(random: Random, from: string, to: string): string {
  const a = fromDate(from);
  const b = fromDate(to);
  if (b <= a) return from;
  return toDate(a + Math.floor(random.next() * ((b - a) / DAY + 1)) * DAY);
}

export const addDays = (date: string, days: number): string =>
  toDate(fromDate(date) + Math.round(days) * DAY);

export const minDate = (a: string, b: string) => (a < b ? a : b);
export const maxDate = (a: string, b: string) => (a > b ? a : b);

/** Names to fill texts with, for a buurt index. */
export function whereOf(world: World, buurt: number): Where {
  const b = world.areas.buurten[buurt];
  return {
    buurt: b?.name ?? 'Wijkhaven',
    wijk: world.areas.wijken[b?.wijk ?? 0]?.name ?? 'Wijkhaven',
    street: streetName(world.random),
  };
}

/** A random buurt of the wijk. */
export const buurtIn = (world: World, wijk: number): number =>
  world.random.pick(world.areas.buurtenOf[wijk] ?? [0]);

/** 1–3 domains, mostly the wijk's focus domains. */
export function domainsFor(world: World, wijk: number, max = 3): TermRef[] {
  const { random } = world;
  const n = random.int(1, max);
  const out = new Set<TermRef>();
  while (out.size < n)
    out.add(
      random.chance(0.6)
        ? random.pick(world.focus[wijk] ?? world.domains)
        : random.pick(world.domains),
    );
  return [...out];
}

/** 0–2 target groups that go with the domains. */
export function targetGroupsFor(world: World, domains: TermRef[]): TermRef[] {
  const { random } = world;
  const n = random.int(0, 2);
  const out = new Set<TermRef>();
  for (let tries = 0; out.size < n && tries < 6; tries++) {
    const d = random.pick(domains);
    const slugs = textsFor(d.slug).targetGroups;
    const slug = slugs.length ? random.pick(slugs) : undefined;
    const tg = (slug && world.targetGroupBySlug.get(slug)) ?? random.pick(world.targetGroups);
    if (tg) out.add(tg);
  }
  return [...out];
}
