import { cmp } from './accumulate.ts';
import { COMPACT_VERSION } from './compact.ts';
import { dayString } from './dates.ts';
import { fingerprintOfParts, Fnv, hex2 } from './fast-fingerprint.ts';
import type { Packed } from './packed.ts';
import { TIE_INFO } from './pair-facts.ts';
import {
  fundersRaise,
  HOURS_HALF,
  saturate,
  SCORE_WEIGHTS,
  UNKNOWN_HOURS_COMPONENT,
} from './score.ts';
import type { Pairs } from './sweep.ts';
import type {
  OverlapCell,
  OverlapReason,
  OverlapSignal,
  PairFacts,
  ScoreComponents,
} from './types.ts';

// Bound once: imported bindings are getter calls under a CommonJS transform (see signals.ts).
const fundersRaise_ = fundersRaise;
const saturate_ = saturate;
const cmp_ = cmp;
const dayString_ = dayString;

/**
 * What the scoring pass (signals.ts) knows of a kept pair: `counts[at..at + 5]` = shared areas,
 * domains, target groups, funders and the tie-type bitmask.
 */
export interface PairCounts {
  counts: Int32Array;
  at: number;
}

/**
 * Builds, for one pair at a time, what the detection explains on demand: the full signal
 * ({@link signal}, the objects {@link PairAccumulator.signals} builds, key for key) and the
 * compact explanation text ({@link compactText}, compact.ts's JSON, written from the arrays).
 * Caches the strings that repeat (days, target-group lists, JSON-quoted ids).
 */
export class SignalBuilder {
  private readonly days = new Map<number, string>();
  private readonly maskGroups = new Map<number, string[]>();
  private readonly json = new Map<string, string>();
  private readonly maskJson = new Map<number, string>();
  private readonly fnv = new Fnv();
  private areaRank: Int32Array | null = null;
  private domainRank: Int32Array | null = null;

  constructor(
    private readonly p: Packed,
    private readonly pairs: Pairs,
  ) {}

  /**
   * The signal of pair `id`, from what the scoring pass computed: its score, base and size
   * disparity (the same function results scorePair would compute) and its counts.
   */
  signal(
    id: number,
    score: number,
    base: number,
    disparity: number,
    counts: Int32Array,
    at: number,
  ): OverlapSignal {
    const { p, pairs } = this;
    const sharedAreas = counts[at]!;
    const sharedDomains = counts[at + 1]!;
    const sharedTargetGroups = counts[at + 2]!;
    const sharedFunders = counts[at + 3]!;
    const tieMask = counts[at + 4]!;
    const a = pairs.table.a[id]!;
    const b = pairs.table.b[id]!;
    const h = pairs.contested[id]!;
    const contestedHours = h < 0 ? null : h;
    const overlapDays = pairs.maxDays[id]!;
    const kindA = p.kinds[a]!;
    const kindB = p.kinds[b]!;
    const info = TIE_INFO[tieMask]!;
    const actorIds: [string, string] = [p.actorIds[a]!, p.actorIds[b]!];
    const cells = this.cellsOf(id);
    const facts: PairFacts = {
      sharedAreas,
      sharedDomains,
      sharedTargetGroups,
      overlapDays,
      contestedHours,
      kindA,
      kindB,
      tieTypes: info.types.slice(),
      sharedFunders,
    };
    const w = SCORE_WEIGHTS;
    const areas = saturate_(sharedAreas);
    const domains = saturate_(sharedDomains);
    const targetGroups = saturate_(sharedTargetGroups);
    const period = Math.min(1, Math.max(0, overlapDays) / 365);
    const hours =
      contestedHours === null ? UNKNOWN_HOURS_COMPONENT : saturate_(contestedHours, HOURS_HALF);
    const { tension, collaboration } = info;
    const funders = fundersRaise_(sharedFunders);
    const components: ScoreComponents = {
      areas,
      domains,
      targetGroups,
      period,
      hours,
      sizeDisparity: disparity,
      base,
      tension,
      funders,
      collaboration,
    };
    const reasons: OverlapReason[] = [
      weighted('shared-areas', sharedAreas, areas, w.areas),
      weighted('shared-domains', sharedDomains, domains, w.domains),
      weighted('shared-target-groups', sharedTargetGroups, targetGroups, w.targetGroups),
      weighted('period-overlap', overlapDays, period, w.period),
      // JSON has no NaN: unknown hours are reported as -1 with the neutral component.
      weighted('contested-hours', contestedHours ?? -1, hours, w.hours),
      weighted('size-disparity', disparity, disparity, w.sizeDisparity),
    ];
    if (tension > 0) {
      reasons.push({
        code: 'tension-tie',
        value: info.tensionTypes.length,
        component: tension,
        effect: { kind: 'raise', amount: tension },
        tieTypes: info.tensionTypes.slice(),
      });
    }
    if (sharedFunders > 0) {
      reasons.push({
        code: 'shared-funders',
        value: sharedFunders,
        component: funders,
        effect: { kind: 'raise', amount: funders },
      });
    }
    if (collaboration < 1) {
      reasons.push({
        code: 'collaboration-tie',
        value: info.collabTypes.length,
        component: collaboration,
        effect: { kind: 'factor', amount: collaboration },
        tieTypes: info.collabTypes.slice(),
      });
    }
    const fingerprint = fingerprintOfParts(
      actorIds,
      kindA,
      kindB,
      cells,
      info.fingerprintText,
      sharedFunders,
    );
    return { actorIds, cells, facts, score, components, reasons, fingerprint };
  }

