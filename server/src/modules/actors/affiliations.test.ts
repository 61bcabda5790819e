import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import {
  call,
  ok,
  setUp,
  snapshot,
  system,
  type ActorJson,
  type Problem,
  type Scene,
} from './actors.fixtures.ts';
import type { Affiliation } from './schema.ts';
import { createActor } from './service.ts';

describeEachDialect('affiliations', (dialect) => {
  const t = useTestApp(dialect);
  let s: Scene;
  const ids = { person: '', hiddenPerson: '', org: '', otherOrg: '', foreignOrg: '' };

  beforeAll(async () => {
    s = await setUp(t());
    const links = { areaIds: [], domainIds: [], targetGroupIds: [] };
    const person = (name: string, extra = {}) =>
      createActor(t().ctx, system, s.wsId, { kind: 'person', name, roles: [], ...links, ...extra });
    const org = (ws: string, name: string) =>
      createActor(t().ctx, system, ws, {
        kind: 'organisation',
        name,
        orgKind: 'stichting_vereniging',
        ...links,
      });
    ids.person = (
      await person('Gerrit Zichtbaar', {
        visibility: 'workspace',
        consent: { givenOn: '2025-06-01', textVersion: 'v1' },
      })
    ).id;
    ids.hiddenPerson = (await person('Hanna Verborgen')).id;
    ids.org = (await org(s.wsId, 'Speeltuinvereniging')).id;
    ids.otherOrg = (await org(s.wsId, 'Sportclub')).id;
    ids.foreignOrg = (await org(s.otherWsId, 'Elders')).id;
  });

  const add = (actorId: string, payload: unknown, who = s.coordinator) =>
    call(who, 'POST', s.slug, `/actors/${actorId}/affiliations`, payload);
  const detail = (id: string, who = s.coordinator) =>
    ok<ActorJson>(call(who, 'GET', s.slug, `/actors/${id}`));

  it('links a person and an organisation from either side, with role and period', async () => {
    const a = await ok<Affiliation>(
      add(ids.person, {
        counterpartId: ids.org,
        role: 'bestuurslid',
        startDate: '2021-03-01',
        endDate: '2024-03-01',
      }),
      201,
    );
    expect(a).toMatchObject({
      personId: ids.person,
      personName: 'Gerrit Zichtbaar',
      organisationId: ids.org,
      organisationName: 'Speeltuinvereniging',
      role: 'bestuurslid',
      startDate: '2021-03-01',
      endDate: '2024-03-01',
    });
    const b = await ok<Affiliation>(
      add(ids.otherOrg, { counterpartId: ids.person, role: 'trainer' }),
      201,
    );
    expect(b).toMatchObject({
      personId: ids.person,
      organisationId: ids.otherOrg,
      startDate: null,
    });
    expect((await detail(ids.person)).affiliations.map((x) => x.id)).toEqual([b.id, a.id]);
    expect((await detail(ids.org, s.member)).affiliations).toEqual([a]);
  });

  it('changes the role and period, and removes an affiliation', async () => {
    const a = await ok<Affiliation>(
      add(ids.person, { counterpartId: ids.otherOrg, role: 'lid' }),
      201,
    );
    const changed = await ok<Affiliation>(
      call(s.coordinator, 'PATCH', s.slug, `/affiliations/${a.id}`, {
        role: 'voorzitter',
        startDate: '2022-01-01',
      }),
    );
    expect(changed).toMatchObject({ role: 'voorzitter', startDate: '2022-01-01', endDate: null });
    const before = await snapshot(t());
    const backwards = await call(s.coordinator, 'PATCH', s.slug, `/affiliations/${a.id}`, {
      endDate: '2021-12-31',
    });
    expect(backwards.statusCode, backwards.body).toBe(400);
    expect(backwards.json<Problem>().errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/endDate', 'end_before_start'],
    ]);
    expect(
      (await call(s.coordinator, 'PATCH', s.slug, `/affiliations/${a.id}`, {})).statusCode,
    ).toBe(400);
    expect(
      (await call(s.member, 'PATCH', s.slug, `/affiliations/${a.id}`, { role: 'x' })).statusCode,
    ).toBe(403);
    expect(await snapshot(t())).toEqual(before);
    await ok(call(s.coordinator, 'DELETE', s.slug, `/affiliations/${a.id}`), 204);
    expect((await detail(ids.person)).affiliations.map((x) => x.id)).not.toContain(a.id);
    expect((await call(s.coordinator, 'DELETE', s.slug, `/affiliations/${a.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await call(s.coordinator, 'PATCH', s.slug, `/affiliations/${newId()}`, { role: 'x' }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses two persons, unknown or foreign parties and a backwards period, listing each, writing nothing', async () => {
    const before = await snapshot(t());
    const twoPersons = await add(ids.person, {
      counterpartId: ids.hiddenPerson,
      role: 'buur',
      startDate: '2020-05-01',
      endDate: '2020-04-01',
    });
    expect(twoPersons.statusCode, twoPersons.body).toBe(400);
    expect(twoPersons.json<Problem>().errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/counterpartId', 'wrong_actor_kind'],
      ['/endDate', 'end_before_start'],
    ]);
    for (const counterpartId of [ids.foreignOrg, newId()]) {
      const res = await add(ids.person, { counterpartId, role: 'lid' });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<Problem>().errors?.[0]).toMatchObject({
        pointer: '/counterpartId',
        code: 'unknown_actor',
      });
    }
    const bad = await add(ids.person, { counterpartId: 'x', role: '', startDate: 'gisteren' });
    expect(
      bad
        .json<Problem>()
        .errors?.map((e) => e.pointer)
        .sort(),
    ).toEqual(['/counterpartId', '/role', '/startDate']);
    expect(
      (await add(ids.person, { counterpartId: ids.org, role: 'lid' }, s.member)).statusCode,
    ).toBe(403);
    expect((await add(ids.foreignOrg, { counterpartId: ids.person, role: 'lid' })).statusCode).toBe(
      404,
    );
    expect(await snapshot(t())).toEqual(before);
  });

  it('shows an affiliation only to viewers who may see both parties', async () => {
    const a = await ok<Affiliation>(
      add(ids.org, { counterpartId: ids.hiddenPerson, role: 'vrijwilliger' }),
      201,
    );
    expect((await detail(ids.org)).affiliations.map((x) => x.id)).toContain(a.id);
    const seen = await detail(ids.org, s.researcher);
    expect(seen.affiliations.map((x) => x.id)).not.toContain(a.id);
    expect(JSON.stringify(seen)).not.toContain('Hanna');
  });
});
