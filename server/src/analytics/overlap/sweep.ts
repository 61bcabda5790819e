import type { Packed } from './packed.ts';
import { grow, PairTable } from './pair-table.ts';

/**
 * What is known about every actor pair after the sweep, in typed arrays indexed by pair id
 * (`table.a[id] < table.b[id]` are the actor indices). Each pair's cells (area × domain where
 * they overlap) are a linked list: `cellHead[pair]`, then `cellNext[cell]` until −1.
 */
export interface Pairs {
  table: PairTable;
  maxDays: Int32Array;
  /** −1 while no activity pair has both hours known. */
  contested: Float64Array;
  cellHead: Int32Array;
  nCells: number;
  cellNext: Int32Array;
  cellArea: Int32Array;
  cellDomain: Int32Array;
  cellFrom: Int32Array;
  cellTo: Int32Array;
  cellDays: Int32Array;
  /** Shared target groups per cell as a bitmask (≤ 32 groups) … */
  cellMask: Int32Array;
  /** … or as a list of group ids (more groups). */
  cellGroups: number[][] | null;
}

/**
 * Index every activity into the bucket of each area × domain it names, in (start, index) order,
 * then sweep each bucket keeping the activities still running: a new activity overlaps exactly
 * the running ones, from its own start to the earlier end. Every such pair of different actors
 * is folded into its actor pair (min, max, set union: order does not matter).
 */
export function sweep(p: Packed): Pairs {
  const { n, start, end, actor, areaOff, areaList, domainOff, domainList } = p;
  const nD = p.domainIds.length;
  const nKeys = p.areaIds.length * nD;
  let entries = 0;
  for (let i = 0; i < n; i++) {
    entries += (areaOff[i + 1]! - areaOff[i]!) * (domainOff[i + 1]! - domainOff[i]!);
  }
  // Dense cell ids in first-seen order: a direct table when area × domain is small, else a Map.
  const direct = nKeys <= Math.max(1 << 20, 4 * entries) ? new Int32Array(nKeys).fill(-1) : null;
  const sparse = direct === null ? new Map<number, number>() : null;
  let cellAreaOf = new Int32Array(1024);
  let cellDomainOf = new Int32Array(1024);
  let nBuckets = 0;
  const entryCell = new Int32Array(entries);
  let e = 0;
  for (let i = 0; i < n; i++) {
    for (let x = areaOff[i]!; x < areaOff[i + 1]!; x++) {
      const base = areaList[x]! * nD;
      for (let y = domainOff[i]!; y < domainOff[i + 1]!; y++) {
        const key = base + domainList[y]!;
        let c = direct !== null ? direct[key]! : (sparse!.get(key) ?? -1);
        if (c < 0) {
          c = nBuckets++;
          if (c === cellAreaOf.length) {
            cellAreaOf = grow(cellAreaOf, c * 2);
            cellDomainOf = grow(cellDomainOf, c * 2);
          }
          cellAreaOf[c] = areaList[x]!;
          cellDomainOf[c] = domainList[y]!;
          if (direct !== null) direct[key] = c;
          else sparse!.set(key, c);
        }
        entryCell[e++] = c;
      }
    }
  }
  const off = new Int32Array(nBuckets + 1);
  for (let k = 0; k < entries; k++) off[entryCell[k]! + 1]!++;
  let widest = 0;
  for (let c = 0; c < nBuckets; c++) {
    if (off[c + 1]! > widest) widest = off[c + 1]!;
    off[c + 1]! += off[c]!;
  }
  const fill = off.slice(0, nBuckets);
  // Bucket items with their end day and actor beside them, so the sweep reads memory in order.
  // Activities are read in index order (sequential memory), so each bucket comes out in index
  // order and a stable sort by start day gives the sweep order (start, index).
  const items = new Int32Array(entries);
  const itemStart = new Int32Array(entries);
  const itemEnd = new Int32Array(entries);
  const itemActor = new Int32Array(entries);
  e = 0;
  for (let i = 0; i < n; i++) {
    const m = (areaOff[i + 1]! - areaOff[i]!) * (domainOff[i + 1]! - domainOff[i]!);
    const si = start[i]!;
    const ei = end[i]!;
    const ai = actor[i]!;
    for (let t = 0; t < m; t++) {
      const at = fill[entryCell[e++]!]!++;
      items[at] = i;
      itemStart[at] = si;
      itemEnd[at] = ei;
      itemActor[at] = ai;
    }
  }
  const buckets = { items, itemStart, itemEnd, itemActor, end, actor };
  for (let c = 0; c < nBuckets; c++) {
    if (off[c + 1]! - off[c]! > 1) sortByStart(buckets, off[c]!, off[c + 1]!, n);
  }

  const acc = new PairStore(p, Math.max(16, entries >> 2));
  const running = new Int32Array(widest);
  for (let c = 0; c < nBuckets; c++) {
    const from = off[c]!;
    const to = off[c + 1]!;
    if (to - from < 2) continue;
    const area = cellAreaOf[c]!;
    const domain = cellDomainOf[c]!;
    // `running` holds item positions (not activity indices) of the activities still running.
    let r = 0;
    for (let k = from; k < to; k++) {
      const i = items[k]!;
      const s = itemStart[k]!;
      let w = 0;
      for (let q = 0; q < r; q++) {
        const x = running[q]!;
        if (itemEnd[x]! >= s) running[w++] = x;
      }
      const ei = itemEnd[k]!;
      const ai = itemActor[k]!;
      for (let q = 0; q < w; q++) {
        const x = running[q]!;
        if (itemActor[x] === ai) continue;
        const ej = itemEnd[x]!;
        acc.add(items[x]!, i, area, domain, s, ej < ei ? ej : ei);
      }
      running[w] = k;
      r = w + 1;
    }
  }
  return acc.result();
}

