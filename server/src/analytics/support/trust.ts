/**
 * Existing trust between two actors from their recorded ties, in [0, 1], for matching (issue 6).
 *
 * Only ties current on `asOf` count (start ≤ asOf and no end or end ≥ asOf), in either direction
 * (a directed tie from the requester to the provider counts as one from the provider):
 * - positive = the strongest current positive tie (collaboration, support, funding, referral,
 *   information_exchange) by its intensity: awareness 0.25, cooperative 0.5, coordinated 0.75,
 *   integrated 1; 0 when there is none;
 * - penalty = the heaviest current negative tie: intensity value × 0.5 for tension
 *   (spanning/concurrentie) and × 1 for obstruction (tegenwerking); 0 when there is none;
 * - trust = max(0, positive − penalty).
 * So an integrated collaboration under a cooperative tension gives 1 − 0.25 = 0.75, and any
 * obstruction at least as intense as the best positive tie gives 0. Intensities and types outside
 * these lists are ignored (pure and total: never throws on odd input).
 */

export const TRUST_BY_INTENSITY = {
  awareness: 0.25,
  cooperative: 0.5,
  coordinated: 0.75,
  integrated: 1,
} as const;

export const POSITIVE_TIE_TYPES = [
  'collaboration',
  'support',
  'funding',
  'referral',
  'information_exchange',
] as const;

/** How much of a negative tie's intensity value is taken off. */
export const NEGATIVE_TIE_WEIGHT = { tension: 0.5, obstruction: 1 } as const;

export interface TrustTie {
  fromId: string;
  toId: string;
  type: string;
  intensity: string;
  start: string;
  end: string | null;
}

const positive = new Set<string>(POSITIVE_TIE_TYPES);
const intensityValue = (i: string) =>
  (TRUST_BY_INTENSITY as Readonly<Record<string, number>>)[i] ?? 0;
const negativeWeight = (t: string) =>
  (NEGATIVE_TIE_WEIGHT as Readonly<Record<string, number>>)[t] ?? 0;

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Whether a tie runs on the day (ISO dates compare as strings). */
export const tieCurrentOn = (t: Pick<TrustTie, 'start' | 'end'>, asOf: string) =>
  t.start <= asOf && (t.end === null || t.end >= asOf);

/** The trust of one pair from the ties between them (other ties are ignored). */
export function pairTrust(ties: readonly TrustTie[], a: string, b: string, asOf: string): number {
  return trustLookup(
    ties.filter((t) => pairKey(t.fromId, t.toId) === pairKey(a, b)),
    asOf,
  )(a, b);
}

/**
 * A lookup `(providerId, requesterId) → trust` over many ties, prepared once (one pass over the
 * ties), for `MatchContext.trust`.
 */
export function trustLookup(
  ties: readonly TrustTie[],
  asOf: string,
): (a: string, b: string) => number {
  const best = new Map<string, { plus: number; minus: number }>();
  for (const t of ties) {
    if (t.fromId === t.toId || !tieCurrentOn(t, asOf)) continue;
    const key = pairKey(t.fromId, t.toId);
    const entry = best.get(key) ?? { plus: 0, minus: 0 };
    const value = intensityValue(t.intensity);
    if (positive.has(t.type)) entry.plus = Math.max(entry.plus, value);
    else entry.minus = Math.max(entry.minus, value * negativeWeight(t.type));
    best.set(key, entry);
  }
  return (a, b) => {
    const entry = best.get(pairKey(a, b));
    return entry ? Math.max(0, entry.plus - entry.minus) : 0;
  };
}
