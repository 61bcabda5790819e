import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { SharedCheckInOut, ShareOut } from './schema.ts';
import { checkInFixture, checkInSnapshot, type CheckInFixture } from './test-fixture.ts';

describeEachDialect('check-ins: sharing and revoking', (dialect) => {
  const t = useTestApp(dialect);
  let f: CheckInFixture;
  beforeAll(async () => {
    f = await checkInFixture(t);
  });
  const share = (who: typeof f.member, email: string) =>
    who.inject({ method: 'POST', url: `${f.W}/me/check-in-shares`, payload: { email } });
  const shared = async (who: typeof f.member, query = '') => {
    const res = await who.inject({ method: 'GET', url: `${f.W}/shared-check-ins${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: SharedCheckInOut[]; total: number }>();
  };
  const audits = () =>
    t()
      .ctx.db.selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'object_type', 'object_id'])
      .where('action', 'like', 'checkins.%')
      .orderBy('created_at')
      .orderBy('action')
      .execute();

  it('shares with a chosen member, who then reads them; nobody else does', async () => {
    const a = await f.file(f.member, { note: 'Voor mijn coördinator' });
    const b = await f.file(f.member2, { note: 'Niet gedeeld' });
    expect((await shared(f.coordinator)).total).toBe(0);

    const res = await share(f.member, f.users.coordinator.email.toUpperCase());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<ShareOut>()).toMatchObject({ userId: f.users.coordinator.id });
    // Sharing again changes nothing.
    const again = await share(f.member, f.users.coordinator.email);
    expect(again.statusCode).toBe(200);

    const seen = await shared(f.coordinator);
    expect(seen.items.map((c) => c.id)).toEqual([a.id]);
    expect(seen.items[0]).toMatchObject({
      ownerUserId: f.users.member.id,
      carrierName: 'Fatima Öztürk',
      note: 'Voor mijn coördinator',
    });
    expect((await shared(f.coordinator, `?ownerUserId=${f.users.member2.id}`)).total).toBe(0);
    // Not the owner's own check-in routes, not other members, not the admin.
    problemOf(
      await f.coordinator.inject({ method: 'GET', url: `${f.W}/me/check-ins/${a.id}` }),
      404,
    );
    for (const who of [f.admin, f.officer, f.member2, f.researcher])
      expect((await shared(who)).items.map((c) => c.id)).not.toContain(a.id);
    expect((await shared(f.member)).items.map((c) => c.id)).not.toContain(b.id);

    const list = await f.member.inject({ method: 'GET', url: `${f.W}/me/check-in-shares` });
    expect(list.json<{ items: ShareOut[] }>().items.map((s) => s.userId)).toEqual([
      f.users.coordinator.id,
    ]);
    // Check-ins filed later are shared too: the share is of the carrier's check-ins.
    const later = await f.file(f.member, { date: '2026-03-02', note: 'Later' });
    expect((await shared(f.coordinator)).items.map((c) => c.id)).toEqual([later.id, a.id]);
  });

  it('revokes: the reader sees nothing any more', async () => {
    const res = await f.member.inject({
      method: 'DELETE',
      url: `${f.W}/me/check-in-shares/${f.users.coordinator.id}`,
    });
    expect(res.statusCode, res.body).toBe(204);
    expect((await shared(f.coordinator)).total).toBe(0);
    problemOf(
      await f.member.inject({
        method: 'DELETE',
        url: `${f.W}/me/check-in-shares/${f.users.coordinator.id}`,
      }),
      404,
    );
    // Granting and revoking are audited by ids only.
    expect(await audits()).toEqual([
      {
        action: 'checkins.shared',
        actor_user_id: f.users.member.id,
        object_type: 'user',
        object_id: f.users.coordinator.id,
      },
      {
        action: 'checkins.unshared',
        actor_user_id: f.users.member.id,
        object_type: 'user',
        object_id: f.users.coordinator.id,
      },
    ]);
  });

  it('refuses non-members, members of another workspace, oneself and callers without a carrier; nothing is written', async () => {
    const before = await checkInSnapshot(t);
    const stranger = problemOf(await share(f.member, 'nobody@example.org'), 400);
    expect(stranger.errors).toMatchObject([{ pointer: '/email', code: 'not_a_member' }]);
    const other = await t()
      .ctx.db.selectFrom('users')
      .innerJoin('memberships', 'memberships.user_id', 'users.id')
      .select('users.email')
      .where('memberships.workspace_id', '=', f.otherWs.id)
      .executeTakeFirstOrThrow();
    const elsewhere = problemOf(await share(f.member, other.email), 400);
    expect(elsewhere.errors).toMatchObject([{ pointer: '/email', code: 'not_a_member' }]);
    const self = problemOf(await share(f.member, f.users.member.email), 400);
    expect(self.errors).toMatchObject([{ pointer: '/email', code: 'self' }]);
    const noCarrier = problemOf(await share(f.researcher, 'nobody@example.org'), 400);
    expect(noCarrier.errors!.map((e) => e.code).sort()).toEqual([
      'no_carrier_record',
      'not_a_member',
    ]);
    problemOf(await share(f.member, 'not an email'), 400);
    expect(await checkInSnapshot(t)).toEqual(before);
  });
});
