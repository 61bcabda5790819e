import { describe, expect, it } from 'vitest';
import { checkActorRows, type ImportLookups, type TermRef } from './actor-import.ts';
import { columnLetter, fieldOfHeader, matchKey } from './import-columns.ts';
import { MAX_ROWS, readUpload } from './sheet.ts';
import { sortKey } from '../records/tokens.ts';

const term = (id: string, label: string, archived = false): TermRef => ({ id, label, archived });
const zorg = term('t-zorg', 'zorg');
const wonen = term('t-wonen', 'wonen');
const oud = term('t-oud', 'buurtbus', true);
const jongeren = term('t-jong', 'jongeren');
const lookups: ImportLookups = {
  areaIdByCode: new Map([
    ['BU05990110', 'a-110'],
    ['WK059901', 'a-wk'],
  ]),
  terms: {
    domain: new Map([
      [matchKey('zorg'), zorg],
      [matchKey('care'), zorg],
      [matchKey('wonen'), wonen],
      [matchKey('buurtbus'), oud],
    ]),
    target_group: new Map([
      [matchKey('jongeren'), jongeren],
      [matchKey('young people'), jongeren],
    ]),
  },
  existing: new Set([`organisation:${sortKey('Het Bestaande Huis')}`]),
};

const check = async (csv: string) => checkActorRows(await readUpload('csv', csv), lookups);

describe('actor list columns', () => {
  it('knows Dutch and English headers, ignoring case, accents, spaces and hyphens', () => {
    expect(fieldOfHeader('Naam')).toBe('name');
    expect(fieldOfHeader('E-mail')).toBe('email');
    expect(fieldOfHeader('KvK-nummer')).toBe('kvk');
    expect(fieldOfHeader('Wijk of buurt codes')).toBe('areas');
    expect(fieldOfHeader('targetGroups')).toBe('targetGroups');
    expect(fieldOfHeader('Zichtbaarheid')).toBe('visibility');
    expect(fieldOfHeader('fax')).toBeUndefined();
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ']);
  });

  it('reports unknown, duplicate and unnamed columns and a missing name column at row 1', async () => {
    const r = await check('soort;Fax;naam;Name;;\norganisatie;1;A;B;x;\n');
    expect(r.rows).toEqual([]);
    expect(r.fileIssues.map((i) => [i.row, i.code])).toEqual([
      [1, 'unknown_column'],
      [1, 'duplicate_column'],
      [1, 'unnamed_column'],
    ]);
    expect(r.fileIssues[0]?.detail).toContain('Unknown column "Fax" (column B)');
    expect(r.fileIssues[2]?.detail).toContain('column E');
    const noName = await check('soort\npersoon\n');
    expect(noName.fileIssues.map((i) => i.code)).toEqual(['missing_column']);
  });

  it('takes the first non-empty row as the header and keeps spreadsheet row numbers', async () => {
    const r = await check(';\nnaam;organisatievorm\nDe Linde;stichting\n\nHet Anker;fonds\n');
    expect(r.fileIssues).toEqual([]);
    expect(r.rows.map((x) => [x.row, x.name, x.errors])).toEqual([
      [3, 'De Linde', []],
      [5, 'Het Anker', []],
    ]);
  });
});

