import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import {
  directoryFixture,
  problemOf,
  snapshot,
  system,
  type Fixture,
} from '../activities/test-fixture.ts';
import type { AchievementDto } from './achievements-schema.ts';
import { createInitiative } from './service.ts';

type Achievement = AchievementDto & { canEdit: boolean };
const MISSING = '2d3e4f50-6a7b-4c8d-9e0f-1a2b3c4d5e6f';

describeEachDialect('achievements', (dialect) => {
  const t = useTestApp(dialect);
  let f: Fixture;
  let initiativeId = '';
  const url = (rest = '') => `/api/v1/workspaces/${f.slug}/achievements${rest}`;

  beforeAll(async () => {
    f = await directoryFixture(t);
    // member2 carries it, the organisation is a partner.
    initiativeId = (
      await createInitiative(t().ctx, system, f.ws.id, {
        name: 'Buurtkeuken',
        status: 'active',
        startDate: '2023-01-01',
        areaIds: [],
        domainIds: [],
        targetGroupIds: [],
        participants: [
          { actorId: f.carriers.member2.id, role: 'carrier' },
          { actorId: f.carriers.org.id, role: 'partner' },
        ],
      })
    ).id;
  });

  const post = (who: Browser, payload: object) =>
    who.inject({ method: 'POST', url: url(), payload });
  const patch = (who: Browser, id: string, payload: object) =>
    who.inject({ method: 'PATCH', url: url(`/${id}`), payload });
  const get = (who: Browser, id: string) => who.inject({ method: 'GET', url: url(`/${id}`) });
  const del = (who: Browser, id: string) => who.inject({ method: 'DELETE', url: url(`/${id}`) });
  const list = async (who: Browser, query = '') => {
    const res = await who.inject({ method: 'GET', url: url(`?pageSize=100${query}`) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Achievement[]; total: number }>();
  };
  const created = async (who: Browser, payload: object) => {
    const res = await post(who, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Achievement>();
  };
  const thanks = (creditedActorIds: string[], extra: object = {}) => ({
    type: 'thanks',
    title: 'Bedankt namens de bewoners',
    occurredOn: '2024-11-15',
    creditedActorIds,
    ...extra,
  });
  const names = (a: Achievement) => a.credited.map((c) => c.name);

  it('records a result with evidence, credited to the people who carried it', async () => {
    const a = await created(f.coordinator, {
      initiativeId,
      type: 'result',
      title: '120 maaltijden per week',
      description: 'Voor buurtbewoners met weinig geld',
      occurredOn: '2024-06-30',
      evidence: 'Jaarverslag 2024, p. 4',
      creditedActorIds: [f.carriers.org.id, f.carriers.member2.id],
    });
    expect(a).toMatchObject({
      initiativeId,
      initiativeName: 'Buurtkeuken',
      type: 'result',
      evidence: 'Jaarverslag 2024, p. 4',
      source: null,
      canEdit: true,
    });
    expect(names(a)).toEqual(['Joop de Wit', 'Stichting Buurtkracht']);
    expect((await list(f.member, `&initiativeId=${initiativeId}`)).items.map((x) => x.id)).toEqual([
      a.id,
    ]);
    expect(
      (await list(f.member, `&actorId=${f.carriers.org.id}`)).items.map((x) => x.id),
    ).toContain(a.id);
    expect((await get(f.member, a.id)).json<Achievement>().canEdit).toBe(false);
    // member2 carries the initiative and is credited: may change it.
    const changed = await patch(f.member2, a.id, { title: '150 maaltijden per week' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Achievement>()).toMatchObject({ title: '150 maaltijden per week' });
    const credits = await t()
      .ctx.db.selectFrom('achievement_credits')
      .select('actor_id')
      .where('achievement_id', '=', a.id)
      .execute();
    expect(credits.map((c) => c.actor_id).sort()).toEqual(
      [f.carriers.org.id, f.carriers.member2.id].sort(),
    );
  });

  it('lets members record recognitions of their own carrier or their initiative only', async () => {
    const own = await created(f.member, thanks([f.carriers.member.id]));
    expect(own.canEdit).toBe(true);
    // A carrier of the initiative may credit a partner.
    const forPartner = await created(
      f.member2,
      thanks([f.carriers.org.id], { initiativeId, type: 'press', source: 'AD Rotterdam' }),
    );
    expect(forPartner).toMatchObject({ type: 'press', source: 'AD Rotterdam', canEdit: true });

    const before = await snapshot(t);
    expect(problemOf(await post(f.member, thanks([f.carriers.member2.id])), 403).code).toBe(
      'forbidden',
    );
    expect((await post(f.member, thanks([f.carriers.org.id], { initiativeId }))).statusCode).toBe(
      403,
    );
    expect((await post(f.researcher, thanks([f.carriers.org.id]))).statusCode).toBe(403);
    expect((await patch(f.member, forPartner.id, { title: 'x' })).statusCode).toBe(403);
    expect((await del(f.member, forPartner.id)).statusCode).toBe(403);
    // Crediting someone else only would lock the member out: refused.
    expect(
      (await patch(f.member, own.id, { creditedActorIds: [f.carriers.org.id] })).statusCode,
    ).toBe(403);
    expect((await post(f.outsider, thanks([f.carriers.org.id]))).statusCode).toBe(404);
    expect(await snapshot(t)).toEqual(before);

    expect((await del(f.member, own.id)).statusCode).toBe(204);
    expect((await get(f.coordinator, own.id)).statusCode).toBe(404);
    const credits = await t()
      .ctx.db.selectFrom('achievement_credits')
      .select('actor_id')
      .where('achievement_id', '=', own.id)
      .execute();
    expect(credits).toEqual([]);
  });

  it('hides what is credited only to private carriers, and keeps credits others cannot see', async () => {
    const secret = await created(f.coordinator, thanks([f.carriers.hidden.id], { title: 'Stil' }));
    const mixed = await created(
      f.coordinator,
      thanks([f.carriers.hidden.id, f.carriers.member2.id], { type: 'award', title: 'Lintje' }),
    );
    const seen = (await list(f.member)).items.map((x) => x.id);
    expect(seen).not.toContain(secret.id);
    expect(seen).toContain(mixed.id);
    expect((await get(f.member, secret.id)).statusCode).toBe(404);
    expect((await patch(f.member2, secret.id, { title: 'x' })).statusCode).toBe(404);
    expect(names((await get(f.member, mixed.id)).json<Achievement>())).toEqual(['Joop de Wit']);
    expect(names((await get(f.coordinator, mixed.id)).json<Achievement>())).toEqual([
      'Joop de Wit',
      'Stille Kracht',
    ]);
    expect((await list(f.coordinator)).items.map((x) => x.id)).toContain(secret.id);
    // Filtering by the private carrier does not reveal what it is credited with.
    expect((await list(f.member, `&actorId=${f.carriers.hidden.id}`)).total).toBe(0);
    expect((await list(f.coordinator, `&actorId=${f.carriers.hidden.id}`)).total).toBe(2);

    // member2 replaces the credits they see; the private carrier stays credited.
    const res = await patch(f.member2, mixed.id, {
      creditedActorIds: [f.carriers.member2.id, f.carriers.org.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(names((await get(f.coordinator, mixed.id)).json<Achievement>())).toEqual([
      'Joop de Wit',
      'Stichting Buurtkracht',
      'Stille Kracht',
    ]);
  });

  it('lists every error of bad input in one 400 and writes nothing', async () => {
    const before = await snapshot(t);
    const none = problemOf(await post(f.coordinator, thanks([], { initiativeId: MISSING })), 400);
    expect(none.pointers).toEqual(['/creditedActorIds', '/initiativeId']);
    const unknown = problemOf(
      await post(f.coordinator, thanks([f.carriers.org.id, MISSING, f.carriers.other.id])),
      400,
    );
    expect(unknown.pointers).toEqual(['/creditedActorIds/1', '/creditedActorIds/2']);
    const shape = problemOf(
      await post(f.coordinator, {
        type: 'medal',
        title: '',
        occurredOn: '15-11-2024',
        creditedActorIds: ['x'],
        extra: 1,
      }),
      400,
    );
    for (const pointer of ['/type', '/title', '/occurredOn', '/creditedActorIds/0'])
      expect(shape.pointers).toContain(pointer);
    const a = await created(f.coordinator, thanks([f.carriers.org.id]));
    const mid = await snapshot(t);
    expect(
      problemOf(
        await patch(f.coordinator, a.id, { creditedActorIds: [], initiativeId: MISSING }),
        400,
      ).pointers,
    ).toEqual(['/creditedActorIds', '/initiativeId']);
    expect(problemOf(await patch(f.coordinator, a.id, {}), 400).pointers).toEqual(['/']);
    expect(await snapshot(t)).toEqual(mid);
    expect((await del(f.coordinator, a.id)).statusCode).toBe(204);
    expect(await snapshot(t)).toEqual(before);
  });
});
