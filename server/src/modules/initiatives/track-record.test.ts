import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import type { Browser } from '../../../test/session.ts';
import { createActivity } from '../activities/service.ts';
import { directoryFixture, system, type Fixture } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { createAchievement } from './achievements-service.ts';
import { createInitiative } from './service.ts';
import { orderTrackRecord, trackRecordKinds, type TrackItem } from './track-record.ts';

const noLinks = { areaIds: [], domainIds: [], targetGroupIds: [] };

describe('orderTrackRecord', () => {
  const date = fc.option(
    fc
      .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
  );
  const item = fc.record({
    kind: fc.constantFrom(...trackRecordKinds),
    id: fc.uuid(),
    title: fc.string(),
    role: fc.option(fc.constantFrom('carrier', 'partner')),
    startDate: date,
  });
  const full = (i: {
    kind: TrackItem['kind'];
    id: string;
    title: string;
    role: string | null;
    startDate: string | null;
  }): TrackItem => ({
    ...i,
    type: null,
    status: null,
    endDate: null,
    initiativeId: null,
    initiativeName: null,
    relatedActorId: null,
  });

  it('puts the newest start first, undated last, ties by id; whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(item.map(full), { maxLength: 30 }), (items) => {
        const sorted = orderTrackRecord(items);
        expect(sorted).toHaveLength(items.length);
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1]!, sorted[i]!];
          if (a.startDate === null) expect(b.startDate).toBeNull();
          else if (b.startDate !== null) {
            expect(a.startDate >= b.startDate).toBe(true);
            if (a.startDate === b.startDate) expect(a.id <= b.id).toBe(true);
          }
        }
        expect(orderTrackRecord([...items].reverse())).toEqual(sorted);
      }),
    );
  });
});

interface Item {
  kind: string;
  id: string;
  title: string;
  role: string | null;
  type: string | null;
  status: string | null;
  startDate: string | null;
  endDate: string | null;
  initiativeId: string | null;
  initiativeName: string | null;
  relatedActorId: string | null;
}

