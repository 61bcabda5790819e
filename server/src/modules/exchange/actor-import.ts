import { isCbsCode } from '../areas/import/codes.ts';
import type { ActorKind, OrganisationKind, TaxonomyKind, Visibility } from '../../db/types.ts';
import { sortKey } from '../records/tokens.ts';
import {
  importFields,
  KINDS,
  matchKey,
  ORG_KINDS,
  orgKindList,
  readHeader,
  VISIBILITIES,
  type Header,
  type ImportField,
} from './import-columns.ts';
import type { Sheet, SheetIssue, SheetRow } from './sheet.ts';

/**
 * Checks an actors list (a sociale kaart) row by row against the workspace: every row gets an
 * outcome, every problem is named with its row and column. Pure: the workspace's areas, terms and
 * existing actors come in as lookups.
 */

export interface TermRef {
  id: string;
  label: string;
  archived: boolean;
}

export interface ImportLookups {
  /** CBS code → area id (the newest CBS year of that code). */
  areaIdByCode: ReadonlyMap<string, string>;
  /** Per kind: matchKey of slug, Dutch and English label → term. */
  terms: Record<TaxonomyKind, ReadonlyMap<string, TermRef>>;
  /** `${kind}:${sortKey(name)}` of every actor already in the workspace. */
  existing: ReadonlySet<string>;
}

export interface RowProblem {
  column: string | null;
  code: string;
  detail: string;
}

/** What will be written for a valid row. */
export interface ActorDraft {
  kind: ActorKind;
  name: string;
  orgKind: OrganisationKind | null;
  website: string | null;
  kvkNumber: string | null;
  email: string | null;
  phone: string | null;
  bio: string | null;
  visibility: Visibility;
  areaIds: string[];
  termIds: string[];
}

export interface CheckedRow {
  row: number;
  name: string | null;
  kind: ActorKind | null;
  visibility: Visibility | null;
  errors: RowProblem[];
  warnings: RowProblem[];
  draft: ActorDraft | null;
}

export interface CheckedFile {
  /** The recognised fields, in column order. */
  columns: ImportField[];
  rows: CheckedRow[];
  /** Problems of the file or its header (row null: the file as a whole). */
  fileIssues: SheetIssue[];
}

const LIMITS = { name: 200, website: 500, email: 254, phone: 40, description: 4000 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ().-]{6,}$/;
const DOMAIN_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]+)+(?::\d+)?(\/\S*)?$/i;

const isBlank = (r: SheetRow) => r.cells.every((c) => c.trim() === '');

/** Splits a list cell on `;` (or on `,` when it has no `;`). */
const listOf = (text: string): string[] =>
  text
    .split(text.includes(';') ? ';' : ',')
    .map((s) => s.trim())
    .filter(Boolean);

function normaliseWebsite(text: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text)
    ? text
    : DOMAIN_LIKE.test(text)
      ? `https://${text}`
      : text;
  try {
    const url = new URL(withScheme);
    return url.protocol === 'http:' || url.protocol === 'https:' ? withScheme : null;
  } catch {
    return null;
  }
}

const TERM_NAMES: Record<TaxonomyKind, string> = { domain: 'domain', target_group: 'target group' };

/** Reads one row's cells by field and collects its problems. */
interface RowReader {
  value(f: ImportField): string;
  column(f: ImportField): string;
  fail(f: ImportField | null, code: string, detail: string): void;
}

function readAreas(rr: RowReader, lookups: ImportLookups): string[] {
  const ids: string[] = [];
  for (const raw of rr
    .value('areas')
    .split(/[;,\s]+/)
    .filter(Boolean)) {
    const code = raw.toUpperCase();
    const id = lookups.areaIdByCode.get(code);
    if (id) ids.push(id);
    else if (!isCbsCode(code))
      rr.fail(
        'areas',
        'invalid_area_code',
        `"${raw}" is not a CBS code such as WK059901 or BU05990110.`,
      );
    else
      rr.fail(
        'areas',
        'unknown_area',
        `The area ${code} is not in this workspace (import its areas first).`,
      );
  }
  return ids;
}

