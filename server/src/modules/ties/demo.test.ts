import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { seedSupport } from '../../demo/support.ts';
import { seedTies } from '../../demo/ties.ts';
import { createRandom } from '../../demo/random.ts';
import { system } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { tieErrors } from './checks.ts';
import { tieFixture, tieSnapshot, type TieFixture } from './test-fixture.ts';

describeEachDialect('demo ties', (dialect) => {
  const t = useTestApp(dialect);
  let f: TieFixture;
  beforeAll(async () => {
    f = await tieFixture(t);
    const db = t().ctx.db;
    for (const name of ['Fonds Groot', 'Corporatie Groot'])
      await insertTestActor(db, f.ws.id, { name, kind: 'organisation', sizeClass: 'large' });
    for (const name of ['Buurthuis Klein', 'Moestuin Klein'])
      await insertTestActor(db, f.ws.id, { name, kind: 'organisation', sizeClass: 'small' });
    await seedSupport(t().ctx, f.ws.id, createRandom(7));
  });

  it('writes ties that obey the API’s rules, with support pairs and small–large tensions', async () => {
    const { ties } = await seedTies(t().ctx, f.ws.id, createRandom(7));
    expect(ties).toBeGreaterThan(20);
    const db = t().ctx.db;
    const rows = await db.selectFrom('ties').selectAll().execute();
    expect(rows).toHaveLength(ties);
    for (const r of rows) {
      const facts = {
        fromActorId: r.from_actor_id,
        toActorId: r.to_actor_id,
        type: r.type,
        directed: Number(r.directed) === 1,
        startDate: r.start_date,
        endDate: r.end_date,
      };
      expect(await tieErrors(db, system, f.ws.id, facts, r.id), r.id).toEqual([]);
    }
    const actors = new Map(
      (await db.selectFrom('actors').selectAll().where('workspace_id', '=', f.ws.id).execute()).map(
        (a) => [a.id, a],
      ),
    );
    const pairs = await db
      .selectFrom('support_matches as m')
      .innerJoin('support_offers as o', 'o.id', 'm.offer_id')
      .innerJoin('support_needs as n', 'n.id', 'm.need_id')
      .select(['o.provider_id', 'n.requester_id'])
      .execute();
    const key = (a: string, b: string) => [a, b].sort().join('|');
    const supportPairs = new Set(pairs.map((p) => key(p.provider_id, p.requester_id)));
    const collab = rows.filter(
      (r) =>
        r.type === 'collaboration' &&
        r.end_date === null &&
        supportPairs.has(key(r.from_actor_id, r.to_actor_id)),
    );
    expect(collab.length).toBeGreaterThan(0);
    const sizes = (r: (typeof rows)[number]) =>
      [r.from_actor_id, r.to_actor_id].map((id) => actors.get(id)?.size_class).sort();
    const tensions = rows.filter((r) => r.type === 'tension');
    expect(tensions.length).toBeGreaterThan(0);
    for (const r of tensions) expect(sizes(r)).toEqual(['large', 'small']);
    expect(new Set(rows.map((r) => r.type)).size).toBeGreaterThanOrEqual(5);
    expect(rows.every((r) => r.from_actor_id !== r.to_actor_id)).toBe(true);
  });

  it('is deterministic for the seed', async () => {
    const first = await tieSnapshot(t);
    await t().ctx.db.deleteFrom('ties').execute();
    await seedTies(t().ctx, f.ws.id, createRandom(7));
    expect(await tieSnapshot(t)).toEqual(first);
  });
});
