import type { Random } from './random.ts';

/**
 * What the people and organisations of Wijkhaven do, per domain of the default taxonomy (keyed by
 * term slug): activity titles, initiative names, what a carrier carries, and the target groups that
 * go with the domain. Placeholders: {b} buurt, {w} wijk, {s} street.
 */

export interface DomainTexts {
  activities: string[];
  initiatives: string[];
  carries: string[];
  targetGroups: string[];
}

export const domainTexts: Record<string, DomainTexts> = {
  zorg: {
    activities: [
      'Boodschappenhulp {b}',
      'Burenhulp {s}',
      'Mantelzorgcafé {w}',
      'Zorgspreekuur {b}',
    ],
    initiatives: ['Zorgzame Buren {b}', 'Mantelzorgpunt {w}'],
    carries: ['regelt burenhulp voor wie even niet kan', 'ondersteunt mantelzorgers in {b}'],
    targetGroups: ['mantelzorgers', 'ouderen', 'mensen-met-een-beperking'],
  },
  wonen: {
    activities: [
      'Energiecoaches {b}',
      'Spreekuur huurders {w}',
      'Klusdag {s}',
      'Woonspreekuur {b}',
    ],
    initiatives: ['Warm en Droog Wonen {w}', 'Huurdersplatform {w}'],
    carries: ['helpt buren met hun energierekening', 'zit in de huurderscommissie van de {s}'],
    targetGroups: ['mensen-met-schulden', 'ouderen', 'alleenstaande-ouders'],
  },
  'sociaal-werk': {
    activities: ['Inloopspreekuur {b}', 'Wijkteam op straat {w}', 'Huisbezoeken {b}'],
    initiatives: ['Wijkteam Dichtbij {w}', 'Sociaal Loket op Wielen'],
    carries: ['is het aanspreekpunt voor vragen in {b}', 'brengt hulp en bewoners bij elkaar'],
    targetGroups: ['alleenstaande-ouders', 'mensen-met-schulden', 'nieuwkomers'],
  },
  veiligheid: {
    activities: ['Buurtpreventie {b}', 'Avondronde {s}', 'Buurtapp-overleg {w}'],
    initiatives: ['Veilig {b}', 'Lichtpunten {w}'],
    carries: ['loopt mee met de buurtpreventie', 'houdt de buurtapp van {s} bij'],
    targetGroups: ['jongeren', 'ouderen'],
  },
  onderwijs: {
    activities: ['Huiswerkklas {b}', 'Voorleesochtend {b}', 'Bijles rekenen {w}'],
    initiatives: ['Huiswerkklas {w}', 'Leesbrigade {b}'],
    carries: ['geeft huiswerkbegeleiding', 'leest voor op de basisschool'],
    targetGroups: ['kinderen-en-gezinnen', 'jongeren', 'nieuwkomers'],
  },
  'werk-en-inkomen': {
    activities: ['Sollicitatiecafé {w}', 'Werkplaats {s}', 'Netwerkontbijt {w}'],
    initiatives: ['Aan de Slag {w}', 'Werkkansen Kust'],
    carries: ['helpt werkzoekenden met hun cv', 'koppelt buurtbewoners aan werkgevers'],
    targetGroups: ['werkzoekenden', 'statushouders', 'jongeren'],
  },
  'armoede-en-schulden': {
    activities: ['Formulierenhulp {b}', 'Geldzorgen-spreekuur {w}', 'Weggeefwinkel {s}'],
    initiatives: ['Warme Winter {w}', 'Schuldhulpmaatjes {w}'],
    carries: ['helpt buren met brieven en formulieren', 'begeleidt gezinnen met geldzorgen'],
    targetGroups: ['mensen-met-schulden', 'alleenstaande-ouders', 'kinderen-en-gezinnen'],
  },
  jeugd: {
    activities: ['Jongerenavond {b}', 'Speelmiddag {s}', 'Meidenclub {w}', 'Straatvoetbal {b}'],
    initiatives: ['Jongerenpodium {w}', 'Speeltuin {b}'],
    carries: ['organiseert activiteiten voor jongeren', 'is vertrouwenspersoon voor jongeren'],
    targetGroups: ['jongeren', 'kinderen-en-gezinnen'],
  },
  ouderen: {
    activities: ['Koffieochtend {b}', 'Seniorengym {w}', 'Digicafé voor ouderen {b}'],
    initiatives: ['Ouder Worden in {w}', 'Seniorenvervoer {w}'],
    carries: ['bezoekt ouderen in {b}', 'organiseert de koffieochtend'],
    targetGroups: ['ouderen', 'mantelzorgers'],
  },
  gezondheid: {
    activities: ['Gezond Koken {b}', 'Beweegmaatje {w}', 'Rookvrij spreekuur {w}'],
    initiatives: ['Gezonde Wijk {w}', 'Samen Fit {b}'],
    carries: ['kookt gezond met buurtgenoten', 'begeleidt een wandelgroep'],
    targetGroups: ['ouderen', 'kinderen-en-gezinnen', 'mensen-met-een-beperking'],
  },
  'openbare-ruimte': {
    activities: ['Opschoonactie {s}', 'Geveltuinen {s}', 'Groenonderhoud {b}'],
    initiatives: ['Groene Kade {w}', 'Pluktuin {b}'],
    carries: ['houdt de geveltuinen in de {s} bij', 'organiseert de opschoonactie'],
    targetGroups: ['kinderen-en-gezinnen', 'jongeren'],
  },
  cultuur: {
    activities: ['Buurtkoor {w}', 'Kunstatelier {b}', 'Zomerfestival {w}', 'Verhalenavond {b}'],
    initiatives: ['Kunst op de Kade', 'Wijkfestival {w}'],
    carries: ['leidt het buurtkoor', 'maakt kunst met buurtbewoners'],
    targetGroups: ['nieuwkomers', 'jongeren', 'ouderen'],
  },
  sport: {
    activities: ['Buurtsport {b}', 'Zwemles voor volwassenen {w}', 'Sportdag {b}'],
    initiatives: ['Sportief {b}', 'Kustloop {w}'],
    carries: ['traint het jeugdteam', 'geeft sportles op het plein'],
    targetGroups: ['jongeren', 'kinderen-en-gezinnen', 'mensen-met-een-beperking'],
  },
  'taal-en-integratie': {
    activities: ['Taalcafé {b}', 'Taalmaatjes {w}', 'Inburgeringsspreekuur {w}'],
    initiatives: ['Taalcafé {w}', 'Welkom in {w}'],
    carries: ['is taalmaatje voor nieuwkomers', 'helpt statushouders op weg in {b}'],
    targetGroups: ['statushouders', 'nieuwkomers'],
  },
  'participatie-en-vrijwilligerswerk': {
    activities: ['Vrijwilligerscentrale {w}', 'Buurtbudget-overleg {b}', 'Klussendienst {s}'],
    initiatives: ['Vrijwillig Wijkhaven', 'Buurtbudget {b}'],
    carries: ['zet vrijwilligers in de wijk op de juiste plek', 'beheert het buurtbudget'],
    targetGroups: ['werkzoekenden', 'statushouders', 'ouderen'],
  },
  eenzaamheid: {
    activities: ['Wandelgroep {b}', 'Buurtmaaltijd {s}', 'Telefooncirkel {w}'],
    initiatives: ['Niemand Alleen in {w}', 'Buurtmaaltijd {b}'],
    carries: ['kookt elke week voor de buurtmaaltijd', 'belt eenzame buren op'],
    targetGroups: ['ouderen', 'mantelzorgers', 'dak-en-thuislozen'],
  },
};

