import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { StudyOut, TeamMemberOut } from './schema.ts';
import { researchFixture, researchSnapshot, type ResearchFixture } from './test-fixture.ts';

describeEachDialect('research: studies and team', (dialect) => {
  const t = useTestApp(dialect);
  let f: ResearchFixture;
  beforeAll(async () => {
    f = await researchFixture(t);
  });
  const ids = (res: { json: <T>() => T }) =>
    res.json<{ items: { id: string }[] }>().items.map((i) => i.id);

  it('lets admins create a study, appoint a steward, and the steward add researchers', async () => {
    const res = await f.admin.inject({
      method: 'POST',
      url: f.S,
      payload: { title: 'Wijkdragers 2026–2036', description: 'Panelstudie' },
    });
    const study = res.json<StudyOut>();
    expect(res.statusCode, res.body).toBe(201);
    expect(study).toMatchObject({
      title: 'Wijkdragers 2026–2036',
      description: 'Panelstudie',
      status: 'draft',
      workspaceIds: [f.ws.id],
      steward: null,
      myRole: null,
    });
    const appointed = await f.admin.inject({
      method: 'PUT',
      url: `${f.S}/${study.id}/steward`,
      payload: { email: f.users.steward.email },
    });
    expect(appointed.statusCode, appointed.body).toBe(200);
    expect(appointed.json<StudyOut>().steward).toMatchObject({
      userId: f.users.steward.id,
      role: 'steward',
    });
    const added = await f.steward.inject({
      method: 'POST',
      url: `${f.S}/${study.id}/members`,
      payload: { email: f.users.researcher.email.toUpperCase() },
    });
    expect(added.statusCode, added.body).toBe(201);
    const team = await f.researcher.inject({ method: 'GET', url: `${f.S}/${study.id}/members` });
    expect(team.json<{ items: TeamMemberOut[] }>().items.map((m) => [m.userId, m.role])).toEqual([
      [f.users.steward.id, 'steward'],
      [f.users.researcher.id, 'researcher'],
    ]);
    const mine = await f.researcher.inject({ method: 'GET', url: `${f.S}/${study.id}` });
    expect(mine.json<StudyOut>().myRole).toBe('researcher');
    const events = await t()
      .ctx.db.selectFrom('audit_events')
      .select(['action', 'object_id'])
      .where('action', 'like', 'research.%')
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'research.study_created',
        'research.steward_appointed',
        'research.member_added',
      ]),
    );
  });

  it('shows admins every study and researchers only the studies they are on', async () => {
    const a = await f.study('Studie A');
    const b = await f.study('Studie B');
    await f.steward.inject({
      method: 'DELETE',
      url: `${f.S}/${b}/members/${f.users.researcher.id}`,
    });
    const adminList = ids(await f.admin.inject({ method: 'GET', url: `${f.S}?pageSize=100` }));
    expect(adminList).toEqual(expect.arrayContaining([a, b]));
    const researcherList = ids(
      await f.researcher.inject({ method: 'GET', url: `${f.S}?pageSize=100` }),
    );
    expect(researcherList).toContain(a);
    expect(researcherList).not.toContain(b);
    expect(ids(await f.offTeam.inject({ method: 'GET', url: f.S }))).toEqual([]);
    for (const who of [f.offTeam, f.researcher])
      expect(problemOf(await who.inject({ method: 'GET', url: `${f.S}/${b}` }), 404).code).toBe(
        'not_found',
      );
    // Another workspace's admin does not reach the study through their own workspace either.
    const elsewhere = `/api/v1/workspaces/${f.otherWs.slug}/research/studies/${a}`;
    expect(problemOf(await f.otherAdmin.inject({ method: 'GET', url: elsewhere }), 404).code).toBe(
      'not_found',
    );
    // Admins see the study and its team, never its participants.
    const parts = await f.admin.inject({ method: 'GET', url: `${f.S}/${a}/participants` });
    expect(problemOf(parts, 403).code).toBe('forbidden');
  });

  it('keeps team changes to the steward and appointments to admins, writing nothing when refused', async () => {
    const s = await f.study();
    const before = await researchSnapshot(t);
    const asResearcher = await f.researcher.inject({
      method: 'POST',
      url: `${f.S}/${s}/members`,
      payload: { email: f.users.offTeam.email },
    });
    expect(problemOf(asResearcher, 403).code).toBe('forbidden');
    const offTeam = await f.offTeam.inject({
      method: 'POST',
      url: `${f.S}/${s}/members`,
      payload: { email: f.users.offTeam.email },
    });
    expect(problemOf(offTeam, 404).code).toBe('not_found');
    const bySteward = await f.steward.inject({
      method: 'PUT',
      url: `${f.S}/${s}/steward`,
      payload: { email: f.users.steward.email },
    });
    expect(problemOf(bySteward, 403).code).toBe('forbidden');
    for (const email of [
      f.users.member.email,
      f.users.otherResearcher.email,
      'nobody@example.org',
    ]) {
      const res = await f.admin.inject({
        method: 'PUT',
        url: `${f.S}/${s}/steward`,
        payload: { email },
      });
      expect(problemOf(res, 400).errors?.map((e) => e.code)).toEqual(['not_a_researcher']);
    }
    const twice = await f.steward.inject({
      method: 'POST',
      url: `${f.S}/${s}/members`,
      payload: { email: f.users.researcher.email },
    });
    expect(problemOf(twice, 409).code).toBe('already_on_team');
    const stewardOut = await f.steward.inject({
      method: 'DELETE',
      url: `${f.S}/${s}/members/${f.users.steward.id}`,
    });
    expect(problemOf(stewardOut, 409).code).toBe('is_steward');
    const notAdmin = await f.member.inject({ method: 'POST', url: f.S, payload: { title: 'X' } });
    expect(problemOf(notAdmin, 403).code).toBe('forbidden');
    const badBody = await f.admin.inject({
      method: 'POST',
      url: f.S,
      payload: { title: '', status: 'lopend', workspaceIds: ['nope'] },
    });
    expect(problemOf(badBody, 400).pointers).toEqual(['/status', '/title', '/workspaceIds/0']);
    const foreign = await f.admin.inject({
      method: 'POST',
      url: f.S,
      payload: { title: 'Twee gemeenten', workspaceIds: [f.otherWs.id] },
    });
    expect(problemOf(foreign, 400).errors?.map((e) => e.code)).toEqual(['not_administered']);
    expect(await researchSnapshot(t)).toEqual(before);
  });

  it('spans several workspaces the admin administers, and a new steward replaces the old', async () => {
    // The admin of A becomes admin of B too.
    const { upsertMembership } = await import('../workspaces/repo.ts');
    await upsertMembership(t().ctx.db, {
      workspace_id: f.otherWs.id,
      user_id: f.users.admin.id,
      role: 'admin',
      created_at: '2026-01-01T00:00:00.000Z',
    });
    await f.admin.login(f.users.admin.email);
    const res = await f.admin.inject({
      method: 'POST',
      url: f.S,
      payload: { title: 'Twee gemeenten', workspaceIds: [f.otherWs.id] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json<StudyOut>();
    expect([...s.workspaceIds].sort()).toEqual([f.ws.id, f.otherWs.id].sort());
    // A researcher of the other workspace can be appointed, and reaches it through their own.
    const appoint = (email: string) =>
      f.admin.inject({ method: 'PUT', url: `${f.S}/${s.id}/steward`, payload: { email } });
    expect((await appoint(f.users.steward.email)).statusCode).toBe(200);
    const second = await appoint(f.users.otherResearcher.email);
    expect(second.statusCode, second.body).toBe(200);
    const team = await f.admin.inject({ method: 'GET', url: `${f.S}/${s.id}/members` });
    expect(team.json<{ items: TeamMemberOut[] }>().items.map((m) => [m.userId, m.role])).toEqual([
      [f.users.otherResearcher.id, 'steward'],
      [f.users.steward.id, 'researcher'],
    ]);
    const other = `/api/v1/workspaces/${f.otherWs.slug}/research/studies/${s.id}`;
    expect((await f.otherAdmin.inject({ method: 'GET', url: other })).statusCode).toBe(200);
  });
});
