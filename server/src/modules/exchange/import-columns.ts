import {
  organisationKinds,
  type ActorKind,
  type OrganisationKind,
  type Visibility,
} from '../../db/types.ts';
import { normalise } from '../records/tokens.ts';
import type { SheetIssue, SheetRow } from './sheet.ts';

/**
 * The columns of an actors list and the words accepted in them, in Dutch and English. Headers and
 * values match without regard to case, accents, spaces, hyphens or underscores ("E-mail" = "email",
 * "Stichting/vereniging" = "stichting_vereniging").
 */

export const importFields = [
  'name',
  'kind',
  'orgKind',
  'website',
  'kvk',
  'email',
  'phone',
  'areas',
  'domains',
  'targetGroups',
  'description',
  'visibility',
] as const;
export type ImportField = (typeof importFields)[number];

/** The first alias is the Dutch column name shown in messages, the second the English one. */
const ALIASES: Record<ImportField, string[]> = {
  name: ['naam', 'name', 'organisatienaam', 'organisation name', 'organization name'],
  kind: ['soort', 'kind', 'type'],
  orgKind: [
    'organisatievorm',
    'orgKind',
    'soort organisatie',
    'organisation kind',
    'organization kind',
  ],
  website: ['website', 'url', 'webadres', 'site'],
  kvk: ['kvk', 'kvkNumber', 'kvk-nummer', 'kvk number'],
  email: ['e-mail', 'email', 'e-mailadres', 'email address', 'mail'],
  phone: ['telefoon', 'phone', 'telefoonnummer', 'phone number', 'tel'],
  areas: [
    'wijk of buurt codes',
    'areas',
    'wijk- of buurtcodes',
    'wijken en buurten',
    'gebieden',
    'gebiedscodes',
    'wijken',
    'buurten',
    'areaCodes',
    'cbs codes',
  ],
  domains: ['domeinen', 'domains', 'domein', 'domain'],
  targetGroups: ['doelgroepen', 'targetGroups', 'doelgroep', 'target group', 'target groups'],
  description: ['omschrijving', 'description', 'beschrijving', 'toelichting'],
  visibility: ['zichtbaarheid', 'visibility'],
};

/** Lower case, no accents, letters and digits only. */
export const matchKey = (text: string): string => normalise(text).replace(/[^a-z0-9]+/g, '');

const FIELD_BY_KEY = new Map<string, ImportField>(
  importFields.flatMap((f) => ALIASES[f].map((a) => [matchKey(a), f] as const)),
);

export const fieldOfHeader = (header: string): ImportField | undefined =>
  FIELD_BY_KEY.get(matchKey(header));

/** "naam/name, soort/kind, …" for messages. */
export const knownColumns = (): string =>
  importFields.map((f) => `${ALIASES[f][0]}/${ALIASES[f][1]}`).join(', ');

/** The spreadsheet letter of a zero-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The header row read: which column holds which field. */
export interface Header {
  row: number;
  /** Column index → field, for the recognised columns. */
  fields: Map<number, ImportField>;
  /** Field → the header as written, for messages. */
  names: Map<ImportField, string>;
  /** Unknown, duplicate or unnamed columns; no name column. */
  issues: SheetIssue[];
}

export function readHeader(header: SheetRow, data: SheetRow[]): Header {
  const fields = new Map<number, ImportField>();
  const names = new Map<ImportField, string>();
  const issues: SheetIssue[] = [];
  const at = (code: string, detail: string) => issues.push({ row: header.row, code, detail });
  header.cells.forEach((raw, i) => {
    const title = raw.trim();
    const col = `column ${columnLetter(i)}`;
    if (!title) {
      if (data.some((r) => (r.cells[i] ?? '').trim() !== ''))
        at('unnamed_column', `The ${col} has values but no name in the header row.`);
      return;
    }
    const field = fieldOfHeader(title);
    if (!field) {
      at('unknown_column', `Unknown column "${title}" (${col}). Known columns: ${knownColumns()}.`);
      return;
    }
    const earlier = names.get(field);
    if (earlier !== undefined) {
      at('duplicate_column', `The columns "${earlier}" and "${title}" (${col}) mean the same.`);
      return;
    }
    fields.set(i, field);
    names.set(field, title);
  });
  if (!names.has('name')) at('missing_column', 'The header row has no column naam/name.');
  return { row: header.row, fields, names, issues };
}

const vocabulary = <T extends string>(entries: [T, string[]][]): Map<string, T> =>
  new Map(entries.flatMap(([value, words]) => [value, ...words].map((w) => [matchKey(w), value])));

export const KINDS = vocabulary<ActorKind>([
  ['person', ['persoon', 'drager', 'bewoner']],
  ['organisation', ['organisatie', 'organization', 'organisatie/instelling', 'instelling']],
]);

export const VISIBILITIES = vocabulary<Visibility>([
  ['private', ['privé', 'prive']],
  ['workspace', ['werkruimte', 'intern']],
  ['public', ['openbaar', 'publiek']],
]);

export const ORG_KINDS = vocabulary<OrganisationKind>([
  ['bewonersinitiatief', ["residents' initiative", 'residents initiative']],
  [
    'stichting_vereniging',
    ['stichting', 'vereniging', 'stichting of vereniging', 'foundation', 'association'],
  ],
  ['sociale_onderneming', ['social enterprise']],
  ['welzijnsorganisatie', ['welzijn', 'welfare organisation', 'welfare organization']],
  ['woningcorporatie', ['woningbouwcorporatie', 'housing association']],
  ['zorgaanbieder', ['zorgorganisatie', 'zorginstelling', 'care provider']],
  ['gemeentelijke_afdeling', ['gemeente', 'municipal department']],
  ['fonds', ['vermogensfonds', 'fund']],
  ['school', []],
  ['universiteit', ['hogeschool', 'university']],
  ['bedrijf', ['onderneming', 'company', 'business']],
]);

export const orgKindList = organisationKinds.join(', ');
