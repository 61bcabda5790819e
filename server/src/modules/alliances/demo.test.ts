import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { seedAlliances } from '../../demo/alliances.ts';
import { createRandom } from '../../demo/random.ts';
import { system } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import type { BalanceAnswer } from './balance-schema.ts';
import { factsOf, governanceErrors, memberErrors } from './checks.ts';
import { membersOf } from './repo.ts';
import type { AllianceDetail } from './schema.ts';
import { allianceFixture, allianceSnapshot, type AllianceFixture } from './test-fixture.ts';

describeEachDialect('demo alliances', (dialect) => {
  const t = useTestApp(dialect);
  let f: AllianceFixture;
  let seeded: Awaited<ReturnType<typeof seedAlliances>>;
  beforeAll(async () => {
    f = await allianceFixture(t);
    const db = t().ctx.db;
    for (const name of ['Anna Drager', 'Bilal Drager'])
      await insertTestActor(db, f.ws.id, { name, visibility: 'workspace' });
    for (const name of ['Buurthuis Klein', 'Moestuin Klein'])
      await insertTestActor(db, f.ws.id, { name, kind: 'organisation', sizeClass: 'small' });
    await insertTestActor(db, f.ws.id, {
      name: 'Fonds Groot',
      kind: 'organisation',
      sizeClass: 'large',
    });
    seeded = await seedAlliances(t().ctx, f.ws.id, createRandom(7));
  });
  const get = async <T>(url: string) => {
    const res = await f.coordinator.inject({ method: 'GET', url: `${f.W}${url}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  it('the balanced alliance is not flagged and the unbalanced one is, with a trend', async () => {
    expect(seeded.alliances).toBe(2);
    const balanced = await get<BalanceAnswer>(`/alliances/${seeded.balancedId}/balance`);
    expect(balanced.unbalanced).toBe(false);
    expect(balanced.reasons).toEqual([]);
    expect(balanced.index!).toBeGreaterThan(0.8);
    expect(balanced.trend.map((p) => p.period)).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
    ]);
    expect(balanced.trend.every((p) => !p.unbalanced)).toBe(true);
    const skewed = await get<BalanceAnswer>(`/alliances/${seeded.unbalancedId}/balance`);
    expect(skewed.unbalanced).toBe(true);
    expect(skewed.reasons.map((r) => r.code)).toContain('single-majority');
    expect(skewed.reasons.map((r) => r.code)).toContain('contributions-concentrated');
    const lead = skewed.members.find((m) => m.role === 'lead')!;
    expect(lead.kind).toBe('large');
    expect(skewed.parts.majority.memberId).toBe(lead.memberId);
    expect(lead.contributionCents * 2).toBeGreaterThan(
      skewed.parts.contributionConcentration.totalCents,
    );
    expect(skewed.trend).toHaveLength(4);
  });

  it('writes members, two charter versions and a log that obey the API’s rules', async () => {
    const db = t().ctx.db;
    for (const id of [seeded.balancedId!, seeded.unbalancedId!]) {
      const detail = await get<AllianceDetail>(`/alliances/${id}`);
      expect(detail.status).toBe('active');
      expect(detail.currentAgreement?.version).toBe(2);
      const log = await get<{ total: number }>(`/alliances/${id}/log`);
      expect(log.total).toBeGreaterThanOrEqual(2);
      const members = (await membersOf(db, f.ws.id, [id])).map(factsOf);
      expect(
        await memberErrors(
          db,
          system,
          f.ws.id,
          members,
          members.map(() => ''),
          [],
        ),
      ).toEqual([]);
      expect(governanceErrors('active', members, '2026-03-02', '/status')).toEqual([]);
      const rows = await db
        .selectFrom('alliance_contributions')
        .selectAll()
        .where('alliance_id', '=', id)
        .execute();
      expect(rows.every((r) => Number(r.value_cents) >= 0 && Number(r.quantity) >= 0)).toBe(true);
    }
  });

  it('is deterministic for the seed', async () => {
    const first = await allianceSnapshot(t);
    await t().ctx.db.deleteFrom('alliances').execute();
    await seedAlliances(t().ctx, f.ws.id, createRandom(7));
    expect(await allianceSnapshot(t)).toEqual(first);
  });
});