describe('actor list rows', () => {
  it('reads a valid organisation and person with every column (Dutch words)', async () => {
    const r = await check(
      [
        'naam;soort;organisatievorm;website;kvk;e-mail;telefoon;wijk of buurt codes;domeinen;doelgroepen;omschrijving;zichtbaarheid',
        'Buurthuis De Linde;organisatie;Stichting/vereniging;www.delinde.nl;1234 5678;Info@DeLinde.nl;010-1234567;bu05990110, WK059901;"Zorg; Wonen";Jongeren;Huiskamer;openbaar',
        'Fatima;persoon;;;;f@example.org;;BU05990110;;;Kookt;werkruimte',
      ].join('\n'),
    );
    expect(r.fileIssues).toEqual([]);
    const [org, person] = r.rows;
    expect(org?.errors).toEqual([]);
    expect(org?.draft).toEqual({
      kind: 'organisation',
      name: 'Buurthuis De Linde',
      orgKind: 'stichting_vereniging',
      website: 'https://www.delinde.nl',
      kvkNumber: '12345678',
      email: 'info@delinde.nl',
      phone: '010-1234567',
      bio: 'Huiskamer',
      visibility: 'public',
      areaIds: ['a-110', 'a-wk'],
      termIds: ['t-zorg', 't-wonen', 't-jong'],
    });
    expect(person?.draft).toMatchObject({ kind: 'person', visibility: 'private', orgKind: null });
    expect(person?.warnings.map((w) => [w.column, w.code])).toEqual([
      ['zichtbaarheid', 'private_without_consent'],
    ]);
  });

  it('defaults: organisation without a kind column; workspace visibility; persons private', async () => {
    const r = await check('name,orgKind\nA,fonds\n');
    expect(r.rows[0]?.draft).toMatchObject({ kind: 'organisation', visibility: 'workspace' });
    const p = await check('name,kind\nB,person\n');
    expect(p.rows[0]?.draft).toMatchObject({ kind: 'person', visibility: 'private' });
    expect(p.rows[0]?.warnings).toEqual([]);
  });

  it('names every bad value with its row and column', async () => {
    const r = await check(
      [
        'name,kind,orgKind,website,kvk,email,phone,areas,domains,targetGroups,visibility',
        ',robot,,ftp://x,1234567,no-mail,abc,BU0599,zorgg;buurtbus,ouderen,geheim',
        'P,person,fonds,https://p.nl,12345678,,,BU05990199,,,',
      ].join('\n'),
    );
    const codes = (i: number) => r.rows[i]?.errors.map((e) => [e.column, e.code]);
    expect(codes(0)).toEqual([
      ['name', 'required'],
      ['kind', 'invalid_kind'],
      ['website', 'invalid_website'],
      ['kvk', 'invalid_kvk'],
      ['email', 'invalid_email'],
      ['phone', 'invalid_phone'],
      ['areas', 'invalid_area_code'],
      ['domains', 'unknown_domain'],
      ['domains', 'unknown_domain'],
      ['targetGroups', 'unknown_target_group'],
      ['visibility', 'invalid_visibility'],
    ]);
    expect(r.rows[0]?.errors[7]?.detail).toContain(
      'No domain "zorgg" in this workspace (known: zorg, wonen)',
    );
    expect(r.rows[0]?.errors[8]?.detail).toBe('The domain "buurtbus" is archived.');
    expect(codes(1)).toEqual([
      ['orgKind', 'not_for_persons'],
      ['website', 'not_for_persons'],
      ['kvk', 'not_for_persons'],
      ['areas', 'unknown_area'],
    ]);
    expect(r.rows.every((x) => x.draft === null)).toBe(true);
  });

  it('an organisation needs an organisatievorm', async () => {
    const r = await check('naam;soort\nX;organisatie\n');
    expect(r.rows[0]?.errors.map((e) => e.code)).toEqual(['required']);
    expect(r.rows[0]?.errors[0]?.detail).toContain('organisatievorm');
  });

  it('duplicate names in the file (same kind, any case or accents) and existing actors are errors', async () => {
    const r = await check(
      'naam;soort;organisatievorm\nCafé Noord;organisatie;bedrijf\nCAFE NOORD;organisatie;bedrijf\nCafé Noord;persoon;\nhet bestaande huis;organisatie;fonds\n',
    );
    expect(r.rows.map((x) => x.errors.map((e) => e.code))).toEqual([
      [],
      ['duplicate_name'],
      [],
      ['already_exists'],
    ]);
    expect(r.rows[1]?.errors[0]?.detail).toBe('The same name as row 2.');
  });

  it('a row that is not UTF-8 or has text after a quote is an error of that row', async () => {
    const r = await check('naam;organisatievorm\nCaf\uFFFD;fonds\n"Goed"x;fonds\nGoed;fonds\n');
    expect(r.fileIssues).toEqual([]);
    expect(r.rows.map((x) => [x.row, x.errors.map((e) => e.code), x.draft !== null])).toEqual([
      [2, ['invalid_encoding'], false],
      [3, ['text_after_quote'], false],
      [4, [], true],
    ]);
  });

  it('an unclosed quote, an empty file and a header without rows are problems of the file', async () => {
    const r = await check('naam;organisatievorm\nA;fonds\n"B;fonds\nC;fonds\n');
    expect(r.fileIssues.map((i) => [i.row, i.code])).toEqual([[3, 'unclosed_quote']]);
    expect((await check('')).fileIssues.map((i) => i.code)).toEqual(['empty_file']);
    expect((await check('naam\n\n')).fileIssues.map((i) => i.code)).toEqual(['no_rows']);
  });
});

describe('reading uploads', () => {
  it(`refuses more than ${MAX_ROWS} rows as a whole`, async () => {
    const sheet = await readUpload('csv', `naam\n${'A\n'.repeat(MAX_ROWS)}`);
    expect(sheet.rows).toEqual([]);
    expect(sheet.issues.map((i) => [i.row, i.code])).toEqual([[null, 'too_many_rows']]);
    expect((await readUpload('csv', `naam\n${'A\n'.repeat(MAX_ROWS - 1)}`)).issues).toEqual([]);
  });

  it('limits the length of names and descriptions', async () => {
    const r = await check(
      `naam;organisatievorm;omschrijving\n${'x'.repeat(201)};fonds;${'y'.repeat(4001)}\n`,
    );
    expect(r.rows[0]?.errors.map((e) => [e.column, e.code])).toEqual([
      ['naam', 'too_long'],
      ['omschrijving', 'too_long'],
    ]);
  });

  it('refuses content that is not base64 or not a workbook', async () => {
    expect((await readUpload('xlsx', 'not base64!')).issues.map((i) => i.code)).toEqual([
      'invalid_base64',
    ]);
    const notXlsx = Buffer.from('naam;soort\n').toString('base64');
    expect((await readUpload('xlsx', notXlsx)).issues.map((i) => i.code)).toEqual(['invalid_xlsx']);
  });
});
