import { cmp } from './accumulate.ts';
import { dayNumber } from './dates.ts';
import { PairTable } from './pair-table.ts';
import { TIE_TYPES } from './prepare.ts';
import { sizeKindOf } from './score.ts';
import type { OverlapInput, OverlapOptions, SizeKind } from './types.ts';

// Bound once: imported bindings are getter calls under a CommonJS transform (see signals.ts).
const cmp_ = cmp;
const sizeKindOf_ = sizeKindOf;
const dayNumber_ = dayNumber;

/**
 * The input interned into flat typed arrays for the fast path (detect.ts). Same validation, in
 * the same order and with the same messages, as {@link prepare} (which the naive reference keeps
 * using), but no per-activity arrays: the area, domain and target-group lists are one CSR each
 * (`off[i]..off[i + 1]` into `list`, sorted and distinct), so 500k activities allocate a handful
 * of buffers instead of 1.5 million small arrays.
 */
export interface Packed {
  actorIds: string[];
  kinds: SizeKind[];
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  n: number;
  actor: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** NaN when unknown. */
  hours: Float64Array;
  areaOff: Int32Array;
  areaList: Int32Array;
  domainOff: Int32Array;
  domainList: Int32Array;
  groupOff: Int32Array;
  groupList: Int32Array;
  /** Target groups as a bitmask per activity when there are at most 32 groups, else null. */
  groupMask: Int32Array | null;
  /** (min, max) actor pair → bitmask over {@link TIE_TYPES}. */
  ties: PairTable;
  /** Actor index → sorted distinct interned funder ids (CSR). */
  funderOff: Int32Array;
  funderList: Int32Array;
  requireSharedTargetGroup: boolean;
}

class Interner {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  find(id: string): number | undefined {
    return this.index.get(id);
  }
  get(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.ids.push(id);
      this.index.set(id, i);
    }
    return i;
  }
}

/** Appends the interned, sorted, distinct ids of `list` at `list[at..]`; returns the new end. */
function internInto(ids: readonly string[], intern: Interner, out: Int32Array, at: number): number {
  const from = at;
  for (let x = 0; x < ids.length; x++) {
    const v = intern.get(ids[x]!);
    let k = at;
    while (k > from && out[k - 1]! > v) k--;
    if (k > from && out[k - 1] === v) continue;
    for (let m = at; m > k; m--) out[m] = out[m - 1]!;
    out[k] = v;
    at++;
  }
  return at;
}

