import type {
  ActorsTable,
  BudgetBand,
  CarrierRole,
  OrganisationKind,
  SizeClass,
  Visibility,
} from '../db/types.ts';
import { organisationKinds } from '../db/types.ts';
import { deriveSizeClass } from '../modules/actors/size-class.ts';
import { actorEntry } from '../modules/records/entries.ts';
import { firstNames, lastNames, organisationName, slugOf } from './names.ts';
import type { TermRef } from './repo.ts';
import { fill, personBio, textsFor } from './texts.ts';
import {
  CONSENT_TEXT_VERSION,
  DEMO_TODAY,
  buurtIn,
  dateBetween,
  domainsFor,
  targetGroupsFor,
  whereOf,
  type ActorInfo,
  type World,
} from './world.ts';

/** Carriers (persons) and organisations with their roles, areas, domains and search entries. */

export interface PersonInput {
  wijk: number;
  buurten?: number[];
  name?: string;
  userId?: string | null;
  visibility?: Visibility;
  /** Consent date and who recorded it. */
  consent?: { on: string; by: string | null } | null;
  carries?: string;
  bio?: string;
  domains?: TermRef[];
  targetGroups?: TermRef[];
  roles?: { role: CarrierRole; start: string | null; end: string | null }[];
  weight?: number;
}

const channels = ['email', 'phone', 'post', 'in_person'] as const;
const extraRoles: CarrierRole[] = [
  'vrijwilliger',
  'initiatiefnemer',
  'sociaal_ondernemer',
  'professional',
  'sleutelfiguur',
  'verbinder',
  'ervaringsdeskundige',
];

function finish(world: World, info: ActorInfo, areaIds: string[]): ActorInfo {
  const { sink, ws } = world;
  sink.add('actors', info.row);
  sink.link(
    ws,
    'actor',
    info.row.id,
    areaIds,
    [...info.domains, ...info.targetGroups].map((t) => t.id),
  );
  sink.index(actorEntry(info.row));
  return info;
}

export function addPerson(world: World, input: PersonInput): ActorInfo {
  const { random, ws, now } = world;
  const home = input.buurten?.[0] ?? buurtIn(world, input.wijk);
  const buurten =
    input.buurten ?? (random.chance(0.25) ? [home, buurtIn(world, input.wijk)] : [home]);
  const where = whereOf(world, home);
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const name = input.name ?? `${first} ${last}`;
  const domains = input.domains ?? domainsFor(world, input.wijk);
  const targetGroups = input.targetGroups ?? targetGroupsFor(world, domains);
  const since = random.int(1975, 2022);
  const consent = input.consent === undefined ? null : input.consent;
  const visibility = input.visibility ?? 'private';
  const id = random.id();
  const row: ActorsTable = {
    id,
    workspace_id: ws,
    kind: 'person',
    name,
    carries: input.carries ?? fill(random.pick(textsFor(domains[0]?.slug ?? '').carries), where),
    bio: input.bio ?? personBio(random, where, since),
    org_kind: null,
    budget_band: null,
    staff_count: null,
    size_class_override: null,
    size_class: null,
    kvk_number: null,
    visibility,
    user_id: input.userId ?? null,
    email:
      consent || input.userId
        ? `${slugOf(name).replace(/-/g, '.')}.${id.slice(0, 4)}@example.org`
        : null,
    phone: null,
    website: null,
    contact_preferences: JSON.stringify({
      channels: random.sample(channels, random.int(1, 2)),
      ...(random.chance(0.3)
        ? { note: random.pick(['Liefst na 17.00 uur', 'Via de buurtkamer']) }
        : {}),
    }),
    consent_given_at: consent?.on ?? null,
    consent_text_version: consent ? CONSENT_TEXT_VERSION : null,
    consent_recorded_by: consent?.by ?? null,
    created_by: input.userId ?? world.coordinatorId,
    created_at: now,
    updated_at: now,
  };
  const roles = input.roles ?? [
    { role: 'bewoner' as const, start: `${since}-01-01`, end: null },
    ...random.sample(extraRoles, random.int(0, 2)).map((role) => {
      const start = dateBetween(random, `${Math.max(since, 2010)}-01-01`, DEMO_TODAY);
      return {
        role,
        start,
        end: random.chance(0.3) ? dateBetween(random, start, DEMO_TODAY) : null,
      };
    }),
  ];
  for (const r of roles)
    world.sink.add('actor_roles', {
      id: random.id(),
      workspace_id: ws,
      actor_id: id,
      role: r.role,
      start_date: r.start,
      end_date: r.end,
    });
  const info = finish(
    world,
    {
      row,
      wijk: input.wijk,
      buurten,
      wide: false,
      domains,
      targetGroups,
      weight: input.weight ?? 1,
      initiatives: [],
    },
    buurten.map((b) => world.areas.buurten[b]?.id ?? ''),
  );
  world.personsByWijk[input.wijk]?.push(world.persons.length);
  world.persons.push(info);
  return info;
}

