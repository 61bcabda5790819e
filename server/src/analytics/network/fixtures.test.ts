import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { betweenness, betweennessSync, closenessSync } from './betweenness.ts';
import { degrees, pageRank } from './centrality.ts';
import { indexGraph, type SnapshotGraph } from './graph.ts';
import { louvain, modularity } from './louvain.ts';
import {
  averageClustering,
  clustering,
  components,
  degreeCentralisation,
  density,
  reciprocity,
} from './network.ts';
import { partnerScores, smallLargeBrokerage } from './partner.ts';
import { snapshotMetrics, snapshotMetricsSync } from './snapshot.ts';

interface Fixture {
  name: string;
  networkx: string;
  graph: SnapshotGraph;
  node: Record<string, (number | null)[]>;
  network: Record<string, number | null> & {
    componentSizes: number[];
    louvainModularity: { max: number; median: number };
  };
  modularity: {
    name: string;
    community: number[];
    undirectedView: number;
    undirectedViewUnweighted: number;
    directed?: number;
  }[];
}

const dir = new URL('./fixtures/', import.meta.url);
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Fixture);

const TOL = 1e-9;

function expectClose(actual: ArrayLike<number | null>, expected: (number | null)[], what: string) {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === null || e === undefined) {
      expect(a, `${what}[${i}]`).toBeNull();
    } else {
      expect(a, `${what}[${i}]`).not.toBeNull();
      expect(Math.abs((a as number) - e), `${what}[${i}]: ${a} vs ${e}`).toBeLessThanOrEqual(TOL);
    }
  }
}

describe.each(fixtures)('networkx fixture $name', (f) => {
  const g = indexGraph(f.graph);

  it('was computed with networkx', () => {
    expect(f.networkx).toMatch(/^\d+\.\d+/);
  });

  it('degrees', () => {
    const d = degrees(g);
    for (const k of [
      'degree',
      'inDegree',
      'outDegree',
      'strength',
      'inStrength',
      'outStrength',
      'degreeCentrality',
    ] as const) {
      expectClose(d[k], f.node[k]!, k);
    }
  });

  it('betweenness (normalised and raw), sync and in workers', async () => {
    expectClose(betweennessSync(g), f.node.betweenness!, 'betweenness');
    expectClose(betweennessSync(g, { normalized: false }), f.node.betweennessRaw!, 'raw');
    expectClose(await betweenness(g, { workers: 2 }), f.node.betweenness!, 'parallel');
  });

  it('closeness with and without the Wasserman–Faust correction', () => {
    expectClose(closenessSync(g), f.node.closeness!, 'closeness');
    expectClose(closenessSync(g, false), f.node.closenessNoWf!, 'closeness wf=false');
  });

  it('PageRank weighted and unweighted', () => {
    expectClose(pageRank(g), f.node.pageRank!, 'pagerank');
    expectClose(
      pageRank(g, { weighted: false }),
      f.node.pageRankUnweighted!,
      'pagerank unweighted',
    );
  });

  it('clustering, density, centralisation, reciprocity, components', () => {
    expectClose(clustering(g), f.node.clustering!, 'clustering');
    expect(Math.abs(averageClustering(g) - f.network.averageClustering!)).toBeLessThanOrEqual(TOL);
    expect(Math.abs(density(g) - f.network.density!)).toBeLessThanOrEqual(TOL);
    const c = degreeCentralisation(g);
    expectClose(
      [c.degree, c.inDegree, c.outDegree],
      [
        f.network.degreeCentralisation!,
        f.network.inDegreeCentralisation ?? null,
        f.network.outDegreeCentralisation ?? null,
      ],
      'centralisation',
    );
    expectClose([reciprocity(g)], [f.network.reciprocity ?? null], 'reciprocity');
    const comp = components(g);
    expect(comp.count).toBe(f.network.components);
    expect([...comp.sizes].sort((a, b) => b - a)).toEqual(f.network.componentSizes);
    expect(comp.isolates).toBe(f.network.isolates);
  });

  it('modularity of given partitions', () => {
    for (const p of f.modularity) {
      const view = indexGraph({ ...f.graph, directed: false });
      expect(
        Math.abs(modularity(view, p.community) - p.undirectedView),
        p.name,
      ).toBeLessThanOrEqual(TOL);
      expect(
        Math.abs(modularity(view, p.community, 1, false) - p.undirectedViewUnweighted),
        p.name,
      ).toBeLessThanOrEqual(TOL);
      if (p.directed !== undefined) {
        expect(Math.abs(modularity(g, p.community) - p.directed), p.name).toBeLessThanOrEqual(TOL);
      }
    }
  });

  it('Louvain reaches networkx median modularity and reports its own partition exactly', () => {
    const result = louvain(g);
    const view = indexGraph({ ...f.graph, directed: false });
    expect(Math.abs(result.modularity - modularity(view, result.community))).toBeLessThanOrEqual(
      TOL,
    );
    expect(result.modularity).toBeGreaterThanOrEqual(f.network.louvainModularity.median - 1e-12);
    expect(louvain(g).community).toEqual(result.community);
  });

  it('brokerage and PARTNER trust/value', () => {
    const b = smallLargeBrokerage(g);
    expectClose(b.count, f.node.brokerage!, 'brokerage');
    expectClose(b.share, f.node.brokerageShare!, 'brokerage share');
    const p = partnerScores(g);
    expectClose(p.trust, f.node.trust!, 'trust');
    expectClose(p.value, f.node.value!, 'value');
    expectClose([p.networkTrust, p.networkValue], [f.network.trust!, f.network.value!], 'network');
  });

  it('snapshot metrics agree in both entry points', async () => {
    const sync = snapshotMetricsSync(f.graph);
    const parallel = await snapshotMetrics(f.graph, { workers: 2 });
    expect(parallel.network).toEqual(sync.network);
    expectClose(
      parallel.nodes.map((x) => x.betweenness),
      f.node.betweenness!,
      'snapshot betweenness',
    );
    expectClose(
      sync.nodes.map((x) => x.closeness),
      f.node.closeness!,
      'snapshot closeness',
    );
  });
});

describe('karate club', () => {
  it('Louvain reaches networkx best-of-20 within 0.001 (≈ 0.4198 is the optimum)', () => {
    const karate = fixtures.find((x) => x.name === 'karate')!;
    const q = louvain(indexGraph(karate.graph)).modularity;
    expect(q).toBeGreaterThanOrEqual(0.41);
    expect(q).toBeGreaterThanOrEqual(karate.network.louvainModularity.max - 1e-3);
  });
});
