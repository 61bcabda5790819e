import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { AllianceDetail, Member } from './schema.ts';
import { allianceFixture, allianceSnapshot, type AllianceFixture } from './test-fixture.ts';

describeEachDialect('alliance members', (dialect) => {
  const t = useTestApp(dialect);
  let f: AllianceFixture;
  beforeAll(async () => {
    f = await allianceFixture(t);
  });
  type Who = AllianceFixture['member'];
  const send = (who: Who, method: 'POST' | 'PATCH', url: string, payload: object) =>
    who.inject({ method, url: `${f.W}${url}`, payload });
  const memberOf = (a: AllianceDetail, actorId: string) =>
    a.members.find((m) => m.actorId === actorId)!;

  it('the lead adds, changes and ends members; the alliance shows them', async () => {
    const a = await f.alliance({ visibility: 'workspace' });
    const added = await send(f.member, 'POST', `/alliances/${a.id}/members`, {
      ...f.membership(f.carriers.member2.id),
      role: 'supporter',
      seats: 0,
      votes: 0,
    });
    expect(added.statusCode, added.body).toBe(201);
    const m = added.json<Member>();
    expect(m).toMatchObject({ actorName: 'Joop de Wit', role: 'supporter', current: true });
    const changed = await send(f.member, 'PATCH', `/alliances/${a.id}/members/${m.id}`, {
      role: 'member',
      seats: 1,
      votes: 3,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Member>()).toMatchObject({ role: 'member', seats: 1, votes: 3 });
    const ended = await send(f.member, 'POST', `/alliances/${a.id}/members/${m.id}/end`, {
      endDate: '2026-02-28',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json<Member>()).toMatchObject({ endDate: '2026-02-28', current: false });
    const today = await send(f.coordinator, 'POST', `/alliances/${a.id}/members/${m.id}/end`, {});
    expect(today.json<Member>()).toMatchObject({ endDate: '2026-03-02', current: true });
    // Ended before today: no longer counted; the actor may join again after the end.
    await send(f.coordinator, 'POST', `/alliances/${a.id}/members/${m.id}/end`, {
      endDate: '2026-03-01',
    });
    const detail = (
      await f.member.inject({ method: 'GET', url: `${f.W}/alliances/${a.id}` })
    ).json<AllianceDetail>();
    expect(detail.memberCount).toBe(3);
    expect(memberOf(detail, f.carriers.member2.id).current).toBe(false);
    const again = await send(f.coordinator, 'POST', `/alliances/${a.id}/members`, {
      ...f.membership(f.carriers.member2.id),
      startDate: '2026-03-02',
    });
    expect(again.statusCode, again.body).toBe(201);
  });

  it('only coordinators and a current lead change members; others get 403 or 404', async () => {
    const a = await f.alliance({
      visibility: 'workspace',
      members: [
        f.membership(f.carriers.member.id),
        f.membership(f.carriers.member2.id, { role: 'lead', endDate: '2026-01-31' }),
      ],
    });
    const body = f.membership(f.large.id);
    // member's carrier is a plain member; member2's lead role ended: neither may edit.
    for (const who of [f.member, f.member2, f.researcher])
      expect(problemOf(await send(who, 'POST', `/alliances/${a.id}/members`, body), 403).code).toBe(
        'forbidden',
      );
    const own = memberOf(a, f.carriers.member.id);
    expect(
      problemOf(
        await send(f.member, 'PATCH', `/alliances/${a.id}/members/${own.id}`, { role: 'lead' }),
        403,
      ).code,
    ).toBe('forbidden');
    expect(
      problemOf(await send(f.outsider, 'POST', `/alliances/${a.id}/members`, body), 404).code,
    ).toBe('not_found');
    const other = await f.alliance();
    expect(
      problemOf(
        await send(
          f.coordinator,
          'PATCH',
          `/alliances/${a.id}/members/${memberOf(other, f.large.id).id}`,
          {
            seats: 3,
          },
        ),
        404,
      ).code,
    ).toBe('not_found');
  });

  it('refuses overlapping memberships, negative seats and votes, other workspaces’ actors, and writes nothing', async () => {
    const a = await f.alliance({ status: 'active' });
    const before = await allianceSnapshot(t);
    const url = `/alliances/${a.id}/members`;
    const dup = problemOf(
      await send(f.coordinator, 'POST', url, f.membership(f.large.id, { startDate: '2026-01-01' })),
      400,
    );
    expect(dup.errors!.map((e) => `${e.pointer} ${e.code}`)).toEqual(['/actorId duplicate_member']);
    const many = problemOf(
      await send(f.coordinator, 'POST', url, {
        ...f.membership(f.carriers.other.id),
        seats: -1,
        votes: -1,
        startDate: '2026-05-01',
        endDate: '2026-04-30',
      }),
      400,
    );
    expect(many.errors!.map((e) => `${e.pointer} ${e.code}`).sort()).toEqual([
      '/actorId unknown_actor',
      '/endDate end_before_start',
      '/seats negative_value',
      '/votes negative_value',
    ]);
    const lead = memberOf(a, f.carriers.member.id);
    const patch = (id: string, payload: object) =>
      send(f.coordinator, 'PATCH', `${url}/${id}`, payload);
    expect(problemOf(await patch(lead.id, { votes: -5 }), 400).pointers).toEqual(['/votes']);
    // Moving a membership onto another of the same actor is a duplicate too.
    const later = await send(f.coordinator, 'POST', url, {
      ...f.membership(f.carriers.org.id),
      startDate: '2024-01-01',
      endDate: '2024-06-30',
    });
    expect(later.statusCode, later.body).toBe(201);
    const moved = problemOf(await patch(later.json<Member>().id, { endDate: null }), 400);
    expect(moved.errors!.map((e) => e.code)).toEqual(['duplicate_member']);
    await t()
      .ctx.db.deleteFrom('alliance_members')
      .where('id', '=', later.json<Member>().id)
      .execute();
    expect(await allianceSnapshot(t)).toEqual(before);
  });

  it('keeps at least one seat in an active alliance (governance without seats)', async () => {
    const a = await f.alliance({
      status: 'active',
      members: [
        f.membership(f.carriers.member.id, { role: 'lead', seats: 0 }),
        f.membership(f.large.id, { seats: 2 }),
      ],
    });
    const before = await allianceSnapshot(t);
    const seated = memberOf(a, f.large.id);
    const url = `/alliances/${a.id}/members/${seated.id}`;
    const zero = problemOf(await send(f.coordinator, 'PATCH', url, { seats: 0 }), 400);
    expect(zero.errors!.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      '/seats governance_without_seats',
    ]);
    const end = problemOf(await send(f.coordinator, 'POST', `${url}/end`, {}), 400);
    expect(end.errors!.map((e) => `${e.pointer} ${e.code}`)).toEqual([
      '/endDate governance_without_seats',
    ]);
    const past = problemOf(await send(f.coordinator, 'PATCH', url, { endDate: '2026-01-01' }), 400);
    expect(past.errors!.map((e) => e.code)).toEqual(['governance_without_seats']);
    expect(await allianceSnapshot(t)).toEqual(before);
    // Paused, the same change is fine.
    await send(f.coordinator, 'PATCH', `/alliances/${a.id}`, { status: 'paused' });
    expect((await send(f.coordinator, 'PATCH', url, { seats: 0 })).statusCode).toBe(200);
  });
});