describeEachDialect('track record', (dialect) => {
  const t = useTestApp(dialect);
  let f: Fixture;
  const r = { old: '', current: '', secret: '', a2020: '', a2025: '', award: '', thanks: '' };
  const aff = { visible: '', hidden: '' };
  let orgName = '';

  const record = async (who: Browser, actorId: string, slug = f.slug) => {
    const res = await who.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/actors/${actorId}/track-record`,
    });
    return res;
  };
  const items = async (who: Browser, actorId = f.carriers.member2.id) => {
    const res = await record(who, actorId);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Item[] }>().items;
  };
  const keys = (list: Item[]) => list.map((i) => `${i.kind}:${i.id}:${i.startDate}`);

  beforeAll(async () => {
    f = await directoryFixture(t);
    const ctx = t().ctx;
    const me = f.carriers.member2.id;
    orgName = f.carriers.org.name;
    r.old = (
      await createInitiative(ctx, system, f.ws.id, {
        name: 'Speeltuin De Wilg',
        status: 'active',
        startDate: '2019-04-01',
        endDate: '2021-10-31',
        ...noLinks,
        participants: [{ actorId: me, role: 'carrier' }],
      })
    ).id;
    r.current = (
      await createInitiative(ctx, system, f.ws.id, {
        name: 'Wijkpanel',
        status: 'active',
        startDate: '2023-01-01',
        ...noLinks,
        participants: [
          { actorId: f.carriers.org.id, role: 'carrier' },
          { actorId: me, role: 'partner', startDate: '2024-03-01' },
        ],
      })
    ).id;
    r.secret = (
      await createInitiative(ctx, system, f.ws.id, {
        name: 'Geheim overleg',
        status: 'planned',
        startDate: '2026-01-01',
        visibility: 'private',
        ...noLinks,
        participants: [{ actorId: me, role: 'partner' }],
      })
    ).id;
    const activity = async (title: string, startDate: string, initiativeId?: string) =>
      (
        await createActivity(ctx, system, f.ws.id, {
          actorId: me,
          title,
          startDate,
          initiativeId,
          ...noLinks,
        })
      ).id;
    r.a2020 = await activity('Speeltoestellen onderhouden', '2020-05-01', r.old);
    r.a2025 = await activity('Panelgesprekken leiden', '2025-01-15');
    const achievement = async (type: 'award' | 'thanks', occurredOn: string, init?: string) =>
      (
        await createAchievement(ctx, system, f.ws.id, {
          type,
          title: `${type} ${occurredOn}`,
          occurredOn,
          initiativeId: init,
          creditedActorIds: [me],
        })
      ).id;
    r.award = await achievement('award', '2021-06-01', r.old);
    r.thanks = await achievement('thanks', '2024-12-01');
    const hiddenOrg = await insertTestActor(ctx.db, f.ws.id, {
      name: 'Besloten Stichting',
      kind: 'organisation',
      visibility: 'private',
    });
    const affiliation = async (organisationId: string, start: string) => {
      const id = newId();
      await ctx.db
        .insertInto('affiliations')
        .values({
          id,
          workspace_id: f.ws.id,
          person_id: me,
          organisation_id: organisationId,
          role: 'vrijwilliger',
          start_date: start,
          end_date: null,
          created_at: '2026-01-01T00:00:00.000Z',
          updated_at: '2026-01-01T00:00:00.000Z',
        })
        .execute();
      return id;
    };
    aff.visible = await affiliation(f.carriers.org.id, '2018-09-01');
    aff.hidden = await affiliation(hiddenOrg.id, '2022-02-01');
  });

  it("orders a carrier's history newest first across initiatives, years and kinds", async () => {
    const list = await items(f.member);
    expect(keys(list)).toEqual([
      `activity:${r.a2025}:2025-01-15`,
      `achievement:${r.thanks}:2024-12-01`,
      `initiative:${r.current}:2024-03-01`,
      `achievement:${r.award}:2021-06-01`,
      `activity:${r.a2020}:2020-05-01`,
      `initiative:${r.old}:2019-04-01`,
      `affiliation:${aff.visible}:2018-09-01`,
    ]);
    expect(list.find((i) => i.id === r.current)).toMatchObject({
      title: 'Wijkpanel',
      role: 'partner',
      status: 'active',
      endDate: null,
      initiativeName: 'Wijkpanel',
    });
    expect(list.find((i) => i.id === r.a2020)).toMatchObject({
      initiativeId: r.old,
      initiativeName: 'Speeltuin De Wilg',
    });
    expect(list.find((i) => i.id === r.award)).toMatchObject({ type: 'award', endDate: null });
    expect(list.find((i) => i.kind === 'affiliation')).toMatchObject({
      title: orgName,
      role: 'vrijwilliger',
      relatedActorId: f.carriers.org.id,
    });
    // The organisation's record shows the person's affiliation and its own initiative.
    const org = await items(f.member, f.carriers.org.id);
    expect(org.find((i) => i.kind === 'affiliation')).toMatchObject({
      id: aff.visible,
      title: 'Joop de Wit',
      relatedActorId: f.carriers.member2.id,
    });
    expect(org.find((i) => i.kind === 'initiative')).toMatchObject({
      id: r.current,
      role: 'carrier',
    });
  });

  it('shows private initiatives and hidden parties only to who may see them', async () => {
    const own = await items(f.member2);
    expect(own[0]).toMatchObject({ kind: 'initiative', id: r.secret, startDate: '2026-01-01' });
    // Their own affiliation names an organisation they may not see: left out.
    expect(own.map((i) => i.id)).not.toContain(aff.hidden);
    const coordinator = await items(f.coordinator);
    expect(coordinator.map((i) => i.id)).toEqual(expect.arrayContaining([r.secret, aff.hidden]));
    const member = await items(f.member);
    expect(member.map((i) => i.id)).not.toContain(r.secret);
    expect(member.map((i) => i.id)).not.toContain(aff.hidden);
  });

  it('keeps the history when a project ends, and activities and recognitions when it is deleted', async () => {
    const end = await f.member2.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${f.slug}/initiatives/${r.old}`,
      payload: { status: 'ended' },
    });
    expect(end.statusCode, end.body).toBe(200);
    expect((await items(f.member)).find((i) => i.id === r.old)).toMatchObject({
      status: 'ended',
      startDate: '2019-04-01',
      endDate: '2021-10-31',
    });
    const before = (await items(f.member)).length;

    const gone = await f.coordinator.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${f.slug}/initiatives/${r.old}`,
    });
    expect(gone.statusCode, gone.body).toBe(204);
    const after = await items(f.member);
    expect(after).toHaveLength(before - 1);
    expect(after.map((i) => i.id)).not.toContain(r.old);
    expect(after.find((i) => i.id === r.a2020)).toMatchObject({
      initiativeId: null,
      initiativeName: null,
    });
    expect(after.find((i) => i.id === r.award)).toMatchObject({ initiativeId: null });
  });

  it('answers 404 for actors the caller cannot see', async () => {
    expect((await record(f.member2, f.carriers.hidden.id)).statusCode).toBe(404);
    expect((await record(f.member2, f.carriers.member.id)).statusCode).toBe(404);
    expect((await record(f.member, f.carriers.member.id)).statusCode).toBe(200);
    expect((await record(f.coordinator, f.carriers.hidden.id)).statusCode).toBe(200);
    expect((await record(f.coordinator, f.carriers.other.id)).statusCode).toBe(404);
    expect((await record(f.coordinator, newId())).statusCode).toBe(404);
    expect((await record(f.outsider, f.carriers.org.id)).statusCode).toBe(404);
    expect((await record(f.coordinator, 'not-a-uuid')).statusCode).toBe(400);
  });
});
