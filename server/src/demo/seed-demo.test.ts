import { beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDialect, useTestApp } from '../../test/harness.ts';
import type { Db } from '../db/dialect.ts';
import { levelOf, parentCode } from '../modules/areas/import/codes.ts';
import { deriveSizeClass } from '../modules/actors/size-class.ts';
import { organisationKinds } from '../db/types.ts';
import { indicatorKeys, INDICATOR_YEARS } from './indicators.ts';
import { ringProblems } from './ring-check.ts';
import { seedDemo, type SeedResult } from './seed.ts';
import { linkProblems, loadWorkspace, type Loaded } from './test-support.ts';
import { DEMO_TODAY } from './world.ts';

const demoWorkspace = async (db: Db) =>
  (
    await db
      .selectFrom('workspaces')
      .selectAll()
      .where('slug', '=', 'demo')
      .executeTakeFirstOrThrow()
  ).id;
const userId = async (db: Db, email: string) =>
  (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow())
    .id;

describeEachDialect('demo generator (scale demo)', (dialect) => {
  const t = useTestApp(dialect);
  let result: SeedResult;
  let d: Loaded;

  beforeAll(async () => {
    const started = performance.now();
    result = await seedDemo(t().ctx);
    console.log(
      `[${dialect}] seed --demo: ${Math.round(performance.now() - started)} ms (directory ${result.directoryMs} ms)`,
    );
    d = await loadWorkspace(t().ctx.db, await demoWorkspace(t().ctx.db));
  }, 120_000);

  it('creates the demo scale and reports what it wrote', () => {
    const c = result.counts!;
    expect([c.wijken, c.buurten, c.persons, c.organisations]).toEqual([5, 20, 60, 40]);
    expect(c.rows.activities).toBe(300);
    expect(c.rows.initiatives).toBe(25);
    const stored: Record<string, number> = {
      areas: d.areas.length,
      area_indicators: d.indicators.length,
      actors: d.actors.length,
      actor_roles: d.roles.length,
      affiliations: d.affiliations.length,
      initiatives: d.initiatives.length,
      initiative_participants: d.participants.length,
      activities: d.activities.length,
      achievements: d.achievements.length,
      achievement_credits: d.credits.length,
      record_areas: d.recordAreas.length,
      record_terms: d.recordTerms.length,
      search_entries: d.entries.length,
      search_tokens: d.tokens.length,
    };
    expect(c.rows).toEqual(stored);
    expect(d.areas).toHaveLength(26);
    expect(d.actors.filter((a) => a.kind === 'person')).toHaveLength(60);
  });

  it('gives every area a valid CBS code, an existing parent and a valid boundary', () => {
    const codes = new Set(d.areas.map((a) => a.code));
    expect(codes.has('GM9999')).toBe(true);
    for (const a of d.areas) {
      expect(levelOf(a.code), a.code).toBe(a.level);
      expect(a.parent_code).toBe(parentCode(a.code));
      if (a.parent_code) expect(codes.has(a.parent_code)).toBe(true);
      expect(a.cbs_year).toBe(2024);
      for (const text of [a.geometry, a.display_geometry]) {
        const g = JSON.parse(text ?? 'null') as { type: string; coordinates: number[][][] };
        expect(g.type).toBe('Polygon');
        expect(ringProblems(g.coordinates[0] ?? []), a.code).toEqual([]);
      }
    }
  });

  it('stores kerncijfers for 2019–2024 with some secret values', () => {
    expect(d.indicators).toHaveLength(
      d.areas.length * INDICATOR_YEARS.length * indicatorKeys.length,
    );
    expect(d.indicators.some((i) => i.value === null)).toBe(true);
    for (const a of d.areas) {
      const pop = d.indicators.find(
        (i) => i.area_id === a.id && i.year === 2024 && i.key === 'AantalInwoners',
      );
      expect(a.population, a.code).toBe(pop?.value);
      expect(a.population ?? 0).toBeGreaterThan(0);
    }
  });

  it('links every record to areas and terms of the workspace and indexes it for search', () => {
    expect(linkProblems(d)).toEqual([]);
    const targetGroups = new Set(d.terms.filter((x) => x.kind === 'target_group').map((x) => x.id));
    expect(d.recordTerms.filter((r) => targetGroups.has(r.term_id)).length).toBeGreaterThan(50);
  });

  it('keeps persons private unless consent is recorded', async () => {
    const coordinator = await userId(t().ctx.db, 'coordinator@demo.wijkdragers.nl');
    const persons = d.actors.filter((a) => a.kind === 'person');
    for (const p of persons) {
      if (p.visibility !== 'private') {
        expect(p.consent_given_at, p.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(p.consent_text_version).toBe('v1-2026');
        expect(p.consent_recorded_by).toBe(p.user_id ?? coordinator);
      } else expect(p.consent_given_at).toBeNull();
      expect(p.size_class).toBeNull();
    }
    expect(persons.filter((p) => p.visibility === 'private').length).toBeGreaterThan(
      persons.length / 2,
    );
    expect(persons.some((p) => p.visibility === 'public')).toBe(true);
    expect(persons.filter((p) => p.user_id !== null).length).toBe(6); // Lieke + 5 residents
    // An activity is never more visible than the person doing it.
    const privateIds = new Set(persons.filter((p) => p.visibility === 'private').map((p) => p.id));
    for (const e of d.entries.filter(
      (x) => x.record_type === 'activity' && privateIds.has(x.actor_id ?? ''),
    ))
      expect(e.visibility).toBe('private');
  });

  it('has organisations of every kind with a consistent size class', () => {
    const orgs = d.actors.filter((a) => a.kind === 'organisation');
    expect(new Set(orgs.map((o) => o.org_kind))).toEqual(new Set(organisationKinds));
    for (const o of orgs) {
      const derived = deriveSizeClass({
        budgetBand: o.budget_band,
        staffCount: o.staff_count,
        override: o.size_class_override,
      });
      expect(o.size_class, o.name).toBe(derived);
      if (o.org_kind === 'bewonersinitiatief') expect(o.size_class).toBe('small');
    }
    const big = orgs.filter((o) =>
      ['welzijnsorganisatie', 'woningcorporatie', 'gemeentelijke_afdeling', 'fonds'].includes(
        o.org_kind ?? '',
      ),
    );
    expect(big.filter((o) => o.size_class === 'large').length).toBeGreaterThanOrEqual(
      big.length * 0.6,
    );
    expect(orgs.filter((o) => o.size_class === 'small').length).toBeGreaterThan(orgs.length / 3);
    expect(orgs.filter((o) => o.visibility === 'public').length).toBeGreaterThanOrEqual(3);
    expect(orgs.filter((o) => o.visibility === 'workspace').length).toBeGreaterThan(
      orgs.length / 2,
    );
    expect(new Set(orgs.map((o) => o.name)).size).toBe(orgs.length);
  });

  it('gives Lieke a linked carrier record with a track record across ended initiatives', async () => {
    const lieke = await userId(t().ctx.db, 'lid@demo.wijkdragers.nl');
    const carrier = d.actors.find((a) => a.user_id === lieke)!;
    expect(carrier).toMatchObject({
      kind: 'person',
      name: 'Lieke de Drager',
      consent_text_version: 'v1-2026',
    });
    expect(carrier.visibility).not.toBe('private');
    expect(d.entries.find((e) => e.record_id === carrier.id)?.owner_user_id).toBe(lieke);
    const roles = d.roles.filter((r) => r.actor_id === carrier.id);
    expect(roles.length).toBeGreaterThanOrEqual(4);
    expect(roles.some((r) => r.end_date !== null)).toBe(true);
    expect(d.affiliations.filter((a) => a.person_id === carrier.id).length).toBeGreaterThanOrEqual(
      3,
    );

    const carried = d.participants
      .filter((p) => p.actor_id === carrier.id && p.role === 'carrier')
      .map((p) => d.initiatives.find((i) => i.id === p.initiative_id)!);
    const status = (s: string) => carried.filter((i) => i.status === s).length;
    expect(status('ended')).toBeGreaterThanOrEqual(3);
    expect(status('active')).toBeGreaterThanOrEqual(1);
    const starts = carried.map((i) => i.start_date ?? '').sort();
    expect(
      Number(starts.at(-1)?.slice(0, 4)) - Number(starts[0]?.slice(0, 4)),
    ).toBeGreaterThanOrEqual(10);
    for (const i of carried.filter((x) => x.status === 'ended'))
      expect(i.end_date! < DEMO_TODAY).toBe(true);

    const own = d.activities.filter((a) => a.actor_id === carrier.id);
    expect(own.length).toBeGreaterThanOrEqual(8);
    const ended = new Set(carried.filter((i) => i.status === 'ended').map((i) => i.id));
    expect(
      own.filter((a) => a.initiative_id && ended.has(a.initiative_id)).length,
    ).toBeGreaterThanOrEqual(3);
    const credited = d.credits
      .filter((c) => c.actor_id === carrier.id)
      .map((c) => d.achievements.find((a) => a.id === c.achievement_id)!);
    expect(new Set(credited.map((a) => a.type))).toEqual(
      new Set(['result', 'award', 'press', 'thanks']),
    );
    expect(credited.some((a) => ended.has(a.initiative_id ?? ''))).toBe(true);
  });

  it('puts small and large parties to work in the same buurt, domain and period', () => {
    const size = new Map(
      d.actors.map((a) => [a.id, a.kind === 'person' ? 'small' : (a.size_class ?? 'small')]),
    );
    const areasOf = new Map<string, string[]>();
    for (const l of d.recordAreas.filter((x) => x.record_type === 'activity'))
      areasOf.set(l.record_id, [...(areasOf.get(l.record_id) ?? []), l.area_id]);
    const cells = new Map<string, { size: string; start: string; end: string }[]>();
    const byId = new Map(d.activities.map((a) => [a.id, a]));
    for (const l of d.recordTerms.filter((x) => x.record_type === 'activity')) {
      const a = byId.get(l.record_id)!;
      for (const area of areasOf.get(a.id) ?? []) {
        const key = `${area}:${l.term_id}`;
        cells.set(key, [
          ...(cells.get(key) ?? []),
          { size: size.get(a.actor_id)!, start: a.start_date, end: a.end_date ?? '9999' },
        ]);
      }
    }
    let overlapping = 0;
    for (const list of cells.values()) {
      const small = list.filter((x) => x.size === 'small');
      const large = list.filter((x) => x.size === 'large');
      if (small.some((s) => large.some((l) => s.start <= l.end && l.start <= s.end))) overlapping++;
    }
    expect(overlapping).toBeGreaterThanOrEqual(10);
  });

  it('leaves an existing demo workspace alone', async () => {
    const again = await seedDemo(t().ctx);
    expect(again).toMatchObject({ created: false, counts: null });
    expect(await t().ctx.db.selectFrom('activities').select('id').execute()).toHaveLength(300);
  });

  it('is deterministic: the same seed gives the same records, another seed other ones', async () => {
    const snapshot = (x: Loaded) => ({
      areas: x.areas.map((a) => [a.id, a.code, a.name, a.geometry, a.population]),
      actors: x.actors.map((a) => [
        a.id,
        a.name,
        a.org_kind,
        a.size_class,
        a.visibility,
        a.user_id,
      ]),
      activities: x.activities.map((a) => [a.id, a.actor_id, a.title, a.start_date, a.end_date]),
      initiatives: x.initiatives.map((i) => [i.id, i.name, i.status]),
      terms: x.recordTerms.length,
      tokens: x.tokens.length,
    });
    const other = await createTestApp(dialect);
    const third = await createTestApp(dialect);
    try {
      await seedDemo(other.ctx);
      await seedDemo(third.ctx, { seed: 42 });
      const same = await loadWorkspace(other.ctx.db, await demoWorkspace(other.ctx.db));
      expect(snapshot(same)).toEqual(snapshot(d));
      const different = await loadWorkspace(third.ctx.db, await demoWorkspace(third.ctx.db));
      expect(different.actors.map((a) => a.name)).not.toEqual(d.actors.map((a) => a.name));
    } finally {
      await other.close();
      await third.close();
    }
  }, 120_000);
});
