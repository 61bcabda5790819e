import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { BalanceAnswer } from './balance-schema.ts';
import type { AllianceDetail } from './schema.ts';
import { allianceFixture, type AllianceFixture } from './test-fixture.ts';

// The hand-worked example of analytics/balance/balance-index.test.ts, through the API: a carrier
// P, a small organisation S and a large one L with seats and votes 1, 1, 2 and contributions of
// € 100, € 100 and € 800 in one quarter.
//   representation: small share of members 2/3, of seats 2/4 → ratio 0.75 (votes alike) → 0.75
//   votes 1, 1, 2: HHI = 0.375, HHI* = 0.0625 → 0.9375
//   contributions 100, 100, 800: HHI* = 0.49 → 0.51
//   majority: L holds exactly half, not more → 1; no survey → no perceived-power part
//   index = (0.3·0.75 + 0.2·0.9375 + 0.15·0.51 + 0.2·1) / 0.85 = 0.689 / 0.85 = 0.81059
describeEachDialect('alliance balance', (dialect) => {
  const t = useTestApp(dialect);
  let f: AllianceFixture;
  let a: AllianceDetail;
  beforeAll(async () => {
    f = await allianceFixture(t);
    a = await f.alliance({ status: 'active' });
  });
  type Who = AllianceFixture['member'];
  const memberId = (actorId: string) => a.members.find((m) => m.actorId === actorId)!.id;
  const contribute = async (actorId: string, period: string, valueCents: number) => {
    const res = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/alliances/${a.id}/contributions`,
      payload: { memberId: memberId(actorId), period, kind: 'money', valueCents },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const balance = async (q = '', who: Who = f.coordinator) => {
    const res = await who.inject({ method: 'GET', url: `${f.W}/alliances/${a.id}/balance${q}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<BalanceAnswer>();
  };
  const setVotes = async (votes: number) => {
    const res = await f.coordinator.inject({
      method: 'PATCH',
      url: `${f.W}/alliances/${a.id}/members/${memberId(f.large.id)}`,
      payload: { votes },
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('computes the index and its parts as worked by hand', async () => {
    await contribute(f.carriers.member.id, '2024-Q1', 10_000);
    await contribute(f.carriers.org.id, '2024-Q1', 10_000);
    await contribute(f.large.id, '2024-Q1', 80_000);
    const b = await balance();
    expect(b).toMatchObject({
      allianceId: a.id,
      asOf: '2026-03-02',
      threshold: 0.6,
      granularity: 'quarter',
      perceivedPowerAvailable: false,
      unbalanced: false,
      reasons: [],
    });
    expect(b.index).toBeCloseTo(0.689 / 0.85, 12);
    expect(b.parts.representation.score).toBeCloseTo(0.75, 12);
    expect(b.parts.representation.memberShare).toBeCloseTo(2 / 3, 12);
    expect(b.parts.representation.seatRatio).toBeCloseTo(0.75, 12);
    expect(b.parts.voteConcentration.hhi).toBeCloseTo(0.0625, 12);
    expect(b.parts.contributionConcentration.hhi).toBeCloseTo(0.49, 12);
    expect(b.parts.contributionConcentration.totalCents).toBe(100_000);
    expect(b.parts.majority).toMatchObject({ score: 1, memberId: null, share: null });
    expect(b.parts.perceivedPower).toMatchObject({ score: null, disparity: null });
    expect(b.members.map((m) => [m.kind, m.seats, m.votes, m.contributionCents]).sort()).toEqual([
      ['large', 2, 2, 80_000],
      ['person', 1, 1, 10_000],
      ['small', 1, 1, 10_000],
    ]);
    expect(b.trend.map((p) => p.period)).toEqual(['2024-Q1']);
    expect(b.trend[0]!.index).toBeCloseTo(0.689 / 0.85, 12);
    // The detail carries the same summary.
    const detail = await f.coordinator.inject({ method: 'GET', url: `${f.W}/alliances/${a.id}` });
    expect(detail.json<AllianceDetail>().balance.index).toBeCloseTo(0.689 / 0.85, 12);
  });

  it('flags a majority holder with its reasons', async () => {
    // L gets 3 of 5 votes: majority 0.6 → 0; votes' small share 0.4 → ratio 0.6 → representation
    // 0.6; votes 1, 1, 3: HHI* 0.16 → 0.84; index = (0.18 + 0.168 + 0.0765 + 0) / 0.85.
    await setVotes(3);
    const b = await balance();
    expect(b.index).toBeCloseTo(0.4245 / 0.85, 12);
    expect(b.unbalanced).toBe(true);
    expect(b.reasons.map((r) => r.code)).toEqual(['index-below-threshold', 'single-majority']);
    expect(b.reasons[1]).toMatchObject({ memberId: memberId(f.large.id), value: 0.6, limit: 0.5 });
    expect(b.parts.majority).toMatchObject({
      score: 0,
      memberId: memberId(f.large.id),
      share: 0.6,
    });
    await setVotes(2);
    expect((await balance()).unbalanced).toBe(false);
  });

  it('gives one trend point per period, rolled up to the coarsest granularity or `per`', async () => {
    // 2024-Q2: € 50 each (a month and two quarters) → contributions evenly spread that quarter.
    await contribute(f.carriers.member.id, '2024-05', 5_000);
    await contribute(f.carriers.org.id, '2024-Q2', 5_000);
    await contribute(f.large.id, '2024-Q2', 5_000);
    const b = await balance();
    expect(b.granularity).toBe('quarter');
    expect(b.trend.map((p) => p.period)).toEqual(['2024-Q1', '2024-Q2']);
    expect(b.trend[0]!.index).toBeCloseTo(0.689 / 0.85, 12);
    expect(b.trend[1]!.parts.contributionConcentration).toMatchObject({ totalCents: 15_000 });
    expect(b.trend[1]!.parts.contributionConcentration.hhi).toBeCloseTo(0, 12);
    // (0.225 + 0.1875 + 0.15·1 + 0.2) / 0.85
    expect(b.trend[1]!.index).toBeCloseTo(0.7625 / 0.85, 12);
    const yearly = await balance('?per=year');
    expect(yearly.granularity).toBe('year');
    expect(yearly.trend.map((p) => p.period)).toEqual(['2024']);
    expect(yearly.trend[0]!.parts.contributionConcentration.totalCents).toBe(115_000);
    const monthly = await f.coordinator.inject({
      method: 'GET',
      url: `${f.W}/alliances/${a.id}/balance?per=month`,
    });
    expect(problemOf(monthly, 400).errors!.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      '/per period_too_fine',
    ]);
  });

  it('counts the members current today; only those who see the alliance get it', async () => {
    const ended = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/alliances/${a.id}/members`,
      payload: f.membership(f.carriers.member2.id, { seats: 5, votes: 5, endDate: '2025-12-31' }),
    });
    expect(ended.statusCode, ended.body).toBe(201);
    const b = await balance('', f.member);
    expect(b.members).toHaveLength(3);
    expect(b.index).not.toBeNull();
    expect(b.members.find((m) => m.kind === 'person')?.actorName).toBe('Fatima Öztürk');
    // A past member's user still sees it (with private names hidden); others do not.
    const past = await balance('', f.member2);
    expect(past.members.find((m) => m.kind === 'person')?.actorName).toBeNull();
    const hidden = await f.researcher.inject({
      method: 'GET',
      url: `${f.W}/alliances/${a.id}/balance`,
    });
    expect(problemOf(hidden, 404).code).toBe('not_found');
  });
});
