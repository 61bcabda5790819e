import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { activityEntry } from '../records/entries.ts';
import { setRecordAreas, writeSearchEntry } from '../records/repo.ts';
import {
  call,
  ok,
  searchEntry,
  searchTokens,
  setUp,
  snapshot,
  type ActorJson,
  type Problem,
  type Scene,
} from './actors.fixtures.ts';
import { findActor } from './repo.ts';
import { getActorsByIds } from './service.ts';

describeEachDialect('actors', (dialect) => {
  const t = useTestApp(dialect);
  let s: Scene;
  beforeAll(async () => {
    s = await setUp(t());
  });

  const create = (payload: unknown, who = s.coordinator) =>
    ok<ActorJson>(call(who, 'POST', s.slug, '/actors', payload), 201);
  const patch = (id: string, payload: unknown, who = s.coordinator) =>
    call(who, 'PATCH', s.slug, `/actors/${id}`, payload);
  const get = (id: string, who = s.coordinator) =>
    ok<ActorJson>(call(who, 'GET', s.slug, `/actors/${id}`));

  /** An activity row of the actor with its search entry and area link, as the activities module writes them. */
  async function activityOf(actorId: string, title: string) {
    const db = t().ctx.db;
    const row = {
      id: newId(),
      workspace_id: s.wsId,
      actor_id: actorId,
      initiative_id: null,
      title,
      description: null,
      start_date: '2025-01-01',
      end_date: null,
      hours_per_week: 4,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    };
    await db.insertInto('activities').values(row).execute();
    const actor = await findActor(db, s.wsId, actorId);
    const e = activityEntry(row, actor!);
    await writeSearchEntry(db, e.entry, e.texts);
    await setRecordAreas(db, s.wsId, 'activity', row.id, [s.areaIds[0]!]);
    return row.id;
  }

  it('records a person: private by default, with roles, links, contact details and a search entry', async () => {
    const p = await create({
      kind: 'person',
      name: 'Fatima el Amrani',
      carries: 'De moestuin en het buurtontbijt',
      bio: 'Woont al dertig jaar in het Oude Westen.',
      roles: [
        { role: 'bewoner', startDate: '1996-04-01' },
        { role: 'vrijwilliger', startDate: '2019-01-01', endDate: '2023-12-31' },
        { role: 'sleutelfiguur' },
      ],
      areaIds: [s.areaIds[1], s.areaIds[1]],
      domainIds: [s.domainIds[0], s.domainIds[2]],
      targetGroupIds: [s.targetGroupIds[0]],
      contactPreferences: { channels: ['in_person', 'phone'], note: 'Liever niet op maandag' },
      email: 'Fatima@Example.org',
      phone: '+31 6 1234 5678',
    });
    expect(p).toMatchObject({
      kind: 'person',
      name: 'Fatima el Amrani',
      visibility: 'private',
      sizeClass: null,
      orgKind: null,
      areaIds: [s.areaIds[1]],
      domainIds: [s.domainIds[0], s.domainIds[2]].sort(),
      targetGroupIds: [s.targetGroupIds[0]],
      email: 'fatima@example.org',
      phone: '+31 6 1234 5678',
      contactPreferences: { channels: ['in_person', 'phone'], note: 'Liever niet op maandag' },
      consent: null,
      selfManaged: false,
      userId: null,
      affiliations: [],
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    expect(p.roles.map((r) => [r.role, r.startDate, r.endDate])).toEqual([
      ['sleutelfiguur', null, null],
      ['bewoner', '1996-04-01', null],
      ['vrijwilliger', '2019-01-01', '2023-12-31'],
    ]);
    expect(await get(p.id)).toEqual(p);

    const entry = await searchEntry(t(), p.id);
    expect(entry).toMatchObject({
      workspace_id: s.wsId,
      record_type: 'actor',
      title: 'Fatima el Amrani',
      summary: 'De moestuin en het buurtontbijt',
      visibility: 'private',
      actor_kind: 'person',
      size_class: null,
    });
    const tokens = await searchTokens(t(), p.id);
    expect(tokens).toEqual(
      expect.arrayContaining(['fatima', 'moestuin', 'buurtontbijt', 'westen']),
    );
    // Contact details never reach the index.
    expect(tokens.join(' ')).not.toMatch(/example|1234/);
  });

  it('needs recorded consent before a person is visible to the workspace or the public', async () => {
    const before = await snapshot(t());
    const refused = await call(s.coordinator, 'POST', s.slug, '/actors', {
      kind: 'person',
      name: 'Jan Zonder Toestemming',
      visibility: 'workspace',
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json<Problem>()).toMatchObject({
      code: 'consent_required',
      errors: [{ pointer: '/visibility', code: 'consent_required' }],
    });
    expect(await snapshot(t())).toEqual(before);

    const p = await create({
      kind: 'person',
      name: 'Jan Met Toestemming',
      visibility: 'public',
      consent: { givenOn: '2026-02-20', textVersion: '2026-01' },
    });
    expect(p).toMatchObject({
      visibility: 'public',
      consent: { givenOn: '2026-02-20', textVersion: '2026-01', recordedBy: s.users.coordinator },
    });
    expect((await searchEntry(t(), p.id))?.visibility).toBe('public');
    const events = await t()
      .ctx.db.selectFrom('audit_events')
      .selectAll()
      .where('object_id', '=', p.id)
      .execute();
    expect(events.map((e) => [e.action, e.actor_user_id, e.object_type, e.result])).toEqual([
      ['consent.recorded', s.users.coordinator, 'actor', 'ok'],
    ]);
    expect(JSON.stringify(events)).not.toContain('Jan');

    // A consent date in the future is refused.
    const future = await call(s.coordinator, 'POST', s.slug, '/actors', {
      kind: 'person',
      name: 'Later',
      consent: { givenOn: '2026-03-03', textVersion: 'v1' },
    });
    expect(future.statusCode, future.body).toBe(400);
    expect(future.json<Problem>().errors?.map((e) => e.pointer)).toEqual(['/consent/givenOn']);
  });

  it('derives an organisation’s size class from budget and staff, stores it, and lets the override win', async () => {
    const org = (extra: object) =>
      create({
        kind: 'organisation',
        name: 'Stichting Test',
        orgKind: 'stichting_vereniging',
        ...extra,
      });
    const unknown = await org({});
    expect(unknown).toMatchObject({ sizeClass: 'small', visibility: 'workspace', kvkNumber: null });
    expect((await org({ budgetBand: '1m_10m' })).sizeClass).toBe('large');
    expect((await org({ budgetBand: '100k_1m', staffCount: 49 })).sizeClass).toBe('small');
    expect((await org({ staffCount: 50 })).sizeClass).toBe('large');
    const overridden = await org({
      budgetBand: 'gt_10m',
      staffCount: 800,
      sizeClassOverride: 'small',
      kvkNumber: '12345678',
      website: 'https://wijkdragers.nl/stichting',
    });
    expect(overridden).toMatchObject({
      sizeClass: 'small',
      sizeClassOverride: 'small',
      budgetBand: 'gt_10m',
      staffCount: 800,
      kvkNumber: '12345678',
      website: 'https://wijkdragers.nl/stichting',
    });
    const stored = async (id: string) => (await findActor(t().ctx.db, s.wsId, id))?.size_class;
    expect(await stored(overridden.id)).toBe('small');

    // The override goes: derived again from the figures.
    const cleared = await ok<ActorJson>(patch(overridden.id, { sizeClassOverride: null }));
    expect(cleared.sizeClass).toBe('large');
    expect(await stored(overridden.id)).toBe('large');
    expect((await searchEntry(t(), overridden.id))?.size_class).toBe('large');
    const shrunk = await ok<ActorJson>(patch(overridden.id, { budgetBand: null, staffCount: 12 }));
    expect(shrunk.sizeClass).toBe('small');
    const forced = await ok<ActorJson>(patch(unknown.id, { sizeClassOverride: 'large' }));
    expect(forced.sizeClass).toBe('large');
    expect((await searchEntry(t(), unknown.id))?.size_class).toBe('large');
  });

  it('changes an actor: replaces roles and links, keeps the other kind of terms, and rewrites its activities’ search entries', async () => {
    const org = await create({
      kind: 'organisation',
      name: 'Buurthuis De Brug',
      orgKind: 'welzijnsorganisatie',
      domainIds: [s.domainIds[0]],
      targetGroupIds: [s.targetGroupIds[1]],
      areaIds: [s.areaIds[0]],
    });
    const activityId = await activityOf(org.id, 'Taalcafé');
    const changed = await ok<ActorJson>(
      patch(org.id, {
        name: 'Wijkcentrum Het Anker',
        domainIds: [s.domainIds[3], s.domainIds[4]],
        areaIds: [],
        staffCount: 75,
        bio: '  ',
      }),
    );
    expect(changed).toMatchObject({
      name: 'Wijkcentrum Het Anker',
      domainIds: [s.domainIds[3], s.domainIds[4]].sort(),
      targetGroupIds: [s.targetGroupIds[1]],
      areaIds: [],
      sizeClass: 'large',
      bio: null,
    });
    expect(changed.updatedAt).toBe('2026-03-02T09:00:00.000Z');
    expect((await searchEntry(t(), org.id))?.title).toBe('Wijkcentrum Het Anker');
    const activity = await searchEntry(t(), activityId);
    expect(activity).toMatchObject({ title: 'Taalcafé', size_class: 'large', actor_id: org.id });
    const tokens = await searchTokens(t(), activityId);
    expect(tokens).toEqual(expect.arrayContaining(['anker', 'wijkcentrum', 'taalcafe']));
    expect(tokens).not.toContain('brug');

    const hidden = await ok<ActorJson>(patch(org.id, { visibility: 'private' }));
    expect(hidden.visibility).toBe('private');
    expect((await searchEntry(t(), activityId))?.visibility).toBe('private');
  });

  it('refuses fields of the other kind and an empty change, listing each field', async () => {
    const org = await create({ kind: 'organisation', name: 'Fonds Oost', orgKind: 'fonds' });
    const person = await create({ kind: 'person', name: 'Kees' });
    const before = await snapshot(t());
    const bad = await patch(org.id, {
      carries: 'x',
      roles: [{ role: 'bewoner' }],
      contactPreferences: { channels: [] },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json<Problem>().errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/carries', 'not_for_kind'],
      ['/roles', 'not_for_kind'],
      ['/contactPreferences', 'not_for_kind'],
    ]);
    const bad2 = await patch(person.id, { orgKind: 'fonds', kvkNumber: '12345678' });
    expect(bad2.json<Problem>().errors?.map((e) => e.pointer)).toEqual(['/orgKind', '/kvkNumber']);
    expect((await patch(person.id, {})).statusCode).toBe(400);
    expect(await snapshot(t())).toEqual(before);
  });

  it('deletes an actor with its roles, affiliations, activities, links and search entries', async () => {
    const person = await create({
      kind: 'person',
      name: 'Weg Te Halen',
      roles: [{ role: 'verbinder' }],
      areaIds: [s.areaIds[0]],
      domainIds: [s.domainIds[0]],
    });
    const org = await create({ kind: 'organisation', name: 'Blijft', orgKind: 'school' });
    await ok(
      call(s.coordinator, 'POST', s.slug, `/actors/${person.id}/affiliations`, {
        counterpartId: org.id,
        role: 'ouder',
      }),
      201,
    );
    const activityId = await activityOf(person.id, 'Huiswerkklas');

    expect((await call(s.member, 'DELETE', s.slug, `/actors/${person.id}`)).statusCode).toBe(403);
    expect((await call(s.outsider, 'DELETE', s.otherSlug, `/actors/${person.id}`)).statusCode).toBe(
      404,
    );
    await ok(call(s.coordinator, 'DELETE', s.slug, `/actors/${person.id}`), 204);

    const db = t().ctx.db;
    const count = async (
      table: 'actor_roles' | 'affiliations' | 'activities',
      column: string,
      id: string,
    ) =>
      (
        await db
          .selectFrom(table)
          .selectAll()
          .where(column as 'id', '=', id)
          .execute()
      ).length;
    expect(await findActor(db, s.wsId, person.id)).toBeUndefined();
    expect(await count('actor_roles', 'actor_id', person.id)).toBe(0);
    expect(await count('affiliations', 'person_id', person.id)).toBe(0);
    expect(await count('activities', 'actor_id', person.id)).toBe(0);
    for (const id of [person.id, activityId]) {
      expect(await searchEntry(t(), id)).toBeUndefined();
      expect(await searchTokens(t(), id)).toEqual([]);
      for (const table of ['record_areas', 'record_terms'] as const)
        expect(
          await db.selectFrom(table).selectAll().where('record_id', '=', id).execute(),
        ).toEqual([]);
    }
    expect((await get(org.id)).affiliations).toEqual([]);
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id'])
      .where('object_id', '=', person.id)
      .execute();
    expect(audit).toEqual([{ action: 'actor.deleted', actor_user_id: s.users.coordinator }]);
    expect((await call(s.coordinator, 'GET', s.slug, `/actors/${person.id}`)).statusCode).toBe(404);
    expect((await call(s.coordinator, 'DELETE', s.slug, `/actors/${person.id}`)).statusCode).toBe(
      404,
    );
  });

  it('gives other modules actor rows by id, only of the workspace', async () => {
    const a = await create({
      kind: 'organisation',
      name: 'Corporatie',
      orgKind: 'woningcorporatie',
    });
    const rows = await getActorsByIds(t().ctx, s.wsId, [a.id, a.id, newId()]);
    expect(rows.map((r) => [r.id, r.kind, r.size_class])).toEqual([
      [a.id, 'organisation', 'small'],
    ]);
    expect(await getActorsByIds(t().ctx, s.otherWsId, [a.id])).toEqual([]);
  });
});
