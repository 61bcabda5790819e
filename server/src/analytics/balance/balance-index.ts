import { clamp01, gini, normalisedHhi, sum } from './concentration.ts';
import type {
  BalanceMember,
  BalanceOptions,
  BalanceParts,
  BalanceReason,
  BalanceResult,
  PerceivedPower,
} from './types.ts';

/**
 * The balance index of an alliance, 0..1 (1 = balanced), the weighted mean of the parts that can
 * be computed ("small" = persons and small organisations):
 *
 * | part                         | score                                            | weight |
 * | ---------------------------- | ------------------------------------------------ | -----: |
 * | representation               | `min(1, seatRatio, voteRatio)`, ratio = small share of seats (votes) ÷ small share of members | 0.30 |
 * | vote concentration           | `1 − HHI*(votes)`                                 | 0.20 |
 * | contribution concentration   | `1 − HHI*(contribution cents per member)`         | 0.15 |
 * | majority                     | 0 when one member holds > ½ of the votes, else 1  | 0.20 |
 * | perceived power              | `1 − clamp((meanLarge − meanSmall) / 3)` on the 1–4 scale | 0.15 |
 *
 * `index = Σ wₖ·scoreₖ / Σ wₖ` over the parts that are not null (e.g. no survey → no perceived
 * power part; no small members → no representation part). HHI* and Gini: see concentration.ts;
 * Gini is reported beside HHI* but does not enter the index.
 *
 * Flagged `unbalanced` when any of: the index < threshold (default 0.6); one member holds a
 * majority of votes; seat or vote ratio < 0.5 (small parties hold less than half their fair
 * share); perceived power disparity ≥ 1/3 (large members seen as a full scale point stronger).
 * When flagged, concentrations with HHI* ≥ 0.5 are added as explaining reasons.
 *
 * Bad input throws RangeError: duplicate member ids, seats/votes not non-negative integers,
 * contribution cents not a non-negative safe integer, perceived power outside 1–4 or naming an
 * unknown member. All sums run over sorted values, so member order never changes the result.
 */
export const BALANCE_WEIGHTS = {
  representation: 0.3,
  voteConcentration: 0.2,
  contributionConcentration: 0.15,
  majority: 0.2,
  perceivedPower: 0.15,
} as const;
export const DEFAULT_BALANCE_THRESHOLD = 0.6;
export const MIN_FAIR_RATIO = 0.5;
export const MAX_PERCEIVED_DISPARITY = 1 / 3;
export const CONCENTRATED_HHI = 0.5;

const isSmall = (m: BalanceMember) => m.kind !== 'large';

