import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { setRecordAreas } from '../records/repo.ts';
import type { Tie } from './schema.ts';
import { tieFixture, tieSnapshot, type TieFixture } from './test-fixture.ts';

const MISSING = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describeEachDialect('ties', (dialect) => {
  const t = useTestApp(dialect);
  let f: TieFixture;
  beforeAll(async () => {
    f = await tieFixture(t);
  });
  const ids = (res: { json: <T>() => T }) =>
    res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
  const get = (who: TieFixture['member'], url: string) =>
    who.inject({ method: 'GET', url: `${f.W}${url}` });
  const send = (
    who: TieFixture['member'],
    method: 'POST' | 'PATCH',
    url: string,
    payload: object,
  ) => who.inject({ method, url: `${f.W}${url}`, payload });

  it('records a tie with its type, direction, intensity, period and source', async () => {
    const tie = await f.tie();
    expect(tie).toMatchObject({
      fromActorId: f.carriers.org.id,
      fromActorName: 'Stichting Buurtkracht',
      toActorId: f.large.id,
      toActorName: 'Welzijn Groot',
      type: 'collaboration',
      directed: false,
      intensity: 'coordinated',
      startDate: '2026-01-01',
      endDate: null,
      source: 'recorded',
      surveyRoundId: null,
      recordedBy: f.users.coordinator.id,
      note: 'Samen het buurtfeest',
      canEdit: true,
    });
    const seen = await get(f.member, `/ties/${tie.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json<Tie>()).toMatchObject({ id: tie.id, canEdit: false });
    expect(problemOf(await get(f.outsider, `/ties/${tie.id}`), 404).code).toBe('not_found');
  });

  it('shows a tie only to callers who may see both of its actors', async () => {
    const own = await f.tie({ fromActorId: f.carriers.member.id, type: 'support', directed: true });
    const hidden = await f.tie({ fromActorId: f.carriers.hidden.id, type: 'referral' });
    const url = (id: string) => `/ties/${id}`;
    expect((await get(f.member, url(own.id))).statusCode).toBe(200);
    expect(problemOf(await get(f.member2, url(own.id)), 404).code).toBe('not_found');
    expect(problemOf(await get(f.member, url(hidden.id)), 404).code).toBe('not_found');
    expect((await get(f.coordinator, url(hidden.id))).statusCode).toBe(200);
    const listed = (who: TieFixture['member']) => get(who, '/ties?pageSize=100').then(ids);
    expect(await listed(f.member)).toContain(own.id);
    expect(await listed(f.member)).not.toContain(hidden.id);
    expect(await listed(f.member2)).not.toContain(own.id);
    expect(await listed(f.coordinator)).toEqual(expect.arrayContaining([own.id, hidden.id]));
  });

  it('lists with filters and pages with a Link header; the ego network of an actor', async () => {
    const a = await f.tie({
      type: 'information_exchange',
      startDate: '2025-01-01',
      endDate: '2026-12-31',
    });
    const b = await f.tie({
      type: 'information_exchange',
      fromActorId: f.carriers.member2.id,
      startDate: '2027-01-01',
      endDate: '2027-06-30',
    });
    await setRecordAreas(t().ctx.db, f.ws.id, 'actor', f.carriers.member2.id, [f.areas[1]!]);
    const list = (q: string) => get(f.member, `/ties?type=information_exchange&${q}`);
    expect((await list('').then(ids)).sort()).toEqual([a.id, b.id].sort());
    expect(await list('activeOn=2027-03-01').then(ids)).toEqual([b.id]);
    expect(await list('activeOn=2026-03-01').then(ids)).toEqual([a.id]);
    expect(await list(`actorId=${f.carriers.member2.id}`).then(ids)).toEqual([b.id]);
    expect(await list(`areaId=${f.areas[1]}`).then(ids)).toEqual([b.id]);
    expect(await list(`areaId=${f.areas[0]}`).then(ids)).toEqual([]);
    const page = await list('pageSize=1');
    expect(page.json<{ total: number; items: unknown[] }>()).toMatchObject({ total: 2 });
    expect(page.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect(String(page.headers.link)).toContain('rel="next"');
    expect(problemOf(await list(`areaId=${f.otherAreas[0]}`), 400).pointers).toEqual(['/areaId']);

    const ego = await get(f.member, `/actors/${f.carriers.member2.id}/ties?pageSize=100`);
    expect(ego.statusCode, ego.body).toBe(200);
    expect(ids(ego)).toEqual([b.id]);
    expect(String(ego.headers.link)).toContain('rel="first"');
    const egoLarge = await get(f.member, `/actors/${f.large.id}/ties?type=information_exchange`);
    expect(ids(egoLarge).sort()).toEqual([a.id, b.id].sort());
    const hiddenEgo = await get(f.member, `/actors/${f.carriers.hidden.id}/ties`);
    expect(problemOf(hiddenEgo, 404).code).toBe('not_found');
  });

  it('lists every bad field in one problem and writes nothing', async () => {
    await f.tie({ type: 'funding', directed: true, startDate: '2026-01-01', endDate: null });
    const before = await tieSnapshot(t);
    const post = (payload: object) => send(f.coordinator, 'POST', '/ties', payload);
    const refs = problemOf(
      await post(
        f.tieBody({
          fromActorId: f.carriers.other.id,
          toActorId: MISSING,
          startDate: '2026-06-01',
          endDate: '2026-05-31',
        }),
      ),
      400,
    );
    expect(refs.code).toBe('validation_failed');
    expect(refs.pointers).toEqual(['/endDate', '/fromActorId', '/toActorId']);
    expect(refs.errors!.map((e) => e.code).sort()).toEqual([
      'end_before_start',
      'unknown_actor',
      'unknown_actor',
    ]);
    const self = problemOf(await post(f.tieBody({ toActorId: f.carriers.org.id })), 400);
    expect(self.errors!.map((e) => e.code)).toEqual(['self_tie']);
    const shape = problemOf(
      await post(f.tieBody({ type: 'vriendschap', intensity: 'high', directed: 'yes' })),
      400,
    );
    expect(shape.pointers).toEqual(['/directed', '/intensity', '/type']);
    // Same ends (either order, a mutual tie), same type, overlapping period: a duplicate.
    const dup = problemOf(
      await post(
        f.tieBody({
          fromActorId: f.large.id,
          toActorId: f.carriers.org.id,
          type: 'funding',
          directed: false,
          startDate: '2027-01-01',
        }),
      ),
      400,
    );
    expect(dup.errors!.map((e) => e.code)).toEqual(['duplicate_tie']);
    expect(await tieSnapshot(t)).toEqual(before);
    // Not a duplicate: the other direction of a directed tie.
    await f.tie({
      type: 'funding',
      directed: true,
      fromActorId: f.large.id,
      toActorId: f.carriers.org.id,
    });
  });

  it('checks a change as a whole, and deletes', async () => {
    const tie = await f.tie({ type: 'tension', startDate: '2026-02-01', endDate: '2026-03-31' });
    const next = await f.tie({ type: 'tension', startDate: '2026-04-01', endDate: null });
    const url = `/ties/${tie.id}`;
    const before = await tieSnapshot(t);
    const bad = problemOf(await send(f.coordinator, 'PATCH', url, { endDate: '2026-01-01' }), 400);
    expect(bad.pointers).toEqual(['/endDate']);
    const overlap = problemOf(await send(f.coordinator, 'PATCH', url, { endDate: null }), 400);
    expect(overlap.errors!.map((e) => e.code)).toEqual(['duplicate_tie']);
    const empty = problemOf(await send(f.coordinator, 'PATCH', url, {}), 400);
    expect(empty.code).toBe('validation_failed');
    expect(await tieSnapshot(t)).toEqual(before);
    const changed = await send(f.coordinator, 'PATCH', url, {
      intensity: 'integrated',
      directed: true,
      note: null,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Tie>()).toMatchObject({
      intensity: 'integrated',
      directed: true,
      note: null,
      endDate: '2026-03-31',
    });
    const del = await f.coordinator.inject({ method: 'DELETE', url: `${f.W}${url}` });
    expect(del.statusCode).toBe(204);
    expect(problemOf(await get(f.coordinator, url), 404).code).toBe('not_found');
    expect((await get(f.coordinator, `/ties/${next.id}`)).statusCode).toBe(200);
  });

  it('lets a carrier record, change and delete ties of their own record only', async () => {
    const own = await f.tie(
      { fromActorId: f.large.id, toActorId: f.carriers.member2.id, type: 'support' },
      f.member2,
    );
    expect(own).toMatchObject({ canEdit: true, recordedBy: f.users.member2.id });
    const url = `/ties/${own.id}`;
    expect((await send(f.member2, 'PATCH', url, { intensity: 'awareness' })).statusCode).toBe(200);
    // member sees the tie (both actors visible to the workspace) but may not change it.
    expect((await get(f.member, url)).json<Tie>().canEdit).toBe(false);
    expect(problemOf(await send(f.member, 'PATCH', url, { note: 'x' }), 403).code).toBe(
      'forbidden',
    );
    const deleted = await f.member.inject({ method: 'DELETE', url: `${f.W}${url}` });
    expect(problemOf(deleted, 403).code).toBe('forbidden');
    // Between two records that are not one's own: refused, nothing written.
    const before = await tieSnapshot(t);
    const foreign = await send(f.member2, 'POST', '/ties', f.tieBody({ type: 'referral' }));
    expect(problemOf(foreign, 403).code).toBe('forbidden');
    // Moving one's tie off one's own record is refused too.
    const moved = await send(f.member2, 'PATCH', url, { toActorId: f.carriers.org.id });
    expect(problemOf(moved, 403).code).toBe('forbidden');
    expect(await tieSnapshot(t)).toEqual(before);
    const gone = await f.member2.inject({ method: 'DELETE', url: `${f.W}${url}` });
    expect(gone.statusCode).toBe(204);
  });
});
