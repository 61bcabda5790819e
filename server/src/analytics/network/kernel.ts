/**
 * Brandes' single-source shortest-path pass over a CSR adjacency, for a list of sources.
 *
 * This function is also the source of the worker threads: `worker-pool.ts` sends its
 * `toString()` to `new Worker(code, { eval: true })`, which runs the same code with no loader,
 * so it works under tsx, Vitest and compiled JavaScript alike. It must therefore stay
 * self-contained: no imports, no closures, no nested functions (esbuild's keepNames would wrap
 * those in a `__name` helper that the worker does not have).
 *
 * Per source s it adds to:
 * - `betweenness[v]` (when `accumulate`): the dependency δ_s(v) = Σ_t σ_st(v)/σ_st, the raw
 *   Brandes sum; undirected graphs therefore count every pair {s, t} twice.
 * - `distSum[t]`, `reachCount[t]`: d(s, t) and 1 for every t ≠ s reachable from s. Summed over
 *   all sources these give the incoming distances networkx's closeness uses.
 *
 * The dependency phase pulls from successors instead of pushing to predecessor lists: in reverse
 * BFS order every w with d(w) = d(v) + 1 is final before v, and no predecessor lists are needed.
 */
export function brandesKernel(
  n: number,
  offsets: Int32Array,
  targets: Int32Array,
  sources: Int32Array,
  betweenness: Float64Array,
  distSum: Float64Array,
  reachCount: Float64Array,
  accumulate: boolean,
): void {
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const coeff = new Float64Array(n);
  const queue = new Int32Array(n);
  for (let si = 0; si < sources.length; si++) {
    const s = sources[si]!;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = queue[head++]!;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      const end = offsets[v + 1]!;
      for (let p = offsets[v]!; p < end; p++) {
        const w = targets[p]!;
        const dw = dist[w]!;
        if (dw < 0) {
          dist[w] = next;
          queue[tail++] = w;
          sigma[w] = sv;
        } else if (dw === next) {
          sigma[w] = sigma[w]! + sv;
        }
      }
    }
    for (let i = 1; i < tail; i++) {
      const t = queue[i]!;
      distSum[t] = distSum[t]! + dist[t]!;
      reachCount[t] = reachCount[t]! + 1;
    }
    if (accumulate) {
      // coeff[w] = (1 + δ(w)) / σ(w), computed once per node: one division per node instead of
      // one per tie, which is most of the accumulation's cost.
      for (let i = tail - 1; i > 0; i--) {
        const v = queue[i]!;
        const next = dist[v]! + 1;
        let sum = 0;
        const end = offsets[v + 1]!;
        for (let p = offsets[v]!; p < end; p++) {
          const w = targets[p]!;
          if (dist[w] === next) sum += coeff[w]!;
        }
        const sv = sigma[v]!;
        const d = sv * sum;
        coeff[v] = (1 + d) / sv;
        betweenness[v] = betweenness[v]! + d;
      }
    }
    for (let i = 0; i < tail; i++) {
      const v = queue[i]!;
      dist[v] = -1;
      sigma[v] = 0;
      coeff[v] = 0;
    }
  }
}