/** A person recorded by a coordinator: mostly private; some with consent and visible. */
export function addRecordedPerson(world: World, wijk: number): ActorInfo {
  const { random } = world;
  if (!random.chance(0.35)) return addPerson(world, { wijk });
  return addPerson(world, {
    wijk,
    consent: { on: dateBetween(random, '2024-01-01', DEMO_TODAY), by: world.coordinatorId },
    visibility: random.chance(0.6) ? 'workspace' : 'public',
  });
}

/** A carrier who manages their own record through their login. */
export function addLinkedPerson(
  world: World,
  wijk: number,
  user: { id: string; displayName: string },
): ActorInfo {
  return addPerson(world, {
    wijk,
    name: user.displayName,
    userId: user.id,
    visibility: 'workspace',
    consent: { on: dateBetween(world.random, '2025-01-01', DEMO_TODAY), by: user.id },
    weight: 2,
  });
}

/** Share of organisations of each kind, and how often one is large. */
const kindWeights: Record<OrganisationKind, number> = {
  bewonersinitiatief: 22,
  stichting_vereniging: 22,
  sociale_onderneming: 9,
  welzijnsorganisatie: 5,
  woningcorporatie: 3,
  zorgaanbieder: 9,
  gemeentelijke_afdeling: 6,
  fonds: 4,
  school: 12,
  universiteit: 1,
  bedrijf: 7,
};
const largeChance: Record<OrganisationKind, number> = {
  bewonersinitiatief: 0,
  stichting_vereniging: 0.1,
  sociale_onderneming: 0.2,
  welzijnsorganisatie: 0.9,
  woningcorporatie: 0.95,
  zorgaanbieder: 0.8,
  gemeentelijke_afdeling: 0.95,
  fonds: 0.75,
  school: 0.45,
  universiteit: 1,
  bedrijf: 0.3,
};
/** Kinds that usually work across the whole municipality. */
const wideChance: Partial<Record<OrganisationKind, number>> = {
  gemeentelijke_afdeling: 0.8,
  welzijnsorganisatie: 0.6,
  woningcorporatie: 0.7,
  fonds: 0.9,
  universiteit: 1,
  zorgaanbieder: 0.3,
};

/**
 * Budget band and staff that make the size class unambiguous: small organisations stay under
 * € 1 million and 10 staff, large ones over € 1 million and 50 staff.
 */
export function sizeFigures(
  kind: OrganisationKind,
  large: boolean,
  random: World['random'],
): { budget: BudgetBand; staff: number } {
  if (large) {
    const big = random.chance(0.4);
    return {
      budget: big ? 'gt_10m' : '1m_10m',
      staff: big ? random.int(200, 3000) : random.int(50, 400),
    };
  }
  if (kind === 'bewonersinitiatief') return { budget: 'lt_100k', staff: 0 };
  const tiny = random.chance(0.6);
  return {
    budget: tiny ? 'lt_100k' : '100k_1m',
    staff: tiny ? random.int(0, 2) : random.int(1, 9),
  };
}

