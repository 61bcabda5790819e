import type { OrganisationKind } from '../db/types.ts';
import type { Random } from './random.ts';

/**
 * Fictional names for Wijkhaven: people (first and last names as found across the Netherlands,
 * drawn independently, never a known person), places made of coastal words, and organisations
 * built from templates. Websites and e-mail addresses use example.org (reserved, RFC 2606).
 */

// prettier-ignore
export const firstNames = [
  // Dutch and Frisian
  'Anouk', 'Bram', 'Daan', 'Emma', 'Femke', 'Gijs', 'Hanna', 'Jesse', 'Joris', 'Lotte', 'Maarten',
  'Noor', 'Pieter', 'Roos', 'Sanne', 'Sem', 'Thijs', 'Tess', 'Wouter', 'Yara', 'Henk', 'Truus',
  'Gerrit', 'Ria', 'Kees', 'Marja', 'Wim', 'Ineke', 'Sjoerd', 'Fenna', 'Bert', 'Els',
  // Moroccan-Dutch and Turkish-Dutch
  'Fatima', 'Mohamed', 'Yassine', 'Samira', 'Khadija', 'Bilal', 'Nadia', 'Hamza', 'Soufiane',
  'Imane', 'Ayşe', 'Mehmet', 'Elif', 'Emre', 'Zeynep', 'Burak', 'Hatice', 'Okan',
  // Surinamese, Antillean, Moluccan, Indonesian
  'Priya', 'Ravi', 'Sunita', 'Anand', 'Shanti', 'Romano', 'Chantal', 'Gerda', 'Jurgen', 'Marisol',
  'Shurandy', 'Dewi', 'Johnny', 'Wati', 'Ilse', 'Ricardo',
  // Newer Dutch: Polish, Syrian, Eritrean, Somali, Ghanaian, Chinese, Ukrainian, Kurdish
  'Agnieszka', 'Piotr', 'Katarzyna', 'Tomasz', 'Rania', 'Omar', 'Lina', 'Khaled', 'Yonas',
  'Senait', 'Tesfay', 'Hodan', 'Abdi', 'Kwame', 'Akosua', 'Mei', 'Wei', 'Oksana', 'Dmytro',
  'Berfin', 'Aziz', 'Ivanilda',
] as const;

// prettier-ignore
export const lastNames = [
  'de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot',
  'Bos', 'Vos', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'de Graaf',
  'van der Meer', 'Kok', 'Vermeulen', 'Schouten', 'van Dam', 'Kuipers', 'Postma', 'Hoekstra',
  'El Amrani', 'Bouzid', 'Ait Taleb', 'Benali', 'El Idrissi', 'Ouali', 'Chaouch', 'Yılmaz', 'Kaya',
  'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Kartosen', 'Ramdin', 'Jagesar', 'Sewnath',
  'Pinas', 'Linger', 'Tjon A Fong', 'Doelwijt', 'Martina', 'Isenia', 'Pattinama', 'Latuheru',
  'Kowalski', 'Nowak', 'Wiśniewska', 'Al-Hassan', 'Haddad', 'Khalil', 'Tesfamariam', 'Haile',
  'Warsame', 'Mensah', 'Owusu', 'Chen', 'Lie', 'Kovalenko', 'Aksoy', 'Zeegers',
  'van den Havenkamp', 'Duinmeijer',
] as const;

// Places: coastal words, combined; unique per call sequence.
// prettier-ignore
const placeStems = [
  'Haven', 'Duin', 'Zee', 'Molen', 'Polder', 'Kreek', 'Dijk', 'Schelp', 'Meeuw', 'Wad', 'Strand',
  'Riet', 'Helm', 'Zilt', 'Slik', 'Anker', 'Baken', 'Boei', 'Golf', 'Vuurtoren', 'Kwelder',
  'Getij', 'Wier', 'Kaap', 'Sluis', 'Mast', 'Zeil', 'Net', 'Kotter', 'Sloep',
];
const wijkSuffixes = ['kwartier', 'zicht', 'wijk', 'hoek', 'veld', 'rand', 'oord', 'zoom'];
const buurtSuffixes = ['buurt', 'hof', 'erf', 'plein', 'park', 'kade', 'weide', 'dreef', 'akker'];
const qualifiers = ['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Oud', 'Nieuw', 'Binnen'];

/** Names for n areas: stem + suffix, shuffled; beyond the combinations a qualifier is added. */
export function placeNames(random: Random, n: number, level: 'wijk' | 'buurt'): string[] {
  const suffixes = level === 'wijk' ? wijkSuffixes : buurtSuffixes;
  const base = random.shuffle(placeStems.flatMap((s) => suffixes.map((x) => `${s}${x}`)));
  const out: string[] = [];
  for (let k = 0; out.length < n; k++) {
    const name = base[k % base.length] as string;
    const round = Math.floor(k / base.length);
    if (round === 0) out.push(name);
    else {
      const q = qualifiers[(round - 1) % qualifiers.length] as string;
      const extra = round > qualifiers.length ? ` ${Math.ceil(round / qualifiers.length)}` : '';
      out.push(`${name} ${q}${extra}`);
    }
  }
  return out;
}

