import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { ObstacleDetail } from './schema.ts';
import { obstacleFixture, obstacleSnapshot, type ObstacleFixture } from './test-fixture.ts';

describeEachDialect('obstacles: moderation and owners', (dialect) => {
  const t = useTestApp(dialect);
  let f: ObstacleFixture;
  beforeAll(async () => {
    f = await obstacleFixture(t);
  });
  const post = (path: string, payload: object, who = f.coordinator) =>
    who.inject({ method: 'POST', url: f.url(path), payload });

  it('merges a duplicate: endorsements move (once per person), its reporter recognises the target', async () => {
    const target = await f.report(f.member);
    const dup = await f.report(f.member2);
    await post(`/${dup.id}/endorsements`, {}, f.researcher);
    await post(`/${target.id}/endorsements`, {}, f.researcher);
    const res = await post(`/${dup.id}/merge`, { intoId: target.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ObstacleDetail>()).toMatchObject({ status: 'merged', mergedIntoId: target.id });
    const t2 = await f.get(f.coordinator, target.id);
    expect(t2.endorsementCount).toBe(2); // researcher once, member2 as the duplicate's reporter
    expect(t2.history!.at(-1)).toMatchObject({ kind: 'merged', note: dup.id });
    expect(
      problemOf(await post(`/${target.id}/merge`, { intoId: target.id }), 400).pointers,
    ).toEqual(['/intoId']);
    expect(problemOf(await post(`/${target.id}/merge`, { intoId: dup.id }), 400).pointers).toEqual([
      '/intoId',
    ]);
  });

  it('redacts text, logging field and reason but not the removed text', async () => {
    const o = await f.report(f.member, {
      description: 'Mevrouw Jansen van Wijkzorg belde niet terug.',
    });
    await post(`/${o.id}/endorsements`, { context: 'Bel 06-12345678 voor meer' }, f.member2);
    const res = await post(`/${o.id}/redactions`, {
      field: 'description',
      find: 'Mevrouw Jansen',
      reason: 'Naam van een ambtenaar',
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json<ObstacleDetail>();
    expect(d.description).toBe('[verwijderd] van Wijkzorg belde niet terug.');
    expect(d.history!.at(-1)).toMatchObject({
      kind: 'redacted',
      note: 'description: Naam van een ambtenaar',
    });
    const e = await post(`/${o.id}/redactions`, {
      field: 'endorsementContext',
      endorsementId: d.endorsements[0]!.id,
      find: '06-12345678',
      reason: 'Telefoonnummer',
    });
    expect(e.json<ObstacleDetail>().endorsements[0]!.context).toBe('Bel [verwijderd] voor meer');
    const dump = JSON.stringify(
      await t().ctx.db.selectFrom('obstacle_events').selectAll().execute(),
    );
    expect(dump).not.toContain('Jansen');
    expect(dump).not.toContain('06-12345678');
    const before = await obstacleSnapshot(t);
    const missing = await post(`/${o.id}/redactions`, {
      field: 'title',
      find: 'bestaat niet',
      reason: 'x',
    });
    expect(problemOf(missing, 400).pointers).toEqual(['/find']);
    expect(
      problemOf(
        await post(`/${o.id}/redactions`, { field: 'title', find: 'a', reason: 'x' }, f.member),
        403,
      ).code,
    ).toBe('forbidden');
    expect(await obstacleSnapshot(t)).toEqual(before);
  });

  it('hides abusive content from everyone but moderators, and shows it again', async () => {
    const o = await f.report(f.member2, { title: 'Scheldpartij' });
    const hide = (hidden: boolean) =>
      f.coordinator.inject({
        method: 'PUT',
        url: f.url(`/${o.id}/moderation`),
        payload: { hidden, reason: 'Kwetsend' },
      });
    expect((await hide(true)).json<ObstacleDetail>()).toMatchObject({
      hidden: true,
      hiddenReason: 'Kwetsend',
    });
    expect(
      problemOf(await f.member.inject({ method: 'GET', url: f.url(`/${o.id}`) }), 404).code,
    ).toBe('not_found');
    const list = await f.member.inject({ method: 'GET', url: f.url('?pageSize=100') });
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(o.id);
    expect(problemOf(await hide(true), 409).code).toBe('unchanged');
    expect((await hide(false)).json<ObstacleDetail>().hidden).toBe(false);
    expect((await f.get(f.member, o.id)).hiddenReason).toBeNull();
  });

  it('creates owners only with members who may respond; lists every error', async () => {
    const before = await obstacleSnapshot(t);
    const bad = await post('/../../obstacle-owners'.replace('/../..', ''), {});
    expect(bad.statusCode).toBe(404);
    const res = await f.coordinator.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${f.slug}/obstacle-owners`,
      payload: {
        name: 'Afdeling Subsidies',
        kind: 'organisation',
        memberUserIds: [f.users.member.id, '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b'],
      },
    });
    expect(problemOf(res, 400).pointers).toEqual([
      '/actorId',
      '/memberUserIds/0',
      '/memberUserIds/1',
      '/name',
    ]);
    expect(await obstacleSnapshot(t)).toEqual(before);
    const ok = await f.coordinator.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${f.slug}/obstacle-owners`,
      payload: {
        name: 'Stichting Buurtkracht',
        kind: 'organisation',
        actorId: f.carriers.org.id,
        memberUserIds: [f.officerUser.id, f.users.coordinator.id],
      },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const list = await f.member.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${f.slug}/obstacle-owners`,
    });
    expect(list.json<{ items: { name: string }[] }>().items.map((o) => o.name)).toEqual([
      'Afdeling Subsidies',
      'Stichting Buurtkracht',
    ]);
  });
});
