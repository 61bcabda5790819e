import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { createRandom } from '../../demo/random.ts';
import { seedSurveys } from '../../demo/surveys.ts';
import { insertTestActor } from '../activities/test-support.ts';
import type { Network } from '../network/schema.ts';
import type { Round } from './schema.ts';
import { surveyFixture, surveySnapshot, type SurveyFixture } from './test-fixture.ts';

describeEachDialect('demo survey rounds', (dialect) => {
  const t = useTestApp(dialect);
  let f: SurveyFixture;
  beforeAll(async () => {
    f = await surveyFixture(t);
    for (let i = 0; i < 10; i++)
      await insertTestActor(t().ctx.db, f.ws.id, {
        name: `Demo-organisatie ${i}`,
        kind: 'organisation',
        visibility: 'workspace',
      });
  });

  it('writes two closed rounds a year apart whose networks show change', async () => {
    const { rounds, ties } = await seedSurveys(t().ctx, f.ws.id, createRandom(11));
    expect(rounds).toBe(2);
    expect(ties).toBeGreaterThan(20);
    const list = await f.coordinator.inject({ method: 'GET', url: `${f.W}/survey-rounds` });
    const items = list
      .json<{ items: Round[] }>()
      .items.sort((a, b) => a.opensOn.localeCompare(b.opensOn));
    expect(items.map((r) => [r.status, r.snapshotOn])).toEqual([
      ['closed', '2025-03-31'],
      ['closed', '2026-03-31'],
    ]);
    for (const r of items) expect(r.responseRate).toBeGreaterThan(0.5);
    const net = async (id: string) => {
      const res = await f.coordinator.inject({ method: 'GET', url: `${f.W}/network?round=${id}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Network>();
    };
    const [before, after] = [await net(items[0]!.id), await net(items[1]!.id)];
    expect(after.edges.length).toBeGreaterThan(before.edges.length);
    expect(after.network.trust!).toBeGreaterThan(before.network.trust!);
    expect(after.network.value!).toBeGreaterThan(before.network.value!);
    // The comparison of the two rounds shows the change.
    const cmp = await f.coordinator.inject({
      method: 'GET',
      url: `${f.W}/network/comparison?fromRound=${items[0]!.id}&toRound=${items[1]!.id}`,
    });
    expect(cmp.statusCode, cmp.body).toBe(200);
    const c = cmp.json<{
      from: string;
      to: string;
      network: Record<string, { before: number | null; after: number | null }>;
    }>();
    expect([c.from, c.to]).toEqual(['2025-03-31', '2026-03-31']);
    expect(c.network.trust).toMatchObject({
      before: before.network.trust,
      after: after.network.trust,
    });
    const half = await f.coordinator.inject({
      method: 'GET',
      url: `${f.W}/network/comparison?fromRound=${items[0]!.id}`,
    });
    expect(half.statusCode).toBe(400);
    const stored = await t()
      .ctx.db.selectFrom('ties')
      .select(['source', 'survey_round_id', 'start_date', 'end_date'])
      .where('workspace_id', '=', f.ws.id)
      .execute();
    expect(stored).toHaveLength(ties);
    for (const s of stored) {
      expect(s.source).toBe('survey');
      expect(s.start_date).toBe(s.end_date);
    }
  });

  it('is deterministic for the seed', async () => {
    const db = t().ctx.db;
    const first = await surveySnapshot(t);
    await db.deleteFrom('ties').execute();
    await db.deleteFrom('survey_rounds').execute();
    await seedSurveys(t().ctx, f.ws.id, createRandom(11));
    expect(await surveySnapshot(t)).toEqual(first);
  });
});
