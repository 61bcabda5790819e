import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { DeliveryOut } from './delivery-schema.ts';
import { supportFixture, supportSnapshot, type SupportFixture } from './test-fixture.ts';

describeEachDialect('support deliveries', (dialect) => {
  const t = useTestApp(dialect);
  let f: SupportFixture;
  let id = '';
  beforeAll(async () => {
    f = await supportFixture(t);
    const offer = await f.offer();
    // 2026-01-01 … 2026-06-30 to the member's own carrier; today is 2026-03-02.
    id = await f.commit(offer.id, { startDate: '2026-01-01', endDate: '2026-06-30' }, f.member);
  });
  const url = () => `${f.W}/support-commitments/${id}/deliveries`;
  const record = (who: Browser, payload: object) =>
    who.inject({ method: 'POST', url: url(), payload });

  it('records deliveries of both sides and lists them, latest first', async () => {
    const given = await record(f.coordinator, { deliveredOn: '2026-01-15', amount: 4 });
    expect(given.statusCode, given.body).toBe(201);
    const got = await record(f.member, {
      deliveredOn: '2026-02-12',
      amount: 5,
      note: 'Twee coachgesprekken',
    });
    expect(got.statusCode, got.body).toBe(201);
    const list = await f.member.inject({ method: 'GET', url: `${url()}?pageSize=1` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: DeliveryOut[]; total: number }>()).toMatchObject({
      total: 2,
      items: [{ deliveredOn: '2026-02-12', amount: 5, note: 'Twee coachgesprekken' }],
    });
    expect(list.headers.link).toContain('rel="next"');
  });

  it('refuses bad deliveries with every error, and writes nothing', async () => {
    const before = await supportSnapshot(t);
    const bad = problemOf(
      await record(f.coordinator, { deliveredOn: '2025-12-31', amount: 0 }),
      400,
    );
    expect(bad.errors?.map((e) => `${e.pointer} ${e.code}`).sort()).toEqual([
      '/amount out_of_range',
      '/deliveredOn outside_commitment',
    ]);
    const later = problemOf(await record(f.member, { deliveredOn: '2026-04-01', amount: 1 }), 400);
    expect(later.errors?.map((e) => e.code)).toEqual(['in_future']);
    const shape = problemOf(await record(f.member, { deliveredOn: 'gisteren', amount: '1' }), 400);
    expect(shape.pointers).toEqual(['/amount', '/deliveredOn']);
    for (const who of [f.member2, f.researcher]) {
      expect((await record(who, { deliveredOn: '2026-02-01', amount: 1 })).statusCode).toBe(404);
      expect((await who.inject({ method: 'GET', url: url() })).statusCode).toBe(404);
    }
    expect(await supportSnapshot(t)).toEqual(before);
    const cancel = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-commitments/${id}/ending`,
      payload: { kind: 'cancel', reason: 'Gestopt' },
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const closed = await supportSnapshot(t);
    const after = await record(f.member, { deliveredOn: '2026-02-01', amount: 1 });
    expect(problemOf(after, 409).code).toBe('commitment_closed');
    expect(await supportSnapshot(t)).toEqual(closed);
  });
});
