import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { readCacheFor } from '../records/read-cache.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import type { FundingDashboard } from './schema.ts';
import { fundingFixture, testInitiative, type FundingFixture } from './test-fixture.ts';

/**
 * The dashboard against numbers worked out by hand. Ten recipients (five carriers P1–P5, small
 * organisations S1–S3, a large one L1, initiative I1) get eleven flows, € 210.000 in all:
 *
 *   #  recipient  instrument          cents       period                   days  hours reports area
 *   1  P1         core_funding        1.200.000   2026-01-01..2027-12-31    730    4     1    B1
 *   2  P2         core_funding        1.200.000   2026-01-01..2027-12-31    730    4     1    B1
 *   3  P3         project_grant         300.000   2026-03-01..2026-08-31    184   10     2    B1
 *   4  P4         project_grant         300.000   2026-03-01..2026-08-31    184   10     2    B2
 *   5  P5         budget_voucher         50.000   2026-01-01..2026-12-31    365    0     0    B2
 *   6  P5         project_grant         250.000   2026-05-01..2026-05-31     31    6     1    B2
 *   7  S1         project_grant       2.000.000   2026-01-01..2026-12-31    365   40     4    B1
 *   8  S2         in_kind               100.000   2026-01-01..2026-06-30    181    0     1    B2
 *   9  S3         right_to_challenge  5.000.000   2026-01-01..2028-12-31   1096   80     6    –
 *  10  L1         procurement        10.000.000   2026-01-01..2026-12-31    365   20     2    –
 *  11  I1         project_grant         600.000   2026-09-01..2027-02-28    181   12     2    B1
 */
