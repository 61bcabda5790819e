import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Csr } from './graph.ts';
import { brandesKernel } from './kernel.ts';

/** Raw sums of the kernel over a set of sources (see kernel.ts). */
export interface PathSums {
  betweenness: Float64Array;
  distSum: Float64Array;
  reachCount: Float64Array;
}

// `__name` absorbs esbuild's keepNames helper in case a transform adds one to the kernel.
const workerSource = `
const __name = (f) => f;
const { parentPort, workerData } = require('node:worker_threads');
const kernel = (${brandesKernel.toString()});
const { n, offsets, targets, sources, accumulate } = workerData;
const betweenness = new Float64Array(n);
const distSum = new Float64Array(n);
const reachCount = new Float64Array(n);
kernel(n, offsets, targets, sources, betweenness, distSum, reachCount, accumulate);
parentPort.postMessage({ betweenness, distSum, reachCount }, [
  betweenness.buffer, distSum.buffer, reachCount.buffer,
]);
`;

export function pathSumsSync(
  n: number,
  adjacency: Csr,
  sources: Int32Array,
  accumulate: boolean,
): PathSums {
  const sums = {
    betweenness: new Float64Array(n),
    distSum: new Float64Array(n),
    reachCount: new Float64Array(n),
  };
  brandesKernel(
    n,
    adjacency.offsets,
    adjacency.targets,
    sources,
    sums.betweenness,
    sums.distSum,
    sums.reachCount,
    accumulate,
  );
  return sums;
}

function runWorker(
  n: number,
  adjacency: Csr,
  sources: Int32Array,
  accumulate: boolean,
): Promise<PathSums> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: {
        n,
        offsets: adjacency.offsets,
        targets: adjacency.targets,
        sources,
        accumulate,
      },
    });
    let done = false;
    worker.once('message', (sums: PathSums) => {
      done = true;
      resolve(sums);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`betweenness worker exited with code ${code}`));
    });
  });
}

/** Default worker count: every core, as the issue asks ("use both cores"). */
export const defaultWorkers = (): number => Math.max(1, availableParallelism());

/**
 * Splits the sources round-robin over `workers` threads (round-robin rather than in blocks so
 * that hubs and leaves are spread evenly) and sums the partial results in worker order, so the
 * result does not depend on which worker finishes first. With one worker it runs in the calling
 * thread. A thread costs ~30 ms to start, so callers with small graphs should use the sync
 * functions (`snapshotMetricsSync`, `betweennessSync`) instead.
 */
export async function pathSums(
  n: number,
  adjacency: Csr,
  sources: Int32Array,
  accumulate: boolean,
  workers: number,
): Promise<PathSums> {
  const w = Math.max(1, Math.min(Math.floor(workers), sources.length));
  if (w === 1) return pathSumsSync(n, adjacency, sources, accumulate);
  const parts = Array.from({ length: w }, (_, k) => {
    const own = new Int32Array(Math.ceil((sources.length - k) / w));
    for (let i = k, j = 0; i < sources.length; i += w) own[j++] = sources[i]!;
    return runWorker(n, adjacency, own, accumulate);
  });
  const results = await Promise.all(parts);
  const total = results[0]!;
  for (const r of results.slice(1)) {
    for (let i = 0; i < n; i++) {
      total.betweenness[i] = total.betweenness[i]! + r.betweenness[i]!;
      total.distSum[i] = total.distSum[i]! + r.distSum[i]!;
      total.reachCount[i] = total.reachCount[i]! + r.reachCount[i]!;
    }
  }
  return total;
}