interface Buckets {
  items: Int32Array;
  itemStart: Int32Array;
  itemEnd: Int32Array;
  itemActor: Int32Array;
  /** Per activity, to refill itemEnd and itemActor after a keyed sort. */
  end: Int32Array;
  actor: Int32Array;
}

/**
 * Stable sort of `from..to` by start day (the items are in index order, so ties stay in index
 * order): insertion sort for the usual short buckets, a typed-array sort of (start, index) keys
 * for long ones.
 */
function sortByStart(b: Buckets, from: number, to: number, n: number): void {
  const { items, itemStart, itemEnd, itemActor } = b;
  if (to - from <= 48) {
    for (let k = from + 1; k < to; k++) {
      const s = itemStart[k]!;
      if (itemStart[k - 1]! <= s) continue;
      const i = items[k]!;
      const e = itemEnd[k]!;
      const a = itemActor[k]!;
      let q = k;
      for (; q > from && itemStart[q - 1]! > s; q--) {
        items[q] = items[q - 1]!;
        itemStart[q] = itemStart[q - 1]!;
        itemEnd[q] = itemEnd[q - 1]!;
        itemActor[q] = itemActor[q - 1]!;
      }
      items[q] = i;
      itemStart[q] = s;
      itemEnd[q] = e;
      itemActor[q] = a;
    }
    return;
  }
  let min = itemStart[from]!;
  for (let k = from; k < to; k++) if (itemStart[k]! < min) min = itemStart[k]!;
  // (start − min) · n + index is exact: day spans < 2²² and n < 2³¹.
  const keys = new Float64Array(to - from);
  for (let k = from; k < to; k++) keys[k - from] = (itemStart[k]! - min) * n + items[k]!;
  keys.sort();
  for (let k = from; k < to; k++) {
    const key = keys[k - from]!;
    const i = key % n;
    items[k] = i;
    itemStart[k] = (key - i) / n + min;
    itemEnd[k] = b.end[i]!;
    itemActor[k] = b.actor[i]!;
  }
}

class PairStore {
  private readonly table: PairTable;
  private maxDays: Int32Array;
  private contested: Float64Array;
  private cellHead: Int32Array;
  private nCells = 0;
  private cellNext: Int32Array;
  private cellArea: Int32Array;
  private cellDomain: Int32Array;
  private cellFrom: Int32Array;
  private cellTo: Int32Array;
  private cellDays: Int32Array;
  private cellMask: Int32Array;
  private readonly cellGroups: number[][] | null;
  private readonly shared: number[] = [];

  constructor(
    private readonly p: Packed,
    capacity: number,
  ) {
    this.table = new PairTable(capacity);
    this.maxDays = new Int32Array(capacity);
    this.contested = new Float64Array(capacity);
    this.cellHead = new Int32Array(capacity);
    this.cellNext = new Int32Array(capacity);
    this.cellArea = new Int32Array(capacity);
    this.cellDomain = new Int32Array(capacity);
    this.cellFrom = new Int32Array(capacity);
    this.cellTo = new Int32Array(capacity);
    this.cellDays = new Int32Array(capacity);
    this.cellMask = new Int32Array(capacity);
    this.cellGroups = p.groupMask === null ? [] : null;
  }

