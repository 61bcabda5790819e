import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { createActivity } from '../activities/service.ts';
import {
  directoryFixture,
  problemOf,
  recordLinks,
  searchEntry,
  searchTokens,
  snapshot,
  system,
  type Fixture,
} from '../activities/test-fixture.ts';
import { createAchievement } from './achievements-service.ts';

interface Participant {
  actorId: string;
  name: string;
  role: string;
  startDate: string | null;
  endDate: string | null;
}
interface Initiative {
  id: string;
  name: string;
  status: string;
  visibility: string;
  startDate: string | null;
  endDate: string | null;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  participants: Participant[];
  activities: { id: string; initiativeId: string | null }[];
  achievements: { id: string; credited: { actorId: string }[] }[];
  canEdit: boolean;
}
const MISSING = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describeEachDialect('initiatives', (dialect) => {
  const t = useTestApp(dialect);
  let f: Fixture;
  const url = (rest = '') => `/api/v1/workspaces/${f.slug}/initiatives${rest}`;

  beforeAll(async () => {
    f = await directoryFixture(t);
  });

  const post = (who: Browser, payload: object) =>
    who.inject({ method: 'POST', url: url(), payload });
  const patch = (who: Browser, id: string, payload: object) =>
    who.inject({ method: 'PATCH', url: url(`/${id}`), payload });
  const get = (who: Browser, id: string) => who.inject({ method: 'GET', url: url(`/${id}`) });
  const del = (who: Browser, id: string) => who.inject({ method: 'DELETE', url: url(`/${id}`) });
  const ids = async (who: Browser, query = '') => {
    const res = await who.inject({ method: 'GET', url: url(`?pageSize=100${query}`) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Initiative[] }>().items.map((i) => i.id);
  };
  const base = (participants: object[], extra: object = {}) => ({
    name: 'Buurtmoestuin Oude Westen',
    status: 'active',
    areaIds: [],
    domainIds: [],
    targetGroupIds: [],
    participants,
    ...extra,
  });
  const created = async (who: Browser, payload: object) => {
    const res = await post(who, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Initiative>();
  };
  const carrier = (actorId: string, extra: object = {}) => ({ actorId, role: 'carrier', ...extra });
  const partner = (actorId: string) => ({ actorId, role: 'partner' });

  it('records an initiative with carriers, partners, links and a search entry', async () => {
    const i = await created(
      f.coordinator,
      base(
        [
          carrier(f.carriers.member2.id, { startDate: '2024-03-01' }),
          partner(f.carriers.org.id),
          carrier(f.carriers.hidden.id, { endDate: '2024-12-31' }),
        ],
        {
          description: 'Samen tuinieren op braakliggend terrein',
          startDate: '2024-03-01',
          areaIds: [f.areas[0]],
          domainIds: [f.terms.domains[10]],
          targetGroupIds: [f.terms.groups[2]],
        },
      ),
    );
    expect(i).toMatchObject({
      status: 'active',
      visibility: 'workspace',
      startDate: '2024-03-01',
      endDate: null,
      areaIds: [f.areas[0]],
      domainIds: [f.terms.domains[10]],
      targetGroupIds: [f.terms.groups[2]],
      activities: [],
      achievements: [],
      canEdit: true,
    });
    expect(i.participants.map((p) => [p.role, p.name])).toEqual([
      ['carrier', 'Joop de Wit'],
      ['carrier', 'Stille Kracht'],
      ['partner', 'Stichting Buurtkracht'],
    ]);
    expect(i.participants[0]).toMatchObject({ startDate: '2024-03-01', endDate: null });

    // A member sees the initiative, but not the private carrier among its participants.
    const seen = (await get(f.member, i.id)).json<Initiative>();
    expect(seen.participants.map((p) => p.name)).toEqual(['Joop de Wit', 'Stichting Buurtkracht']);
    expect(seen.canEdit).toBe(false);
    expect((await get(f.member2, i.id)).json<Initiative>().canEdit).toBe(true);

    expect(await searchEntry(t, 'initiative', i.id)).toMatchObject({
      title: 'Buurtmoestuin Oude Westen',
      visibility: 'workspace',
      start_date: '2024-03-01',
      end_date: null,
    });
    expect(await searchTokens(t, i.id)).toEqual(
      expect.arrayContaining(['buurtmoestuin', 'tuinieren', 'braakliggend']),
    );
    expect(await recordLinks(t, i.id)).toEqual({
      areas: [f.areas[0]],
      terms: [f.terms.domains[10]!, f.terms.groups[2]!].sort(),
    });
  });

  it('lets a member start an initiative only as its carrier', async () => {
    const own = await created(
      f.member,
      base([carrier(f.carriers.member.id)], { name: 'Taaltafel' }),
    );
    expect(own.canEdit).toBe(true);
    const before = await snapshot(t);
    for (const participants of [
      [],
      [partner(f.carriers.member.id), carrier(f.carriers.member2.id)],
      [carrier(f.carriers.member2.id)],
    ])
      expect(problemOf(await post(f.member, base(participants)), 403).code).toBe('forbidden');
    expect((await post(f.researcher, base([carrier(f.carriers.org.id)]))).statusCode).toBe(403);
    expect((await post(f.outsider, base([]))).statusCode).toBe(404);
    expect(await snapshot(t)).toEqual(before);
    // Coordinators need no participants at all.
    expect((await post(f.coordinator, base([], { name: 'Wijkvisie' }))).statusCode).toBe(201);
  });

  it('lets carriers change it, keeps participants they cannot see, and refuses others', async () => {
    const i = await created(
      f.coordinator,
      base([
        carrier(f.carriers.member2.id),
        carrier(f.carriers.hidden.id),
        partner(f.carriers.member.id),
        partner(f.carriers.org.id),
      ]),
    );
    const before = await snapshot(t);
    // A partner is not a carrier.
    expect(problemOf(await patch(f.member, i.id, { name: 'Overgenomen' }), 403).code).toBe(
      'forbidden',
    );
    expect((await del(f.member, i.id)).statusCode).toBe(403);
    expect((await patch(f.researcher, i.id, { status: 'ended' })).statusCode).toBe(403);
    // A carrier cannot drop themselves as carrier.
    expect(
      (await patch(f.member2, i.id, { participants: [partner(f.carriers.member2.id)] })).statusCode,
    ).toBe(403);
    expect(await snapshot(t)).toEqual(before);

    const res = await patch(f.member2, i.id, {
      name: 'Moestuin en kas',
      participants: [carrier(f.carriers.member2.id)],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Initiative>().participants.map((p) => p.name)).toEqual(['Joop de Wit']);
    // The two private carriers member2 cannot see stay; the organisation they removed is gone.
    const all = (await get(f.coordinator, i.id)).json<Initiative>();
    expect(all.participants.map((p) => [p.role, p.name])).toEqual([
      ['carrier', 'Joop de Wit'],
      ['carrier', 'Stille Kracht'],
      ['partner', 'Fatima Öztürk'],
    ]);
    expect(await searchTokens(t, i.id)).toContain('kas');
  });

  it('shows a private initiative to coordinators and its participants only', async () => {
    const i = await created(
      f.coordinator,
      base([carrier(f.carriers.member.id)], {
        name: 'Vertrouwelijk overleg',
        visibility: 'private',
      }),
    );
    expect(await ids(f.coordinator)).toContain(i.id);
    expect(await ids(f.member)).toContain(i.id);
    expect(await ids(f.member2)).not.toContain(i.id);
    expect((await get(f.member, i.id)).statusCode).toBe(200);
    expect((await get(f.member2, i.id)).statusCode).toBe(404);
    expect((await patch(f.member2, i.id, { name: 'x' })).statusCode).toBe(404);
    expect((await get(f.outsider, i.id)).statusCode).toBe(404);
    expect((await searchEntry(t, 'initiative', i.id))?.visibility).toBe('private');
    // The carrier may make it visible.
    expect((await patch(f.member, i.id, { visibility: 'workspace' })).statusCode).toBe(200);
    expect(await ids(f.member2)).toContain(i.id);
    expect((await searchEntry(t, 'initiative', i.id))?.visibility).toBe('workspace');
  });

  it('filters by status and keeps an ended initiative', async () => {
    const i = await created(
      f.coordinator,
      base([carrier(f.carriers.org.id)], { name: 'Zomerfeest' }),
    );
    const ended = await patch(f.coordinator, i.id, { status: 'ended', endDate: '2025-09-01' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(await ids(f.member, '&status=ended')).toContain(i.id);
    expect(await ids(f.member, '&status=active')).not.toContain(i.id);
    expect((await get(f.member, i.id)).json<Initiative>()).toMatchObject({
      status: 'ended',
      endDate: '2025-09-01',
    });
    expect((await searchEntry(t, 'initiative', i.id))?.end_date).toBe('2025-09-01');
  });

  it('shows its activities and achievements, and leaves them to the carriers when deleted', async () => {
    // The coordinator lists the private carrier member2 cannot see.
    const i = await created(
      f.coordinator,
      base([carrier(f.carriers.member2.id), partner(f.carriers.member.id)], { name: 'Repaircafé' }),
    );
    const open = await createActivity(t().ctx, system, f.ws.id, {
      actorId: f.carriers.member2.id,
      initiativeId: i.id,
      title: 'Fietsen repareren',
      startDate: '2025-02-01',
      areaIds: [f.areas[1]!],
      domainIds: [],
      targetGroupIds: [],
    });
    const hidden = await createActivity(t().ctx, system, f.ws.id, {
      actorId: f.carriers.member.id,
      initiativeId: i.id,
      title: 'Naaiatelier',
      startDate: '2025-02-01',
      areaIds: [],
      domainIds: [],
      targetGroupIds: [],
    });
    const award = await createAchievement(t().ctx, system, f.ws.id, {
      initiativeId: i.id,
      type: 'award',
      title: 'Duurzaamheidsprijs',
      occurredOn: '2025-06-01',
      source: 'Gemeente',
      creditedActorIds: [f.carriers.member2.id],
    });
    const seen = (await get(f.member2, i.id)).json<Initiative>();
    expect(seen.activities.map((a) => a.id)).toEqual([open.id]);
    expect(seen.achievements.map((a) => a.id)).toEqual([award.id]);
    const all = (await get(f.coordinator, i.id)).json<Initiative>();
    expect(all.activities.map((a) => a.id).sort()).toEqual([open.id, hidden.id].sort());

    expect((await del(f.member2, i.id)).statusCode).toBe(204);
    expect((await get(f.coordinator, i.id)).statusCode).toBe(404);
    expect(await searchEntry(t, 'initiative', i.id)).toBeUndefined();
    expect(await searchTokens(t, i.id)).toEqual([]);
    const db = t().ctx.db;
    const participants = await db
      .selectFrom('initiative_participants')
      .select('actor_id')
      .where('initiative_id', '=', i.id)
      .execute();
    expect(participants).toEqual([]);
    const kept = await db
      .selectFrom('activities')
      .select(['id', 'initiative_id'])
      .where('id', 'in', [open.id, hidden.id])
      .execute();
    expect(kept.map((a) => a.initiative_id)).toEqual([null, null]);
    const keptAward = await db
      .selectFrom('achievements')
      .select('initiative_id')
      .where('id', '=', award.id)
      .executeTakeFirst();
    expect(keptAward).toEqual({ initiative_id: null });
    // The activity's own search entry and links are untouched.
    expect(await searchEntry(t, 'activity', open.id)).toBeDefined();
    expect((await recordLinks(t, open.id)).areas).toEqual([f.areas[1]]);
  });

  it('lists every error of bad input in one 400 and writes nothing', async () => {
    const before = await snapshot(t);
    const bad = problemOf(
      await post(
        f.coordinator,
        base(
          [
            carrier(MISSING),
            partner(f.carriers.other.id),
            carrier(f.carriers.org.id, { startDate: '2025-05-01', endDate: '2025-01-01' }),
            carrier(f.carriers.org.id),
          ],
          {
            startDate: '2025-01-01',
            endDate: '2024-12-31',
            areaIds: [f.otherAreas[0]],
            domainIds: [f.terms.groups[3]],
            targetGroupIds: [MISSING],
          },
        ),
      ),
      400,
    );
    expect(bad.pointers).toEqual(
      [
        '/participants/0/actorId',
        '/participants/1/actorId',
        '/participants/2/endDate',
        '/participants/3',
        '/areaIds/0',
        '/domainIds/0',
        '/targetGroupIds/0',
        '/endDate',
      ].sort(),
    );
    // A member who lists a private carrier they cannot see gets it reported as unknown.
    const hidden = problemOf(
      await post(f.member, base([carrier(f.carriers.member.id), partner(f.carriers.hidden.id)])),
      400,
    );
    expect(hidden.pointers).toEqual(['/participants/1/actorId']);
    const shape = problemOf(
      await post(f.coordinator, {
        name: '',
        status: 'done',
        visibility: 'secret',
        areaIds: [],
        domainIds: [],
        targetGroupIds: [],
        participants: [{ actorId: f.carriers.org.id, role: 'boss' }],
      }),
      400,
    );
    for (const pointer of ['/name', '/status', '/visibility', '/participants/0/role'])
      expect(shape.pointers).toContain(pointer);

    const i = await created(f.coordinator, base([], { startDate: '2025-01-01' }));
    const mid = await snapshot(t);
    expect(
      problemOf(
        await patch(f.coordinator, i.id, { endDate: '2024-01-01', areaIds: [MISSING] }),
        400,
      ).pointers,
    ).toEqual(['/areaIds/0', '/endDate']);
    expect(problemOf(await patch(f.coordinator, i.id, {}), 400).pointers).toEqual(['/']);
    expect(await snapshot(t)).toEqual(mid);
    expect((await del(f.coordinator, i.id)).statusCode).toBe(204);
    expect(await snapshot(t)).toEqual(before);
  });
});
