import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { activityEntry } from '../records/entries.ts';
import { writeSearchEntry } from '../records/repo.ts';
import {
  call,
  ok,
  searchEntry,
  setUp,
  system,
  type ActorJson,
  type Problem,
  type Scene,
} from './actors.fixtures.ts';
import { findActor } from './repo.ts';
import { createActor } from './service.ts';

interface Page {
  items: { id: string; kind: string; name: string; visibility: string }[];
  total: number;
  page: number;
  pageSize: number;
}

const consent = { givenOn: '2026-01-10', textVersion: '2026-01' };

describeEachDialect('actor visibility and consent', (dialect) => {
  const t = useTestApp(dialect);
  let s: Scene;
  /** private person, private person linked to the member, workspace person, public org, private org */
  const ids = { hidden: '', mine: '', known: '', publicOrg: '', privateOrg: '' };

  beforeAll(async () => {
    s = await setUp(t());
    const make = async (input: object) =>
      (
        await createActor(t().ctx, system, s.wsId, {
          areaIds: [],
          domainIds: [],
          targetGroupIds: [],
          roles: [],
          ...input,
        } as never)
      ).id;
    const contact = {
      email: 'persoon@example.org',
      phone: '010 123 4567',
      contactPreferences: { channels: ['email'] },
    };
    ids.hidden = await make({ kind: 'person', name: 'Anna Verborgen', ...contact });
    ids.mine = await make({
      kind: 'person',
      name: 'Bram Eigen',
      userId: s.users.member,
      ...contact,
    });
    ids.known = await make({
      kind: 'person',
      name: 'Carla Bekend',
      visibility: 'workspace',
      consent,
      ...contact,
    });
    ids.publicOrg = await make({
      kind: 'organisation',
      name: 'Dorpshuis Openbaar',
      orgKind: 'bewonersinitiatief',
      visibility: 'public',
      email: 'info@dorpshuis.example.org',
    });
    ids.privateOrg = await make({
      kind: 'organisation',
      name: 'Eerste Hulp Prive',
      orgKind: 'zorgaanbieder',
      visibility: 'private',
    });
  });

  const list = async (who = s.member, query = '') =>
    ok<Page>(call(who, 'GET', s.slug, `/actors${query}`));
  const names = async (who = s.member, query = '') =>
    (await list(who, query)).items.map((i) => i.name);

  it('shows coordinators and admins everything, members what is theirs or visible', async () => {
    const all = [
      'Anna Verborgen',
      'Bram Eigen',
      'Carla Bekend',
      'Dorpshuis Openbaar',
      'Eerste Hulp Prive',
    ];
    expect(await names(s.coordinator)).toEqual(all);
    expect(await names(s.admin)).toEqual(all);
    // The member is Bram's linked account.
    expect(await names(s.member)).toEqual(['Bram Eigen', 'Carla Bekend', 'Dorpshuis Openbaar']);
    expect(await names(s.researcher)).toEqual(['Carla Bekend', 'Dorpshuis Openbaar']);
    expect((await list(s.researcher)).total).toBe(2);

    for (const id of [ids.hidden, ids.privateOrg, ids.mine]) {
      const res = await call(s.researcher, 'GET', s.slug, `/actors/${id}`);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json<Problem>().code).toBe('not_found');
    }
    await ok(call(s.member, 'GET', s.slug, `/actors/${ids.mine}`));
    await ok(call(s.coordinator, 'GET', s.slug, `/actors/${ids.hidden}`));
  });

  it('filters by kind and pages with a Link header', async () => {
    expect(await names(s.coordinator, '?kind=organisation')).toEqual([
      'Dorpshuis Openbaar',
      'Eerste Hulp Prive',
    ]);
    expect(await names(s.researcher, '?kind=person')).toEqual(['Carla Bekend']);
    const res = await call(s.coordinator, 'GET', s.slug, '/actors?pageSize=2&page=2');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Page>()).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(res.json<Page>().items.map((i) => i.name)).toEqual([
      'Carla Bekend',
      'Dorpshuis Openbaar',
    ]);
    expect(res.headers.link).toContain('rel="next"');
    expect(res.headers.link).toContain('page=3');
    const bad = await call(s.coordinator, 'GET', s.slug, '/actors?kind=tree&pageSize=0');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<Problem>()
        .errors?.map((e) => e.pointer)
        .sort(),
    ).toEqual(['/kind', '/pageSize']);
  });

  it('gives contact and consent details only to managers and the carrier', async () => {
    const seen = await ok<ActorJson>(call(s.researcher, 'GET', s.slug, `/actors/${ids.known}`));
    expect(seen.name).toBe('Carla Bekend');
    for (const key of ['email', 'phone', 'contactPreferences', 'consent'])
      expect(seen, key).not.toHaveProperty(key);
    expect(seen.userId).toBeNull();
    const byMember = await ok<ActorJson>(call(s.member, 'GET', s.slug, `/actors/${ids.publicOrg}`));
    expect(byMember).not.toHaveProperty('email');

    const full = await ok<ActorJson>(call(s.coordinator, 'GET', s.slug, `/actors/${ids.known}`));
    expect(full).toMatchObject({
      email: 'persoon@example.org',
      phone: '010 123 4567',
      contactPreferences: { channels: ['email'], note: null },
      consent: { givenOn: '2026-01-10', textVersion: '2026-01', recordedBy: null },
    });
    const own = await ok<ActorJson>(call(s.member, 'GET', s.slug, `/actors/${ids.mine}`));
    expect(own).toMatchObject({
      email: 'persoon@example.org',
      consent: null,
      selfManaged: true,
      userId: s.users.member,
    });
    // The list never carries contact details, not even for coordinators.
    const res = await call(s.coordinator, 'GET', s.slug, '/actors');
    expect(res.body).not.toContain('persoon@example.org');
  });

  it('lets a member change only their own carrier: 403 for visible records, 404 for hidden ones', async () => {
    const mine = await ok<ActorJson>(
      call(s.member, 'PATCH', s.slug, `/actors/${ids.mine}`, { carries: 'De voedselbank' }),
    );
    expect(mine.carries).toBe('De voedselbank');
    const visible = await call(s.member, 'PATCH', s.slug, `/actors/${ids.known}`, { bio: 'x' });
    expect(visible.statusCode, visible.body).toBe(403);
    const org = await call(s.member, 'PATCH', s.slug, `/actors/${ids.publicOrg}`, { bio: 'x' });
    expect(org.statusCode).toBe(403);
    const hidden = await call(s.member, 'PATCH', s.slug, `/actors/${ids.hidden}`, { bio: 'x' });
    expect(hidden.statusCode, hidden.body).toBe(404);
    // Only coordinators link accounts, even to one's own record.
    const relink = await call(s.member, 'PATCH', s.slug, `/actors/${ids.mine}`, { userId: null });
    expect(relink.statusCode).toBe(403);
    expect((await findActor(t().ctx.db, s.wsId, ids.known))?.bio).toBeNull();
  });

  it('records consent, then allows visibility; withdrawing makes the person and its activities private', async () => {
    const person = (
      await createActor(t().ctx, system, s.wsId, {
        kind: 'person',
        name: 'Dirk Toestemming',
        roles: [],
        areaIds: [],
        domainIds: [],
        targetGroupIds: [],
      })
    ).id;
    const refused = await call(s.coordinator, 'PATCH', s.slug, `/actors/${person}`, {
      visibility: 'workspace',
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json<Problem>()).toMatchObject({
      code: 'consent_required',
      errors: [{ pointer: '/visibility' }],
    });

    const future = await call(s.coordinator, 'PUT', s.slug, `/actors/${person}/consent`, {
      givenOn: '2026-04-01',
      textVersion: 'v2',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json<Problem>().errors?.[0]).toMatchObject({
      pointer: '/givenOn',
      code: 'future_date',
    });
    const orgConsent = await call(
      s.coordinator,
      'PUT',
      s.slug,
      `/actors/${ids.publicOrg}/consent`,
      consent,
    );
    expect(orgConsent.json<Problem>().code).toBe('not_a_person');
    expect(
      (await call(s.member, 'PUT', s.slug, `/actors/${person}/consent`, consent)).statusCode,
    ).toBe(403);

    const recorded = await ok<ActorJson>(
      call(s.coordinator, 'PUT', s.slug, `/actors/${person}/consent`, consent),
    );
    expect(recorded.consent).toEqual({ ...consent, recordedBy: s.users.coordinator });
    expect(recorded.visibility).toBe('private');
    await ok(
      call(s.coordinator, 'PATCH', s.slug, `/actors/${person}`, { visibility: 'workspace' }),
    );
    await ok(call(s.researcher, 'GET', s.slug, `/actors/${person}`));

    // An activity of the person, indexed as the activities module does.
    const db = t().ctx.db;
    const activity = {
      id: newId(),
      workspace_id: s.wsId,
      actor_id: person,
      initiative_id: null,
      title: 'Repair café',
      description: null,
      start_date: '2025-05-01',
      end_date: null,
      hours_per_week: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    };
    await db.insertInto('activities').values(activity).execute();
    const e = activityEntry(activity, (await findActor(db, s.wsId, person))!);
    await writeSearchEntry(db, e.entry, e.texts);
    expect((await searchEntry(t(), activity.id))?.visibility).toBe('workspace');

    await ok(call(s.coordinator, 'DELETE', s.slug, `/actors/${person}/consent`), 204);
    expect((await call(s.researcher, 'GET', s.slug, `/actors/${person}`)).statusCode).toBe(404);
    expect(await names(s.researcher)).not.toContain('Dirk Toestemming');
    const row = await findActor(db, s.wsId, person);
    expect(row).toMatchObject({
      visibility: 'private',
      consent_given_at: null,
      consent_text_version: null,
      consent_recorded_by: null,
    });
    expect((await searchEntry(t(), person))?.visibility).toBe('private');
    expect((await searchEntry(t(), activity.id))?.visibility).toBe('private');
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', person)
      .orderBy('created_at')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['consent.recorded', 'consent.withdrawn']);
    // Without consent it cannot become visible again.
    const again = await call(s.coordinator, 'PATCH', s.slug, `/actors/${person}`, {
      visibility: 'public',
    });
    expect(again.statusCode).toBe(400);
  });

  it('keeps other workspaces’ actors out of reach', async () => {
    const foreign = await createActor(t().ctx, system, s.otherWsId, {
      kind: 'organisation',
      name: 'Elders',
      orgKind: 'bedrijf',
      areaIds: [],
      domainIds: [],
      targetGroupIds: [],
      visibility: 'public',
    });
    expect((await call(s.coordinator, 'GET', s.slug, `/actors/${foreign.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await call(s.coordinator, 'PATCH', s.slug, `/actors/${foreign.id}`, { bio: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await call(s.coordinator, 'DELETE', s.slug, `/actors/${foreign.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await call(s.coordinator, 'PUT', s.slug, `/actors/${foreign.id}/consent`, consent))
        .statusCode,
    ).toBe(404);
    // The outsider does not reach this workspace at all, and its own list is its own.
    expect((await call(s.outsider, 'GET', s.slug, `/actors/${ids.known}`)).statusCode).toBe(404);
    expect(
      (await call(s.outsider, 'GET', s.otherSlug, `/actors/${ids.publicOrg}`)).statusCode,
    ).toBe(404);
    const theirs = await ok<Page>(call(s.outsider, 'GET', s.otherSlug, '/actors'));
    expect(theirs.items.map((i) => i.name)).toEqual(['Elders']);
  });
});
