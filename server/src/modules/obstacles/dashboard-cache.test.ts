import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { newId } from '../../auth/crypto.ts';
import { readCacheFor } from '../records/read-cache.ts';
import type { Dashboard } from './dashboard.ts';
import { bumpObstacleVersion } from './insight-repo.ts';
import { insertObstacle } from './repo.ts';
import { obstacleFixture, type ObstacleFixture } from './test-fixture.ts';

// The cached dashboard (dashboard-cache.ts): served from the read cache until the next obstacle
// write, which raises the workspace's version in its transaction.

describeEachDialect('obstacles: cached dashboard', (dialect) => {
  const t = useTestApp(dialect);
  let f: ObstacleFixture;
  beforeAll(async () => {
    f = await obstacleFixture(t);
    for (let i = 0; i < 5; i++) await f.report(f.member, { title: `Knelpunt ${i}` });
  });
  const dashboard = async (who = f.member, query = '?year=2026') => {
    const res = await who.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${f.slug}/obstacle-dashboard${query}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res.json<Dashboard>();
  };
  const cache = () => readCacheFor(t().ctx.db);

  it('answers from the cache until a write, also one made by another process', async () => {
    expect((await dashboard()).total).toBe(5);
    const hits = cache().hits;
    expect((await dashboard()).total).toBe(5);
    expect(cache().hits).toBe(hits + 1);
    // A row written behind the register's back, without a version bump: the cache still answers.
    const now = t().clock.now().toISOString();
    await insertObstacle(t().ctx.db, {
      id: newId(),
      workspace_id: f.ws.id,
      category: 'policy',
      subcategory: null,
      severity: 'low',
      title: 'Rechtstreeks geschreven',
      description: 'Buiten de service om.',
      what_would_help: null,
      initiative_id: null,
      reporter_kind: 'anonymous',
      reporter_user_id: null,
      status: 'reported',
      owner_id: null,
      due_date: null,
      merged_into_id: null,
      hidden_at: null,
      hidden_reason: null,
      first_response_at: null,
      resolved_at: null,
      created_at: now,
      updated_at: now,
    });
    expect((await dashboard()).total).toBe(5);
    // Another server process's write raises the version in the database: this one misses.
    await bumpObstacleVersion(t().ctx.db, f.ws.id);
    expect((await dashboard()).total).toBe(6);
  });

  it('shows a new obstacle, an endorsement, a response and a hidden obstacle at once', async () => {
    const before = await dashboard();
    const o = await f.report(f.member2, { title: 'Nieuw knelpunt' });
    const after = await dashboard();
    expect(after.total).toBe((before.total ?? 0) + 1);
    const funding = (d: Dashboard) => d.byCategory.find((c) => c.key === 'funding');
    const endorse = await f.member.inject({
      method: 'POST',
      url: f.url(`/${o.id}/endorsements`),
      payload: {},
    });
    expect(endorse.statusCode, endorse.body).toBe(201);
    expect(funding(await dashboard())?.endorsements).toBe((funding(after)?.endorsements ?? 0) + 1);
    for (let i = 0; i < 5; i++) {
      const r = await f.report(f.member, { title: `Voor eigenaar ${i}` });
      expect((await f.assign(r.id)).statusCode).toBe(200);
      expect((await f.respond(f.officer, r.id, { status: 'acknowledged' })).statusCode).toBe(201);
    }
    const routed = await dashboard();
    expect(routed.byStatus.find((c) => c.key === 'acknowledged')?.count).toBe(5);
    expect(routed.byOwner).toEqual([
      expect.objectContaining({ label: 'Afdeling Subsidies', count: 5 }),
    ]);
    const hide = await f.coordinator.inject({
      method: 'PUT',
      url: f.url(`/${o.id}/moderation`),
      payload: { hidden: true, reason: 'test' },
    });
    expect(hide.statusCode, hide.body).toBe(200);
    expect((await dashboard()).total).toBe((routed.total ?? 0) - 1);
  });

  it('keeps the year apart, is the same for every reader and checks membership first', async () => {
    const all = await dashboard(f.member, '');
    expect((await dashboard(f.member, '?year=2025')).total).toBeNull();
    expect(all.total).toBe((await dashboard()).total);
    expect(await dashboard(f.officer, '')).toEqual(all);
    expect(await dashboard(f.coordinator, '')).toEqual(all);
    const outsider = await f.outsider.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${f.slug}/obstacle-dashboard`,
    });
    expect(outsider.statusCode).toBe(404);
  });
});
