import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { betweenness, betweennessSync } from '../server/src/analytics/network/betweenness.ts';
import { indexGraph, type SnapshotGraph } from '../server/src/analytics/network/graph.ts';
import { louvain } from '../server/src/analytics/network/louvain.ts';
import { mulberry32 } from '../server/src/analytics/network/random.ts';
import { choosePivots } from '../server/src/analytics/network/sampled.ts';
import { pathSumsSync } from '../server/src/analytics/network/worker-pool.ts';

/**
 * `node --import tsx bench/network-metrics.ts [--nodes 10000] [--edges 50000] [--seed 1]
 * [--workers 2] [--nx-pivots 100] [--append]`: exact betweenness and Louvain of
 * server/src/analytics/network against Debian's python3-igraph and python3-networkx on the same
 * seeded random graph (G(n, m): m distinct pairs drawn uniformly, undirected, unweighted), one
 * tool after the other so they do not compete for the cores. Prints a markdown section;
 * `--append` appends it to bench/RESULTS.md. See bench/README.md for how to read it.
 *
 * networkx needs about 50 ms per source at this size (≈ 10 min for all), so it runs Brandes'
 * passes from `--nx-pivots` sources only; its time is extrapolated linearly to n sources (each
 * source costs the same O(m) BFS + accumulation, so this is fair for a connected random graph)
 * and its partial sums are compared with ours from the same sources.
 */
