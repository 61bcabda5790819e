import type {
  OverlapActor,
  OverlapReason,
  PairFacts,
  PairScore,
  ScoreComponents,
  SizeKind,
  TieType,
} from './types.ts';

/**
 * The competition score of one pair of actors, 0..1 (1 = strongest signal that they compete on
 * the same ground). Three stages:
 *
 * 1. **Base** — a weighted sum of six components, each 0..1:
 *
 *    | component     | formula                         | weight |
 *    | ------------- | ------------------------------- | -----: |
 *    | areas         | `a / (a + 1)`, a = shared areas  | 0.15 |
 *    | domains       | `d / (d + 1)`                    | 0.15 |
 *    | target groups | `g / (g + 1)` (0 when none)      | 0.15 |
 *    | period        | `min(1, overlapDays / 365)`      | 0.15 |
 *    | hours         | `h / (h + 8)`, h = contested hours/week; 0.5 when unknown | 0.10 |
 *    | size disparity| table {@link sizeDisparity}     | 0.30 |
 *
 *    `n / (n + 1)` saturates: the first shared area counts 0.5, a second adds 0.17, a third 0.08.
 *
 * 2. **Raise** by tension and shared funders: `raised = 1 − (1 − base)(1 − t)(1 − f)`, where
 *    `t = 1 − Π(1 − tᵢ)` over tension tie types (spanning 0.3, tegenwerking 0.5) and
 *    `f = 0.3 · s / (s + 1)`, s = funders both actors have. Each closes part of the gap to 1.
 *
 * 3. **Collaboration factor**: `score = c · raised`, where `c` is the smallest factor of the
 *    collaboration-type ties present (samenwerking 0.5; steun, doorverwijzing,
 *    informatie-uitwisseling, financiering 0.8; 1 when none). Because `c ≤ 1` and a new tie can
 *    only lower the minimum, adding a collaboration tie never raises the score.
 */
export const SCORE_WEIGHTS = {
  areas: 0.15,
  domains: 0.15,
  targetGroups: 0.15,
  period: 0.15,
  hours: 0.1,
  sizeDisparity: 0.3,
} as const;

export const TENSION_RAISE: Partial<Record<TieType, number>> = { spanning: 0.3, tegenwerking: 0.5 };
export const COLLABORATION_FACTOR: Partial<Record<TieType, number>> = {
  samenwerking: 0.5,
  steun: 0.8,
  doorverwijzing: 0.8,
  'informatie-uitwisseling': 0.8,
  financiering: 0.8,
};
export const HOURS_HALF = 8;
export const FUNDERS_MAX_RAISE = 0.3;
export const UNKNOWN_HOURS_COMPONENT = 0.5;

/** `n / (n + k)`: 0 at 0, ½ at k, → 1. */
export function saturate(n: number, k = 1): number {
  return n <= 0 ? 0 : n / (n + k);
}

export function sizeKindOf(actor: OverlapActor | undefined): SizeKind {
  if (actor === undefined) return 'unknown';
  if (actor.kind === 'person') return 'person';
  return actor.sizeClass ?? 'unknown';
}

/**
 * Size disparity (symmetric):
 * small or person vs large → 1; unknown vs large → 0.6; large vs large → 0.3;
 * any other pair (small/person/unknown among themselves) → 0.4.
 */
export function sizeDisparity(a: SizeKind, b: SizeKind): number {
  const large = (a === 'large' ? 1 : 0) + (b === 'large' ? 1 : 0);
  if (large === 2) return 0.3;
  if (large === 0) return 0.4;
  const other = a === 'large' ? b : a;
  return other === 'unknown' ? 0.6 : 1;
}

/**
 * The base (stage 1) from the facts' numbers. Shared by {@link scorePair} and the detection fast
 * path, so both give bit-identical scores.
 */
export function baseScore(
  sharedAreas: number,
  sharedDomains: number,
  sharedTargetGroups: number,
  overlapDays: number,
  contestedHours: number | null,
  disparity: number,
): number {
  const w = SCORE_WEIGHTS;
  return (
    w.areas * saturate(sharedAreas) +
    w.domains * saturate(sharedDomains) +
    w.targetGroups * saturate(sharedTargetGroups) +
    w.period * Math.min(1, Math.max(0, overlapDays) / 365) +
    w.hours *
      (contestedHours === null ? UNKNOWN_HOURS_COMPONENT : saturate(contestedHours, HOURS_HALF)) +
    w.sizeDisparity * disparity
  );
}