const fallback: DomainTexts = {
  activities: ['Buurtactiviteit {b}', 'Wijkoverleg {w}'],
  initiatives: ['Samen {w}'],
  carries: ['zet zich in voor {b}'],
  targetGroups: [],
};

export const textsFor = (slug: string): DomainTexts => domainTexts[slug] ?? fallback;

export interface Where {
  buurt: string;
  wijk: string;
  street: string;
}

export const fill = (template: string, where: Where): string =>
  template.replace('{b}', where.buurt).replace('{w}', where.wijk).replace('{s}', where.street);

const rhythms = [
  'Maandagochtend',
  'Dinsdagavond',
  'Woensdagmiddag',
  'Donderdag',
  'Vrijdagochtend',
  'Zaterdag',
  'Wekelijks',
  'Maandelijks',
];
const places = [
  'buurthuis {s}',
  'plein {s}',
  'bibliotheek {w}',
  'gymzaal {s}',
  'buurtkamer {b}',
  'aan huis in {b}',
];

/** A short description (few words: half a million of them go into the search index). */
export function activityDescription(random: Random, where: Where, forWhom: string | null): string {
  const place = fill(random.pick(places), where);
  return `${random.pick(rhythms)}, ${place}${forWhom ? `; voor ${forWhom}` : ''}.`;
}

export const personBio = (random: Random, where: Where, since: number): string =>
  `Woont sinds ${since} in ${where.buurt}. ${random.pick([
    'Kent de halve wijk bij naam.',
    'Begon ooit als vrijwilliger en bleef.',
    'Werkte jaren in de haven.',
    'Is ouder van drie kinderen en altijd bereikbaar.',
    'Spreekt vier talen en vertaalt voor buren.',
    'Fietst elke dag de wijk door.',
  ])}`;

export const affiliationRoles = {
  small: ['vrijwilliger', 'bestuurslid', 'voorzitter', 'penningmeester', 'oprichter'],
  large: ['medewerker', 'wijkcoördinator', 'vrijwilliger', 'ervaringsdeskundige', 'stagiair'],
} as const;

export const resultTitles = [
  '{n} deelnemers per week',
  '{n} huishoudens geholpen',
  '{n} vrijwilligers actief',
  '{n} buren bereikt',
  '{n} bijeenkomsten gehouden',
];
export const evidence = [
  'jaarverslag',
  'presentielijsten',
  'evaluatie met deelnemers',
  'foto-album',
];
export const recognitions = {
  award: {
    titles: ['Vrijwilligersprijs Wijkhaven', 'Buurtprijs {w}', 'Kustprijs voor Initiatief'],
    sources: ['jury Vrijwilligersprijs', 'gemeente Wijkhaven', 'Havenfonds'],
  },
  press: {
    titles: ['Artikel in De Havenbode', 'Reportage Kust FM', 'Interview in de wijkkrant'],
    sources: ['De Havenbode', 'Kust FM', 'Wijkkrant {w}'],
  },
  thanks: {
    titles: ['Bedankt door bewoners', 'Bloemen van de buurt', 'Dankbrief van het wijkteam'],
    sources: ['bewoners van {b}', 'wijkteam {w}', 'de buurt'],
  },
} as const;
