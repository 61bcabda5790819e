import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { seedDemo } from './seed.ts';
import { linkProblems, loadWorkspace } from './test-support.ts';

/**
 * The municipality scale on SQLite only (about 4 s). The bulk writer's dialect-specific behaviour
 * (statement reuse, parameter layout, foreign-key order) is tested on both dialects in
 * repo.test.ts and seed-demo.test.ts; on PostgreSQL this scale takes 9–10 s on a quiet 2-core
 * machine and 20–35 s on a busy one (half a million rows through one connection), too slow to
 * repeat on every run.
 */
describe('demo generator (scale municipality) [sqlite]', () => {
  const t = useTestApp('sqlite');

  it('creates at least 5,000 actors and 25,000 activities in 100 buurten, all linked', async () => {
    const started = performance.now();
    const r = await seedDemo(t().ctx, { scale: 'municipality' });
    const ms = Math.round(performance.now() - started);
    const c = r.counts!;
    console.log(
      `[sqlite] seed --demo --scale municipality: ${ms} ms (directory ${r.directoryMs} ms)`,
      c.rows,
    );
    expect(c.buurten).toBe(100);
    expect(c.wijken).toBe(10);
    expect(c.rows.actors).toBeGreaterThanOrEqual(5000);
    expect(c.persons + c.organisations).toBe(c.rows.actors);
    expect(c.rows.activities).toBeGreaterThanOrEqual(25_000);
    const ws = (
      await t()
        .ctx.db.selectFrom('workspaces')
        .select('id')
        .where('slug', '=', 'demo')
        .executeTakeFirstOrThrow()
    ).id;
    const d = await loadWorkspace(t().ctx.db, ws);
    expect(d.actors).toHaveLength(c.rows.actors);
    expect(d.activities).toHaveLength(c.rows.activities);
    expect(d.tokens).toHaveLength(c.rows.search_tokens);
    expect(linkProblems(d)).toEqual([]);
    // Every buurt has work going on, by small and by large parties.
    const buurten = new Set(d.areas.filter((a) => a.level === 'buurt').map((a) => a.id));
    const worked = new Set(
      d.recordAreas.filter((l) => l.record_type === 'activity').map((l) => l.area_id),
    );
    expect([...buurten].filter((b) => !worked.has(b))).toEqual([]);
  }, 300_000);
});