export function balanceIndex(
  members: readonly BalanceMember[],
  perceived: readonly PerceivedPower[] = [],
  options: BalanceOptions = {},
): BalanceResult {
  validate(members, perceived);
  const w = BALANCE_WEIGHTS;
  const n = members.length;
  const small = members.filter(isSmall);
  const memberShare = n === 0 ? 0 : small.length / n;
  const totalSeats = sumInts(members.map((m) => m.seats));
  const totalVotes = sumInts(members.map((m) => m.votes));
  const seatShare = totalSeats === 0 ? null : sumInts(small.map((m) => m.seats)) / totalSeats;
  const voteShare = totalVotes === 0 ? null : sumInts(small.map((m) => m.votes)) / totalVotes;
  const ratio = (share: number | null) =>
    share === null || memberShare === 0 ? null : share / memberShare;
  const seatRatio = ratio(seatShare);
  const voteRatio = ratio(voteShare);
  const ratios = [seatRatio, voteRatio].filter((r): r is number => r !== null);
  const representation = ratios.length === 0 ? null : Math.min(1, ...ratios);

  const votes = members.map((m) => m.votes);
  const voteHhi = normalisedHhi(votes);
  const perMember = members.map((m) =>
    sumInts(
      m.contributions
        .filter((c) => options.period === undefined || c.period === options.period)
        .map((c) => c.valueCents),
    ),
  );
  const contributionHhi = normalisedHhi(perMember);
  const top = members.find((m) => totalVotes > 0 && m.votes * 2 > totalVotes);

  const byId = new Map(members.map((m) => [m.id, m]));
  const smallAnswers: number[] = [];
  const largeAnswers: number[] = [];
  for (const p of perceived)
    (isSmall(byId.get(p.memberId)!) ? smallAnswers : largeAnswers).push(p.value);
  const meanSmall = mean(smallAnswers);
  const meanLarge = mean(largeAnswers);
  const disparity =
    meanSmall === null || meanLarge === null ? null : clamp01((meanLarge - meanSmall) / 3);

  const parts: BalanceParts = {
    representation: {
      score: representation,
      weight: w.representation,
      memberShare,
      seatShare,
      voteShare,
      seatRatio,
      voteRatio,
    },
    voteConcentration: {
      score: voteHhi === null ? null : 1 - voteHhi,
      weight: w.voteConcentration,
      hhi: voteHhi,
      gini: gini(votes),
    },
    contributionConcentration: {
      score: contributionHhi === null ? null : 1 - contributionHhi,
      weight: w.contributionConcentration,
      hhi: contributionHhi,
      gini: gini(perMember),
      totalCents: sumInts(perMember),
    },
    majority: {
      score: totalVotes === 0 ? null : top === undefined ? 1 : 0,
      weight: w.majority,
      memberId: top?.id ?? null,
      share: top === undefined ? null : top.votes / totalVotes,
    },
    perceivedPower: {
      score: disparity === null ? null : 1 - disparity,
      weight: w.perceivedPower,
      meanSmall,
      meanLarge,
      disparity,
    },
  };
  let weighted = 0;
  let weights = 0;
  for (const part of Object.values(parts) as { score: number | null; weight: number }[]) {
    if (part.score === null) continue;
    weighted += part.weight * part.score;
    weights += part.weight;
  }
  const index = weights === 0 ? null : clamp01(weighted / weights);

  const threshold = options.threshold ?? DEFAULT_BALANCE_THRESHOLD;
  const reasons: BalanceReason[] = [];
  if (index !== null && index < threshold) {
    reasons.push({ code: 'index-below-threshold', value: index, limit: threshold });
  }
  if (top !== undefined) {
    reasons.push({
      code: 'single-majority',
      value: top.votes / totalVotes,
      limit: 0.5,
      memberId: top.id,
    });
  }
  if (seatRatio !== null && seatRatio < MIN_FAIR_RATIO) {
    reasons.push({ code: 'seats-underrepresented', value: seatRatio, limit: MIN_FAIR_RATIO });
  }
  if (voteRatio !== null && voteRatio < MIN_FAIR_RATIO) {
    reasons.push({ code: 'votes-underrepresented', value: voteRatio, limit: MIN_FAIR_RATIO });
  }
  if (disparity !== null && disparity >= MAX_PERCEIVED_DISPARITY - 1e-12) {
    reasons.push({
      code: 'perceived-power-disparity',
      value: disparity,
      limit: MAX_PERCEIVED_DISPARITY,
    });
  }
  const unbalanced = reasons.length > 0;
  if (unbalanced && voteHhi !== null && voteHhi >= CONCENTRATED_HHI) {
    reasons.push({ code: 'votes-concentrated', value: voteHhi, limit: CONCENTRATED_HHI });
  }
  if (unbalanced && contributionHhi !== null && contributionHhi >= CONCENTRATED_HHI) {
    reasons.push({
      code: 'contributions-concentrated',
      value: contributionHhi,
      limit: CONCENTRATED_HHI,
    });
  }
  return { index, parts, unbalanced, reasons };
}

function validate(members: readonly BalanceMember[], perceived: readonly PerceivedPower[]): void {
  const ids = new Set<string>();
  for (const m of members) {
    if (ids.has(m.id)) throw new RangeError(`duplicate member ${m.id}`);
    ids.add(m.id);
    for (const [field, x] of [
      ['seats', m.seats],
      ['votes', m.votes],
    ] as const) {
      if (!Number.isSafeInteger(x) || x < 0) {
        throw new RangeError(`${field} of ${m.id} must be a non-negative integer`);
      }
    }
    for (const c of m.contributions) {
      if (!Number.isSafeInteger(c.valueCents) || c.valueCents < 0) {
        throw new RangeError(`contribution of ${m.id} must be non-negative integer cents`);
      }
    }
  }
  for (const p of perceived) {
    if (!ids.has(p.memberId))
      throw new RangeError(`perceived power for unknown member ${p.memberId}`);
    if (!(p.value >= 1 && p.value <= 4)) throw new RangeError('perceived power must be 1–4');
  }
}

/** Sum of integers; exact while the total stays below 2⁵³ (checked). */
function sumInts(xs: readonly number[]): number {
  const s = sum(xs);
  if (!Number.isSafeInteger(s)) throw new RangeError('total exceeds the safe integer range');
  return s;
}

function mean(xs: number[]): number | null {
  return xs.length === 0 ? null : sum([...xs].sort((a, b) => a - b)) / xs.length;
}
