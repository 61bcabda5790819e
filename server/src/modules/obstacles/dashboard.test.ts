import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { buildDashboard, median, type DashboardRow } from './dashboard.ts';
import { csvCell, escapeHtml } from './report.ts';
import { obstacleFixture, type ObstacleFixture } from './test-fixture.ts';

const row = (extra: Partial<DashboardRow> = {}): DashboardRow => ({
  category: 'funding',
  status: 'reported',
  ownerId: null,
  areaIds: ['a1'],
  domainIds: [],
  endorsements: 1,
  createdAt: '2026-03-02T00:00:00.000Z',
  firstResponseAt: null,
  resolvedAt: null,
  ...extra,
});
const labels = {
  area: (k: string) => `Buurt ${k}`,
  domain: (k: string) => k,
  owner: (k: string) => k,
};

describe('dashboard suppression', () => {
  it('suppresses every cell under 5, with its endorsements, and shows 5 and more', () => {
    const rows = [
      ...Array.from({ length: 5 }, () => row()),
      ...Array.from({ length: 4 }, () => row({ category: 'policy', areaIds: ['a2'] })),
    ];
    const d = buildDashboard(rows, labels);
    expect(d.total).toBe(9);
    expect(d.byCategory).toEqual([
      { key: 'funding', label: 'funding', count: 5, endorsements: 5, suppressed: false },
      { key: 'policy', label: 'policy', count: null, endorsements: null, suppressed: true },
    ]);
    expect(d.byArea.map((c) => [c.label, c.count])).toEqual([
      ['Buurt a1', 5],
      ['Buurt a2', null],
    ]);
    expect(d.trend).toEqual({
      by: 'category',
      period: 'month',
      cells: [
        expect.objectContaining({ period: '2026-03', key: 'funding', count: 5 }),
        expect.objectContaining({
          period: '2026-03',
          key: 'policy',
          count: null,
          endorsements: null,
          suppressed: true,
        }),
      ],
    });
    const small = buildDashboard(rows.slice(0, 4), labels);
    expect(small).toMatchObject({ total: null, totalSuppressed: true });
    // No suppressed number survives anywhere in the answer.
    expect(JSON.stringify(buildDashboard(rows.slice(5), labels))).not.toMatch(/:4\b/);
  });

  it('trends by any dimension per month or quarter, suppressing each cell under 5', () => {
    const at = (month: string, extra: Partial<DashboardRow> = {}) =>
      row({ createdAt: `2026-${month}-10T09:00:00.000Z`, ...extra });
    const rows = [
      ...['01', '02', '03', '03', '03'].map((m) => at(m, { areaIds: ['a1', 'a2'] })),
      ...['04', '05', '06'].map((m) => at(m, { areaIds: ['a2'], ownerId: 'o1' })),
    ];
    const quarters = buildDashboard(rows, labels, { by: 'area', period: 'quarter' }).trend;
    expect(quarters.cells.map((c) => [c.period, c.label, c.count])).toEqual([
      ['2026-K1', 'Buurt a1', 5],
      ['2026-K1', 'Buurt a2', 5],
      ['2026-K2', 'Buurt a2', null],
    ]);
    const months = buildDashboard(rows, labels, { by: 'area', period: 'month' }).trend;
    expect(months.cells.every((c) => c.count === null && c.suppressed)).toBe(true);
    expect(new Set(months.cells.map((c) => c.period)).size).toBe(6);
    const owners = buildDashboard(rows, labels, { by: 'owner', period: 'quarter' }).trend;
    // Obstacles without an owner are in no owner's cell.
    expect(owners.cells.map((c) => [c.period, c.key, c.count])).toEqual([['2026-K2', 'o1', null]]);
    const statuses = buildDashboard(rows, labels, { by: 'status', period: 'quarter' }).trend;
    expect(statuses.cells.map((c) => [c.period, c.key, c.count])).toEqual([
      ['2026-K1', 'reported', 5],
      ['2026-K2', 'reported', null],
    ]);
  });

  it('suppresses medians over fewer than 5 obstacles', () => {
    const answered = (days: number) =>
      row({ firstResponseAt: new Date(Date.parse('2026-03-02') + days * 86400000).toISOString() });
    const four = buildDashboard([1, 2, 3, 4].map(answered), labels);
    expect(four.timeToFirstResponse).toEqual({ medianDays: null, n: null, suppressed: true });
    const five = buildDashboard([1, 2, 3, 4, 10].map(answered), labels);
    expect(five.timeToFirstResponse).toEqual({ medianDays: 3, n: 5, suppressed: false });
    expect(median([1, 2, 3, 4])).toBe(2.5);
  });

  it('escapes HTML and defuses spreadsheet formulas', () => {
    expect(escapeHtml('<script>"x" & \'y\'</script>')).toBe(
      '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;',
    );
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('a;b')).toBe('"a;b"');
  });
});