const { values: args } = parseArgs({
  options: {
    nodes: { type: 'string', default: '10000' },
    edges: { type: 'string', default: '50000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    'nx-pivots': { type: 'string', default: '100' },
    append: { type: 'boolean', default: false },
  },
});
const n = Number(args.nodes);
const m = Number(args.edges);
const seed = Number(args.seed);
const workers = Number(args.workers);
const nxPivots = Number(args['nx-pivots']);
const PYTHON = '/usr/bin/python3';
const here = fileURLToPath(new URL('.', import.meta.url));

function randomGraph(): { graph: SnapshotGraph; pairs: [number, number][] } {
  const random = mulberry32(seed);
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  while (pairs.length < m) {
    const a = Math.floor(random() * n);
    const b = Math.floor(random() * n);
    if (a === b) continue;
    const key = Math.min(a, b) * n + Math.max(a, b);
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([a, b]);
  }
  const graph: SnapshotGraph = {
    directed: false,
    nodes: Array.from({ length: n }, (_, i) => ({ id: String(i) })),
    edges: pairs.map(([a, b]) => ({ source: String(a), target: String(b) })),
  };
  return { graph, pairs };
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;
/** CPU seconds of this process since `c0`, worker threads included (they share the process). */
const cpuSeconds = (c0: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (s: number) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
/** How many times faster ours (b) is than theirs (a), or slower when below 1. */
const ratio = (theirs: number, ours: number) =>
  theirs >= ours
    ? `${(theirs / ours).toFixed(2)}× faster`
    : `${(ours / theirs).toFixed(2)}× slower`;

interface IgraphResult {
  version: string;
  betweennessSeconds: number;
  betweennessCpuSeconds: number;
  betweenness: number[];
  louvain: { seconds: number; modularity: number; communities: number }[];
}
interface NetworkxResult {
  version: string;
  pivotSeconds: number;
  pivotCpuSeconds: number;
  pivots: number;
  partialSums: number[];
  louvain: { seconds: number; modularity: number; communities: number }[];
}

function reference<T>(tool: string, dir: string): T {
  const out = join(dir, `${tool}.json`);
  execFileSync(
    PYTHON,
    [
      join(here, 'network-metrics-reference.py'),
      tool,
      join(dir, 'edges.txt'),
      String(n),
      join(dir, 'pivots.txt'),
      out,
    ],
    { stdio: 'inherit' },
  );
  return JSON.parse(readFileSync(out, 'utf8')) as T;
}

function maxDiff(ours: ArrayLike<number>, theirs: number[]): { abs: number; rel: number } {
  let abs = 0;
  let rel = 0;
  for (let i = 0; i < theirs.length; i++) {
    const d = Math.abs(ours[i]! - theirs[i]!);
    abs = Math.max(abs, d);
    rel = Math.max(rel, d / Math.max(1, Math.abs(theirs[i]!)));
  }
  return { abs, rel };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'network-bench-'));
  try {
    const load0 = loadavg()[0]!;
    const { graph, pairs } = randomGraph();
    writeFileSync(join(dir, 'edges.txt'), pairs.map(([a, b]) => `${a} ${b}`).join('\n') + '\n');
    const pivots = choosePivots(n, nxPivots, seed);
    writeFileSync(join(dir, 'pivots.txt'), [...pivots].join(' ') + '\n');

    let t0 = performance.now();
    const g = indexGraph(graph);
    const indexSeconds = seconds(t0);

    process.stderr.write('ours: betweenness (workers)…\n');
    t0 = performance.now();
    let c0 = process.cpuUsage();
    const ours = await betweenness(g, { workers, normalized: false });
    const oursParallel = seconds(t0);
    const oursParallelCpu = cpuSeconds(c0);
    process.stderr.write('ours: betweenness (one thread)…\n');
    t0 = performance.now();
    c0 = process.cpuUsage();
    const oursSync = betweennessSync(g, { normalized: false });
    const oursSingle = seconds(t0);
    const oursSingleCpu = cpuSeconds(c0);
    const louvainRuns = [0, 1, 2].map(() => {
      const t = performance.now();
      const r = louvain(g, { seed });
      return { seconds: seconds(t), modularity: r.modularity, communities: r.count };
    });
    const louvainBestOf4Runs = [0, 1, 2].map(() => {
      const t = performance.now();
      const r = louvain(g, { seed, restarts: 4 });
      return { seconds: seconds(t), modularity: r.modularity, communities: r.count };
    });
    const oursPartial = pathSumsSync(n, g.out, pivots, true).betweenness;

    process.stderr.write('igraph…\n');
    const ig = reference<IgraphResult>('igraph', dir);
    process.stderr.write(`networkx (${nxPivots} pivots)…\n`);
    const nx = reference<NetworkxResult>('networkx', dir);
    const load1 = loadavg()[0]!;

    const vsIgraph = maxDiff(ours, ig.betweenness);
    const syncVsParallel = maxDiff(oursSync, Array.from(ours));
    const vsNx = maxDiff(oursPartial, nx.partialSums);
    const nxFull = (nx.pivotSeconds * n) / nx.pivots;
    const nxFullCpu = (nx.pivotCpuSeconds * n) / nx.pivots;
    const igLouvain = median(ig.louvain.map((r) => r.seconds));
    const ourLouvain = median(louvainRuns.map((r) => r.seconds));
    const ourLouvainBestOf4 = median(louvainBestOf4Runs.map((r) => r.seconds));
    const nxLouvain = nx.louvain[0]!;
    const identical = vsIgraph.rel <= 1e-9 && vsNx.rel <= 1e-9;
    const cpu = cpus()[0]?.model.trim() ?? 'unknown';
    const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const lines = [
      '',
      `## ${date} UTC, network metrics (issue 4): betweenness and Louvain, ${n.toLocaleString('en-US')} nodes / ${m.toLocaleString('en-US')} edges`,
      '',
      `- Command: \`node ${process.execArgv.join(' ')} bench/network-metrics.ts ${process.argv.slice(2).join(' ')}\``.replace(
        / +`$/,
        '`',
      ),
      `- Node ${process.version}; CPU ${cpu} (${cpus().length} cores); igraph ${ig.version}, networkx ${nx.version} (Debian, ${PYTHON})`,
      `- Load average (1 min) ${load0.toFixed(2)} at the start, ${load1.toFixed(2)} at the end (the machine is shared)`,
      `- Graph: seeded G(n, m), seed ${seed}, undirected, unweighted; exact (all-sources) betweenness, unnormalised pair counts as igraph returns them; graph indexing (CSR) ${fmt(indexSeconds)}, not included below`,
      '',
      '| Measurement | ours | igraph | networkx | ours vs igraph | ours vs networkx |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      `| betweenness, exact, ${workers} worker threads | ${fmt(oursParallel)} | ${fmt(ig.betweennessSeconds)} | ≈ ${fmt(nxFull)} (extrapolated) | ${ratio(ig.betweennessSeconds, oursParallel)} | ${ratio(nxFull, oursParallel)} |`,
      `| betweenness, exact, one thread | ${fmt(oursSingle)} | ${fmt(ig.betweennessSeconds)} | ≈ ${fmt(nxFull)} (extrapolated) | ${ratio(ig.betweennessSeconds, oursSingle)} | ${ratio(nxFull, oursSingle)} |`,
      `| betweenness CPU time (user + system), ${workers} worker threads | ${fmt(oursParallelCpu)} | ${fmt(ig.betweennessCpuSeconds)} | ≈ ${fmt(nxFullCpu)} (extrapolated) | ${ratio(ig.betweennessCpuSeconds, oursParallelCpu)} | ${ratio(nxFullCpu, oursParallelCpu)} |`,
      `| betweenness CPU time, one thread | ${fmt(oursSingleCpu)} | ${fmt(ig.betweennessCpuSeconds)} | ≈ ${fmt(nxFullCpu)} (extrapolated) | ${ratio(ig.betweennessCpuSeconds, oursSingleCpu)} | ${ratio(nxFullCpu, oursSingleCpu)} |`,
      `| Louvain, default (${g.m < 20_000 ? 'best of 4 seeds' : 'one seed'} at this size), median of 3 | ${fmt(ourLouvain)} (Q ${louvainRuns[0]!.modularity.toFixed(4)}, ${louvainRuns[0]!.communities} communities) | ${fmt(igLouvain)} (Q ${ig.louvain.map((r) => r.modularity.toFixed(4)).join(' / ')}) | ${fmt(nxLouvain.seconds)} (Q ${nxLouvain.modularity.toFixed(4)}), 1 run | ${ratio(igLouvain, ourLouvain)} | ${ratio(nxLouvain.seconds, ourLouvain)} |`,
      `| Louvain, best of 4 seeds (\`restarts: 4\`), median of 3 | ${fmt(ourLouvainBestOf4)} (Q ${louvainBestOf4Runs[0]!.modularity.toFixed(4)}) | ${fmt(igLouvain)} | ${fmt(nxLouvain.seconds)} | ${ratio(igLouvain, ourLouvainBestOf4)} | ${ratio(nxLouvain.seconds, ourLouvainBestOf4)} |`,
      '',
      `Values: against igraph (all ${n.toLocaleString('en-US')} nodes) max absolute difference ${vsIgraph.abs.toExponential(2)}, max relative ${vsIgraph.rel.toExponential(2)}; ` +
        `against networkx (partial sums from the same ${nx.pivots} sources) max absolute ${vsNx.abs.toExponential(2)}, relative ${vsNx.rel.toExponential(2)}; ` +
        `one thread vs workers max absolute ${syncVsParallel.abs.toExponential(2)}. ${identical ? 'Identical to 1e-9 (relative).' : 'NOT identical to 1e-9.'}`,
      '',
      "Wall times are the issue's measure; CPU times are steadier when other work competes for the cores (a thread waiting for a core uses no CPU), and their ratio is what ours costs relative to igraph whatever the load. The worker row's CPU includes both threads.",
      '',
      `networkx time is extrapolated: ${nx.pivots} of ${n.toLocaleString('en-US')} Brandes source passes took ${fmt(nx.pivotSeconds)}, × ${n}/${nx.pivots}. ` +
        'Louvain modularities differ because each tool uses its own random node order; igraph and networkx run once; we run once by default from 20,000 ties up and keep the best of 4 seeds below.',
      '',
    ];
    const section = lines.join('\n');
    process.stdout.write(section);
    if (args.append) appendFileSync(join(here, 'RESULTS.md'), section);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
