import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { ObstacleDetail } from './schema.ts';
import { obstacleFixture, obstacleSnapshot, type ObstacleFixture } from './test-fixture.ts';

const MISSING = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describeEachDialect('obstacles: reporting and endorsing', (dialect) => {
  const t = useTestApp(dialect);
  let f: ObstacleFixture;
  beforeAll(async () => {
    f = await obstacleFixture(t);
  });

  it('records a named report with its links, reporter and history', async () => {
    const o = await f.report(f.member, { whatWouldHelp: 'Meerjarige basisfinanciering' });
    expect(o).toMatchObject({
      category: 'funding',
      subcategory: 'projects_only',
      status: 'reported',
      reporterKind: 'named',
      areaIds: [f.areas[0]],
      domainIds: [f.terms.domains[0]],
      endorsementCount: 0,
      ownerId: null,
      whatWouldHelp: 'Meerjarige basisfinanciering',
      createdAt: '2026-03-02T09:00:00.000Z',
      viewer: { isReporter: true, hasEndorsed: false, isOwner: false, canModerate: false },
    });
    expect(o.history).toEqual([
      expect.objectContaining({ kind: 'reported', status: 'reported', actorRole: 'reporter' }),
    ]);
    const row = await t()
      .ctx.db.selectFrom('obstacles')
      .selectAll()
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row.reporter_user_id).toBe(f.users.member.id);
    // Another member sees it, without the history (neither reporter nor endorser).
    const seen = await f.get(f.member2, o.id);
    expect(seen.history).toBeNull();
    expect(seen.viewer.isReporter).toBe(false);
  });

  it('records an anonymous report without reporter and with the day only', async () => {
    t().clock.advance(1523); // within the session's idle timeout
    const o = await f.report(f.member, { anonymous: true, title: 'Anoniem knelpunt' });
    expect(o.reporterKind).toBe('anonymous');
    expect(o.createdAt).toBe('2026-03-02T00:00:00.000Z');
    expect(o.viewer.isReporter).toBe(false);
    expect(o.history).toBeNull();
    const row = await t()
      .ctx.db.selectFrom('obstacles')
      .selectAll()
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row.reporter_user_id).toBeNull();
    expect(row.updated_at).toBe('2026-03-02T00:00:00.000Z');
    const events = await t()
      .ctx.db.selectFrom('obstacle_events')
      .selectAll()
      .where('obstacle_id', '=', o.id)
      .execute();
    expect(events.map((e) => [e.actor_user_id, e.created_at])).toEqual([
      [null, '2026-03-02T00:00:00.000Z'],
    ]);
    // Not among "mine", and the anonymous reporter cannot withdraw it.
    const mine = await f.member.inject({ method: 'GET', url: f.url('?mine=reported') });
    expect(mine.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(o.id);
    const w = await f.member.inject({ method: 'POST', url: f.url(`/${o.id}/withdrawal`) });
    expect(problemOf(w, 403).code).toBe('forbidden');
  });

  it('lists every bad field in one problem and writes nothing', async () => {
    const before = await obstacleSnapshot(t);
    const res = await f.member.inject({
      method: 'POST',
      url: f.url(),
      payload: f.base({
        subcategory: 'attitude',
        areaIds: [f.otherAreas[0]],
        domainIds: [f.terms.groups[0], MISSING],
        initiativeId: MISSING,
      }),
    });
    const p = problemOf(res, 400);
    expect(p.code).toBe('validation_failed');
    expect(p.pointers).toEqual([
      '/areaIds/0',
      '/domainIds/0',
      '/domainIds/1',
      '/initiativeId',
      '/subcategory',
    ]);
    const shape = await f.member.inject({
      method: 'POST',
      url: f.url(),
      payload: { ...f.base({ category: 'weather', description: '   ' }), anonymous: 'yes' },
    });
    const q = problemOf(shape, 400);
    expect(q.pointers).toEqual(expect.arrayContaining(['/category', '/description', '/anonymous']));
    expect(await obstacleSnapshot(t)).toEqual(before);
  });

  it('stores HTML and script as text', async () => {
    const o = await f.report(f.member, { title: '<script>alert(1)</script> & <b>vet</b>' });
    expect((await f.get(f.member2, o.id)).title).toBe('<script>alert(1)</script> & <b>vet</b>');
  });

  it('takes one endorsement per person, with optional context, and not for one’s own', async () => {
    const o = await f.report(f.member);
    const url = f.url(`/${o.id}/endorsements`);
    const first = await f.member2.inject({
      method: 'POST',
      url,
      payload: { context: 'Bij ons ook, al drie jaar' },
    });
    expect(first.statusCode, first.body).toBe(201);
    const d = first.json<ObstacleDetail>();
    expect(d.endorsementCount).toBe(1);
    expect(d.endorsements).toEqual([
      {
        id: expect.any(String),
        context: 'Bij ons ook, al drie jaar',
        createdAt: '2026-03-02',
        mine: true,
      },
    ]);
    expect(d.viewer.hasEndorsed).toBe(true);
    expect(d.history).not.toBeNull();
    const before = await obstacleSnapshot(t);
    expect(problemOf(await f.member2.inject({ method: 'POST', url, payload: {} }), 409).code).toBe(
      'already_endorsed',
    );
    expect(problemOf(await f.member.inject({ method: 'POST', url, payload: {} }), 409).code).toBe(
      'own_report',
    );
    expect(await obstacleSnapshot(t)).toEqual(before);
    const r = await f.researcher.inject({ method: 'POST', url, payload: {} });
    expect(r.statusCode, r.body).toBe(201);
    // Other readers see the contexts without knowing whose they are.
    const seen = await f.get(f.coordinator, o.id);
    expect(seen.endorsementCount).toBe(2);
    expect(seen.endorsements.every((e) => !e.mine)).toBe(true);
    expect(JSON.stringify(seen)).not.toContain(f.users.member2.id);
  });

  it('lets the named reporter withdraw an open report, once', async () => {
    const o = await f.report(f.member);
    const other = await f.member2.inject({ method: 'POST', url: f.url(`/${o.id}/withdrawal`) });
    expect(problemOf(other, 403).code).toBe('forbidden');
    const res = await f.member.inject({ method: 'POST', url: f.url(`/${o.id}/withdrawal`) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ObstacleDetail>().status).toBe('withdrawn');
    const again = await f.member.inject({ method: 'POST', url: f.url(`/${o.id}/withdrawal`) });
    expect(problemOf(again, 409).code).toBe('obstacle_closed');
    const endorse = await f.member2.inject({
      method: 'POST',
      url: f.url(`/${o.id}/endorsements`),
      payload: {},
    });
    expect(problemOf(endorse, 409).code).toBe('obstacle_closed');
  });

  it('lists by filter and keeps other workspaces out', async () => {
    const o = await f.report(f.member2, { category: 'competition', subcategory: null });
    const list = await f.member.inject({ method: 'GET', url: f.url('?category=competition') });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([o.id]);
    const mine = await f.member2.inject({ method: 'GET', url: f.url('?mine=endorsed') });
    expect(mine.json<{ total: number }>().total).toBe(1);
    const outside = await f.outsider.inject({ method: 'GET', url: f.url(`/${o.id}`) });
    expect(problemOf(outside, 404).code).toBe('not_found');
    const missing = await f.member.inject({ method: 'GET', url: f.url(`/${MISSING}`) });
    expect(problemOf(missing, 404).code).toBe('not_found');
  });

  it('limits anonymous reports per account in memory (429), storing nothing', async () => {
    const before = await t().ctx.db.selectFrom('rate_limits').selectAll().execute();
    let last = 0;
    for (let i = 0; i < 6; i++) {
      const res = await f.member2.inject({
        method: 'POST',
        url: f.url(),
        payload: f.base({ anonymous: true, title: `Anoniem ${i}` }),
      });
      last = res.statusCode;
      if (i < 5) expect(res.statusCode, res.body).toBe(201);
    }
    expect(last).toBe(429);
    // Named reports are not limited by it; nothing about it reaches the database.
    await f.report(f.member2);
    expect(await t().ctx.db.selectFrom('rate_limits').selectAll().execute()).toEqual(before);
    // The window ends (sessions stay alive through a request every 25 minutes).
    for (const s of [1500, 1500, 700]) {
      t().clock.advance(s);
      await f.member2.inject({ method: 'GET', url: f.url() });
    }
    await f.report(f.member2, { anonymous: true });
  });
});
