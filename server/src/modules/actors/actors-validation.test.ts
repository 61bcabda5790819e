import { beforeAll, beforeEach, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import {
  call,
  ok,
  setUp,
  snapshot,
  type ActorJson,
  type Problem,
  type Scene,
} from './actors.fixtures.ts';

/** Bad input answers 400 problem+json listing every error with its pointer, and writes nothing. */
describeEachDialect('actor input validation', (dialect) => {
  const t = useTestApp(dialect);
  let s: Scene;
  let before: Awaited<ReturnType<typeof snapshot>>;
  beforeAll(async () => {
    s = await setUp(t());
  });
  beforeEach(async () => {
    before = await snapshot(t());
  });

  const post = (payload: unknown) => call(s.coordinator, 'POST', s.slug, '/actors', payload);
  async function refused(res: ReturnType<typeof post>) {
    const r = await res;
    expect(r.statusCode, r.body).toBe(400);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(await snapshot(t())).toEqual(before);
    return r.json<Problem>();
  }
  const pointers = (p: Problem) => (p.errors ?? []).map((e) => e.pointer).sort();

  it('lists every schema error of a person', async () => {
    const p = await refused(
      post({
        kind: 'person',
        name: '',
        roles: [{ role: 'koning' }, { role: 'bewoner', startDate: '2024-02-30' }],
        areaIds: ['not-a-uuid'],
        contactPreferences: { channels: ['pigeon'] },
        email: 'no-at-sign',
        phone: 'call me',
        visibility: 'everyone',
        orgKind: 'fonds',
      }),
    );
    expect(p.code).toBe('validation_failed');
    for (const pointer of [
      '/name',
      '/roles/0/role',
      '/roles/1/startDate',
      '/areaIds/0',
      '/contactPreferences/channels/0',
      '/email',
      '/phone',
      '/visibility',
    ])
      expect(pointers(p), pointer).toContain(pointer);
    // The unknown key of the other kind is refused too.
    expect(p.errors?.some((e) => e.code === 'unrecognized_keys')).toBe(true);
  });

  it('lists every schema error of an organisation', async () => {
    const p = await refused(
      post({
        kind: 'organisation',
        name: 'Stichting',
        orgKind: 'kerk',
        budgetBand: 'heel veel',
        staffCount: -1,
        sizeClassOverride: 'medium',
        kvkNumber: '1234567',
        website: 'ftp://example.org',
      }),
    );
    expect(pointers(p)).toEqual(
      [
        '/orgKind',
        '/budgetBand',
        '/staffCount',
        '/sizeClassOverride',
        '/kvkNumber',
        '/website',
      ].sort(),
    );
    await refused(
      post({ kind: 'organisation', name: 'X', orgKind: 'fonds', kvkNumber: '123456789' }),
    );
    await refused(post({ kind: 'organisation', name: 'X', orgKind: 'fonds', staffCount: 2.5 }));
    await refused(post({ kind: 'robot', name: 'X' }));
    await refused(post({ name: 'Geen soort' }));
  });

  it('lists unknown, foreign, wrong-kind and archived ids by index, bad periods and missing consent, all at once', async () => {
    // Archive a domain through the taxonomy API.
    const archivedId = s.domainIds[5]!;
    await ok(
      call(s.coordinator, 'PATCH', s.slug, `/taxonomy-terms/${archivedId}`, { archived: true }),
    );
    before = await snapshot(t());
    const p = await refused(
      post({
        kind: 'person',
        name: 'Alles Fout',
        areaIds: [s.areaIds[0], s.otherAreaId, newId()],
        domainIds: [s.targetGroupIds[0], s.otherDomainId, archivedId, s.domainIds[0]],
        targetGroupIds: [s.domainIds[1]],
        roles: [
          { role: 'bewoner', startDate: '2020-01-01', endDate: '2019-12-31' },
          { role: 'vrijwilliger', startDate: '2020-01-01', endDate: '2020-01-01' },
        ],
        visibility: 'workspace',
      }),
    );
    expect(p.code).toBe('validation_failed');
    expect(p.errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/areaIds/1', 'unknown_area'],
      ['/areaIds/2', 'unknown_area'],
      ['/domainIds/0', 'wrong_term_kind'],
      ['/domainIds/1', 'unknown_term'],
      ['/domainIds/2', 'archived_term'],
      ['/targetGroupIds/0', 'wrong_term_kind'],
      ['/roles/0/endDate', 'end_before_start'],
      ['/visibility', 'consent_required'],
    ]);
    await ok(
      call(s.coordinator, 'PATCH', s.slug, `/taxonomy-terms/${archivedId}`, { archived: false }),
    );
  });

  it('lets an archived term stay on a record but not be linked anew', async () => {
    const termId = s.domainIds[6]!;
    const a = await ok<ActorJson>(
      post({ kind: 'organisation', name: 'Met term', orgKind: 'school', domainIds: [termId] }),
      201,
    );
    const b = await ok<ActorJson>(
      post({ kind: 'organisation', name: 'Zonder', orgKind: 'school' }),
      201,
    );
    await ok(call(s.coordinator, 'PATCH', s.slug, `/taxonomy-terms/${termId}`, { archived: true }));
    const kept = await ok<ActorJson>(
      call(s.coordinator, 'PATCH', s.slug, `/actors/${a.id}`, {
        domainIds: [termId, s.domainIds[0]],
      }),
    );
    expect(kept.domainIds).toEqual([termId, s.domainIds[0]!].sort());
    before = await snapshot(t());
    const p = await refused(
      call(s.coordinator, 'PATCH', s.slug, `/actors/${b.id}`, {
        domainIds: [s.domainIds[0], termId],
        areaIds: [s.otherAreaId],
        name: 'Nieuwe naam',
      }),
    );
    expect(p.errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/areaIds/0', 'unknown_area'],
      ['/domainIds/1', 'archived_term'],
    ]);
  });

  it('checks the account a coordinator links: a member of the workspace, without a carrier yet', async () => {
    const p = await refused(post({ kind: 'person', name: 'Vreemd', userId: newId() }));
    expect(p.errors?.map((e) => [e.pointer, e.code])).toEqual([['/userId', 'not_a_member']]);
    await ok(post({ kind: 'person', name: 'Gekoppeld', userId: s.users.researcher }), 201);
    before = await snapshot(t());
    const twice = await refused(
      post({ kind: 'person', name: 'Nog een', userId: s.users.researcher }),
    );
    expect(twice.errors?.map((e) => [e.pointer, e.code])).toEqual([['/userId', 'already_linked']]);
  });

  it('refuses bad ids in the path and a body that is not JSON', async () => {
    expect((await call(s.coordinator, 'GET', s.slug, '/actors/123')).statusCode).toBe(400);
    const raw = await s.coordinator.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${s.slug}/actors`,
      payload: '{"kind": "person",',
      headers: { 'content-type': 'application/json' },
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.json<Problem>().code).toBe('malformed_json');
    expect(await snapshot(t())).toEqual(before);
  });
});
