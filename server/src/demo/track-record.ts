import type { OrganisationKind } from '../db/types.ts';
import { addActivity } from './activities.ts';
import { addPerson } from './actors.ts';
import { addInitiative, type AchievementInput } from './initiatives.ts';
import type { TermRef } from './repo.ts';
import { fill } from './texts.ts';
import { whereOf, type ActorInfo, type World } from './world.ts';

/**
 * Lieke de Drager (the member login lid@demo.wijkdragers.nl) manages her own carrier record. Her
 * track record runs from a playground in 2015 to a planned green quay in 2026: three initiatives
 * have ended, two are active, one is planned — a project ends, the carrier's history stays.
 */

export const LIEKE_EMAIL = 'lid@demo.wijkdragers.nl';

interface Plan {
  name: string;
  start: string;
  end: string | null;
  domains: string[];
  partners: OrganisationKind[];
  achievements: (Omit<AchievementInput, 'credited'> & { withPartners?: boolean })[];
}

const plans: Plan[] = [
  {
    name: 'Speeltuin De Schelp',
    start: '2015-04-01',
    end: '2017-10-31',
    domains: ['jeugd', 'openbare-ruimte'],
    partners: ['bewonersinitiatief', 'woningcorporatie'],
    achievements: [
      {
        type: 'result',
        title: 'Speeltuin heropend met twaalf nieuwe toestellen',
        on: '2017-06-10',
        evidence: 'foto-album',
      },
      {
        type: 'thanks',
        title: 'Bedankt door bewoners',
        on: '2017-10-01',
        source: 'bewoners van {b}',
      },
    ],
  },
  {
    name: 'Huiswerkklas {w}',
    start: '2016-09-01',
    end: '2020-07-15',
    domains: ['onderwijs', 'jeugd'],
    partners: ['school', 'welzijnsorganisatie'],
    achievements: [
      { type: 'press', title: 'Artikel in De Havenbode', on: '2018-03-14', source: 'De Havenbode' },
      {
        type: 'result',
        title: '45 kinderen per week geholpen',
        on: '2019-06-30',
        evidence: 'presentielijsten',
        withPartners: true,
      },
    ],
  },
  {
    name: 'Buurtmaaltijd {b}',
    start: '2018-01-15',
    end: '2022-12-20',
    domains: ['eenzaamheid', 'ouderen'],
    partners: ['stichting_vereniging', 'zorgaanbieder'],
    achievements: [
      {
        type: 'award',
        title: 'Vrijwilligersprijs Wijkhaven 2019',
        on: '2019-11-22',
        source: 'jury Vrijwilligersprijs',
      },
      {
        type: 'result',
        title: '1.800 maaltijden geserveerd',
        on: '2022-12-20',
        evidence: 'jaarverslag',
      },
    ],
  },
  {
    name: 'Taalcafé {w}',
    start: '2021-02-01',
    end: null,
    domains: ['taal-en-integratie'],
    partners: ['welzijnsorganisatie', 'universiteit'],
    achievements: [
      {
        type: 'result',
        title: '30 vaste deelnemers',
        on: '2024-05-01',
        evidence: 'evaluatie met deelnemers',
      },
    ],
  },
  {
    name: 'Warme Winter {w}',
    start: '2023-10-01',
    end: null,
    domains: ['armoede-en-schulden', 'wonen'],
    partners: ['woningcorporatie', 'fonds', 'gemeentelijke_afdeling'],
    achievements: [
      {
        type: 'thanks',
        title: 'Dankbrief van het wijkteam',
        on: '2024-03-01',
        source: 'wijkteam {w}',
      },
    ],
  },
  {
    name: 'Groene Kade {w}',
    start: '2026-05-01',
    end: null,
    domains: ['openbare-ruimte'],
    partners: ['gemeentelijke_afdeling'],
    achievements: [],
  },
];

