import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { Flow } from './schema.ts';
import { fundingFixture, fundingSnapshot, type FundingFixture } from './test-fixture.ts';

const MISSING = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describeEachDialect('funding flows', (dialect) => {
  const t = useTestApp(dialect);
  let f: FundingFixture;
  beforeAll(async () => {
    f = await fundingFixture(t);
  });
  const ids = (res: { json: <T>() => T }) =>
    res.json<{ items: { id: string }[] }>().items.map((i) => i.id);
  const get = (who: FundingFixture['member'], url: string) =>
    who.inject({ method: 'GET', url: `${f.W}${url}` });

  it('records a flow in integer cents with its period, burden and links', async () => {
    const flow = await f.flow({ initiativeId: f.initiative, amountCents: 9_007_199_254_740_991 });
    expect(flow).toMatchObject({
      funderId: f.funder.id,
      funderName: 'Gemeente Wijkhaven',
      recipientType: 'actor',
      recipientId: f.carriers.org.id,
      recipientName: 'Stichting Buurtkracht',
      recipientKind: 'small',
      initiativeId: f.initiative,
      initiativeName: 'Buurtkeuken',
      title: 'Subsidie buurtkracht 2026',
      amountCents: 9_007_199_254_740_991,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      durationDays: 365,
      instrument: 'project_grant',
      reportingHours: 16,
      reports: 2,
      areaIds: [f.areas[0]],
      domainIds: [f.terms.domains[0]],
      visibility: 'workspace',
      canEdit: true,
    });
    const seen = await get(f.member, `/funding-flows/${flow.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json<Flow>()).toMatchObject({ amountCents: 9_007_199_254_740_991, canEdit: false });
  });

  it('takes an initiative as recipient, which is then also the linked initiative', async () => {
    const flow = await f.flow({ recipientType: 'initiative', recipientId: f.initiative });
    expect(flow).toMatchObject({
      recipientType: 'initiative',
      recipientId: f.initiative,
      recipientName: 'Buurtkeuken',
      recipientKind: 'initiative',
      initiativeId: f.initiative,
    });
  });

  it('is private by default: seen by coordinators and the carrier who receives it', async () => {
    const own = await f.flow({ recipientId: f.carriers.member.id, visibility: undefined });
    expect(own).toMatchObject({ visibility: 'private', recipientKind: 'person' });
    const url = `/funding-flows/${own.id}`;
    expect((await get(f.member, url)).statusCode).toBe(200);
    expect(ids(await get(f.member, `/funding-flows?recipientId=${f.carriers.member.id}`))).toEqual([
      own.id,
    ]);
    expect(problemOf(await get(f.member2, url), 404).code).toBe('not_found');
    expect(ids(await get(f.member2, '/funding-flows?pageSize=100'))).not.toContain(own.id);
    expect(problemOf(await get(f.outsider, url), 404).code).toBe('not_found');
  });

  it('hides the name of a recipient the caller may not see', async () => {
    const flow = await f.flow({ recipientId: f.carriers.hidden.id, visibility: 'workspace' });
    const res = await get(f.member, `/funding-flows/${flow.id}`);
    expect(res.json<Flow>()).toMatchObject({ recipientName: null, recipientKind: 'person' });
    expect(flow.recipientName).toBe('Stille Kracht');
  });

  it('lists with filters, including an area’s sub-areas, and pages with a Link header', async () => {
    const a = await f.flow({ instrument: 'right_to_challenge', areaIds: [f.areas[1]] });
    const b = await f.flow({
      instrument: 'right_to_challenge',
      areaIds: [],
      startDate: '2027-01-01',
      endDate: '2027-06-30',
    });
    const list = (q: string) => get(f.member, `/funding-flows?instrument=right_to_challenge&${q}`);
    expect(ids(await list('')).sort()).toEqual([a.id, b.id].sort());
    expect(ids(await list(`areaId=${f.areas[1]}`))).toEqual([a.id]);
    expect(ids(await list(`areaId=${f.wijk}`))).toEqual([a.id]);
    expect(ids(await list(`areaId=${f.areas[0]}`))).toEqual([]);
    expect(ids(await list('activeOn=2027-03-01'))).toEqual([b.id]);
    expect(ids(await list(`funderId=${f.carriers.org.id}`))).toEqual([]);
    const page = await list('pageSize=1');
    expect(page.json<{ total: number; items: unknown[] }>()).toMatchObject({ total: 2 });
    expect(page.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect(String(page.headers.link)).toContain('rel="next"');
    const foreign = await get(f.member, `/funding-flows?areaId=${f.otherAreas[0]}`);
    expect(problemOf(foreign, 400).pointers).toEqual(['/areaId']);
  });

  it('lists every bad field in one problem and writes nothing', async () => {
    const before = await fundingSnapshot(t);
    const post = (payload: object) =>
      f.coordinator.inject({ method: 'POST', url: `${f.W}/funding-flows`, payload });
    const rules = problemOf(
      await post(
        f.flowBody({
          funderId: f.otherFunder.id,
          recipientId: f.carriers.other.id,
          initiativeId: f.otherInitiative,
          amountCents: -500,
          reportingHours: -1,
          startDate: '2026-06-01',
          endDate: '2026-05-31',
          areaIds: [f.otherAreas[0]],
          domainIds: [f.otherTerms.domains[0], MISSING],
        }),
      ),
      400,
    );
    expect(rules.code).toBe('validation_failed');
    expect(rules.pointers).toEqual([
      '/amountCents',
      '/areaIds/0',
      '/domainIds/0',
      '/domainIds/1',
      '/endDate',
      '/funderId',
      '/initiativeId',
      '/recipientId',
      '/reportingHours',
    ]);
    const codes = Object.fromEntries((rules.errors ?? []).map((e) => [e.pointer, e.code]));
    expect(codes).toMatchObject({
      '/amountCents': 'negative_amount',
      '/endDate': 'end_before_start',
      '/funderId': 'unknown_actor',
      '/recipientId': 'unknown_actor',
      '/initiativeId': 'unknown_initiative',
    });
    const shape = problemOf(
      await post(
        f.flowBody({
          amountCents: 1250.5,
          instrument: 'subsidie',
          reports: '2',
          startDate: '1-1-26',
        }),
      ),
      400,
    );
    expect(shape.pointers).toEqual(['/amountCents', '/instrument', '/reports', '/startDate']);
    const asText = problemOf(await post(f.flowBody({ amountCents: '12500' })), 400);
    expect(asText.pointers).toEqual(['/amountCents']);
    const person = problemOf(await post(f.flowBody({ funderId: f.carriers.member2.id })), 400);
    expect(person.errors?.[0]?.code).toBe('wrong_actor_kind');
    const foreignInitiative = problemOf(
      await post(f.flowBody({ recipientType: 'initiative', recipientId: f.otherInitiative })),
      400,
    );
    expect(foreignInitiative.pointers).toEqual(['/recipientId']);
    const zero = problemOf(await post(f.flowBody({ amountCents: 0 })), 400);
    expect(zero.errors?.[0]?.code).toBe('out_of_range');
    expect(await fundingSnapshot(t)).toEqual(before);

    const flow = await f.flow();
    const mid = await fundingSnapshot(t);
    const patch = await f.coordinator.inject({
      method: 'PATCH',
      url: `${f.W}/funding-flows/${flow.id}`,
      payload: { endDate: '2025-12-31', amountCents: -1, recipientId: f.carriers.other.id },
    });
    expect(problemOf(patch, 400).pointers).toEqual(['/amountCents', '/endDate', '/recipientId']);
    expect(await fundingSnapshot(t)).toEqual(mid);
  });

  it('changes and deletes flows for coordinators only', async () => {
    const flow = await f.flow();
    const url = `${f.W}/funding-flows/${flow.id}`;
    const before = await fundingSnapshot(t);
    const denied = await f.member.inject({ method: 'PATCH', url, payload: { title: 'Nee' } });
    expect(problemOf(denied, 403).code).toBe('forbidden');
    const post = await f.member.inject({
      method: 'POST',
      url: `${f.W}/funding-flows`,
      payload: f.flowBody(),
    });
    expect(problemOf(post, 403).code).toBe('forbidden');
    expect(problemOf(await f.outsider.inject({ method: 'DELETE', url }), 404).code).toBe(
      'not_found',
    );
    expect(await fundingSnapshot(t)).toEqual(before);

    const changed = await f.coordinator.inject({
      method: 'PATCH',
      url,
      payload: {
        instrument: 'core_funding',
        amountCents: 4_000_000,
        endDate: '2028-12-31',
        recipientType: 'initiative',
        recipientId: f.initiative,
        areaIds: [f.areas[1]],
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Flow>()).toMatchObject({
      instrument: 'core_funding',
      amountCents: 4_000_000,
      durationDays: 1096,
      recipientType: 'initiative',
      recipientId: f.initiative,
      initiativeId: f.initiative,
      areaIds: [f.areas[1]],
      domainIds: [f.terms.domains[0]],
    });
    const typeOnly = await f.coordinator.inject({
      method: 'PATCH',
      url,
      payload: { recipientType: 'actor' },
    });
    expect(problemOf(typeOnly, 400).pointers).toEqual(['/recipientId']);
    expect((await f.member.inject({ method: 'DELETE', url })).statusCode).toBe(403);
    expect((await f.coordinator.inject({ method: 'DELETE', url })).statusCode).toBe(204);
    expect((await f.coordinator.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect(
      await t()
        .ctx.db.selectFrom('funding_flow_areas')
        .selectAll()
        .where('flow_id', '=', flow.id)
        .execute(),
    ).toEqual([]);
  });

  it('exports the visible flows as CSV with BOM, semicolons and neutralised formulas', async () => {
    const flow = await f.flow({
      title: '=HYPERLINK("https://example.org")',
      amountCents: 1_234_567,
      instrument: 'in_kind',
    });
    const secret = await f.flow({ instrument: 'in_kind', visibility: 'private' });
    const url = `${f.W}/exports/funding-flows.csv`;
    const res = await f.researcher.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toMatch(
      /attachment; filename="wijkdragers-.*-funding-flows-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(res.body.startsWith('\uFEFFid;title;funderId;')).toBe(true);
    const line = res.body.split('\r\n').find((l) => l.startsWith(flow.id))!;
    expect(line).toContain(`;"'=HYPERLINK(""https://example.org"")";`);
    expect(line).toContain(';in_kind;1234567;12345,67;2026-01-01;2026-12-31;365;16;2;BU0599A001;');
    expect(res.body).not.toContain(secret.id);
    const coordinator = await f.coordinator.inject({
      method: 'GET',
      url: `${url}?delimiter=comma`,
    });
    expect(coordinator.body).toContain(secret.id);
    expect(coordinator.body).toContain(',1234567,12345.67,');
    expect(problemOf(await f.member.inject({ method: 'GET', url }), 403).code).toBe('forbidden');
  });
});
