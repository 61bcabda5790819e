import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import {
  call,
  ok,
  searchEntry,
  setUp,
  snapshot,
  type ActorJson,
  type Problem,
  type Scene,
} from './actors.fixtures.ts';
import { findActorByUser } from './repo.ts';

describeEachDialect('my carrier record (/me/carrier)', (dialect) => {
  const t = useTestApp(dialect);
  let s: Scene;
  beforeAll(async () => {
    s = await setUp(t());
  });

  const me = (method: 'GET' | 'POST' | 'PATCH', payload?: unknown, who = s.member) =>
    call(who, method, s.slug, '/me/carrier', payload);

  it('creates, reads and changes one’s own record; the consent is one’s own', async () => {
    const none = await me('GET');
    expect(none.statusCode, none.body).toBe(404);
    expect(none.json<Problem>().code).toBe('not_found');

    const created = await ok<ActorJson>(
      me('POST', {
        name: 'Ilse de Wit',
        carries: 'Het buurtkoor',
        roles: [{ role: 'initiatiefnemer', startDate: '2024-09-01' }],
        areaIds: [s.areaIds[2]],
        domainIds: [s.domainIds[11]],
        email: 'ilse@example.org',
      }),
      201,
    );
    expect(created).toMatchObject({
      kind: 'person',
      name: 'Ilse de Wit',
      visibility: 'private',
      selfManaged: true,
      userId: s.users.member,
      email: 'ilse@example.org',
      areaIds: [s.areaIds[2]],
      consent: { givenOn: '2026-03-02', textVersion: 'self-managed', recordedBy: s.users.member },
    });
    const row = await findActorByUser(t().ctx.db, s.wsId, s.users.member);
    expect(row).toMatchObject({
      id: created.id,
      consent_given_at: '2026-03-02T09:00:00.000Z',
      consent_text_version: 'self-managed',
      created_by: s.users.member,
    });
    expect(await searchEntry(t(), created.id)).toMatchObject({
      visibility: 'private',
      owner_user_id: s.users.member,
    });
    expect(await ok<ActorJson>(me('GET'))).toEqual(created);

    const again = await me('POST', { name: 'Tweede' });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json<Problem>().code).toBe('carrier_exists');

    // Self-managed: making oneself visible needs no coordinator.
    const shown = await ok<ActorJson>(
      me('PATCH', { visibility: 'workspace', carries: 'Het koor' }),
    );
    expect(shown).toMatchObject({ visibility: 'workspace', carries: 'Het koor' });
    expect((await searchEntry(t(), created.id))?.visibility).toBe('workspace');
    const seen = await ok<ActorJson>(call(s.researcher, 'GET', s.slug, `/actors/${created.id}`));
    expect(seen).not.toHaveProperty('email');
    expect(seen.userId).toBeNull();

    // The same record through /actors/:id.
    await ok(call(s.member, 'PATCH', s.slug, `/actors/${created.id}`, { bio: 'Zingt graag' }));
    expect((await ok<ActorJson>(me('GET'))).bio).toBe('Zingt graag');
  });

  it('re-records the carrier’s own consent when they make themselves visible after a withdrawal', async () => {
    const mine = await ok<ActorJson>(me('GET'));
    await ok(call(s.coordinator, 'DELETE', s.slug, `/actors/${mine.id}/consent`), 204);
    const withdrawn = await ok<ActorJson>(me('GET'));
    expect(withdrawn).toMatchObject({ visibility: 'private', consent: null });
    // A coordinator cannot make them visible again without consent…
    const refused = await call(s.coordinator, 'PATCH', s.slug, `/actors/${mine.id}`, {
      visibility: 'public',
    });
    expect(refused.json<Problem>().code).toBe('consent_required');
    // …the carrier can: their own choice is their consent.
    t().clock.advance(60);
    const shown = await ok<ActorJson>(me('PATCH', { visibility: 'public' }));
    expect(shown).toMatchObject({
      visibility: 'public',
      consent: { givenOn: '2026-03-02', textVersion: 'self-managed', recordedBy: s.users.member },
    });
    expect((await findActorByUser(t().ctx.db, s.wsId, s.users.member))?.consent_given_at).toBe(
      '2026-03-02T09:01:00.000Z',
    );
    const audit = await t()
      .ctx.db.selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', mine.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'consent.recorded',
      'consent.recorded',
      'consent.withdrawn',
    ]);
  });

  it('refuses bad input listing every error, and fields a carrier may not set', async () => {
    const before = await snapshot(t());
    const bad = await me('PATCH', {
      areaIds: [s.otherAreaId],
      targetGroupIds: [s.domainIds[0]],
      roles: [{ role: 'bewoner', startDate: '2024-01-02', endDate: '2024-01-01' }],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json<Problem>().errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/areaIds/0', 'unknown_area'],
      ['/targetGroupIds/0', 'wrong_term_kind'],
      ['/roles/0/endDate', 'end_before_start'],
    ]);
    for (const payload of [{ userId: null }, { orgKind: 'fonds' }, { kind: 'person' }])
      expect((await me('PATCH', payload)).statusCode).toBe(400);
    const badCreate = await me(
      'POST',
      { name: '', consent: { givenOn: '2020-01-01', textVersion: 'x' } },
      s.researcher,
    );
    expect(badCreate.statusCode).toBe(400);
    expect(badCreate.json<Problem>().errors?.map((e) => e.pointer)).toContain('/name');
    expect(await snapshot(t())).toEqual(before);
  });

  it('answers 404 to PATCH without a record, and lets only one of two simultaneous creations win', async () => {
    expect((await me('PATCH', { bio: 'x' }, s.researcher)).statusCode).toBe(404);
    const answers = await Promise.all(
      [1, 2, 3].map((n) => me('POST', { name: `Onderzoeker ${n}` }, s.researcher)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    const rows = await t()
      .ctx.db.selectFrom('actors')
      .select('id')
      .where('user_id', '=', s.users.researcher)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('shows a carrier that a coordinator linked to the account', async () => {
    const linked = await ok<ActorJson>(
      call(s.coordinator, 'POST', s.slug, '/actors', {
        kind: 'person',
        name: 'Karel Gekoppeld',
        userId: s.users.admin,
      }),
      201,
    );
    expect(linked).toMatchObject({ selfManaged: true, userId: s.users.admin, consent: null });
    expect((await ok<ActorJson>(me('GET', undefined, s.admin))).id).toBe(linked.id);
    // The coordinator unlinks it: the account has no carrier any more.
    await ok(call(s.coordinator, 'PATCH', s.slug, `/actors/${linked.id}`, { userId: null }));
    expect((await me('GET', undefined, s.admin)).statusCode).toBe(404);
  });
});