  /** Activities i and j (different actors) overlap from `from` to `to` in cell area × domain. */
  add(i: number, j: number, area: number, domain: number, from: number, to: number): void {
    const p = this.p;
    const gm = p.groupMask;
    let sharedMask = 0;
    let sharedCount: number;
    if (gm !== null) {
      sharedMask = gm[i]! & gm[j]!;
      sharedCount = sharedMask;
    } else sharedCount = this.intersectGroups(i, j);
    if (p.requireSharedTargetGroup && sharedCount === 0) return;
    const ai = p.actor[i]!;
    const aj = p.actor[j]!;
    const table = this.table;
    const before = table.size;
    const id = ai < aj ? table.idOf(ai, aj) : table.idOf(aj, ai);
    if (id === before) {
      if (id === this.maxDays.length) this.growPairs();
      this.maxDays[id] = 0;
      this.contested[id] = -1;
      this.cellHead[id] = -1;
    }
    const days = to - from + 1;
    if (days > this.maxDays[id]!) this.maxDays[id] = days;
    const hi = p.hours[i]!;
    const hj = p.hours[j]!;
    if (hi === hi && hj === hj) {
      const h = hi < hj ? hi : hj;
      if (h > this.contested[id]!) this.contested[id] = h;
    }
    let c = this.cellHead[id]!;
    while (c >= 0 && (this.cellArea[c] !== area || this.cellDomain[c] !== domain)) {
      c = this.cellNext[c]!;
    }
    if (c < 0) {
      c = this.nCells++;
      if (c === this.cellNext.length) this.growCells();
      this.cellNext[c] = this.cellHead[id]!;
      this.cellHead[id] = c;
      this.cellArea[c] = area;
      this.cellDomain[c] = domain;
      this.cellFrom[c] = from;
      this.cellTo[c] = to;
      this.cellDays[c] = days;
      this.cellMask[c] = sharedMask;
      if (this.cellGroups !== null) this.cellGroups.push([...this.shared]);
      return;
    }
    if (from < this.cellFrom[c]!) this.cellFrom[c] = from;
    if (to > this.cellTo[c]!) this.cellTo[c] = to;
    if (days > this.cellDays[c]!) this.cellDays[c] = days;
    this.cellMask[c]! |= sharedMask;
    if (this.cellGroups !== null) {
      const groups = this.cellGroups[c]!;
      for (const g of this.shared) if (!groups.includes(g)) groups.push(g);
    }
  }

  /** Shared target groups of i and j into `this.shared` (sorted lists); returns how many. */
  private intersectGroups(i: number, j: number): number {
    const { groupOff, groupList } = this.p;
    const shared = this.shared;
    shared.length = 0;
    let x = groupOff[i]!;
    let y = groupOff[j]!;
    const xe = groupOff[i + 1]!;
    const ye = groupOff[j + 1]!;
    while (x < xe && y < ye) {
      const u = groupList[x]!;
      const v = groupList[y]!;
      if (u === v) {
        shared.push(u);
        x++;
        y++;
      } else if (u < v) x++;
      else y++;
    }
    return shared.length;
  }

  private growPairs(): void {
    const n = this.maxDays.length * 2;
    this.maxDays = grow(this.maxDays, n);
    this.contested = grow(this.contested, n);
    this.cellHead = grow(this.cellHead, n);
  }

  private growCells(): void {
    const n = this.cellNext.length * 2;
    this.cellNext = grow(this.cellNext, n);
    this.cellArea = grow(this.cellArea, n);
    this.cellDomain = grow(this.cellDomain, n);
    this.cellFrom = grow(this.cellFrom, n);
    this.cellTo = grow(this.cellTo, n);
    this.cellDays = grow(this.cellDays, n);
    this.cellMask = grow(this.cellMask, n);
  }

  result(): Pairs {
    return {
      table: this.table,
      maxDays: this.maxDays,
      contested: this.contested,
      cellHead: this.cellHead,
      nCells: this.nCells,
      cellNext: this.cellNext,
      cellArea: this.cellArea,
      cellDomain: this.cellDomain,
      cellFrom: this.cellFrom,
      cellTo: this.cellTo,
      cellDays: this.cellDays,
      cellMask: this.cellMask,
      cellGroups: this.cellGroups,
    };
  }
}
