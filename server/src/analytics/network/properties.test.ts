import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betweenness, betweennessSync, closenessSync } from './betweenness.ts';
import { pageRank } from './centrality.ts';
import { indexGraph, type SnapshotGraph } from './graph.ts';
import { louvain, modularity } from './louvain.ts';
import { density, reciprocity } from './network.ts';
import { pivotsFor, sampledBetweenness } from './sampled.ts';

const graphArb = fc
  .record({
    n: fc.integer({ min: 1, max: 24 }),
    directed: fc.boolean(),
    pairs: fc.array(fc.tuple(fc.nat(23), fc.nat(23), fc.integer({ min: 1, max: 4 })), {
      maxLength: 80,
    }),
  })
  .map(({ n, directed, pairs }): SnapshotGraph => {
    const edges = pairs
      .map(([a, b, w]) => ({ source: `v${a % n}`, target: `v${b % n}`, weight: w }))
      .filter((e) => e.source !== e.target);
    return { directed, nodes: Array.from({ length: n }, (_, i) => ({ id: `v${i}` })), edges };
  });

const byId = (graph: SnapshotGraph, values: Float64Array) =>
  new Map(graph.nodes.map((v, i) => [v.id, values[i]!]));

describe('metric invariants', () => {
  it('betweenness and closeness do not depend on node order or labels', () => {
    fc.assert(
      fc.property(graphArb, fc.integer(), (graph, seed) => {
        const order = graph.nodes.map((v, i) => ({ v, key: Math.sin(seed + i * 7.1) }));
        order.sort((a, b) => a.key - b.key);
        const rename = new Map(order.map(({ v }, i) => [v.id, `x${i}`]));
        const relabelled: SnapshotGraph = {
          directed: graph.directed,
          nodes: order.map(({ v }) => ({ id: rename.get(v.id)! })),
          edges: graph.edges.map((e) => ({
            ...e,
            source: rename.get(e.source)!,
            target: rename.get(e.target)!,
          })),
        };
        const g1 = indexGraph(graph);
        const g2 = indexGraph(relabelled);
        const b1 = byId(graph, betweennessSync(g1));
        const b2 = byId(relabelled, betweennessSync(g2));
        const c1 = byId(graph, closenessSync(g1));
        const c2 = byId(relabelled, closenessSync(g2));
        for (const [id, x] of rename) {
          expect(Math.abs(b1.get(id)! - b2.get(x)!)).toBeLessThanOrEqual(1e-12);
          expect(Math.abs(c1.get(id)! - c2.get(x)!)).toBeLessThanOrEqual(1e-12);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('density and reciprocity lie in [0, 1]; PageRank sums to 1', () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const g = indexGraph(graph);
        const d = density(g);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        const r = reciprocity(g);
        if (r !== null) expect(r >= 0 && r <= 1).toBe(true);
        expect(Math.abs(pageRank(g).reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('one community has modularity 0; Louvain reports its own partition and beats singletons', () => {
    fc.assert(
      fc.property(graphArb, (graph) => {
        const g = indexGraph(graph);
        if (g.m === 0) return;
        expect(Math.abs(modularity(g, new Int32Array(g.n)))).toBeLessThanOrEqual(1e-12);
        const view = indexGraph({ ...graph, directed: false });
        const result = louvain(g, { seed: 3 });
        expect(
          Math.abs(result.modularity - modularity(view, result.community)),
        ).toBeLessThanOrEqual(1e-12);
        const singletons = Int32Array.from({ length: g.n }, (_, i) => i);
        expect(result.modularity).toBeGreaterThanOrEqual(modularity(view, singletons) - 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('parallel betweenness equals the single-thread one', async () => {
    await fc.assert(
      fc.asyncProperty(graphArb, fc.integer({ min: 2, max: 3 }), async (graph, workers) => {
        const g = indexGraph(graph);
        const seq = betweennessSync(g);
        const par = await betweenness(g, { workers });
        for (let i = 0; i < g.n; i++)
          expect(Math.abs(seq[i]! - par[i]!)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 15 },
    );
  });

  it('sampled betweenness with every node as a pivot is exact', async () => {
    await fc.assert(
      fc.asyncProperty(graphArb, fc.integer(), async (graph, seed) => {
        const g = indexGraph(graph);
        const exact = betweennessSync(g);
        const sampled = await sampledBetweenness(g, { pivots: g.n, seed, workers: 1 });
        expect(sampled.epsilon).toBe(0);
        for (let i = 0; i < g.n; i++) {
          expect(Math.abs(exact[i]! - sampled.values[i]!)).toBeLessThanOrEqual(1e-12);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('sampled betweenness', () => {
  it('pivotsFor follows k ≥ (n/(n−1))² ln(2n/δ) / (2ε²)', () => {
    expect(pivotsFor(100_000, 0.02, 0.05)).toBe(19_003);
    expect(pivotsFor(20_000, 0.05, 0.05)).toBe(2_719);
    expect(pivotsFor(50, 0.01, 0.05)).toBe(50);
  });

  it('stays within its stated ε on a 400-node graph (seeded)', async () => {
    const n = 400;
    const edges = [];
    for (let i = 0; i < n; i++) {
      edges.push({ source: `${i}`, target: `${(i + 1) % n}` });
      edges.push({ source: `${i}`, target: `${(i * 7 + 3) % n}` });
    }
    const g = indexGraph({
      directed: false,
      nodes: Array.from({ length: n }, (_, i) => ({ id: `${i}` })),
      edges: edges.filter((e) => e.source !== e.target),
    });
    const exact = betweennessSync(g);
    const sampled = await sampledBetweenness(g, { pivots: 100, seed: 5, workers: 1 });
    const worst = Math.max(...exact.map((x, i) => Math.abs(x - sampled.values[i]!)));
    expect(sampled.pivots).toBe(100);
    expect(worst).toBeLessThanOrEqual(sampled.epsilon);
    const again = await sampledBetweenness(g, { pivots: 100, seed: 5, workers: 2 });
    for (let i = 0; i < n; i++) expect(again.values[i]).toBeCloseTo(sampled.values[i]!, 12);
  });
});
