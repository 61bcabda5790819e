import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { AllianceDetail } from './schema.ts';
import { allianceFixture, allianceSnapshot, type AllianceFixture } from './test-fixture.ts';

const MISSING = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describeEachDialect('alliances', (dialect) => {
  const t = useTestApp(dialect);
  let f: AllianceFixture;
  beforeAll(async () => {
    f = await allianceFixture(t);
  });
  const ids = (res: { json: <T>() => T }) =>
    res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
  const get = (who: AllianceFixture['member'], url: string) =>
    who.inject({ method: 'GET', url: `${f.W}${url}` });
  const send = (
    who: AllianceFixture['member'],
    method: 'POST' | 'PATCH',
    url: string,
    payload: object,
  ) => who.inject({ method, url: `${f.W}${url}`, payload });

  // Forming one from a signal (which moves the signal): from-signal.test.ts.
  it('creates an alliance with its members, private by default', async () => {
    const a = await f.alliance();
    expect(a).toMatchObject({
      name: 'Samen Oude Westen',
      status: 'exploring',
      decisionRule: 'consensus',
      signalId: null,
      visibility: 'private',
      memberCount: 3,
      canEdit: true,
      canContribute: true,
      currentAgreement: null,
      contributionTotals: { valueCents: 0, byKind: [], byMember: [] },
    });
    const byActor = new Map(a.members.map((m) => [m.actorId, m]));
    expect(byActor.get(f.carriers.member.id)).toMatchObject({
      actorName: 'Fatima Öztürk',
      actorKind: 'person',
      role: 'lead',
      seats: 1,
      votes: 1,
      startDate: '2025-01-01',
      endDate: null,
      current: true,
    });
    expect(byActor.get(f.carriers.org.id)?.actorKind).toBe('small');
    expect(byActor.get(f.large.id)).toMatchObject({ actorKind: 'large', seats: 2, votes: 2 });
    // Seats and votes 1, 1, 2 (carrier, small, large), no contributions yet: representation
    // 0.5/(2/3) = 0.75, votes 1 − 0.0625, no majority → (0.3·0.75 + 0.2·0.9375 + 0.2·1) / 0.7.
    expect(a.balance).toMatchObject({ unbalanced: false, reasons: [] });
    expect(a.balance.index).toBeCloseTo(0.6125 / 0.7, 12);
    const row = await t()
      .ctx.db.selectFrom('alliances')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ created_by: f.users.coordinator.id, visibility: 'private' });
  });

  it('shows a private alliance to coordinators and its members’ users only', async () => {
    const a = await f.alliance();
    const url = `/alliances/${a.id}`;
    // The lead (member's carrier) sees and may edit; member2 is no member: 404, as outsiders.
    const lead = await get(f.member, url);
    expect(lead.statusCode, lead.body).toBe(200);
    expect(lead.json<AllianceDetail>()).toMatchObject({ canEdit: true, canContribute: true });
    expect(problemOf(await get(f.member2, url), 404).code).toBe('not_found');
    expect(problemOf(await get(f.researcher, url), 404).code).toBe('not_found');
    expect(problemOf(await get(f.outsider, url), 404).code).toBe('not_found');
    const list = (who: AllianceFixture['member']) => get(who, '/alliances?pageSize=100').then(ids);
    expect(await list(f.member)).toContain(a.id);
    expect(await list(f.member2)).not.toContain(a.id);
    expect(await list(f.coordinator)).toContain(a.id);

    // Visible to the workspace: every member sees it, without the private carrier's name.
    const open = await send(f.coordinator, 'PATCH', url, { visibility: 'workspace' });
    expect(open.statusCode, open.body).toBe(200);
    const seen = await get(f.member2, url);
    expect(seen.statusCode, seen.body).toBe(200);
    const detail = seen.json<AllianceDetail>();
    expect(detail).toMatchObject({ canEdit: false, canContribute: false });
    expect(detail.members.find((m) => m.actorId === f.carriers.member.id)?.actorName).toBeNull();
    expect(detail.members.find((m) => m.actorId === f.large.id)?.actorName).toBe('Welzijn Groot');
    expect(await list(f.member2)).toContain(a.id);
    expect(problemOf(await get(f.outsider, url), 404).code).toBe('not_found');
  });

  it('lists with status, area and actor filters, paged with a Link header', async () => {
    const mine = await f.alliance({
      name: 'Actief verbond',
      status: 'active',
      members: [f.membership(f.carriers.member2.id, { role: 'lead' })],
      visibility: 'workspace',
    });
    const charter = await send(f.coordinator, 'POST', `/alliances/${mine.id}/agreements`, {
      aims: 'Meer ontmoeting',
      charter: 'We besluiten samen.',
      areaIds: [f.areas[1]],
    });
    expect(charter.statusCode, charter.body).toBe(201);
    const list = (q: string) => get(f.coordinator, `/alliances?pageSize=100&${q}`).then(ids);
    expect(await list('status=active')).toEqual([mine.id]);
    expect(await list(`actorId=${f.carriers.member2.id}`)).toEqual([mine.id]);
    expect(await list(`areaId=${f.areas[1]}`)).toEqual([mine.id]);
    expect(await list(`areaId=${f.areas[0]}`)).toEqual([]);
    // A newer charter without the area takes it out of the area's list.
    await send(f.coordinator, 'POST', `/alliances/${mine.id}/agreements`, {
      aims: 'Meer ontmoeting',
      charter: 'Versie twee',
      areaIds: [f.areas[0]],
    });
    expect(await list(`areaId=${f.areas[1]}`)).toEqual([]);
    expect(await list(`areaId=${f.areas[0]}`)).toEqual([mine.id]);
    const page = await get(f.coordinator, '/alliances?pageSize=1');
    expect(page.json<{ items: unknown[]; total: number }>().items).toHaveLength(1);
    expect(page.json<{ total: number }>().total).toBeGreaterThan(1);
    expect(String(page.headers.link)).toContain('rel="next"');
    expect(
      problemOf(await get(f.coordinator, `/alliances?areaId=${f.otherAreas[0]}`), 400).pointers,
    ).toEqual(['/areaId']);
    expect(problemOf(await get(f.coordinator, '/alliances?status=busy'), 400).code).toBe(
      'validation_failed',
    );
  });

  it('updates; only coordinators and the lead may, members only create through coordinators', async () => {
    const a = await f.alliance();
    const url = `/alliances/${a.id}`;
    const byLead = await send(f.member, 'PATCH', url, {
      name: 'Nieuwe naam',
      status: 'active',
      decisionRule: 'majority',
      description: null,
    });
    expect(byLead.statusCode, byLead.body).toBe(200);
    expect(byLead.json<AllianceDetail>()).toMatchObject({
      name: 'Nieuwe naam',
      status: 'active',
      decisionRule: 'majority',
      description: null,
    });
    await send(f.coordinator, 'PATCH', url, { visibility: 'workspace' });
    expect(problemOf(await send(f.member2, 'PATCH', url, { name: 'Overname' }), 403).code).toBe(
      'forbidden',
    );
    expect(problemOf(await send(f.member, 'POST', '/alliances', f.allianceBody()), 403).code).toBe(
      'forbidden',
    );
    expect(problemOf(await send(f.member, 'PATCH', url, {}), 400).code).toBe('validation_failed');
    // The signal is named only when forming from it (which moves it), never changed afterwards.
    const relink = await send(f.coordinator, 'PATCH', url, { name: 'X', signalId: MISSING });
    expect(problemOf(relink, 400).code).toBe('validation_failed');
    expect((await get(f.coordinator, url)).json<AllianceDetail>()).toMatchObject({
      name: 'Nieuwe naam',
      signalId: null,
    });
    expect(
      problemOf(await send(f.coordinator, 'PATCH', `/alliances/${MISSING}`, { name: 'X' }), 404)
        .code,
    ).toBe('not_found');
  });

  it('lists every bad field of a new alliance in one problem and writes nothing', async () => {
    await f.alliance();
    const before = await allianceSnapshot(t);
    const post = (payload: object) => send(f.coordinator, 'POST', '/alliances', payload);
    const bad = problemOf(
      await post(
        f.allianceBody({
          status: 'active',
          members: [
            f.membership(f.carriers.other.id, { seats: 0 }),
            f.membership(MISSING, { seats: 0 }),
            f.membership(f.large.id, { seats: -1, votes: -2, endDate: '2024-12-31' }),
            f.membership(f.carriers.org.id, { seats: 0, startDate: '2025-01-01', endDate: null }),
            f.membership(f.carriers.org.id, {
              seats: 0,
              startDate: '2025-06-01',
              endDate: '2025-12-31',
            }),
          ],
        }),
      ),
      400,
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.errors!.map((e) => `${e.pointer} ${e.code}`).sort()).toEqual([
      '/members/0/actorId unknown_actor',
      '/members/1/actorId unknown_actor',
      '/members/2/endDate end_before_start',
      '/members/2/seats negative_value',
      '/members/2/votes negative_value',
      '/members/4/actorId duplicate_member',
      '/status governance_without_seats',
    ]);
    // Shape errors are all listed too, before the service runs.
    const shape = problemOf(
      await post({ name: '', decisionRule: 'dictator', members: [{ actorId: 'x', role: 'boss' }] }),
      400,
    );
    expect(shape.pointers.length).toBeGreaterThanOrEqual(4);
    // Governance without seats on its own, and when switching an alliance to active.
    const noSeats = problemOf(
      await post(
        f.allianceBody({ status: 'active', members: [f.membership(f.large.id, { seats: 0 })] }),
      ),
      400,
    );
    expect(noSeats.errors!.map((e) => e.code)).toEqual(['governance_without_seats']);
    const empty = await f.alliance({ members: [] });
    const after = await allianceSnapshot(t);
    const activate = problemOf(
      await send(f.coordinator, 'PATCH', `/alliances/${empty.id}`, { status: 'active', name: 'Y' }),
      400,
    );
    expect(activate.pointers).toEqual(['/status']);
    expect(await allianceSnapshot(t)).toEqual(after);
    expect(after.alliances!.length).toBe(before.alliances!.length + 1);
    expect(after.alliance_members).toEqual(before.alliance_members);
  });
});
