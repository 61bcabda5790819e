import type { IndexedGraph, Rating } from './graph.ts';

const TRUST_ITEMS = ['reliability', 'mission', 'openness'] as const;
const VALUE_ITEMS = ['power', 'involvement', 'resources'] as const;

export interface PartnerScores {
  /** Mean trust others gave the node, 1–4; null when nobody rated it. */
  trust: (number | null)[];
  value: (number | null)[];
  /** Number of raters that gave the node at least one trust (value) item. */
  trustRaters: number[];
  valueRaters: number[];
  /** Mean of the nodes' scores over the nodes that have one (PARTNER's network score). */
  networkTrust: number | null;
  networkValue: number | null;
}

function itemMean(r: Rating, items: readonly (keyof Rating)[]): number | null {
  let sum = 0;
  let k = 0;
  for (const item of items) {
    const x = r[item];
    if (x === undefined || x === null) continue;
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 1 || x > 4) {
      throw new RangeError(`rating ${item} must be between 1 and 4, got ${String(x)}`);
    }
    sum += x;
    k++;
  }
  return k ? sum / k : null;
}

const mean = (xs: (number | null)[]): number | null => {
  const ys = xs.filter((x): x is number => x !== null);
  return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : null;
};

/**
 * PARTNER's trust and value scores. A rating's trust is the mean of its answered trust items
 * (reliability, support of the mission, openness to discussion); its value the mean of the value
 * items (power/influence, level of involvement, resource contribution). A node's score is the
 * mean over the ratings others gave it, one per rating (the survey allows one rating per rater
 * and ratee; should a rater appear twice, both count). Unanswered items are left out of the
 * means rather than counted as 0. The network score is the mean of
 * the node scores, so every rated node weighs the same however many raters it had. Scores stay
 * on the 1–4 scale.
 */
export function partnerScores(graph: IndexedGraph): PartnerScores {
  const n = graph.n;
  const sums = { trust: new Float64Array(n), value: new Float64Array(n) };
  const trustRaters = new Array<number>(n).fill(0);
  const valueRaters = new Array<number>(n).fill(0);
  for (const r of graph.ratings) {
    const v = graph.index.get(r.ratee)!;
    const t = itemMean(r, TRUST_ITEMS);
    const w = itemMean(r, VALUE_ITEMS);
    if (t !== null) {
      sums.trust[v] = sums.trust[v]! + t;
      trustRaters[v]!++;
    }
    if (w !== null) {
      sums.value[v] = sums.value[v]! + w;
      valueRaters[v]!++;
    }
  }
  const trust = trustRaters.map((k, v) => (k ? sums.trust[v]! / k : null));
  const value = valueRaters.map((k, v) => (k ? sums.value[v]! / k : null));
  return {
    trust,
    value,
    trustRaters,
    valueRaters,
    networkTrust: mean(trust),
    networkValue: mean(value),
  };
}

export interface Brokerage {
  /** Open small–large pairs around the node (see `smallLargeBrokerage`). */
  count: number[];
  /** count / (small neighbours × large neighbours); null when that product is 0. */
  share: (number | null)[];
}

/**
 * Small–large brokerage: for node v, the number of unordered pairs {a, b} of v's neighbours
 * (ties in either direction) with one small and one large organisation that are not tied to each
 * other in either direction — v is then the only one-step bridge between them, the "structural
 * hole" between a small and a large party that the network view wants to show. A node of any
 * kind or size can broker; the pair's ends need a size class (persons without one are never an
 * end). `share` is that count divided by the number of small–large neighbour pairs, i.e. the
 * fraction of v's small–large contacts that only meet through v.
 */
export function smallLargeBrokerage(graph: IndexedGraph): Brokerage {
  const n = graph.n;
  const { offsets, targets } = graph.undirected;
  const mark = new Int32Array(n).fill(-1);
  const count = new Array<number>(n).fill(0);
  const share = new Array<number | null>(n).fill(null);
  const size = graph.nodes.map((x) => x.sizeClass);
  for (let v = 0; v < n; v++) {
    const small: number[] = [];
    const large: number[] = [];
    for (let p = offsets[v]!; p < offsets[v + 1]!; p++) {
      const u = targets[p]!;
      if (size[u] === 'small') small.push(u);
      else if (size[u] === 'large') large.push(u);
    }
    if (small.length === 0 || large.length === 0) continue;
    let closed = 0;
    for (const a of small) {
      for (let q = offsets[a]!; q < offsets[a + 1]!; q++) mark[targets[q]!] = a;
      for (const b of large) if (mark[b] === a) closed++;
    }
    const pairs = small.length * large.length;
    count[v] = pairs - closed;
    share[v] = (pairs - closed) / pairs;
  }
  return { count, share };
}