// prettier-ignore
const streetStems = [
  'Reiger', 'Meeuwen', 'Zwaluw', 'Kievit', 'Scholekster', 'Tureluur', 'Plevier', 'Lepelaar',
  'Fuut', 'Eider', 'Jutter', 'Visser', 'Loods', 'Kuiper', 'Touw', 'Netten', 'Helmgras', 'Zeekraal',
  'Lamsoor', 'Duindoorn', 'Strandhaver', 'Zeeraket', 'Kompas', 'Roer', 'Kiel',
];
const streetKinds = ['straat', 'laan', 'weg', 'kade', 'plein', 'hof', 'singel', 'pad'];

export const streetName = (random: Random): string =>
  `${random.pick(streetStems)}${random.pick(streetKinds)}`;

// Organisations: templates per kind; {b} is a buurt, {w} a wijk, {s} a street, {n} a noun.
// prettier-ignore
const nouns = [
  'Vuurtoren', 'Branding', 'Kompas', 'Getijde', 'Ankerplaats', 'Horizon', 'Zeester', 'Golfslag',
  'Duinroos', 'Kustlicht', 'Walvis', 'Zeehond', 'Baken', 'Kade', 'Loods', 'Stuurman', 'Wadloper',
];
const templates: Record<OrganisationKind, string[]> = {
  bewonersinitiatief: [
    'Bewonersgroep {b}',
    'Buurtkracht {b}',
    'Moestuin {b}',
    'Buurtkamer {b}',
    'Straatteam {s}',
    'Speeltuingroep {b}',
    'Bewonerscommissie {s}',
    'Samen {b}',
  ],
  stichting_vereniging: [
    'Stichting De {n}',
    'Vereniging Vrienden van {b}',
    'Stichting Buurthuis {b}',
    'Muziekvereniging De {n}',
    'Voetbalvereniging {w}',
    'Stichting Taalmaatjes {w}',
    'Vrouwencentrum De {n}',
    'Stichting Ontmoeting {w}',
  ],
  sociale_onderneming: [
    'De {n} Werkt',
    'Koffie & Kansen {w}',
    'Fietsenmakerij De {n}',
    'Kringloop {w}',
    'Buurtkeuken {b}',
    'Leerwerkbedrijf De {n}',
  ],
  welzijnsorganisatie: ['Welzijn {w}', 'Stichting Welzijn Wijkhaven', 'Samenkracht {w}'],
  woningcorporatie: ['Havenwonen', 'Woonstede Kust', 'Woningstichting {w}'],
  zorgaanbieder: [
    'Zorggroep De {n}',
    'Thuiszorg {w}',
    'Gezondheidscentrum {w}',
    'Huisartsenpraktijk {b}',
    'GGZ Kust',
    'Zorgcentrum De {n}',
  ],
  gemeentelijke_afdeling: [
    'Wijkteam {w}',
    'Gemeente Wijkhaven, team Sociaal Domein',
    'Gemeente Wijkhaven, Wijkbeheer {w}',
    'Jongerenwerk gemeente Wijkhaven',
    'Gemeente Wijkhaven, Schuldhulpverlening',
  ],
  fonds: ['Fonds Wijkhaven Vooruit', 'Havenfonds', 'Stichting Kustfonds', 'Buurtbudget {w}'],
  school: [
    'Basisschool De {n}',
    'Kindcentrum {b}',
    'Haven College',
    'Montessorischool {w}',
    'Praktijkschool De {n}',
  ],
  universiteit: ['Hogeschool Wijkhaven', 'Kustuniversiteit, lectoraat Wijkaanpak'],
  bedrijf: [
    'Bakkerij De {n}',
    'Visafslag {w}',
    'Bouwbedrijf {s}',
    'Supermarkt {b}',
    'Installatiebedrijf De {n}',
    'Drukkerij {w}',
  ],
};

export interface NameContext {
  buurt: string;
  wijk: string;
}

/** A name for an organisation of the kind; unique within `taken` (adds a wijk or number). */
export function organisationName(
  random: Random,
  kind: OrganisationKind,
  where: NameContext,
  taken: Set<string>,
): string {
  const make = () =>
    random
      .pick(templates[kind])
      .replace('{b}', where.buurt)
      .replace('{w}', where.wijk)
      .replace('{s}', streetName(random))
      .replace('{n}', random.pick(nouns));
  // Another template first; then the buurt as a branch name; then a number.
  let base = make();
  for (let tries = 0; taken.has(base) && tries < 4; tries++) base = make();
  let name = base;
  if (taken.has(name) && !name.includes(where.buurt)) name = `${base} ${where.buurt}`;
  for (let k = 2; taken.has(name); k++) name = `${base} ${k}`;
  taken.add(name);
  return name;
}

export const slugOf = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
