import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import type { ActivityDto } from './schema.ts';
import {
  directoryFixture,
  problemOf,
  recordLinks,
  searchEntry,
  searchTokens,
  snapshot,
  type Fixture,
} from './test-fixture.ts';

type Activity = ActivityDto & { canEdit: boolean };
const MISSING = '0b7e4a9c-4d1f-4c5e-9a53-2f0d6f3f9a11';

describeEachDialect('activities', (dialect) => {
  const t = useTestApp(dialect);
  let f: Fixture;
  const url = (rest = '') => `/api/v1/workspaces/${f.slug}/activities${rest}`;

  beforeAll(async () => {
    f = await directoryFixture(t);
  });

  const post = (who: Browser, payload: object) =>
    who.inject({ method: 'POST', url: url(), payload });
  const patch = (who: Browser, id: string, payload: object) =>
    who.inject({ method: 'PATCH', url: url(`/${id}`), payload });
  const del = (who: Browser, id: string) => who.inject({ method: 'DELETE', url: url(`/${id}`) });
  const get = (who: Browser, id: string) => who.inject({ method: 'GET', url: url(`/${id}`) });
  const list = async (who: Browser, query = '') => {
    const res = await who.inject({ method: 'GET', url: url(query) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Activity[]; total: number; page: number; pageSize: number }>();
  };
  const base = (actorId: string, extra: object = {}) => ({
    actorId,
    title: 'Taalcafé',
    areaIds: [],
    domainIds: [],
    targetGroupIds: [],
    startDate: '2025-01-06',
    ...extra,
  });
  const created = async (who: Browser, payload: object) => {
    const res = await post(who, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Activity>();
  };

  it('creates an activity with areas, domains, target groups, period and hours, and indexes it', async () => {
    const payload = base(f.carriers.org.id, {
      title: 'Huiswerkbegeleiding in de wijk',
      description: 'Elke dinsdag en donderdag',
      areaIds: [f.areas[1], f.areas[0]],
      domainIds: [f.terms.domains[4]],
      targetGroupIds: [f.terms.groups[0], f.terms.groups[1]],
      startDate: '2024-09-01',
      hoursPerWeek: 6.5,
    });
    const a = await created(f.coordinator, payload);
    expect(a).toMatchObject({
      actorId: f.carriers.org.id,
      actorName: 'Stichting Buurtkracht',
      actorKind: 'organisation',
      initiativeId: null,
      title: 'Huiswerkbegeleiding in de wijk',
      description: 'Elke dinsdag en donderdag',
      startDate: '2024-09-01',
      endDate: null,
      hoursPerWeek: 6.5,
      visibility: 'public',
      canEdit: true,
    });
    expect(a.areaIds).toEqual([...f.areas].sort());
    expect(a.domainIds).toEqual([f.terms.domains[4]]);
    expect(a.targetGroupIds).toEqual([f.terms.groups[0], f.terms.groups[1]].sort());
    expect((await get(f.member, a.id)).json<Activity>()).toMatchObject({
      id: a.id,
      canEdit: false,
    });

    expect(await searchEntry(t, 'activity', a.id)).toMatchObject({
      workspace_id: f.ws.id,
      title: 'Huiswerkbegeleiding in de wijk',
      summary: 'Elke dinsdag en donderdag',
      visibility: 'public',
      actor_id: f.carriers.org.id,
      actor_kind: 'organisation',
      start_date: '2024-09-01',
      end_date: null,
    });
    const tokens = await searchTokens(t, a.id);
    for (const word of ['huiswerkbegeleiding', 'dinsdag', 'stichting', 'buurtkracht'])
      expect(tokens).toContain(word);
    const links = await recordLinks(t, a.id);
    expect(links.areas).toEqual([...f.areas].sort());
    expect(links.terms).toEqual(
      [f.terms.domains[4]!, f.terms.groups[0]!, f.terms.groups[1]!].sort(),
    );
  });

  it('changes and deletes an activity, keeping search entry and links in step', async () => {
    const a = await created(
      f.coordinator,
      base(f.carriers.org.id, {
        title: 'Buurtsport',
        domainIds: [f.terms.domains[12]],
        targetGroupIds: [f.terms.groups[0]],
        endDate: '2025-12-31',
        hoursPerWeek: 3,
      }),
    );
    const res = await patch(f.coordinator, a.id, {
      title: 'Straatvoetbal',
      domainIds: [f.terms.domains[7]],
      areaIds: [f.areas[0]],
      endDate: null,
      hoursPerWeek: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    const changed = res.json<Activity>();
    expect(changed).toMatchObject({
      title: 'Straatvoetbal',
      endDate: null,
      hoursPerWeek: null,
      domainIds: [f.terms.domains[7]],
      // Not in the request: kept.
      targetGroupIds: [f.terms.groups[0]],
      areaIds: [f.areas[0]],
      startDate: '2025-01-06',
    });
    expect(changed.updatedAt >= a.updatedAt).toBe(true);
    expect(await searchEntry(t, 'activity', a.id)).toMatchObject({
      title: 'Straatvoetbal',
      end_date: null,
    });
    const tokens = await searchTokens(t, a.id);
    expect(tokens).toContain('straatvoetbal');
    expect(tokens).not.toContain('buurtsport');
    expect((await recordLinks(t, a.id)).terms).toEqual(
      [f.terms.domains[7]!, f.terms.groups[0]!].sort(),
    );

    const gone = await del(f.coordinator, a.id);
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await get(f.coordinator, a.id)).statusCode).toBe(404);
    expect(await searchEntry(t, 'activity', a.id)).toBeUndefined();
    expect(await searchTokens(t, a.id)).toEqual([]);
    expect(await recordLinks(t, a.id)).toEqual({ areas: [], terms: [] });
    expect((await del(f.coordinator, a.id)).statusCode).toBe(404);
  });

  it('lets a member write only the activities of their own carrier', async () => {
    const own = await created(
      f.member,
      base(f.carriers.member.id, { title: 'Eigen koffie-ochtend' }),
    );
    expect(own).toMatchObject({ visibility: 'private', canEdit: true });
    const ok = await patch(f.member, own.id, { hoursPerWeek: 4 });
    expect(ok.statusCode, ok.body).toBe(200);
    const theirs = await created(
      f.member2,
      base(f.carriers.member2.id, { title: 'Klussendienst' }),
    );
    const hidden = await created(f.coordinator, base(f.carriers.hidden.id, { title: 'Stil werk' }));

    const before = await snapshot(t);
    // Someone else's carrier the member can see: 403.
    expect(problemOf(await post(f.member, base(f.carriers.member2.id)), 403).code).toBe(
      'forbidden',
    );
    expect((await patch(f.member, theirs.id, { title: 'Overgenomen' })).statusCode).toBe(403);
    expect((await del(f.member, theirs.id)).statusCode).toBe(403);
    // Moving one's own activity to someone else: 403.
    expect((await patch(f.member, own.id, { actorId: f.carriers.member2.id })).statusCode).toBe(
      403,
    );
    // A private carrier the member cannot see: unknown in a body, 404 as a resource.
    expect(problemOf(await post(f.member, base(f.carriers.hidden.id)), 400).pointers).toEqual([
      '/actorId',
    ]);
    expect((await patch(f.member, hidden.id, { title: 'x' })).statusCode).toBe(404);
    expect((await del(f.member, hidden.id)).statusCode).toBe(404);
    // A researcher has no carrier of their own.
    expect((await post(f.researcher, base(f.carriers.org.id))).statusCode).toBe(403);
    // Another workspace's members do not even see the workspace.
    expect((await post(f.outsider, base(f.carriers.org.id))).statusCode).toBe(404);
    expect(await snapshot(t)).toEqual(before);

    // Coordinators write for anyone.
    expect((await patch(f.coordinator, theirs.id, { hoursPerWeek: 1 })).statusCode).toBe(200);
    expect((await del(f.member2, theirs.id)).statusCode).toBe(204);
  });

  it("hides a private carrier's activities from other members and answers 404", async () => {
    const a = await created(
      f.coordinator,
      base(f.carriers.member.id, { title: 'Zichtbaarheidstoets', startDate: '2019-03-01' }),
    );
    const seen = async (who: Browser) =>
      (await list(who, `?actorId=${f.carriers.member.id}&pageSize=100`)).items.map((x) => x.id);
    expect(await seen(f.coordinator)).toContain(a.id);
    expect(await seen(f.member)).toContain(a.id);
    expect(await seen(f.member2)).toEqual([]);
    expect(await seen(f.researcher)).toEqual([]);
    expect((await list(f.member2, '?pageSize=100')).items.map((x) => x.id)).not.toContain(a.id);
    expect((await get(f.member, a.id)).statusCode).toBe(200);
    expect((await get(f.member2, a.id)).statusCode).toBe(404);
    expect((await get(f.researcher, a.id)).statusCode).toBe(404);
    expect((await get(f.outsider, a.id)).statusCode).toBe(404);
    expect(
      (
        await f.outsider.inject({
          method: 'GET',
          url: `/api/v1/workspaces/${f.otherWs.slug}/activities/${a.id}`,
        })
      ).statusCode,
    ).toBe(404);
    expect((await searchEntry(t, 'activity', a.id))?.visibility).toBe('private');
    expect((await searchEntry(t, 'activity', a.id))?.owner_user_id).toBe(f.users.member!.id);
  });

  it('lists every error of bad input in one 400 and writes nothing', async () => {
    const before = await snapshot(t);
    const bad = await post(
      f.coordinator,
      base(f.carriers.org.id, {
        initiativeId: MISSING,
        areaIds: [f.otherAreas[0], f.areas[0], MISSING],
        domainIds: [f.terms.groups[0], f.otherTerms.domains[0]],
        targetGroupIds: [f.terms.domains[0]],
        startDate: '2025-05-01',
        endDate: '2025-01-31',
        hoursPerWeek: 169,
      }),
    );
    const p = problemOf(bad, 400);
    expect(p.code).toBe('validation_failed');
    expect(p.pointers).toEqual(
      [
        '/initiativeId',
        '/areaIds/0',
        '/areaIds/2',
        '/domainIds/0',
        '/domainIds/1',
        '/targetGroupIds/0',
        '/endDate',
        '/hoursPerWeek',
      ].sort(),
    );
    expect(p.errors?.find((e) => e.pointer === '/domainIds/0')?.code).toBe('wrong_term_kind');
    expect(p.errors?.find((e) => e.pointer === '/endDate')?.code).toBe('end_before_start');

    const foreign = problemOf(
      await post(f.coordinator, base(f.carriers.other.id, { hoursPerWeek: -1 })),
      400,
    );
    expect(foreign.pointers).toEqual(['/actorId', '/hoursPerWeek']);

    const shape = problemOf(
      await post(f.coordinator, {
        actorId: 'nope',
        title: '  ',
        areaIds: 'all',
        domainIds: [],
        startDate: '2025-02-30',
        hoursPerWeek: '3',
        extra: true,
      }),
      400,
    );
    for (const pointer of ['/actorId', '/title', '/areaIds', '/targetGroupIds', '/startDate'])
      expect(shape.pointers, JSON.stringify(shape)).toContain(pointer);
    expect(shape.pointers).toContain('/hoursPerWeek');

    const a = await created(f.coordinator, base(f.carriers.org.id, { startDate: '2025-03-01' }));
    const mid = await snapshot(t);
    expect(
      problemOf(await patch(f.coordinator, a.id, { endDate: '2025-02-01' }), 400).pointers,
    ).toEqual(['/endDate']);
    expect(problemOf(await patch(f.coordinator, a.id, {}), 400).pointers).toEqual(['/']);
    expect((await patch(f.coordinator, 'not-a-uuid', { title: 'x' })).statusCode).toBe(400);
    expect((await get(f.coordinator, MISSING)).statusCode).toBe(404);
    expect(await snapshot(t)).toEqual(mid);
    await del(f.coordinator, a.id);
    expect(await snapshot(t)).toEqual(before);
  });
});