  /**
   * `JSON.stringify(compactOf(signal(id, …)))`, written from the arrays and cached strings:
   * one string per signal instead of ≈ 40 objects.
   */
  compactText(id: number, counts: Int32Array, at: number): string {
    const { p, pairs } = this;
    const h = pairs.contested[id]!;
    const a = pairs.table.a[id]!;
    const b = pairs.table.b[id]!;
    const hours = h < 0 || !Number.isFinite(h) ? 'null' : String(h);
    const head =
      `{"v":${COMPACT_VERSION},"f":[${counts[at]!},${counts[at + 1]!},${counts[at + 2]!},` +
      `${pairs.maxDays[id]!},${hours},"${p.kinds[a]!}","${p.kinds[b]!}",` +
      `${tieJson[counts[at + 4]!]!},${counts[at + 3]!}],"c":[`;
    let text = head;
    const first = pairs.cellHead[id]!;
    if (pairs.cellNext[first]! < 0) text += this.cellText(first);
    else {
      const order = this.sortedCells(id);
      for (let k = 0; k < order.length; k++) {
        if (k > 0) text += ',';
        text += this.cellText(order[k]!);
      }
    }
    return text + ']}';
  }

  private cellText(c: number): string {
    const { p, pairs } = this;
    return (
      `[${this.quote(p.areaIds[pairs.cellArea[c]!]!)},${this.quote(p.domainIds[pairs.cellDomain[c]!]!)},` +
      `${this.groupsJson(c)},"${this.day(pairs.cellFrom[c]!)}",` +
      `"${this.day(pairs.cellTo[c]!)}",${pairs.cellDays[c]!}]`
    );
  }

  private groupsJson(c: number): string {
    if (this.pairs.cellGroups !== null) return JSON.stringify(this.groupsOf(c, false));
    const mask = this.pairs.cellMask[c]!;
    let text = this.maskJson.get(mask);
    if (text === undefined)
      this.maskJson.set(mask, (text = JSON.stringify(this.groupsOf(c, false))));
    return text;
  }

  /**
   * `signal(id, …).fingerprint` without building the signal: fingerprintOfParts over the arrays
   * (one cell: its parts hashed in place; more: their texts, sorted as fingerprint.ts sorts them).
   */
  fingerprint(id: number, tieText: string, sharedFunders: number): string {
    const { p, pairs } = this;
    const a = pairs.table.a[id]!;
    const b = pairs.table.b[id]!;
    const h = this.fnv;
    h.reset();
    h.text('v1\n');
    h.text(p.actorIds[a]!);
    h.char(10);
    h.text(p.actorIds[b]!);
    h.char(10);
    h.text(p.kinds[a]!);
    h.char(10);
    h.text(p.kinds[b]!);
    h.char(10);
    const first = pairs.cellHead[id]!;
    if (pairs.cellNext[first]! < 0) {
      h.text(p.areaIds[pairs.cellArea[first]!]!);
      h.char(124); // '|'
      h.text(p.domainIds[pairs.cellDomain[first]!]!);
      h.char(124);
      const groups = this.groupsOf(first, false);
      for (let k = 0; k < groups.length; k++) {
        if (k > 0) h.char(44); // ','
        h.text(groups[k]!);
      }
    } else {
      const texts: string[] = [];
      for (let c = first; c >= 0; c = pairs.cellNext[c]!) {
        const area = p.areaIds[pairs.cellArea[c]!]!;
        const domain = p.domainIds[pairs.cellDomain[c]!]!;
        texts.push(`${area}|${domain}|${this.groupsOf(c, false).join(',')}`);
      }
      texts.sort();
      for (let k = 0; k < texts.length; k++) {
        if (k > 0) h.char(59); // ';'
        h.text(texts[k]!);
      }
    }
    h.char(10);
    h.text(tieText);
    h.char(10);
    h.text(String(sharedFunders));
    return hex2(h.h1, h.h2);
  }