describeEachDialect('obstacles: dashboard and yearly report', (dialect) => {
  const t = useTestApp(dialect);
  let f: ObstacleFixture;
  beforeAll(async () => {
    f = await obstacleFixture(t);
    for (let i = 0; i < 6; i++) {
      const o = await f.report(f.member, { title: `Knelpunt ${i} <b>vet</b>` });
      if (i < 5) {
        await f.assign(o.id);
        t().clock.advance(120);
        await f.respond(f.officer, o.id, { status: 'acknowledged' });
      }
    }
    await f.report(f.member2, { category: 'policy', subcategory: null, anonymous: true });
  });
  const W = () => `/api/v1/workspaces/${f.slug}`;

  it('counts by category, status, area, domain and owner, suppressing small cells', async () => {
    const res = await f.member.inject({
      method: 'GET',
      url: `${W()}/obstacle-dashboard?year=2026`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<ReturnType<typeof buildDashboard>>();
    expect(d.total).toBe(7);
    expect(d.byCategory.map((c) => [c.key, c.count])).toEqual([
      ['funding', 6],
      ['policy', null],
    ]);
    expect(d.byStatus.map((c) => [c.key, c.count])).toEqual([
      ['acknowledged', 5],
      ['reported', null],
    ]);
    expect(d.byOwner).toEqual([expect.objectContaining({ label: 'Afdeling Subsidies', count: 5 })]);
    expect(d.byArea[0]).toMatchObject({ label: 'Oude Westen', count: 7 });
    expect(d.timeToFirstResponse.suppressed).toBe(false);
    expect(d.timeToResolution).toEqual({ medianDays: null, n: null, suppressed: true });
    const empty = await f.member.inject({
      method: 'GET',
      url: `${W()}/obstacle-dashboard?year=2020`,
    });
    expect(empty.json<{ total: number | null }>().total).toBeNull();
  });

  it('answers the trend by the dimension and period asked, and refuses unknown ones', async () => {
    const res = await f.member.inject({
      method: 'GET',
      url: `${W()}/obstacle-dashboard?year=2026&trendBy=owner&period=quarter`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { trend } = res.json<ReturnType<typeof buildDashboard>>();
    expect(trend.by).toBe('owner');
    expect(trend.period).toBe('quarter');
    expect(trend.cells).toEqual([
      expect.objectContaining({
        label: 'Afdeling Subsidies',
        count: 5,
        period: expect.stringMatching(/^2026-K[1-4]$/),
      }),
    ]);
    const bad = await f.member.inject({
      method: 'GET',
      url: `${W()}/obstacle-dashboard?trendBy=reporter&period=week`,
    });
    expect(bad.statusCode).toBe(400);
    const pointers = bad.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer);
    expect(pointers.sort()).toEqual(['/period', '/trendBy']);
  });

  it('renders the yearly report as escaped Dutch HTML and as CSV', async () => {
    const html = await f.member.inject({ method: 'GET', url: `${W()}/obstacle-reports/2026` });
    expect(html.statusCode, html.body).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-disposition']).toBe(
      'attachment; filename="systeemleren-2026.html"',
    );
    expect(html.body).toContain('<html lang="nl">');
    expect(html.body).toContain('Systeemleren 2026');
    expect(html.body).toContain('Knelpunt 0 &lt;b&gt;vet&lt;/b&gt;');
    expect(html.body).not.toContain('<b>vet</b>');
    const csv = await f.member.inject({
      method: 'GET',
      url: `${W()}/obstacle-reports/2026?format=csv`,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^id;soort;subsoort;ernst;titel;status/);
    expect(lines).toHaveLength(8);
    const bad = await f.member.inject({ method: 'GET', url: `${W()}/obstacle-reports/20x6` });
    expect(bad.statusCode).toBe(400);
  });
});
