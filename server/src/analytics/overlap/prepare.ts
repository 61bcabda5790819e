import { dayNumber } from './dates.ts';
import { sizeKindOf } from './score.ts';
import type { OverlapInput, OverlapOptions, SizeKind, TieType } from './types.ts';

export const TIE_TYPES: readonly TieType[] = [
  'samenwerking',
  'steun',
  'financiering',
  'doorverwijzing',
  'informatie-uitwisseling',
  'spanning',
  'tegenwerking',
];

/**
 * The input interned into integer arrays, so detection works on numbers and typed arrays only.
 * Actor indices follow the sorted actor ids, so `a < b` on indices is the canonical pair order.
 */
export interface Prepared {
  actorIds: string[];
  kinds: SizeKind[];
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  actor: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** NaN when unknown. */
  hours: Float64Array;
  areas: number[][];
  domains: number[][];
  targetGroups: number[][];
  /** pairKey → bitmask over {@link TIE_TYPES}. */
  ties: Map<number, number>;
  /** Actor index → sorted distinct funder ids. */
  funders: Map<number, string[]>;
  requireSharedTargetGroup: boolean;
}

/** `min · n + max`: unique for n actors and exact below 2⁵³ (n ≤ 9·10⁷). */
export function pairKey(a: number, b: number, n: number): number {
  return a < b ? a * n + b : b * n + a;
}

function interner(): { ids: string[]; get: (id: string) => number } {
  const ids: string[] = [];
  const index = new Map<string, number>();
  return {
    ids,
    get(id) {
      let i = index.get(id);
      if (i === undefined) {
        i = ids.length;
        ids.push(id);
        index.set(id, i);
      }
      return i;
    },
  };
}

/**
 * Interned, sorted, distinct ids. Plain arrays, not typed arrays: allocating 1.5 million tiny
 * Int32Arrays cost seconds at national scale.
 */
function internAll(list: readonly string[], get: (id: string) => number): number[] {
  const out: number[] = [];
  for (const id of list) {
    const v = get(id);
    let k = out.length;
    while (k > 0 && out[k - 1]! > v) k--;
    if (k > 0 && out[k - 1] === v) continue;
    out.splice(k, 0, v);
  }
  return out;
}

/** Validate and intern the input. Throws RangeError on a malformed date or end before start. */
export function prepare(input: OverlapInput, options: OverlapOptions = {}): Prepared {
  const { activities, actors } = input;
  const byId = new Map(actors.map((a) => [a.id, a]));
  const idSet = new Set<string>(byId.keys());
  for (const act of activities) idSet.add(act.actorId);
  const actorIds = [...idSet].sort();
  const actorIndex = new Map(actorIds.map((id, i) => [id, i]));
  const kinds = actorIds.map((id) => sizeKindOf(byId.get(id)));

  const areas = interner();
  const domains = interner();
  const groups = interner();
  const n = activities.length;
  const p: Prepared = {
    actorIds,
    kinds,
    areaIds: areas.ids,
    domainIds: domains.ids,
    targetGroupIds: groups.ids,
    actor: new Int32Array(n),
    start: new Int32Array(n),
    end: new Int32Array(n),
    hours: new Float64Array(n),
    // Filled by push: `new Array(n)` for large n makes V8 fall back to slow dictionary elements.
    areas: [],
    domains: [],
    targetGroups: [],
    ties: new Map(),
    funders: new Map(),
    requireSharedTargetGroup: options.requireSharedTargetGroup ?? false,
  };
  // Dates repeat a lot (a few thousand distinct days for 10⁵ activities): parse each once.
  const days = new Map<string, number>();
  const day = (d: string) => {
    let v = days.get(d);
    if (v === undefined) days.set(d, (v = dayNumber(d)));
    return v;
  };
  let latest = Number.NEGATIVE_INFINITY;
  const openEnded: number[] = [];
  for (let i = 0; i < n; i++) {
    const act = activities[i]!;
    p.actor[i] = actorIndex.get(act.actorId)!;
    const s = day(act.start);
    p.start[i] = s;
    if (s > latest) latest = s;
    if (act.end === null) openEnded.push(i);
    else {
      const e = day(act.end);
      if (e < s) throw new RangeError(`activity ${act.id} ends before it starts`);
      p.end[i] = e;
      if (e > latest) latest = e;
    }
    const h = act.hoursPerWeek;
    p.hours[i] = h === null || h === undefined || !(h >= 0) ? Number.NaN : h;
    p.areas.push(internAll(act.areaIds, areas.get));
    p.domains.push(internAll(act.domainIds, domains.get));
    p.targetGroups.push(internAll(act.targetGroupIds, groups.get));
  }
  const asOf = options.asOf === undefined ? latest : dayNumber(options.asOf);
  for (const i of openEnded) p.end[i] = Math.max(asOf, p.start[i]!);

  const nActors = actorIds.length;
  for (const tie of input.ties ?? []) {
    const a = actorIndex.get(tie.source);
    const b = actorIndex.get(tie.target);
    const bit = TIE_TYPES.indexOf(tie.type);
    if (a === undefined || b === undefined || a === b || bit < 0) continue;
    const key = pairKey(a, b, nActors);
    p.ties.set(key, (p.ties.get(key) ?? 0) | (1 << bit));
  }
  const funderSets = new Map<number, Set<string>>();
  for (const link of input.funders ?? []) {
    const r = actorIndex.get(link.recipientId);
    if (r === undefined) continue;
    let set = funderSets.get(r);
    if (set === undefined) funderSets.set(r, (set = new Set()));
    set.add(link.funderId);
  }
  for (const [r, set] of funderSets) p.funders.set(r, [...set].sort());
  return p;
}

/** Tie types in a bitmask, in {@link TIE_TYPES} order. */
export function tieTypesOf(mask: number): TieType[] {
  return TIE_TYPES.filter((_t, bit) => (mask & (1 << bit)) !== 0);
}