  /** A pair's cells by area id, then domain id (code unit order), as {@link cellsOf} sorts. */
  private sortedCells(id: number): number[] {
    const { p, pairs } = this;
    const areaRank = (this.areaRank ??= rankOf(p.areaIds));
    const domainRank = (this.domainRank ??= rankOf(p.domainIds));
    const cells: number[] = [];
    for (let c = pairs.cellHead[id]!; c >= 0; c = pairs.cellNext[c]!) cells.push(c);
    return cells.sort(
      (x, y) =>
        areaRank[pairs.cellArea[x]!]! - areaRank[pairs.cellArea[y]!]! ||
        domainRank[pairs.cellDomain[x]!]! - domainRank[pairs.cellDomain[y]!]!,
    );
  }

  private quote(id: string): string {
    let q = this.json.get(id);
    if (q === undefined) this.json.set(id, (q = JSON.stringify(id)));
    return q;
  }

  /** The pair's cells, sorted by area id then domain id. */
  private cellsOf(id: number): OverlapCell[] {
    const { p, pairs } = this;
    const cells: OverlapCell[] = [];
    for (let c = pairs.cellHead[id]!; c >= 0; c = pairs.cellNext[c]!) {
      cells.push({
        areaId: p.areaIds[pairs.cellArea[c]!]!,
        domainId: p.domainIds[pairs.cellDomain[c]!]!,
        targetGroupIds: this.groupsOf(c, true),
        from: this.day(pairs.cellFrom[c]!),
        to: this.day(pairs.cellTo[c]!),
        overlapDays: pairs.cellDays[c]!,
      });
    }
    if (cells.length > 1)
      cells.sort((x, y) => cmp_(x.areaId, y.areaId) || cmp_(x.domainId, y.domainId));
    return cells;
  }

  /** The cell's shared target groups, sorted; a fresh array when `copy` (else a cached one). */
  groupsOf(c: number, copy: boolean): string[] {
    const { p, pairs } = this;
    if (pairs.cellGroups !== null) {
      return pairs.cellGroups[c]!.map((g) => p.targetGroupIds[g]!).sort();
    }
    const mask = pairs.cellMask[c]!;
    let ids = this.maskGroups.get(mask);
    if (ids === undefined) {
      ids = [];
      for (let g = 0; g < 32; g++) if ((mask & (1 << g)) !== 0) ids.push(p.targetGroupIds[g]!);
      ids.sort();
      this.maskGroups.set(mask, ids);
    }
    return copy ? ids.slice() : ids;
  }

  private day(d: number): string {
    let s = this.days.get(d);
    if (s === undefined) this.days.set(d, (s = dayString_(d)));
    return s;
  }
}

/** JSON of the tie types per tie-type bitmask (the facts' order). */
const tieJson = TIE_INFO.map((info) => JSON.stringify(info.types));

/** Per interned id its position in code unit order. */
function rankOf(ids: readonly string[]): Int32Array {
  const order = ids.map((_id, k) => k).sort((x, y) => cmp_(ids[x]!, ids[y]!));
  const rank = new Int32Array(ids.length);
  order.forEach((k, r) => (rank[k] = r));
  return rank;
}

function weighted(
  code: OverlapReason['code'],
  value: number,
  component: number,
  weight: number,
): OverlapReason {
  return { code, value, component, effect: { kind: 'weight', amount: weight } };
}
