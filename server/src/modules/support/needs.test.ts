import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { Need } from './schema.ts';
import { supportFixture, supportSnapshot, type SupportFixture } from './test-fixture.ts';

const MISSING = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describeEachDialect('support needs', (dialect) => {
  const t = useTestApp(dialect);
  let f: SupportFixture;
  beforeAll(async () => {
    f = await supportFixture(t);
  });
  const ids = (res: { json: <T>() => T }) =>
    res.json<{ items: { id: string }[] }>().items.map((i) => i.id);

  it('a carrier asks for themselves; the need is private to them and coordinators', async () => {
    const n = await f.need(f.member, { targetGroupIds: [f.terms.groups[0]] });
    expect(n).toMatchObject({
      requesterId: f.carriers.member.id,
      requesterName: 'Fatima Öztürk',
      requesterKind: 'person',
      type: 'coaching',
      unit: 'hours',
      amountPerMonth: 5,
      startDate: '2026-04-01',
      endDate: '2026-12-31',
      urgency: 'high',
      areaId: f.areas[0],
      domainIds: [f.terms.domains[0]],
      targetGroupIds: [f.terms.groups[0]],
      status: 'open',
      visibility: 'private',
      canEdit: true,
    });
    const url = `${f.W}/support-needs/${n.id}`;
    expect(problemOf(await f.member2.inject({ method: 'GET', url }), 404).code).toBe('not_found');
    expect((await f.coordinator.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect(problemOf(await f.outsider.inject({ method: 'GET', url }), 404).code).toBe('not_found');
    const list = `${f.W}/support-needs`;
    expect(ids(await f.member.inject({ method: 'GET', url: `${list}?mine=true` }))).toEqual([n.id]);
    expect(ids(await f.member2.inject({ method: 'GET', url: list }))).not.toContain(n.id);
    expect(
      ids(await f.coordinator.inject({ method: 'GET', url: `${list}?urgency=high` })),
    ).toContain(n.id);
  });

  it('refuses needs for someone else’s record, and writes nothing', async () => {
    const before = await supportSnapshot(t);
    const res = await f.member.inject({
      method: 'POST',
      url: `${f.W}/support-needs`,
      payload: f.needBody({ requesterId: f.carriers.member2.id }),
    });
    expect(problemOf(res, 403).code).toBe('forbidden');
    expect(await supportSnapshot(t)).toEqual(before);
  });

  it('coordinators record needs of small organisations, not of large ones', async () => {
    const n = await f.need(f.coordinator, { requesterId: f.carriers.org.id, type: 'space' });
    expect(n.requesterKind).toBe('organisation');
    const before = await supportSnapshot(t);
    const res = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-needs`,
      payload: f.needBody({ requesterId: f.fund.id }),
    });
    expect(problemOf(res, 400).errors?.map((e) => e.code)).toEqual(['not_small_organisation']);
    expect(await supportSnapshot(t)).toEqual(before);
  });

  it('lists every bad field in one problem and writes nothing', async () => {
    const before = await supportSnapshot(t);
    const res = await f.member.inject({
      method: 'POST',
      url: `${f.W}/support-needs`,
      payload: f.needBody({
        amountPerMonth: -100,
        startDate: '2026-05-01',
        endDate: '2026-04-30',
        areaId: f.otherAreas[0],
        domainIds: [MISSING],
        targetGroupIds: [f.terms.domains[1]],
      }),
    });
    const p = problemOf(res, 400);
    expect(p.pointers).toEqual([
      '/amountPerMonth',
      '/areaId',
      '/domainIds/0',
      '/endDate',
      '/targetGroupIds/0',
    ]);
    const other = await insertTestActor(t().ctx.db, f.otherWs.id, { name: 'Elders 2' });
    const foreign = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-needs`,
      payload: f.needBody({ requesterId: other.id, amountPerMonth: 2.5 }),
    });
    expect(problemOf(foreign, 400).pointers).toEqual(['/amountPerMonth']);
    const foreign2 = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-needs`,
      payload: f.needBody({ requesterId: other.id }),
    });
    expect(problemOf(foreign2, 400).errors?.map((e) => e.code)).toEqual(['unknown_actor']);
    expect(await supportSnapshot(t)).toEqual(before);
  });

  it('the carrier changes, closes and deletes their need; others may not', async () => {
    const n = await f.need(f.member, { visibility: 'workspace' });
    const url = `${f.W}/support-needs/${n.id}`;
    const seen = await f.member2.inject({ method: 'GET', url });
    expect(seen.json<Need>().canEdit).toBe(false);
    const before = await supportSnapshot(t);
    expect(
      problemOf(await f.member2.inject({ method: 'PATCH', url, payload: { urgency: 'low' } }), 403)
        .code,
    ).toBe('forbidden');
    expect(problemOf(await f.member2.inject({ method: 'DELETE', url }), 403).code).toBe(
      'forbidden',
    );
    const bad = await f.member.inject({
      method: 'PATCH',
      url,
      payload: { endDate: '2026-01-01', amountPerMonth: 0 },
    });
    expect(problemOf(bad, 400).pointers).toEqual(['/amountPerMonth', '/endDate']);
    expect(await supportSnapshot(t)).toEqual(before);
    const closed = await f.member.inject({
      method: 'PATCH',
      url,
      payload: { status: 'closed', domainIds: [f.terms.domains[1]] },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<Need>()).toMatchObject({
      status: 'closed',
      domainIds: [f.terms.domains[1]],
    });
    expect((await f.member.inject({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await f.member.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});