export function pack(input: OverlapInput, options: OverlapOptions = {}): Packed {
  const { activities, actors } = input;
  // One Map operation per activity: intern its actor id in first-seen order (after the listed
  // actors), then renumber to the sorted order so that `a < b` is the canonical pair order.
  const seen = new Interner();
  // Listed actors first: their size kind (the last listing of an id wins, as in a Map).
  const listedKind: SizeKind[] = [];
  for (const a of actors) listedKind[seen.get(a.id)] = sizeKindOf_(a);
  const n = activities.length;
  const actor = new Int32Array(n);
  for (let i = 0; i < n; i++) actor[i] = seen.get(activities[i]!.actorId);
  const byName = seen.ids.map((_id, k) => k).sort((x, y) => cmp_(seen.ids[x]!, seen.ids[y]!));
  const renumber = new Int32Array(byName.length);
  const actorIds = byName.map((k, rank) => {
    renumber[k] = rank;
    return seen.ids[k]!;
  });
  for (let i = 0; i < n; i++) actor[i] = renumber[actor[i]!]!;
  const actorIndex = {
    get: (id: string): number | undefined => {
      const k = seen.find(id);
      return k === undefined ? undefined : renumber[k];
    },
  };
  const kinds = byName.map((k) =>
    k < listedKind.length ? listedKind[k]! : sizeKindOf_(undefined),
  );

  let nAreas = 0;
  let nDomains = 0;
  let nGroups = 0;
  for (let i = 0; i < n; i++) {
    const act = activities[i]!;
    nAreas += act.areaIds.length;
    nDomains += act.domainIds.length;
    nGroups += act.targetGroupIds.length;
  }
  const areas = new Interner();
  const domains = new Interner();
  const groups = new Interner();
  const areaOff = new Int32Array(n + 1);
  const areaList = new Int32Array(nAreas);
  const domainOff = new Int32Array(n + 1);
  const domainList = new Int32Array(nDomains);
  const groupOff = new Int32Array(n + 1);
  const groupList = new Int32Array(nGroups);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const hours = new Float64Array(n);
  // Dates repeat a lot (a few thousand distinct days for 10⁵ activities): parse each once.
  const days = new Map<string, number>();
  const day = (d: string) => {
    let v = days.get(d);
    if (v === undefined) days.set(d, (v = dayNumber_(d)));
    return v;
  };
  let latest = Number.NEGATIVE_INFINITY;
  const openEnded: number[] = [];
  let ao = 0;
  let dO = 0;
  let go = 0;
  for (let i = 0; i < n; i++) {
    const act = activities[i]!;
    const s = day(act.start);
    start[i] = s;
    if (s > latest) latest = s;
    if (act.end === null) openEnded.push(i);
    else {
      const e = day(act.end);
      if (e < s) throw new RangeError(`activity ${act.id} ends before it starts`);
      end[i] = e;
      if (e > latest) latest = e;
    }
    const h = act.hoursPerWeek;
    hours[i] = h === null || h === undefined || !(h >= 0) ? Number.NaN : h;
    ao = internInto(act.areaIds, areas, areaList, ao);
    areaOff[i + 1] = ao;
    dO = internInto(act.domainIds, domains, domainList, dO);
    domainOff[i + 1] = dO;
    go = internInto(act.targetGroupIds, groups, groupList, go);
    groupOff[i + 1] = go;
  }
  const asOf = options.asOf === undefined ? latest : dayNumber_(options.asOf);
  for (const i of openEnded) end[i] = Math.max(asOf, start[i]!);

  let groupMask: Int32Array | null = null;
  if (groups.ids.length <= 32) {
    groupMask = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let m = 0;
      for (let k = groupOff[i]!; k < groupOff[i + 1]!; k++) m |= 1 << groupList[k]!;
      groupMask[i] = m;
    }
  }

  const ties = new PairTable(64);
  for (const tie of input.ties ?? []) {
    const a = actorIndex.get(tie.source);
    const b = actorIndex.get(tie.target);
    const bit = TIE_TYPES.indexOf(tie.type);
    if (a === undefined || b === undefined || a === b || bit < 0) continue;
    const id = ties.idOf(a < b ? a : b, a < b ? b : a);
    ties.value[id]! |= 1 << bit;
  }

  const { funderOff, funderList } = packFunders(input, actorIndex, actorIds.length);
  return {
    actorIds,
    kinds,
    areaIds: areas.ids,
    domainIds: domains.ids,
    targetGroupIds: groups.ids,
    n,
    actor,
    start,
    end,
    hours,
    areaOff,
    areaList: areaList.subarray(0, ao),
    domainOff,
    domainList: domainList.subarray(0, dO),
    groupOff,
    groupList: groupList.subarray(0, go),
    groupMask,
    ties,
    funderOff,
    funderList,
    requireSharedTargetGroup: options.requireSharedTargetGroup ?? false,
  };
}

/** Per recipient the distinct funders, interned and sorted, as a CSR over actor indices. */
function packFunders(
  input: OverlapInput,
  actorIndex: { get(id: string): number | undefined },
  nActors: number,
): { funderOff: Int32Array; funderList: Int32Array } {
  const funders = new Interner();
  const recipient: number[] = [];
  const funder: number[] = [];
  const count = new Int32Array(nActors + 1);
  for (const link of input.funders ?? []) {
    const r = actorIndex.get(link.recipientId);
    if (r === undefined) continue;
    recipient.push(r);
    funder.push(funders.get(link.funderId));
    count[r + 1]!++;
  }
  for (let r = 0; r < nActors; r++) count[r + 1]! += count[r]!;
  const fill = count.slice(0, nActors);
  const raw = new Int32Array(recipient.length);
  for (let k = 0; k < recipient.length; k++) raw[fill[recipient[k]!]!++] = funder[k]!;
  // Sort and deduplicate each recipient's run in place, compacting into funderList.
  const funderOff = new Int32Array(nActors + 1);
  let w = 0;
  for (let r = 0; r < nActors; r++) {
    const run = raw.subarray(count[r]!, count[r + 1]!);
    if (run.length > 1) run.sort();
    for (let k = 0; k < run.length; k++) {
      if (k > 0 && run[k] === run[k - 1]) continue;
      raw[w++] = run[k]!;
    }
    funderOff[r + 1] = w;
  }
  return { funderOff, funderList: raw.subarray(0, w) };
}