export function addOrganisation(
  world: World,
  input: { wijk: number; kind: OrganisationKind; taken: Set<string> },
): ActorInfo {
  const { random, ws, now, areas } = world;
  const { kind, wijk } = input;
  const large = random.chance(largeChance[kind]);
  const { budget, staff } = sizeFigures(kind, large, random);
  // A few small organisations are counted as large by the coordinator (a local branch of a
  // national body): the override wins, the figures stay as they are.
  const override: SizeClass | null =
    !large && kind === 'stichting_vereniging' && random.chance(0.04) ? 'large' : null;
  const wide = large && random.chance(wideChance[kind] ?? 0);
  const home = buurtIn(world, wijk);
  const where = whereOf(world, home);
  const name = organisationName(random, kind, where, input.taken);
  let buurten: number[];
  let areaIds: string[];
  if (wide) {
    buurten = [];
    areaIds = [areas.gemeente.id];
  } else if (large) {
    const wijken = [
      wijk,
      ...Array.from({ length: random.int(1, 3) }, () => random.int(0, areas.wijken.length - 1)),
    ];
    const unique = [...new Set(wijken)];
    buurten = unique.flatMap((w) => areas.buurtenOf[w] ?? []);
    areaIds = unique.map((w) => areas.wijken[w]?.id ?? '');
  } else {
    buurten = [...new Set([home, ...(random.chance(0.4) ? [buurtIn(world, wijk)] : [])])];
    areaIds = buurten.map((b) => areas.buurten[b]?.id ?? '');
  }
  const domains = domainsFor(world, wijk, large ? 4 : 2);
  const slug = slugOf(name);
  const row: ActorsTable = {
    id: random.id(),
    workspace_id: ws,
    kind: 'organisation',
    name,
    carries: null,
    bio: `Actief in ${wide ? 'heel Wijkhaven' : where.wijk} sinds ${random.int(1950, 2024)}.`,
    org_kind: kind,
    budget_band: budget,
    staff_count: staff,
    size_class_override: override,
    size_class: deriveSizeClass({ budgetBand: budget, staffCount: staff, override }),
    kvk_number:
      kind === 'bewonersinitiatief' && random.chance(0.7)
        ? null
        : `99${String(random.int(0, 999_999)).padStart(6, '0')}`,
    visibility: random.chance(large ? 0.3 : 0.12)
      ? 'public'
      : random.chance(0.05)
        ? 'private'
        : 'workspace',
    user_id: null,
    email: `info@${slug}.example.org`,
    phone: null,
    website: kind === 'bewonersinitiatief' ? null : `https://${slug}.example.org`,
    contact_preferences: null,
    consent_given_at: null,
    consent_text_version: null,
    consent_recorded_by: null,
    created_by: world.coordinatorId,
    created_at: now,
    updated_at: now,
  };
  const info = finish(
    world,
    {
      row,
      wijk,
      buurten,
      wide,
      domains,
      targetGroups: targetGroupsFor(world, domains),
      weight: large ? 18 : 4,
      initiatives: [],
    },
    areaIds,
  );
  world.organisationsByWijk[wijk]?.push(world.organisations.length);
  world.organisations.push(info);
  return info;
}

/** n organisations: every kind at least once, then drawn by their share. */
export function addOrganisations(world: World, n: number): void {
  const { random } = world;
  const taken = new Set<string>();
  const weights = organisationKinds.map((k) => kindWeights[k]);
  for (let k = 0; k < n; k++) {
    const kind =
      k < organisationKinds.length
        ? (organisationKinds[k] as OrganisationKind)
        : (organisationKinds[random.weighted(weights)] as OrganisationKind);
    addOrganisation(world, { wijk: random.int(0, world.areas.wijken.length - 1), kind, taken });
  }
}
