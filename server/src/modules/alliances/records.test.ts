import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { Agreement, AllianceDetail, Contribution, LogEntry } from './schema.ts';
import { allianceFixture, allianceSnapshot, type AllianceFixture } from './test-fixture.ts';

describeEachDialect('alliance charter, contributions and log', (dialect) => {
  const t = useTestApp(dialect);
  let f: AllianceFixture;
  let a: AllianceDetail;
  beforeAll(async () => {
    f = await allianceFixture(t);
    a = await f.alliance({ visibility: 'workspace' });
  });
  type Who = AllianceFixture['member'];
  const get = (who: Who, url: string) => who.inject({ method: 'GET', url: `${f.W}${url}` });
  const post = (who: Who, url: string, payload: object) =>
    who.inject({ method: 'POST', url: `${f.W}${url}`, payload });
  const memberId = (actorId: string) => a.members.find((m) => m.actorId === actorId)!.id;
  const base = () => `/alliances/${a.id}`;

  it('keeps every charter version; the latest is current', async () => {
    const v1 = await post(f.member, `${base()}/agreements`, {
      aims: 'Een buurttuin',
      charter: 'Wij besluiten bij consensus.',
      areaIds: [f.areas[0]],
      domainIds: [f.terms.domains[0]],
    });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json<Agreement>()).toMatchObject({
      version: 1,
      areaIds: [f.areas[0]],
      domainIds: [f.terms.domains[0]],
      createdBy: f.users.member.id,
    });
    const v2 = await post(f.coordinator, `${base()}/agreements`, {
      aims: 'Een buurttuin en een kookclub',
      charter: 'Wij besluiten bij meerderheid.',
    });
    expect(v2.json<Agreement>()).toMatchObject({ version: 2, areaIds: [], domainIds: [] });
    const list = await get(f.member2, `${base()}/agreements`);
    expect(list.json<{ items: Agreement[] }>().items.map((x) => [x.version, x.aims])).toEqual([
      [2, 'Een buurttuin en een kookclub'],
      [1, 'Een buurttuin'],
    ]);
    const detail = (await get(f.member2, base())).json<AllianceDetail>();
    expect(detail.currentAgreement).toMatchObject({
      version: 2,
      charter: 'Wij besluiten bij meerderheid.',
    });
    // Only editors add versions; bad links are listed and nothing is written.
    const before = await allianceSnapshot(t);
    expect(
      problemOf(await post(f.member2, `${base()}/agreements`, { aims: 'X', charter: 'Y' }), 403)
        .code,
    ).toBe('forbidden');
    const bad = problemOf(
      await post(f.coordinator, `${base()}/agreements`, {
        aims: 'X',
        charter: 'Y',
        areaIds: [f.otherAreas[0]],
        domainIds: [f.terms.groups[0]],
      }),
      400,
    );
    expect(bad.pointers).toEqual(['/areaIds/0', '/domainIds/0']);
    expect(await allianceSnapshot(t)).toEqual(before);
  });

  it('records contributions: editors for anyone, members their own', async () => {
    const url = `${base()}/contributions`;
    const own = await post(f.member, url, {
      memberId: memberId(f.carriers.member.id),
      period: '2025-Q3',
      kind: 'hours',
      quantity: 12,
      valueCents: 36_000,
      note: 'Tuindagen',
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json<Contribution>()).toMatchObject({
      kind: 'hours',
      quantity: 12,
      unit: 'hours',
      valueCents: 36_000,
      actorId: f.carriers.member.id,
      canDelete: true,
    });
    const money = await post(f.coordinator, url, {
      memberId: memberId(f.large.id),
      period: '2025',
      kind: 'money',
      valueCents: 500_000,
    });
    expect(money.json<Contribution>()).toMatchObject({ quantity: 500_000, unit: 'cents' });
    const space = await post(f.coordinator, url, {
      memberId: memberId(f.carriers.org.id),
      period: '2025-09',
      kind: 'space',
      quantity: 4,
      valueCents: 20_000,
    });
    expect(space.json<Contribution>().unit).toBe('dagdelen');
    // The lead (member's carrier) records for another member too (an editor).
    const byLead = await post(f.member, url, {
      memberId: memberId(f.carriers.org.id),
      period: '2025-10',
      kind: 'in_kind',
      quantity: 2,
      valueCents: 1_000,
    });
    expect(byLead.statusCode, byLead.body).toBe(201);
    const list = await get(f.member2, `${url}?memberId=${memberId(f.carriers.org.id)}`);
    expect(list.json<{ items: Contribution[] }>().items.map((c) => c.period)).toEqual([
      '2025-10',
      '2025-09',
    ]);
    expect(list.json<{ items: Contribution[] }>().items.every((c) => !c.canDelete)).toBe(true);
    const filtered = await get(f.member2, `${url}?period=2025`);
    expect(filtered.json<{ total: number }>().total).toBe(1);
    const detail = (await get(f.member2, base())).json<AllianceDetail>();
    expect(detail.contributionTotals).toEqual({
      valueCents: 557_000,
      byKind: [
        { kind: 'hours', quantity: 12, valueCents: 36_000 },
        { kind: 'in_kind', quantity: 2, valueCents: 1_000 },
        { kind: 'money', quantity: 500_000, valueCents: 500_000 },
        { kind: 'space', quantity: 4, valueCents: 20_000 },
      ],
      byMember: expect.arrayContaining([
        { memberId: memberId(f.large.id), valueCents: 500_000 },
        { memberId: memberId(f.carriers.org.id), valueCents: 21_000 },
      ]),
    });
    // A non-member may not delete; the member deletes their own.
    const id = own.json<Contribution>().id;
    const del = (who: Who, cid: string) =>
      who.inject({ method: 'DELETE', url: `${f.W}${url}/${cid}` });
    expect(problemOf(await del(f.member2, id), 403).code).toBe('forbidden');
    expect((await del(f.member, id)).statusCode).toBe(204);
    expect(problemOf(await del(f.member, id), 404).code).toBe('not_found');
  });

  it('refuses negative values and bad periods and others’ contributions, writing nothing', async () => {
    const url = `${base()}/contributions`;
    const before = await allianceSnapshot(t);
    const bad = problemOf(
      await post(f.coordinator, url, {
        memberId: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
        period: '2025',
        kind: 'hours',
        valueCents: -100,
      }),
      400,
    );
    expect(bad.errors!.map((e) => `${e.pointer} ${e.code}`).sort()).toEqual([
      '/memberId unknown_member',
      '/quantity required',
      '/valueCents negative_value',
    ]);
    const negativeQuantity = problemOf(
      await post(f.coordinator, url, {
        memberId: memberId(f.large.id),
        period: '2025',
        kind: 'money',
        quantity: -1,
        valueCents: 100,
      }),
      400,
    );
    expect(negativeQuantity.errors!.map((e) => e.code).sort()).toEqual([
      'negative_value',
      'quantity_mismatch',
    ]);
    for (const period of ['2025-Q5', '2025-13', '25', '2025-Q1-01'])
      expect(
        problemOf(
          await post(f.coordinator, url, {
            memberId: memberId(f.large.id),
            period,
            kind: 'money',
            valueCents: 1,
          }),
          400,
        ).pointers,
      ).toEqual(['/period']);
    const fractional = await post(f.coordinator, url, {
      memberId: memberId(f.large.id),
      period: '2025',
      kind: 'money',
      valueCents: 10.5,
    });
    expect(problemOf(fractional, 400).pointers).toEqual(['/valueCents']);
    // A member adds only their own; a non-member nothing.
    const others = await post(f.member, `${base()}/log`, {
      date: '2026-01-10',
      kind: 'meeting',
      title: 'ok',
    });
    expect(others.statusCode).toBe(201);
    await t()
      .ctx.db.deleteFrom('alliance_log')
      .where('id', '=', others.json<LogEntry>().id)
      .execute();
    const plain = await f.alliance({
      visibility: 'workspace',
      members: [f.membership(f.carriers.member.id), f.membership(f.large.id)],
    });
    const snap = await allianceSnapshot(t);
    const large = plain.members.find((m) => m.actorId === f.large.id)!.id;
    expect(
      problemOf(
        await post(f.member, `/alliances/${plain.id}/contributions`, {
          memberId: large,
          period: '2025',
          kind: 'money',
          valueCents: 1,
        }),
        403,
      ).code,
    ).toBe('forbidden');
    expect(
      problemOf(
        await post(f.member2, `/alliances/${plain.id}/contributions`, {
          memberId: large,
          period: '2025',
          kind: 'money',
          valueCents: 1,
        }),
        403,
      ).code,
    ).toBe('forbidden');
    expect(await allianceSnapshot(t)).toEqual(snap);
    expect(snap.alliance_contributions).toEqual(before.alliance_contributions);
  });

  it('keeps a log of meetings and decisions, written by members', async () => {
    const url = `${base()}/log`;
    const meeting = await post(f.member, url, {
      date: '2026-01-15',
      kind: 'meeting',
      title: 'Startoverleg',
      body: 'Kennismaking',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const decision = await post(f.coordinator, url, {
      date: '2026-02-01',
      kind: 'decision',
      title: 'Trekker gekozen',
    });
    expect(decision.json<LogEntry>()).toMatchObject({
      body: null,
      createdBy: f.users.coordinator.id,
    });
    const list = await get(f.researcher, url);
    expect(list.json<{ items: LogEntry[] }>().items.map((e) => e.title)).toEqual([
      'Trekker gekozen',
      'Startoverleg',
    ]);
    const before = await allianceSnapshot(t);
    expect(
      problemOf(
        await post(f.member2, url, { date: '2026-02-02', kind: 'meeting', title: 'X' }),
        403,
      ).code,
    ).toBe('forbidden');
    const bad = problemOf(
      await post(f.member, url, { date: '2026-02-30', kind: 'party', title: '' }),
      400,
    );
    expect(bad.pointers).toEqual(['/date', '/kind', '/title']);
    expect(problemOf(await get(f.outsider, url), 404).code).toBe('not_found');
    expect(await allianceSnapshot(t)).toEqual(before);
  });
});
