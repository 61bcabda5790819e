import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import writeXlsxFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import type { ActorImportReport } from './import-service.ts';
import { addActor, seedAreas, snapshot } from './testing/records.ts';

export const FIXTURES = resolve(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../test/fixtures/sociale-kaart',
);
export const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors: { pointer: string; code: string; detail: string }[];
}

/** A small workbook: Dutch headers, a numeric KvK cell kept as text, a date-free sheet. */
export async function workbook(rows: (string | null)[][]): Promise<string> {
  const data = rows.map((r) => r.map((v) => (v === null ? null : { value: v })));
  return (await writeXlsxFile(data).toBuffer()).toString('base64');
}

describeEachDialect('actor imports', (dialect) => {
  const t = useTestApp(dialect);
  let slug = '';
  let ws = '';
  let coordinator: Browser;
  let member: Browser;

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['coordinator', 'member']);
    slug = a.ws.slug;
    ws = a.ws.id;
    coordinator = new Browser(t().app);
    await coordinator.login(a.users.coordinator?.email ?? '');
    member = new Browser(t().app);
    await member.login(a.users.member?.email ?? '');
    await seedAreas(t().ctx, ws);
    await addActor(t().ctx, ws, {
      kind: 'organisation',
      name: 'Het Bestaande Huis',
      visibility: 'workspace',
    });
  });

  const post = (payload: unknown, who = coordinator) =>
    who.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/actor-imports`,
      payload: payload as object,
    });

  /** Posts a bad file: 400 problem, nothing written; returns [pointer, code] of every error. */
  async function rejected(payload: Record<string, unknown>) {
    const before = await snapshot(t().ctx);
    const res = await post(payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const p = res.json<Problem>();
    expect(await snapshot(t().ctx)).toEqual(before);
    // A dry run reports the very same problems, in a 200 report.
    const dry = await post({ ...payload, dryRun: true });
    expect(dry.statusCode).toBe(200);
    const report = dry.json<ActorImportReport>();
    expect(report.valid).toBe(false);
    expect(report.errors).toEqual(p.errors);
    expect(await snapshot(t().ctx)).toEqual(before);
    return { problem: p, pairs: p.errors.map((e) => [e.pointer, e.code]), report };
  }

  describe('a valid list', () => {
    it('dry run (Dutch CSV): a report per row, nothing written', async () => {
      const before = await snapshot(t().ctx);
      const res = await post({
        format: 'csv',
        content: fixture('sociale-kaart-nl.csv'),
        dryRun: true,
      });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json<ActorImportReport>();
      expect(r).toMatchObject({
        format: 'csv',
        delimiter: 'semicolon',
        dryRun: true,
        created: 0,
        valid: true,
        errors: [],
      });
      expect(r.columns).toEqual([
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
      ]);
      expect(r.rows.map((x) => [x.row, x.name, x.kind, x.visibility, x.outcome])).toEqual([
        [2, 'Buurthuis De Linde', 'organisation', 'public', 'would_create'],
        [3, 'Voedselbank Noord', 'organisation', 'workspace', 'would_create'],
        [4, 'Fatima El Amrani', 'person', 'private', 'would_create'],
        [5, 'Zorgcoöperatie Café Ü', 'organisation', 'workspace', 'would_create'],
      ]);
      expect(r.rows[2]?.warnings.map((w) => w.code)).toEqual(['private_without_consent']);
      expect(await snapshot(t().ctx)).toEqual(before);
    });

    it('imports it: actors, area and term links and search entries, in one go', async () => {
      const res = await post({ format: 'csv', content: fixture('sociale-kaart-nl.csv') });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json<ActorImportReport>();
      expect(r.created).toBe(4);
      expect(r.rows.every((x) => x.outcome === 'created' && x.actorId)).toBe(true);
      const db = t().ctx.db;
      const linde = await db
        .selectFrom('actors')
        .selectAll()
        .where('id', '=', r.rows[0]?.actorId as string)
        .executeTakeFirstOrThrow();
      expect(linde).toMatchObject({
        workspace_id: ws,
        kind: 'organisation',
        name: 'Buurthuis De Linde',
        org_kind: 'stichting_vereniging',
        website: 'https://www.delinde.example.org',
        kvk_number: '12345678',
        email: 'info@delinde.example.org',
        phone: '010-1234567',
        bio: 'Huiskamer van de wijk; koffie "gratis"\r\nook op zaterdag',
        visibility: 'public',
        user_id: null,
        consent_given_at: null,
      });
      expect(linde.created_by).not.toBeNull();
      const links = await db
        .selectFrom('record_terms as rt')
        .innerJoin('taxonomy_terms as tt', 'tt.id', 'rt.term_id')
        .select(['tt.slug', 'tt.kind'])
        .where('rt.record_id', '=', linde.id)
        .orderBy('tt.kind')
        .orderBy('tt.slug')
        .execute();
      expect(links.map((l) => `${l.kind}:${l.slug}`)).toEqual([
        'domain:wonen',
        'domain:zorg',
        'target_group:jongeren',
      ]);
      const areas = await db
        .selectFrom('record_areas as ra')
        .innerJoin('areas as a', 'a.id', 'ra.area_id')
        .select('a.code')
        .where('ra.record_id', '=', linde.id)
        .execute();
      expect(areas.map((a) => a.code)).toEqual(['BU05990110']);
      const entries = await db
        .selectFrom('search_entries')
        .select(['record_id', 'title', 'visibility', 'actor_kind'])
        .where('workspace_id', '=', ws)
        .where('record_type', '=', 'actor')
        .where(
          'record_id',
          'in',
          r.rows.map((x) => x.actorId as string),
        )
        .orderBy('title')
        .execute();
      expect(entries.map((e) => [e.title, e.visibility, e.actor_kind])).toEqual([
        ['Buurthuis De Linde', 'public', 'organisation'],
        ['Fatima El Amrani', 'private', 'person'],
        ['Voedselbank Noord', 'workspace', 'organisation'],
        ['Zorgcoöperatie Café Ü', 'workspace', 'organisation'],
      ]);
      const token = await db
        .selectFrom('search_tokens')
        .select('record_id')
        .where('workspace_id', '=', ws)
        .where('token', '=', 'zorgcooperatie')
        .executeTakeFirst();
      expect(token?.record_id).toBe(r.rows[3]?.actorId);
    });

    it('imports the English comma list', async () => {
      const res = await post({ format: 'csv', content: fixture('sociale-kaart-en.csv') });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json<ActorImportReport>();
      expect(r.delimiter).toBe('comma');
      expect(r.rows.map((x) => [x.name, x.kind, x.visibility])).toEqual([
        ['Neighbourhood Sports Club', 'organisation', 'public'],
        ['Sam de Vries', 'person', 'private'],
      ]);
    });

    it('imports an XLSX workbook (base64), row numbers as Excel shows them', async () => {
      const content = await workbook([
        [null, null],
        ['Naam', 'Organisatievorm', 'KvK', 'Wijk of buurt codes', 'Doelgroepen'],
        ['Excel Stichting', 'fonds', '01234567', 'BU05990111; WK059901', 'ouderen'],
        [null, null],
        ['Tweede Rij Bedrijf', 'bedrijf', null, null, null],
      ]);
      const dry = await post({ format: 'xlsx', content, dryRun: true });
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json<ActorImportReport>().rows.map((x) => [x.row, x.outcome])).toEqual([
        [3, 'would_create'],
        [5, 'would_create'],
      ]);
      const res = await post({ format: 'xlsx', content });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json<ActorImportReport>();
      expect(r).toMatchObject({ format: 'xlsx', delimiter: null, created: 2 });
      const row = await t()
        .ctx.db.selectFrom('actors')
        .select(['kvk_number', 'org_kind'])
        .where('id', '=', r.rows[0]?.actorId as string)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ kvk_number: '01234567', org_kind: 'fonds' });
    });
  });

  describe('bad input: every problem named, nothing imported', () => {
    it('a truncated CSV (a quote never closed)', async () => {
      const { pairs, problem } = await rejected({
        format: 'csv',
        content: 'naam;organisatievorm;omschrijving\nGoed;fonds;ok\nKapot;fonds;"begint\nen stopt',
      });
      expect(problem.code).toBe('invalid_actor_file');
      expect(pairs).toEqual([['/rows/3', 'unclosed_quote']]);
    });

    it('a file that is not UTF-8 (saved as Windows-1252, read as UTF-8 by the browser)', async () => {
      const bytes = Buffer.from('naam;organisatievorm\nGoed;fonds\nCafé Noord;fonds\n', 'latin1');
      // FileReader.readAsText and TextDecoder turn the bytes that are not UTF-8 into U+FFFD.
      const { pairs, problem } = await rejected({
        format: 'csv',
        content: new TextDecoder('utf-8').decode(bytes),
      });
      expect(pairs).toEqual([['/rows/3', 'invalid_encoding']]);
      expect(problem.errors[0]?.detail).toContain('save the file as "CSV UTF-8"');
    });

    it('unknown columns', async () => {
      const { pairs, problem } = await rejected({
        format: 'csv',
        content: 'naam;organisatievorm;Fax;Contactpersoon\nGoed;fonds;010;Piet\n',
      });
      expect(pairs).toEqual([
        ['/rows/1', 'unknown_column'],
        ['/rows/1', 'unknown_column'],
      ]);
      expect(problem.errors[0]?.detail).toContain('"Fax" (column C)');
    });

    it('bad and unknown area codes, unknown domain labels; the good rows are not imported either', async () => {
      const { pairs, problem, report } = await rejected({
        format: 'csv',
        content: [
          'naam,organisatievorm,areas,domeinen,doelgroepen',
          'Goed Eén,fonds,BU05990110,zorg,jongeren',
          'Slechte Code,fonds,BU0599,zorg,',
          'Andere Gemeente,fonds,BU03630000,,',
          'Onbekend Domein,fonds,,"zorg; ruimtevaart",marsmannetjes',
          'Goed Twee,fonds,WK059901,wonen,',
        ].join('\n'),
      });
      expect(pairs).toEqual([
        ['/rows/3', 'invalid_area_code'],
        ['/rows/4', 'unknown_area'],
        ['/rows/5', 'unknown_domain'],
        ['/rows/5', 'unknown_target_group'],
      ]);
      expect(problem.detail).toBe('Nothing was imported: 3 row(s) have errors.');
      expect(problem.errors[2]?.detail).toBe(
        'Row 5, column "domeinen": No domain "ruimtevaart" in this workspace (known: zorg, wonen, sociaal werk, veiligheid, onderwijs, werk en inkomen, armoede en schulden, jeugd, ouderen, gezondheid, openbare ruimte, cultuur, sport, taal en integratie, participatie en vrijwilligerswerk, eenzaamheid).',
      );
      expect(report.rows.map((x) => x.outcome)).toEqual([
        'would_create',
        'error',
        'error',
        'error',
        'would_create',
      ]);
    });

    it('duplicate names in the file and names that exist already', async () => {
      const { pairs } = await rejected({
        format: 'csv',
        content:
          'naam;soort;organisatievorm\nDubbel;organisatie;fonds\ndubbel;organisatie;fonds\nhet bestaande huis;organisatie;fonds\n',
      });
      expect(pairs).toEqual([
        ['/rows/3', 'duplicate_name'],
        ['/rows/4', 'already_exists'],
      ]);
    });

    it('a second import of the same list: every row exists already', async () => {
      const { pairs } = await rejected({ format: 'csv', content: fixture('sociale-kaart-en.csv') });
      expect(pairs).toEqual([
        ['/rows/2', 'already_exists'],
        ['/rows/3', 'already_exists'],
      ]);
    });

    it('content that is not an XLSX workbook, and a workbook with a bad row', async () => {
      const notXlsx = await rejected({
        format: 'xlsx',
        content: Buffer.from('naam\nA\n').toString('base64'),
      });
      expect(notXlsx.pairs).toEqual([['/content', 'invalid_xlsx']]);
      const badRow = await rejected({
        format: 'xlsx',
        content: await workbook([
          ['Naam', 'Soort', 'KvK'],
          ['Persoon Met KvK', 'persoon', '12345678'],
        ]),
      });
      expect(badRow.pairs).toEqual([['/rows/2', 'not_for_persons']]);
    });

    it('an invalid request body lists every field; over 10 MB is 413', async () => {
      const res = await post({ format: 'ods', content: '', extra: 1 });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().code).toBe('validation_failed');
      expect(res.json<Problem>().errors.length).toBeGreaterThanOrEqual(3);
      const big = await post({ format: 'csv', content: 'x'.repeat(11 * 1024 * 1024) });
      expect(big.statusCode).toBe(413);
      expect(big.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('members may not import (403)', async () => {
      const res = await post({ format: 'csv', content: fixture('sociale-kaart-en.csv') }, member);
      expect(res.statusCode).toBe(403);
    });
  });
});