/** Lieke's carrier record, affiliations, initiatives and activities. Returns her actor. */
export function addLieke(world: World, userId: string, taken: Set<string>): ActorInfo {
  const { random, ws, now, sink } = world;
  const wijk = 0;
  const home = world.areas.buurtenOf[wijk]?.[0] ?? 0;
  const where = whereOf(world, home);
  const domain = (slug: string): TermRef[] => {
    const found = world.domains.filter((d) => d.slug === slug);
    return found.length ? found : world.domains.slice(0, 1);
  };
  const lieke = addPerson(world, {
    wijk,
    buurten: [home],
    name: 'Lieke de Drager',
    userId,
    visibility: 'workspace',
    consent: { on: '2025-06-12', by: userId },
    carries: `Verbindt bewoners in ${where.buurt}: van huiswerkklas tot buurtmaaltijd en taalcafé.`,
    bio: `Woont sinds 2009 in ${where.buurt}. Begon als vrijwilliger bij de speeltuin en zette sindsdien zes initiatieven op. Projecten eindigen, haar netwerk blijft.`,
    domains: [
      'eenzaamheid',
      'jeugd',
      'onderwijs',
      'taal-en-integratie',
      'armoede-en-schulden',
    ].flatMap(domain),
    targetGroups: ['kinderen-en-gezinnen', 'ouderen', 'statushouders']
      .map((s) => world.targetGroupBySlug.get(s))
      .filter((t) => t !== undefined),
    roles: [
      { role: 'bewoner', start: '2009-03-01', end: null },
      { role: 'vrijwilliger', start: '2014-09-01', end: null },
      { role: 'initiatiefnemer', start: '2015-04-01', end: null },
      { role: 'ervaringsdeskundige', start: '2016-01-01', end: '2019-12-31' },
      { role: 'sleutelfiguur', start: '2019-01-01', end: null },
    ],
    weight: 0,
  });

  const orgOf = (kind: OrganisationKind): ActorInfo | undefined => {
    const local = (world.organisationsByWijk[wijk] ?? []).map((i) => world.organisations[i]);
    return (
      local.find((o) => o?.row.org_kind === kind) ??
      world.organisations.find((o) => o.row.org_kind === kind)
    );
  };
  const affiliations: [OrganisationKind, string, string, string | null][] = [
    ['welzijnsorganisatie', 'vrijwilliger', '2014-09-01', '2018-12-31'],
    ['stichting_vereniging', 'bestuurslid', '2019-03-01', null],
    ['gemeentelijke_afdeling', 'ervaringsdeskundige', '2022-01-01', '2023-12-31'],
  ];
  for (const [kind, role, start, end] of affiliations) {
    const org = orgOf(kind);
    if (!org) continue;
    sink.add('affiliations', {
      id: random.id(),
      workspace_id: ws,
      person_id: lieke.row.id,
      organisation_id: org.row.id,
      role,
      start_date: start,
      end_date: end,
      created_at: now,
      updated_at: now,
    });
  }

  const neighbours = (world.personsByWijk[wijk] ?? [])
    .map((i) => world.persons[i] as ActorInfo)
    .filter((p) => p !== lieke);
  for (const plan of plans) {
    const name = fill(plan.name, where);
    taken.add(name);
    const partners = plan.partners.map(orgOf).filter((o) => o !== undefined);
    const carriers = [lieke, ...random.sample(neighbours, random.int(0, 2))];
    addInitiative(world, {
      wijk,
      name,
      start: plan.start,
      end: plan.end,
      visibility: 'workspace',
      domains: plan.domains.flatMap(domain),
      buurten: [home],
      carriers,
      partners,
      achievements: plan.achievements.map(({ withPartners, ...a }) => ({
        ...a,
        source: a.source ? fill(a.source, where) : null,
        credited: withPartners ? [...carriers, ...partners] : carriers,
      })),
    });
  }
  // Work of her own, outside any initiative: one long ended, one ongoing.
  addActivity(world, lieke, {
    title: `Voorleesochtend ${where.buurt}`,
    domains: domain('onderwijs'),
    buurten: [home],
    start: '2014-10-01',
    end: '2016-06-30',
    hoursPerWeek: 2,
  });
  addActivity(world, lieke, {
    title: `Koffieochtend ${where.buurt}`,
    domains: domain('eenzaamheid'),
    buurten: [home],
    start: '2020-01-06',
    end: null,
    hoursPerWeek: 3,
  });
  return lieke;
}
