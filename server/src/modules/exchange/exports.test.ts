import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { nowIso } from '../../context.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import { BOM, parseCsv } from './csv.ts';
import { actorColumns, activityColumns } from './csv-export.ts';
import type { HsdsPage } from './hsds.ts';
import { HAVE_HSDS_DATA, validateHsds } from './testing/hsds-validator.ts';
import { addActivity, addActor, seedAreas, termIds } from './testing/records.ts';

/** CSV body → objects by header (and the raw text). */
function table(body: string) {
  expect(body.startsWith(BOM)).toBe(true);
  const parsed = parseCsv(body);
  expect(parsed.issues).toEqual([]);
  const [header, ...rows] = parsed.records.map((r) => r.cells);
  return {
    header,
    rows: rows.map((cells) =>
      Object.fromEntries((header ?? []).map((h, i) => [h, cells[i] ?? ''])),
    ),
  };
}

describeEachDialect('exports: HSDS and CSV', (dialect) => {
  const t = useTestApp(dialect);
  let slug = '';
  const as: Record<string, Browser> = {};
  let outsider: Browser;

  beforeAll(async () => {
    const ctx = t().ctx;
    const a = await seedWorkspace(ctx);
    const b = await seedWorkspace(ctx, ['admin']);
    slug = a.ws.slug;
    for (const [role, user] of Object.entries(a.users)) {
      as[role] = new Browser(t().app);
      await as[role].login(user.email);
    }
    outsider = new Browser(t().app);
    await outsider.login(b.users.admin?.email ?? '');

    const areas = await seedAreas(ctx, a.ws.id);
    const buurt = areas.get('BU05990110') as string;
    const wijk = areas.get('WK059901') as string;
    const [zorg] = await termIds(ctx, a.ws.id, 'domain', 'zorg');
    const [jongeren] = await termIds(ctx, a.ws.id, 'target_group', 'jongeren');
    const ws = a.ws.id;
    const linde = await addActor(
      ctx,
      ws,
      {
        kind: 'organisation',
        name: 'Buurthuis De Linde',
        visibility: 'public',
        bio: 'Huiskamer van de wijk',
        website: 'https://delinde.example.org',
        kvk_number: '12345678',
        email: 'info@delinde.example.org',
        phone: '010-1234567',
      },
      { areaIds: [wijk], termIds: [zorg as string] },
    );
    await addActor(ctx, ws, { kind: 'organisation', name: 'Anker Fonds', visibility: 'public' });
    const wsOrg = await addActor(ctx, ws, {
      kind: 'organisation',
      name: 'Stichting Werkruimte',
      visibility: 'workspace',
      email: 'post@werkruimte.example.org',
    });
    await addActor(ctx, ws, {
      kind: 'organisation',
      name: '=HYPERLINK("x")',
      visibility: 'workspace',
    });
    const secret = await addActor(ctx, ws, {
      kind: 'organisation',
      name: 'Geheime Stichting',
      visibility: 'private',
    });
    const fatima = await addActor(ctx, ws, {
      kind: 'person',
      name: 'Fatima Publiek',
      visibility: 'public',
      email: 'fatima@example.org',
      phone: '06-12345678',
    });
    const jan = await addActor(ctx, ws, {
      kind: 'person',
      name: 'Jan Werkruimte',
      visibility: 'workspace',
      carries: 'Loopt elke avond een ronde',
      email: 'jan@example.org',
    });
    const piet = await addActor(ctx, ws, {
      kind: 'person',
      name: 'Piet Privé',
      visibility: 'private',
      email: 'piet@example.org',
    });
    await addActivity(
      ctx,
      linde,
      { title: 'Inloopochtend', start_date: '2025-01-01', hours_per_week: 2.5 },
      { areaIds: [buurt], termIds: [zorg as string, jongeren as string] },
    );
    await addActivity(ctx, linde, {
      title: 'Zomerschool',
      start_date: '2025-07-01',
      end_date: '2025-08-31',
    });
    const now = nowIso(ctx);
    const initiativeId = newId();
    await ctx.db
      .insertInto('initiatives')
      .values({
        id: initiativeId,
        workspace_id: ws,
        name: 'Geheim Initiatief',
        description: null,
        status: 'active',
        start_date: null,
        end_date: null,
        visibility: 'private',
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await addActivity(ctx, wsOrg, {
      title: 'Werkruimte-activiteit',
      start_date: '2027-01-01',
      initiative_id: initiativeId,
    });
    await addActivity(ctx, fatima, { title: 'Kookclub', start_date: '2025-01-01' });
    await addActivity(ctx, piet, { title: 'Geheime activiteit', start_date: '2025-01-01' });
    for (const org of [linde, secret])
      await ctx.db
        .insertInto('affiliations')
        .values({
          id: newId(),
          workspace_id: ws,
          person_id: jan.id,
          organisation_id: org.id,
          role: 'vrijwilliger',
          start_date: null,
          end_date: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    // Another workspace's public organisation never shows.
    await addActor(ctx, b.ws.id, { kind: 'organisation', name: 'Elders', visibility: 'public' });
  });

  const get = (who: Browser, path: string) =>
    who.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}/exports/${path}` });

  describe('GET exports/hsds', () => {
    it('is HSDS 3.0 of the public organisations only, with their services and locations', async () => {
      for (const who of ['member', 'coordinator']) {
        const res = await get(as[who] as Browser, 'hsds');
        expect(res.statusCode, res.body).toBe(200);
        const doc = res.json<HsdsPage>();
        expect(doc.contents.map((o) => o.name)).toEqual(['Anker Fonds', 'Buurthuis De Linde']);
        expect(doc).toMatchObject({ total_items: 2, page_number: 1, size: 2, last_page: true });
        const linde = doc.contents[1];
        expect(linde?.services.map((s) => [s.name, s.status])).toEqual([
          ['Inloopochtend', 'active'],
          ['Zomerschool', 'inactive'],
        ]);
        expect(linde?.locations.map((l) => l.external_identifier)).toEqual([
          'BU05990110',
          'WK059901',
        ]);
        expect(linde?.services[0]?.attributes.map((x) => x.taxonomy_term.code)).toEqual([
          'zorg',
          'jongeren',
        ]);
        for (const hidden of [
          'Stichting Werkruimte',
          'Geheim',
          'Fatima',
          'Kookclub',
          'Piet',
          'Elders',
          '@',
        ])
          expect(res.body).not.toContain(hidden);
        if (HAVE_HSDS_DATA) expect(validateHsds(doc)).toEqual([]);
      }
    });

    it('pages with page/pageSize and a Link header', async () => {
      const res = await get(as.member as Browser, 'hsds?page=2&pageSize=1');
      expect(res.statusCode).toBe(200);
      const doc = res.json<HsdsPage>();
      expect(doc).toMatchObject({
        total_items: 2,
        total_pages: 2,
        page_number: 2,
        size: 1,
        first_page: false,
        last_page: true,
      });
      expect(doc.contents.map((o) => o.name)).toEqual(['Buurthuis De Linde']);
      expect(res.headers.link).toContain('rel="prev"');
      if (HAVE_HSDS_DATA) expect(validateHsds(doc)).toEqual([]);
    });

    it('another workspace answers 404', async () => {
      expect((await get(outsider, 'hsds')).statusCode).toBe(404);
    });
  });

  describe('GET exports/actors.csv', () => {
    it('researchers get workspace and public records, no private ones and no contact details', async () => {
      const res = await get(as.researcher as Browser, 'actors.csv');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="wijkdragers-${slug}-actors-2026-03-02\\.csv"$`),
      );
      expect(res.body.split('\r\n')[0]).toBe(`${BOM}${actorColumns.join(';')}`);
      const { rows } = table(res.body);
      // Collations differ in where "=" sorts: compare as sets; organisations come first.
      expect(rows.map((r) => r.name).sort()).toEqual(
        [
          '\'=HYPERLINK("x")',
          'Anker Fonds',
          'Buurthuis De Linde',
          'Stichting Werkruimte',
          'Fatima Publiek',
          'Jan Werkruimte',
        ].sort(),
      );
      expect(rows.map((r) => r.kind)).toEqual([
        ...Array(4).fill('organisation'),
        'person',
        'person',
      ]);
      const linde = rows.find((r) => r.name === 'Buurthuis De Linde');
      expect(linde).toMatchObject({
        kind: 'organisation',
        website: 'https://delinde.example.org',
        kvkNumber: '12345678',
        email: '',
        phone: '',
        areaCodes: 'WK059901',
        domains: 'zorg',
        visibility: 'public',
      });
      expect(rows.find((r) => r.name === 'Jan Werkruimte')).toMatchObject({
        carries: 'Loopt elke avond een ronde',
        organisations: 'Buurthuis De Linde',
      });
      expect(res.body).not.toMatch(/Geheim|Piet|@/);
    });

    it("coordinators also get private records and organisations' email and phone, never persons'", async () => {
      const res = await get(as.coordinator as Browser, 'actors.csv?delimiter=comma');
      expect(res.statusCode).toBe(200);
      expect(res.body.split('\r\n')[0]).toBe(`${BOM}${actorColumns.join(',')}`);
      const { rows } = table(res.body);
      expect(rows.map((r) => r.name)).toContain('Piet Privé');
      expect(rows.map((r) => r.name)).toContain('Geheime Stichting');
      expect(rows.find((r) => r.name === 'Buurthuis De Linde')).toMatchObject({
        email: 'info@delinde.example.org',
        phone: '010-1234567',
      });
      expect(rows.find((r) => r.name === 'Jan Werkruimte')?.organisations).toBe(
        'Buurthuis De Linde; Geheime Stichting',
      );
      for (const p of rows.filter((r) => r.kind === 'person')) {
        expect(p.email).toBe('');
        expect(p.phone).toBe('');
      }
      expect(res.body).not.toMatch(/fatima@|jan@|piet@|06-1234/);
    });

    it('members may not export (403); other workspaces answer 404; bad options 400', async () => {
      expect((await get(as.member as Browser, 'actors.csv')).statusCode).toBe(403);
      expect((await get(outsider, 'actors.csv')).statusCode).toBe(404);
      const bad = await get(as.admin as Browser, 'actors.csv?delimiter=tab');
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ errors: { pointer: string }[] }>().errors[0]?.pointer).toBe('/delimiter');
    });
  });

  describe('GET exports/activities.csv', () => {
    it('lists the activities of actors the caller may see, with codes and labels', async () => {
      const res = await get(as.policy_officer as Browser, 'activities.csv');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toContain('-activities-2026-03-02.csv"');
      expect(res.body.split('\r\n')[0]).toBe(`${BOM}${activityColumns.join(';')}`);
      const { rows } = table(res.body);
      expect(rows.map((r) => [r.title, r.status])).toEqual([
        ['Inloopochtend', 'active'],
        ['Kookclub', 'active'],
        ['Zomerschool', 'ended'],
        ['Werkruimte-activiteit', 'planned'],
      ]);
      expect(rows[0]).toMatchObject({
        actorName: 'Buurthuis De Linde',
        actorKind: 'organisation',
        areaCodes: 'BU05990110',
        domains: 'zorg',
        targetGroups: 'jongeren',
        hoursPerWeek: '2,5',
        visibility: 'public',
      });
      // The private initiative behind an activity stays hidden.
      expect(rows[3]).toMatchObject({ initiativeId: '', initiativeName: '' });
      expect(res.body).not.toMatch(/Geheim/);
    });

    it("coordinators see private actors' activities and private initiatives", async () => {
      const res = await get(as.coordinator as Browser, 'activities.csv?delimiter=comma');
      const { rows } = table(res.body);
      expect(rows.map((r) => r.title)).toContain('Geheime activiteit');
      expect(rows.find((r) => r.title === 'Werkruimte-activiteit')?.initiativeName).toBe(
        'Geheim Initiatief',
      );
      expect(rows.find((r) => r.title === 'Inloopochtend')?.hoursPerWeek).toBe('2.5');
    });
  });
});