/** Domains and target groups by slug or label; a cell that is one whole label is not split. */
function readTerms(rr: RowReader, lookups: ImportLookups): string[] {
  const ids: string[] = [];
  for (const [field, kind] of [
    ['domains', 'domain'],
    ['targetGroups', 'target_group'],
  ] as const) {
    const text = rr.value(field);
    if (!text) continue;
    const terms = lookups.terms[kind];
    for (const word of terms.has(matchKey(text)) ? [text] : listOf(text)) {
      const term = terms.get(matchKey(word));
      if (term && !term.archived) {
        ids.push(term.id);
        continue;
      }
      const known = [
        ...new Set([...terms.values()].filter((t) => !t.archived).map((t) => t.label)),
      ];
      rr.fail(
        field,
        `unknown_${kind}`,
        term
          ? `The ${TERM_NAMES[kind]} "${word}" is archived.`
          : `No ${TERM_NAMES[kind]} "${word}" in this workspace (known: ${known.join(', ')}).`,
      );
    }
  }
  return ids;
}

function readKind(rr: RowReader, hasColumn: boolean): ActorKind | null {
  if (!hasColumn) return 'organisation';
  const text = rr.value('kind');
  const kind = KINDS.get(matchKey(text)) ?? null;
  if (!kind && text)
    rr.fail(
      'kind',
      'invalid_kind',
      `"${text}" is neither persoon/person nor organisatie/organisation.`,
    );
  else if (!kind) rr.fail('kind', 'required', 'Fill in persoon or organisatie.');
  return kind;
}

function readOrgKind(rr: RowReader, kind: ActorKind | null): OrganisationKind | null {
  const text = rr.value('orgKind');
  if (!text) {
    if (kind === 'organisation')
      rr.fail('orgKind', 'required', `An organisation needs an organisatievorm (${orgKindList}).`);
    return null;
  }
  const orgKind = ORG_KINDS.get(matchKey(text)) ?? null;
  if (!orgKind)
    rr.fail('orgKind', 'invalid_org_kind', `"${text}" is not an organisatievorm (${orgKindList}).`);
  return orgKind;
}

/** Website, KvK number, email and phone, checked; organisations only have the first two. */
function readContact(rr: RowReader, kind: ActorKind | null) {
  const websiteText = rr.value('website');
  const website = websiteText ? normaliseWebsite(websiteText) : null;
  if (websiteText && (!website || website.length > LIMITS.website))
    rr.fail('website', 'invalid_website', `"${websiteText}" is not a web address (https://…).`);
  const kvkText = rr.value('kvk');
  const kvkNumber = kvkText ? kvkText.replace(/[\s.]/g, '') : null;
  if (kvkNumber !== null && !/^\d{8}$/.test(kvkNumber))
    rr.fail(
      'kvk',
      'invalid_kvk',
      `"${kvkText}" is not a KvK number of 8 digits (did a spreadsheet drop a leading zero? Format the column as text).`,
    );
  const email = rr.value('email').toLowerCase();
  if (email && (!EMAIL.test(email) || email.length > LIMITS.email))
    rr.fail('email', 'invalid_email', `"${email}" is not an email address.`);
  const phone = rr.value('phone');
  if (phone && (!PHONE.test(phone) || phone.length > LIMITS.phone))
    rr.fail('phone', 'invalid_phone', `"${phone}" is not a phone number.`);
  if (kind === 'person')
    for (const f of ['orgKind', 'website', 'kvk'] as const)
      if (rr.value(f)) rr.fail(f, 'not_for_persons', `Only organisations have a ${rr.column(f)}.`);
  return { website, kvkNumber, email: email || null, phone: phone || null };
}

/** Persons stay private without consent (a warning, not an error); organisations default to workspace. */
function readVisibility(rr: RowReader, kind: ActorKind | null, warnings: RowProblem[]) {
  const text = rr.value('visibility');
  let visibility: Visibility | null = kind === 'person' ? 'private' : 'workspace';
  if (text) {
    visibility = VISIBILITIES.get(matchKey(text)) ?? null;
    if (!visibility)
      rr.fail(
        'visibility',
        'invalid_visibility',
        `"${text}" is not privé/private, werkruimte/workspace or openbaar/public.`,
      );
  }
  if (kind === 'person' && visibility && visibility !== 'private') {
    warnings.push({
      column: rr.column('visibility'),
      code: 'private_without_consent',
      detail: 'A person stays private until their consent is recorded.',
    });
    return 'private';
  }
  return visibility;
}

