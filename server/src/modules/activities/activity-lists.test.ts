import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { createInitiative } from '../initiatives/service.ts';
import type { ActivityDto } from './schema.ts';
import { listActivitiesForActors, refreshActivityEntries } from './service.ts';
import {
  directoryFixture,
  problemOf,
  searchEntry,
  searchTokens,
  system,
  type Fixture,
} from './test-fixture.ts';

type Activity = ActivityDto & { canEdit: boolean };

describeEachDialect('activities: links, lists and composition', (dialect) => {
  const t = useTestApp(dialect);
  let f: Fixture;
  const url = (rest = '') => `/api/v1/workspaces/${f.slug}/activities${rest}`;

  beforeAll(async () => {
    f = await directoryFixture(t);
  });

  const post = (who: Browser, payload: object) =>
    who.inject({ method: 'POST', url: url(), payload });
  const patch = (who: Browser, id: string, payload: object) =>
    who.inject({ method: 'PATCH', url: url(`/${id}`), payload });
  const list = async (who: Browser, query = '') => {
    const res = await who.inject({ method: 'GET', url: url(query) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Activity[]; total: number; page: number; pageSize: number }>();
  };
  const base = (actorId: string, extra: object = {}) => ({
    actorId,
    title: 'Taalcafé',
    areaIds: [],
    domainIds: [],
    targetGroupIds: [],
    startDate: '2025-01-06',
    ...extra,
  });
  const created = async (who: Browser, payload: object) => {
    const res = await post(who, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Activity>();
  };

  it('refuses archived terms on new links but keeps them where they are', async () => {
    const term = f.terms.domains[15]!;
    const a = await created(f.coordinator, base(f.carriers.org.id, { domainIds: [term] }));
    await t()
      .ctx.db.updateTable('taxonomy_terms')
      .set({ archived_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', term)
      .execute();
    try {
      const refused = problemOf(
        await post(f.coordinator, base(f.carriers.org.id, { domainIds: [term] })),
        400,
      );
      expect(refused.errors?.[0]).toMatchObject({ pointer: '/domainIds/0', code: 'archived_term' });
      const kept = await patch(f.coordinator, a.id, { domainIds: [term, f.terms.domains[1]] });
      expect(kept.statusCode, kept.body).toBe(200);
    } finally {
      await t()
        .ctx.db.updateTable('taxonomy_terms')
        .set({ archived_at: null })
        .where('id', '=', term)
        .execute();
    }
  });

  it('links an activity to an initiative even outside its period, and filters by it', async () => {
    const initiative = await createInitiative(t().ctx, system, f.ws.id, {
      name: 'Zomerschool 2025',
      status: 'active',
      startDate: '2025-07-01',
      endDate: '2025-08-31',
      areaIds: [],
      domainIds: [],
      targetGroupIds: [],
      participants: [{ actorId: f.carriers.org.id, role: 'carrier' }],
    });
    const early = await created(
      f.coordinator,
      base(f.carriers.org.id, { initiativeId: initiative.id, startDate: '2025-05-01' }),
    );
    expect(early).toMatchObject({
      initiativeId: initiative.id,
      initiativeName: 'Zomerschool 2025',
    });
    const page = await list(f.member, `?initiativeId=${initiative.id}`);
    expect(page.items.map((x) => x.id)).toEqual([early.id]);
    const detached = await patch(f.coordinator, early.id, { initiativeId: null });
    expect(detached.json<Activity>().initiativeId).toBeNull();
    expect((await list(f.member, `?initiativeId=${initiative.id}`)).total).toBe(0);
  });

  it('pages newest start first with a Link header', async () => {
    const org = f.carriers.org.id;
    const ids = [];
    for (const startDate of ['2010-01-01', '2012-01-01', '2011-01-01'])
      ids.push(
        (await created(f.coordinator, base(org, { startDate, title: `Reeks ${startDate}` }))).id,
      );
    const all = await list(f.member, `?actorId=${org}&pageSize=100`);
    const starts = all.items.map((x) => x.startDate);
    expect(starts).toEqual([...starts].sort().reverse());
    const res = await f.member.inject({
      method: 'GET',
      url: url(`?actorId=${org}&page=2&pageSize=1`),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.link).toContain('rel="next"');
    expect(res.json<{ items: Activity[] }>().items[0]?.id).toBe(all.items[1]?.id);
    const last = await list(f.member, `?actorId=${org}&page=${all.total}&pageSize=1`);
    expect(last.items.map((x) => x.startDate)).toEqual(['2010-01-01']);
    expect((await f.member.inject({ method: 'GET', url: url('?pageSize=500') })).statusCode).toBe(
      400,
    );
  });

  it('offers listActivitiesForActors and refreshActivityEntries to other modules', async () => {
    const mine = await created(f.member, base(f.carriers.member.id, { title: 'Voor de export' }));
    const theirs = await created(f.member2, base(f.carriers.member2.id, { title: 'Ook export' }));
    const member2Actor = {
      kind: 'user' as const,
      via: 'session' as const,
      userId: f.users.member2.id,
      memberships: [{ workspaceId: f.ws.id, role: 'member' as const }],
    };
    const actorIds = [f.carriers.member.id, f.carriers.member2.id];
    const forSystem = await listActivitiesForActors(t().ctx, system, f.ws.id, actorIds);
    expect(forSystem.map((x) => x.id)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    const forMember2 = await listActivitiesForActors(t().ctx, member2Actor, f.ws.id, actorIds);
    expect(forMember2.map((x) => x.id)).toContain(theirs.id);
    expect(forMember2.map((x) => x.id)).not.toContain(mine.id);

    // The actors module renames a carrier and makes it public: its activities follow.
    const renamed = {
      ...f.carriers.member2,
      name: 'Joop Verbinder',
      visibility: 'public' as const,
    };
    await t()
      .ctx.db.transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('actors')
          .set({ name: renamed.name, visibility: renamed.visibility })
          .where('id', '=', renamed.id)
          .execute();
        await refreshActivityEntries(trx, f.ws.id, renamed);
      });
    expect(await searchEntry(t, 'activity', theirs.id)).toMatchObject({ visibility: 'public' });
    expect(await searchTokens(t, theirs.id)).toContain('verbinder');
    await t()
      .ctx.db.transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('actors')
          .set({ name: f.carriers.member2.name, visibility: f.carriers.member2.visibility })
          .where('id', '=', renamed.id)
          .execute();
        await refreshActivityEntries(trx, f.ws.id, f.carriers.member2);
      });
    expect(await searchEntry(t, 'activity', theirs.id)).toMatchObject({ visibility: 'workspace' });
  });
});