describeEachDialect('funding dashboard', (dialect) => {
  const t = useTestApp(dialect);
  let f: FundingFixture;
  const dashboard = async (who: FundingFixture['member'], q = '') => {
    const res = await who.inject({ method: 'GET', url: `${f.W}/funding-dashboard${q}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<FundingDashboard>();
  };

  beforeAll(async () => {
    f = await fundingFixture(t);
    const db = t().ctx.db;
    const person = (name: string) => insertTestActor(db, f.ws.id, { name });
    const org = (name: string, sizeClass: 'small' | 'large') =>
      insertTestActor(db, f.ws.id, { name, kind: 'organisation', sizeClass });
    const [p1, p2, p3, p4, p5] = await Promise.all(['P1', 'P2', 'P3', 'P4', 'P5'].map(person));
    const [s1, s2, s3] = await Promise.all(['S1', 'S2', 'S3'].map((n) => org(n, 'small')));
    const l1 = await org('L1', 'large');
    const i1 = await testInitiative(t, f.ws.id, 'I1');
    const [b1, b2] = f.areas as [string, string];
    const rows: [string, string, number, string, string, number, number, string | null][] = [
      [p1!.id, 'core_funding', 1_200_000, '2026-01-01', '2027-12-31', 4, 1, b1],
      [p2!.id, 'core_funding', 1_200_000, '2026-01-01', '2027-12-31', 4, 1, b1],
      [p3!.id, 'project_grant', 300_000, '2026-03-01', '2026-08-31', 10, 2, b1],
      [p4!.id, 'project_grant', 300_000, '2026-03-01', '2026-08-31', 10, 2, b2],
      [p5!.id, 'budget_voucher', 50_000, '2026-01-01', '2026-12-31', 0, 0, b2],
      [p5!.id, 'project_grant', 250_000, '2026-05-01', '2026-05-31', 6, 1, b2],
      [s1!.id, 'project_grant', 2_000_000, '2026-01-01', '2026-12-31', 40, 4, b1],
      [s2!.id, 'in_kind', 100_000, '2026-01-01', '2026-06-30', 0, 1, b2],
      [s3!.id, 'right_to_challenge', 5_000_000, '2026-01-01', '2028-12-31', 80, 6, null],
      [l1.id, 'procurement', 10_000_000, '2026-01-01', '2026-12-31', 20, 2, null],
      [i1, 'project_grant', 600_000, '2026-09-01', '2027-02-28', 12, 2, b1],
    ];
    // One after the other: the flows are private by default, as they are here.
    for (const [
      recipientId,
      instrument,
      amountCents,
      startDate,
      endDate,
      hours,
      reports,
      area,
    ] of rows)
      await f.flow({
        recipientType: recipientId === i1 ? 'initiative' : 'actor',
        recipientId,
        instrument,
        amountCents,
        startDate,
        endDate,
        reportingHours: hours,
        reports,
        areaIds: area ? [area] : [],
        visibility: undefined,
      });
  });

  it('computes the workspace’s figures and suppresses cells of fewer than 5 recipients', async () => {
    const d = await dashboard(f.coordinator);
    expect(d).toMatchObject({
      threshold: 5,
      areaId: null,
      suppressed: false,
      recipients: 10,
      flows: 11,
      totalCents: '21000000',
      // Carriers get 3.300.000 of 21.000.000; projects 3.450.000; core funding has 2 recipients.
      shareToCarriers: 0.157142857,
      shareProject: 0.164285714,
      shareCore: null,
      // Durations sorted: 31 181 181 184 184 [365] 365 365 730 730 1096.
      medianDurationDays: 365,
      reportingHours: 186,
      reports: 22,
      // 186 h over € 210.000 and 22 reports over 21 × € 10.000.
      hoursPer1000Euro: 0.885714285,
      reportsPer10000Euro: 1.047619047,
    });
    const instrument = Object.fromEntries(d.byInstrument.map((c) => [c.instrument, c]));
    expect(instrument.project_grant).toEqual({
      instrument: 'project_grant',
      recipients: 5,
      flows: 5,
      cents: '3450000',
      share: 0.164285714,
      // 31 181 [184] 184 365; 78 hours and 11 reports over € 34.500.
      medianDurationDays: 184,
      hoursPer1000Euro: 2.260869565,
      reportsPer10000Euro: 3.188405797,
      suppressed: false,
      reason: null,
    });
    for (const k of [
      'core_funding',
      'in_kind',
      'procurement',
      'budget_voucher',
      'right_to_challenge',
    ])
      expect(instrument[k], k).toMatchObject({
        recipients: null,
        flows: null,
        cents: null,
        share: null,
        suppressed: true,
        reason: 'primary',
      });
    const kind = Object.fromEntries(d.byRecipientKind.map((c) => [c.kind, c]));
    expect(kind.person).toMatchObject({
      recipients: 5,
      flows: 6,
      cents: '3300000',
      share: 0.157142857,
      suppressed: false,
    });
    for (const k of ['small', 'large', 'initiative'])
      expect(kind[k], k).toMatchObject({ recipients: null, cents: null, suppressed: true });
    expect(kind.alliance).toMatchObject({ recipients: 0, cents: '0', suppressed: false });
    // Nine recipients through one instrument, P5 through two: 1 is below 5, and 9 = 10 − 1 would
    // give it away; the mean (1.1) would too.
    expect(d.fragmentation).toEqual({
      meanInstruments: null,
      distribution: [
        { instruments: 1, recipients: null, suppressed: true, reason: 'secondary' },
        { instruments: 2, recipients: null, suppressed: true, reason: 'primary' },
      ],
    });
    // Aggregates over every flow, private ones included: the same for every member.
    expect(await dashboard(f.member)).toEqual(d);
  });

  it('filters on an area and its sub-areas', async () => {
    const wijk = await dashboard(f.member, `?areaId=${f.wijk}`);
    // Flows 1–8 and 11: eight recipients, € 60.000; durations 31 181 181 184 [184] 365 365 730 730.
    expect(wijk).toMatchObject({
      areaId: f.wijk,
      recipients: 8,
      flows: 9,
      totalCents: '6000000',
      shareToCarriers: 0.55,
      shareProject: 0.575,
      medianDurationDays: 184,
    });
    const b1 = await dashboard(f.member, `?areaId=${f.areas[0]}`);
    expect(b1).toMatchObject({ recipients: 5, flows: 5, totalCents: '5300000' });
    // B2 has three recipients (P4, P5, S2): nothing is shown.
    const b2 = await dashboard(f.member, `?areaId=${f.areas[1]}`);
    expect(b2).toMatchObject({
      suppressed: true,
      recipients: null,
      flows: null,
      totalCents: null,
      shareToCarriers: null,
      medianDurationDays: null,
      hoursPer1000Euro: null,
    });
    expect(b2.byInstrument.every((c) => c.suppressed)).toBe(true);
  });

  it('refuses an area of another workspace and callers from another workspace', async () => {
    const res = await f.member.inject({
      method: 'GET',
      url: `${f.W}/funding-dashboard?areaId=${f.otherAreas[0]}`,
    });
    const p = problemOf(res, 400);
    expect(p.pointers).toEqual(['/areaId']);
    expect(p.errors?.[0]).toMatchObject({ location: 'query', code: 'unknown_area' });
    const outsider = await f.outsider.inject({ method: 'GET', url: `${f.W}/funding-dashboard` });
    expect(problemOf(outsider, 404).code).toBe('not_found');
  });

  it('exports the dashboard as CSV with the same suppression', async () => {
    const res = await f.member.inject({
      method: 'GET',
      url: `${f.W}/exports/funding-dashboard.csv`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFtable;key;recipients;flows;amountCents;amountEuro;share;medianDurationDays;meanInstruments;hoursPer1000Euro;reportsPer10000Euro;suppressed',
    );
    expect(lines[1]).toBe(
      'summary;all;10;11;21000000;210000,00;;365;;0,885714285;1,047619047;false',
    );
    expect(lines).toContain(
      'instrument;project_grant;5;5;3450000;34500,00;0,164285714;184;;2,260869565;3,188405797;false',
    );
    expect(lines).toContain('instrument;core_funding;;;;;;;;;;true');
    expect(lines).toContain('recipientKind;person;5;6;3300000;33000,00;0,157142857;;;;;false');
    expect(lines).toContain('instrumentsPerRecipient;2;;;;;;;;;;true');
  });

  it('serves repeated reads from the read cache, and every flow write shows at the next read', async () => {
    const cache = readCacheFor(t().ctx.db);
    const before = await dashboard(f.member);
    const hits = cache.hits;
    expect(await dashboard(f.member)).toEqual(before);
    expect(cache.hits).toBe(hits + 1);
    const created = await f.flow({ amountCents: 1_000_000, instrument: 'core_funding' });
    const after = await dashboard(f.member);
    expect(after.flows).toBe((before.flows ?? 0) + 1);
    expect(BigInt(after.totalCents ?? '0') - BigInt(before.totalCents ?? '0')).toBe(1_000_000n);
    const removed = await f.coordinator.inject({
      method: 'DELETE',
      url: `${f.W}/funding-flows/${created.id}`,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await dashboard(f.member)).toEqual(before);
  });
});
