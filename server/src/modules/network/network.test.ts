import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { readCacheFor } from '../records/read-cache.ts';
import { setRecordAreas, setRecordTerms } from '../records/repo.ts';
import { yearBefore } from './comparison.ts';
import type { Network } from './schema.ts';
import { expected, networkFixture, type NetworkFixture } from './test-fixture.ts';

const MISSING = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const [NOW, EARLIER] = expected.snapshots as [
  (typeof expected.snapshots)[number],
  (typeof expected.snapshots)[number],
];

const close = (
  actual: number | null | undefined,
  want: number | null | undefined,
  what: string,
) => {
  if (want === null || want === undefined) return expect(actual, what).toBeNull();
  expect(actual, what).not.toBeNull();
  expect(Math.abs(actual! - want), `${what}: ${actual} vs ${want}`).toBeLessThanOrEqual(1e-9);
};

describe('comparison defaults', () => {
  it('takes from a year before to', () => {
    expect(yearBefore('2026-06-01')).toBe('2025-06-01');
    expect(yearBefore('2028-02-29')).toBe('2027-03-01');
  });
});

describeEachDialect('network', (dialect) => {
  const t = useTestApp(dialect);
  let f: NetworkFixture;
  beforeAll(async () => {
    f = await networkFixture(t);
  });
  const get = (who: NetworkFixture['member'], q: string) =>
    who.inject({ method: 'GET', url: `${f.W}/network${q}` });
  const network = async (who: NetworkFixture['member'], q: string) => {
    const res = await get(who, q);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Network>();
  };
  const keys = (n: Network) => n.nodes.map((x) => f.keyOf.get(x.id) ?? x.id).sort();

  it('measures the ties of a day as networkx does (to 1e-9)', async () => {
    for (const snap of [NOW, EARLIER]) {
      const n = await network(f.coordinator, `?asOf=${snap.asOf}`);
      expect(n.asOf).toBe(snap.asOf);
      expect(keys(n)).toEqual(Object.keys(snap.nodes).sort());
      expect(n.edges).toHaveLength(snap.edges);
      for (const node of n.nodes) {
        const want = snap.nodes[f.keyOf.get(node.id)!]!;
        for (const [metric, value] of Object.entries(want))
          close(
            node[metric as keyof typeof node] as number | null,
            value,
            `${snap.asOf} ${metric}`,
          );
      }
      for (const [metric, value] of Object.entries(snap.network))
        close(n.network[metric as keyof Network['network']] as number, value, metric);
      expect(n.network.directed).toBe(true);
      expect(n.network.betweennessSampled).toBeNull();
    }
  });

  it('gives each actor its kind and size class, each tie its type and weight', async () => {
    const n = await network(f.coordinator, `?asOf=${NOW.asOf}`);
    const a = n.nodes.find((x) => x.id === f.ids.A)!;
    expect(a).toMatchObject({ label: 'Organisatie A', kind: 'organisation', sizeClass: 'small' });
    expect(n.nodes.find((x) => x.id === f.ids.C)).toMatchObject({
      kind: 'person',
      sizeClass: null,
    });
    const conflict = n.edges.filter((e) => !e.inMetrics).map((e) => e.type);
    expect(conflict.sort()).toEqual(['obstruction', 'tension']);
    const ac = n.edges.find((e) => e.source === f.ids.A && e.target === f.ids.C)!;
    expect(ac).toMatchObject({
      type: 'support',
      directed: true,
      intensity: 'cooperative',
      weight: 2,
    });
  });

  it('Louvain communities with the modularity networkx gives their partition', async () => {
    const n = await network(f.coordinator, `?asOf=${NOW.asOf}`);
    const blocks = new Map<number, string[]>();
    for (const node of n.nodes)
      blocks.set(node.community, [...(blocks.get(node.community) ?? []), f.keyOf.get(node.id)!]);
    expect(n.network.communities).toBe(blocks.size);
    const key = [...blocks.values()]
      .map((b) => b.sort().join(''))
      .sort()
      .join('|');
    expect(expected.modularity[key], `partition ${key} in the fixture`).toBeDefined();
    close(n.network.modularity, expected.modularity[key], 'modularity');
    // The best 3-block partition networkx knows of is no better than Louvain's.
    expect(n.network.modularity).toBeGreaterThanOrEqual(
      Math.max(...Object.values(expected.modularity)) - 1e-9,
    );
  });

  it('measures tension or obstruction ties only when type asks for them', async () => {
    const n = await network(f.coordinator, `?asOf=${NOW.asOf}&type=tension`);
    expect(keys(n)).toEqual(['A', 'E']);
    expect(n.edges.map((e) => [e.type, e.inMetrics])).toEqual([['tension', true]]);
    expect(n.network).toMatchObject({ nodes: 2, ties: 2, density: 1, reciprocity: 1 });
  });

  it('shows a member only ties whose two actors they may see', async () => {
    const member = await network(f.member, `?asOf=${NOW.asOf}`);
    expect(keys(member)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(member.edges.some((e) => e.source === f.ids.G || e.target === f.ids.G)).toBe(false);
    expect(member.edges).toHaveLength(NOW.edges - 1);
    // G was an isolate of the metrics graph; without it one component is left.
    expect(member.network).toMatchObject({ nodes: 6, components: 1, isolates: 0 });
    const coordinator = await network(f.coordinator, `?asOf=${NOW.asOf}`);
    expect(keys(coordinator)).toContain('G');
  });

  it('filters by area (with sub-areas) and by domain: an actor at either end', async () => {
    const db = t().ctx.db;
    await setRecordAreas(db, f.ws.id, 'actor', f.ids.D!, [f.areas[0]!]);
    await setRecordTerms(db, f.ws.id, 'actor', f.ids.F!, [f.terms.domains[0]!]);
    const area = await network(f.coordinator, `?asOf=${NOW.asOf}&areaId=${f.areas[0]}`);
    expect(area.edges.map((e) => [f.keyOf.get(e.source), f.keyOf.get(e.target)]).sort()).toEqual([
      ['B', 'D'],
      ['C', 'D'],
      ['D', 'E'],
    ]);
    expect(area.areaId).toBe(f.areas[0]);
    const domain = await network(f.coordinator, `?asOf=${NOW.asOf}&domainId=${f.terms.domains[0]}`);
    expect(keys(domain)).toEqual(['E', 'F', 'G']);
    expect(domain.edges.map((e) => e.type).sort()).toEqual(['obstruction', 'referral']);
  });

  it('answers bad input with one problem listing every error', async () => {
    const shape = problemOf(await get(f.coordinator, '?asOf=2026-13-01&type=friendship'), 400);
    expect(shape.pointers).toEqual(['/asOf', '/type']);
    const refs = problemOf(
      await get(f.coordinator, `?areaId=${MISSING}&domainId=${f.terms.groups[0]}`),
      400,
    );
    expect(refs.errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/areaId', 'unknown_area'],
      ['/domainId', 'wrong_term_kind'],
    ]);
    expect(problemOf(await get(f.coordinator, `?domainId=${MISSING}`), 400).errors?.[0]?.code).toBe(
      'unknown_term',
    );
    const other = problemOf(await get(f.coordinator, `?areaId=${f.otherAreas[0]}`), 400);
    expect(other.errors?.[0]?.code).toBe('unknown_area');
    const period = problemOf(
      await get(f.coordinator, `/comparison?from=2026-06-01&to=2026-01-01&areaId=${MISSING}`),
      400,
    );
    expect(period.errors?.map((e) => e.code)).toEqual(['before_from', 'unknown_area']);
    const dates = problemOf(
      await get(f.coordinator, '/comparison?from=gisteren&to=2026-02-30'),
      400,
    );
    expect(dates.pointers).toEqual(['/from', '/to']);
    expect(problemOf(await get(f.outsider, ''), 404).code).toBe('not_found');
  });

  it('compares two days: per-node and network deltas', async () => {
    const res = await get(f.coordinator, `/comparison?from=${EARLIER.asOf}&to=${NOW.asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<{
      nodes: { id: string; presence: string; changes: Record<string, { delta: number | null }> }[];
      network: Record<string, { before: number; after: number; delta: number }>;
      joined: string[];
      left: string[];
    }>();
    const earlier = Object.keys(EARLIER.nodes);
    const joined = Object.keys(NOW.nodes).filter((k) => !earlier.includes(k));
    expect(c.joined.map((id) => f.keyOf.get(id)).sort()).toEqual(joined.sort());
    expect(c.left).toEqual([]);
    for (const node of c.nodes.filter((x) => x.presence === 'both')) {
      const k = f.keyOf.get(node.id)!;
      for (const m of ['degree', 'strength', 'betweenness', 'closeness', 'pageRank'])
        close(node.changes[m]!.delta, NOW.nodes[k]![m]! - EARLIER.nodes[k]![m]!, `${k} ${m}`);
    }
    close(c.network.density!.delta, NOW.network.density! - EARLIER.network.density!, 'density');
    close(c.network.ties!.delta, NOW.network.ties! - EARLIER.network.ties!, 'ties');
  });

  it('serves the network from the read cache until a tie is written', async () => {
    const cache = readCacheFor(t().ctx.db);
    const q = `?asOf=${NOW.asOf}&type=referral`;
    const first = await network(f.coordinator, q);
    const hits = cache.hits;
    expect(await network(f.coordinator, q)).toEqual(first);
    expect(cache.hits).toBe(hits + 1);
    const referral = f.ties.find((x) => x.type === 'referral')!;
    const patched = await f.coordinator.inject({
      method: 'PATCH',
      url: `${f.W}/ties/${referral.id}`,
      payload: { intensity: 'integrated' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const after = await network(f.coordinator, q);
    expect(after.edges[0]).toMatchObject({ intensity: 'integrated', weight: 4 });
    expect(after.nodes.find((x) => x.id === f.ids.F)!.inStrength).toBe(4);
    const removed = await f.coordinator.inject({
      method: 'DELETE',
      url: `${f.W}/ties/${referral.id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await network(f.coordinator, q)).edges).toEqual([]);
  });
});