function checkRow(r: SheetRow, header: Header, lookups: ImportLookups): CheckedRow {
  const errors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const column = (f: ImportField) => header.names.get(f) ?? f;
  const rr: RowReader = {
    value: (f) => {
      for (const [i, field] of header.fields) if (field === f) return (r.cells[i] ?? '').trim();
      return '';
    },
    column,
    fail: (f, code, detail) => errors.push({ column: f && column(f), code, detail }),
  };

  const name = rr.value('name').replace(/\s+/g, ' ') || null;
  if (!name) rr.fail('name', 'required', 'The name is empty.');
  else if (name.length > LIMITS.name)
    rr.fail('name', 'too_long', `The name is longer than ${LIMITS.name} characters.`);
  const kind = readKind(rr, header.names.has('kind'));
  const orgKind = readOrgKind(rr, kind);
  const contact = readContact(rr, kind);
  const description = rr.value('description') || null;
  if (description && description.length > LIMITS.description)
    rr.fail(
      'description',
      'too_long',
      `The description is longer than ${LIMITS.description} characters.`,
    );
  const areaIds = readAreas(rr, lookups);
  const termIds = readTerms(rr, lookups);
  const visibility = readVisibility(rr, kind, warnings);
  if (name && kind && lookups.existing.has(`${kind}:${sortKey(name)}`))
    rr.fail(
      'name',
      'already_exists',
      `${kind === 'person' ? 'A person' : 'An organisation'} named "${name}" already exists in this workspace.`,
    );

  const draft: ActorDraft | null =
    errors.length || !name || !kind || !visibility
      ? null
      : {
          kind,
          name,
          orgKind: kind === 'organisation' ? orgKind : null,
          website: kind === 'organisation' ? contact.website : null,
          kvkNumber: kind === 'organisation' ? contact.kvkNumber : null,
          email: contact.email,
          phone: contact.phone,
          bio: description,
          visibility,
          areaIds: [...new Set(areaIds)],
          termIds: [...new Set(termIds)],
        };
  return { row: r.row, name, kind, visibility, errors, warnings, draft };
}

/** Checks every row; a name that occurs twice (same kind) is an error on the later rows. */
export function checkActorRows(sheet: Sheet, lookups: ImportLookups): CheckedFile {
  const present = sheet.rows.filter((r) => !isBlank(r));
  const headerRow = present[0];
  if (!headerRow) {
    const empty = { row: null, code: 'empty_file', detail: 'The file has no header row.' };
    return { columns: [], rows: [], fileIssues: sheet.issues.length ? sheet.issues : [empty] };
  }
  const data = present.slice(1);
  const header = readHeader(headerRow, data);
  const columns = importFields.filter((f) => header.names.has(f));
  if (header.issues.length)
    return { columns, rows: [], fileIssues: [...sheet.issues, ...header.issues] };

  const firstRowOf = new Map<string, number>();
  const rows = data.map((r) => {
    const checked = checkRow(r, header, lookups);
    if (checked.name && checked.kind) {
      const key = `${checked.kind}:${sortKey(checked.name)}`;
      const first = firstRowOf.get(key);
      if (first === undefined) firstRowOf.set(key, r.row);
      else {
        checked.errors.push({
          column: header.names.get('name') ?? 'name',
          code: 'duplicate_name',
          detail: `The same name as row ${first}.`,
        });
        checked.draft = null;
      }
    }
    return checked;
  });
  // A broken row (text after a quote, not UTF-8) gets the reader's problem as its first error; an
  // unclosed quote swallowed the rest of the file, so it stays a problem of the file.
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const fileIssues: SheetIssue[] = [];
  for (const issue of sheet.issues) {
    const r = issue.row === null ? undefined : byRow.get(issue.row);
    if (!r) fileIssues.push(issue);
    else {
      r.errors.unshift({ column: null, code: issue.code, detail: issue.detail });
      r.draft = null;
    }
  }
  if (!data.length)
    fileIssues.push({ row: null, code: 'no_rows', detail: 'The file has a header but no rows.' });
  return { columns, rows, fileIssues };
}
