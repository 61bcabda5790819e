import { dayString } from './dates.ts';
import { fingerprintOf } from './fingerprint.ts';
import { pairKey, TIE_TYPES, tieTypesOf, type Prepared } from './prepare.ts';
import {
  baseScore,
  combineScore,
  fundersRaise,
  scorePair,
  sizeDisparity,
  tieEffects,
} from './score.ts';
import type { OverlapCell, OverlapSignal, PairFacts } from './types.ts';

interface CellAcc {
  area: number;
  domain: number;
  from: number;
  to: number;
  maxDays: number;
  groups: number[];
}

/** What is known about one actor pair after seeing its overlapping activity pairs. */
export interface PairAcc {
  a: number;
  b: number;
  /** Few per pair, so a list with a linear search beats a Map. */
  cells: CellAcc[];
  maxDays: number;
  /** −1 while no activity pair has both hours known. */
  contested: number;
}

/**
 * Collects overlapping activity pairs into actor pairs. The result does not depend on the order
 * in which activity pairs are added (every aggregate is a min, max or set union), so the indexed
 * sweep and the naive all-pairs baseline produce identical signals.
 */
export class PairAccumulator {
  readonly pairs = new Map<number, PairAcc>();
  private readonly scratch: number[] = [];

  constructor(private readonly p: Prepared) {}

  /** Activities i and j (different actors) overlap from `from` to `to` in cell area × domain. */
  add(i: number, j: number, area: number, domain: number, from: number, to: number): void {
    const p = this.p;
    const shared = this.scratch;
    shared.length = 0;
    const gi = p.targetGroups[i]!;
    const gj = p.targetGroups[j]!;
    for (let x = 0, y = 0; x < gi.length && y < gj.length;) {
      const u = gi[x]!;
      const v = gj[y]!;
      if (u === v) {
        shared.push(u);
        x++;
        y++;
      } else if (u < v) x++;
      else y++;
    }
    if (p.requireSharedTargetGroup && shared.length === 0) return;
    const ai = p.actor[i]!;
    const aj = p.actor[j]!;
    const n = p.actorIds.length;
    const key = pairKey(ai, aj, n);
    let acc = this.pairs.get(key);
    if (acc === undefined) {
      acc = { a: Math.min(ai, aj), b: Math.max(ai, aj), cells: [], maxDays: 0, contested: -1 };
      this.pairs.set(key, acc);
    }
    const days = to - from + 1;
    if (days > acc.maxDays) acc.maxDays = days;
    const hi = p.hours[i]!;
    const hj = p.hours[j]!;
    if (hi === hi && hj === hj) {
      const h = Math.min(hi, hj);
      if (h > acc.contested) acc.contested = h;
    }
    let cell: CellAcc | undefined;
    for (const c of acc.cells) {
      if (c.area === area && c.domain === domain) {
        cell = c;
        break;
      }
    }
    if (cell === undefined) {
      const groups = shared.length === 0 ? [] : [...shared];
      acc.cells.push({ area, domain, from, to, maxDays: days, groups });
      return;
    }
    if (from < cell.from) cell.from = from;
    if (to > cell.to) cell.to = to;
    if (days > cell.maxDays) cell.maxDays = days;
    for (const g of shared) if (!cell.groups.includes(g)) cell.groups.push(g);
  }

  /**
   * Score every pair and return the signals at or above `threshold`, strongest first. The score
   * is first computed from numbers only; the signal (cells, reasons, fingerprint) is built only
   * for pairs that pass.
   */
  signals(threshold: number): OverlapSignal[] {
    const p = this.p;
    const n = p.actorIds.length;
    const effects = TIE_EFFECTS;
    const out: OverlapSignal[] = [];
    const areas = new Set<number>();
    const domains = new Set<number>();
    const groups = new Set<number>();
    for (const acc of this.pairs.values()) {
      areas.clear();
      domains.clear();
      groups.clear();
      for (const c of acc.cells) {
        areas.add(c.area);
        domains.add(c.domain);
        for (const g of c.groups) groups.add(g);
      }
      const kindA = p.kinds[acc.a]!;
      const kindB = p.kinds[acc.b]!;
      const mask = p.ties.get(pairKey(acc.a, acc.b, n)) ?? 0;
      const sharedFunders = countShared(p.funders.get(acc.a), p.funders.get(acc.b));
      const contestedHours = acc.contested < 0 ? null : acc.contested;
      const base = baseScore(
        areas.size,
        domains.size,
        groups.size,
        acc.maxDays,
        contestedHours,
        sizeDisparity(kindA, kindB),
      );
      const effect = effects[mask]!;
      const quick = combineScore(
        base,
        effect.tension,
        fundersRaise(sharedFunders),
        effect.collaboration,
      );
      if (quick < threshold) continue;
      const facts: PairFacts = {
        sharedAreas: areas.size,
        sharedDomains: domains.size,
        sharedTargetGroups: groups.size,
        overlapDays: acc.maxDays,
        contestedHours,
        kindA,
        kindB,
        tieTypes: tieTypesOf(mask),
        sharedFunders,
      };
      const scored = scorePair(facts);
      const cells: OverlapCell[] = acc.cells
        .map((c) => ({
          areaId: p.areaIds[c.area]!,
          domainId: p.domainIds[c.domain]!,
          targetGroupIds: c.groups.map((g) => p.targetGroupIds[g]!).sort(),
          from: this.day(c.from),
          to: this.day(c.to),
          overlapDays: c.maxDays,
        }))
        .sort((x, y) => cmp(x.areaId, y.areaId) || cmp(x.domainId, y.domainId));
      const actorIds: [string, string] = [p.actorIds[acc.a]!, p.actorIds[acc.b]!];
      const signal: OverlapSignal = { actorIds, cells, facts, ...scored, fingerprint: '' };
      signal.fingerprint = fingerprintOf(signal);
      out.push(signal);
    }
    return out.sort(
      (x, y) =>
        y.score - x.score || cmp(x.actorIds[0], y.actorIds[0]) || cmp(x.actorIds[1], y.actorIds[1]),
    );
  }

  private readonly days = new Map<number, string>();
  private day(d: number): string {
    let s = this.days.get(d);
    if (s === undefined) this.days.set(d, (s = dayString(d)));
    return s;
  }
}

/** Tension raise and collaboration factor for every tie-type bitmask. */
const TIE_EFFECTS = Array.from({ length: 1 << TIE_TYPES.length }, (_x, mask) =>
  tieEffects(tieTypesOf(mask)),
);

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function countShared(a: string[] | undefined, b: string[] | undefined): number {
  if (a === undefined || b === undefined) return 0;
  let n = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length;) {
    const c = cmp(a[x]!, b[y]!);
    if (c === 0) {
      n++;
      x++;
      y++;
    } else if (c < 0) x++;
    else y++;
  }
  return n;
}
