import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { Offer } from './schema.ts';
import { supportFixture, supportSnapshot, type SupportFixture } from './test-fixture.ts';

const MISSING = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describeEachDialect('support offers', (dialect) => {
  const t = useTestApp(dialect);
  let f: SupportFixture;
  beforeAll(async () => {
    f = await supportFixture(t);
  });
  const ids = (res: { json: <T>() => T }) =>
    res.json<{ items: { id: string }[] }>().items.map((i) => i.id);

  it('records an offer with integer capacity, a multi-year period and its links', async () => {
    const o = await f.offer({
      targetGroupIds: [f.terms.groups[0]],
      type: 'money',
      capacityPerMonth: 250_000,
      endDate: '2029-12-31',
    });
    expect(o).toMatchObject({
      providerId: f.fund.id,
      providerName: 'Stadsfonds',
      type: 'money',
      unit: 'cents',
      capacityPerMonth: 250_000,
      startDate: '2026-01-01',
      endDate: '2029-12-31',
      conditions: 'Eén gesprek per week',
      areaIds: [f.areas[0]],
      domainIds: [f.terms.domains[0]],
      targetGroupIds: [f.terms.groups[0]],
      personsEligible: true,
      visibility: 'workspace',
      canEdit: true,
    });
    const seen = await f.member.inject({ method: 'GET', url: `${f.W}/support-offers/${o.id}` });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json<Offer>().canEdit).toBe(false);
  });

  it('is private by default: only coordinators see it until it is published', async () => {
    const res = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-offers`,
      payload: { ...f.offerBody(), visibility: undefined, title: 'Nog niet openbaar' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const o = res.json<Offer>();
    expect(o.visibility).toBe('private');
    const url = `${f.W}/support-offers/${o.id}`;
    expect(problemOf(await f.member.inject({ method: 'GET', url }), 404).code).toBe('not_found');
    expect(
      ids(await f.member.inject({ method: 'GET', url: `${f.W}/support-offers` })),
    ).not.toContain(o.id);
    const pub = await f.coordinator.inject({
      method: 'PATCH',
      url,
      payload: { visibility: 'workspace', capacityPerMonth: 12, endDate: null },
    });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json<Offer>()).toMatchObject({ capacityPerMonth: 12, endDate: null });
    expect((await f.member.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect(problemOf(await f.outsider.inject({ method: 'GET', url }), 404).code).toBe('not_found');
  });

  it('lets only coordinators and admins record and change offers', async () => {
    const before = await supportSnapshot(t);
    const res = await f.member.inject({
      method: 'POST',
      url: `${f.W}/support-offers`,
      payload: f.offerBody(),
    });
    expect(problemOf(res, 403).code).toBe('forbidden');
    expect(await supportSnapshot(t)).toEqual(before);
  });

  it('lists with filters and pages', async () => {
    const space = await f.offer({ type: 'space', areaIds: [], startDate: '2027-01-01' });
    const list = (q: string) =>
      f.member.inject({ method: 'GET', url: `${f.W}/support-offers?${q}` });
    expect(ids(await list('type=space'))).toEqual([space.id]);
    expect(ids(await list(`type=space&areaId=${f.areas[1]}`))).toEqual([space.id]);
    expect(ids(await list('type=space&activeOn=2026-06-01'))).toEqual([]);
    expect(ids(await list(`providerId=${f.carriers.org.id}`))).toEqual([]);
    const coaching = ids(await list(`type=coaching&areaId=${f.areas[1]}`));
    expect(coaching).toEqual([]);
    const page = await list('pageSize=1');
    expect(page.json<{ total: number; items: unknown[] }>().items).toHaveLength(1);
    expect(String(page.headers.link)).toContain('rel="next"');
  });

  it('lists every bad field in one problem and writes nothing', async () => {
    const before = await supportSnapshot(t);
    const res = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-offers`,
      payload: f.offerBody({
        providerId: f.carriers.member.id,
        capacityPerMonth: -5,
        startDate: '2026-06-01',
        endDate: '2026-05-31',
        areaIds: [f.otherAreas[0]],
        domainIds: [f.terms.groups[0], MISSING],
      }),
    });
    const p = problemOf(res, 400);
    expect(p.code).toBe('validation_failed');
    expect(p.pointers).toEqual([
      '/areaIds/0',
      '/capacityPerMonth',
      '/domainIds/0',
      '/domainIds/1',
      '/endDate',
      '/providerId',
    ]);
    expect(p.errors?.find((e) => e.pointer === '/capacityPerMonth')?.code).toBe('negative_amount');
    const shape = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-offers`,
      payload: f.offerBody({ capacityPerMonth: 10.5, type: 'gold', personsEligible: 'yes' }),
    });
    expect(problemOf(shape, 400).pointers).toEqual(
      expect.arrayContaining(['/capacityPerMonth', '/type', '/personsEligible']),
    );
    const other = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-offers`,
      payload: f.offerBody({ providerId: f.otherOrg.id }),
    });
    expect(problemOf(other, 400).pointers).toEqual(['/providerId']);
    expect(await supportSnapshot(t)).toEqual(before);
    const o = await f.offer();
    const mid = await supportSnapshot(t);
    const patch = await f.coordinator.inject({
      method: 'PATCH',
      url: `${f.W}/support-offers/${o.id}`,
      payload: { endDate: '2025-01-01', capacityPerMonth: 0, areaIds: [f.otherAreas[0]] },
    });
    expect(problemOf(patch, 400).pointers).toEqual(['/areaIds/0', '/capacityPerMonth', '/endDate']);
    expect(await supportSnapshot(t)).toEqual(mid);
  });

  it('deletes an offer without commitments', async () => {
    const o = await f.offer();
    const url = `${f.W}/support-offers/${o.id}`;
    expect(problemOf(await f.member.inject({ method: 'DELETE', url }), 403).code).toBe('forbidden');
    expect((await f.coordinator.inject({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await f.coordinator.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect(
      await t()
        .ctx.db.selectFrom('support_offer_areas')
        .selectAll()
        .where('offer_id', '=', o.id)
        .execute(),
    ).toEqual([]);
  });
});