/** Stages 2 and 3: raise by tension and funders, then apply the collaboration factor. */
export function combineScore(
  base: number,
  tension: number,
  funders: number,
  collaboration: number,
): number {
  return clamp01(collaboration * (1 - (1 - base) * (1 - tension) * (1 - funders)));
}

/** Tension raise `t` and collaboration factor `c` of a set of tie types. */
export function tieEffects(types: readonly TieType[]): { tension: number; collaboration: number } {
  let keep = 1;
  let collaboration = 1;
  for (const t of new Set(types)) {
    keep *= 1 - (TENSION_RAISE[t] ?? 0);
    collaboration = Math.min(collaboration, COLLABORATION_FACTOR[t] ?? 1);
  }
  return { tension: 1 - keep, collaboration };
}

export function fundersRaise(sharedFunders: number): number {
  return FUNDERS_MAX_RAISE * saturate(sharedFunders);
}

/** Score one pair from its facts; see the module comment for the formula. */
export function scorePair(facts: PairFacts): PairScore {
  const w = SCORE_WEIGHTS;
  const areas = saturate(facts.sharedAreas);
  const domains = saturate(facts.sharedDomains);
  const targetGroups = saturate(facts.sharedTargetGroups);
  const period = Math.min(1, Math.max(0, facts.overlapDays) / 365);
  const hours =
    facts.contestedHours === null
      ? UNKNOWN_HOURS_COMPONENT
      : saturate(facts.contestedHours, HOURS_HALF);
  const disparity = sizeDisparity(facts.kindA, facts.kindB);
  const base = baseScore(
    facts.sharedAreas,
    facts.sharedDomains,
    facts.sharedTargetGroups,
    facts.overlapDays,
    facts.contestedHours,
    disparity,
  );
  const types = [...new Set(facts.tieTypes)].sort();
  const tensionTypes = types.filter((t) => TENSION_RAISE[t] !== undefined);
  const collabTypes = types.filter((t) => COLLABORATION_FACTOR[t] !== undefined);
  const { tension, collaboration } = tieEffects(types);
  const funders = fundersRaise(facts.sharedFunders);
  const score = combineScore(base, tension, funders, collaboration);

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
  const weighted = (
    code: OverlapReason['code'],
    value: number,
    component: number,
    weight: number,
  ): OverlapReason => ({ code, value, component, effect: { kind: 'weight', amount: weight } });
  const reasons: OverlapReason[] = [
    weighted('shared-areas', facts.sharedAreas, areas, w.areas),
    weighted('shared-domains', facts.sharedDomains, domains, w.domains),
    weighted('shared-target-groups', facts.sharedTargetGroups, targetGroups, w.targetGroups),
    weighted('period-overlap', facts.overlapDays, period, w.period),
    weighted('contested-hours', facts.contestedHours ?? Number.NaN, hours, w.hours),
    weighted('size-disparity', disparity, disparity, w.sizeDisparity),
  ];
  // JSON has no NaN: unknown hours are reported as -1 with the neutral component.
  const hoursReason = reasons[4];
  if (hoursReason !== undefined && facts.contestedHours === null) hoursReason.value = -1;
  if (tension > 0) {
    reasons.push({
      code: 'tension-tie',
      value: tensionTypes.length,
      component: tension,
      effect: { kind: 'raise', amount: tension },
      tieTypes: tensionTypes,
    });
  }
  if (facts.sharedFunders > 0) {
    reasons.push({
      code: 'shared-funders',
      value: facts.sharedFunders,
      component: funders,
      effect: { kind: 'raise', amount: funders },
    });
  }
  if (collaboration < 1) {
    reasons.push({
      code: 'collaboration-tie',
      value: collabTypes.length,
      component: collaboration,
      effect: { kind: 'factor', amount: collaboration },
      tieTypes: collabTypes,
    });
  }
  return { score, components, reasons };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
