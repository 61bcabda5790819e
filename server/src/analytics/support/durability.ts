/**
 * Durability of support per recipient (carrier, organisation, alliance or initiative): a
 * commitment counts for the recipient it names, so a commitment to an initiative counts for the
 * initiative (its supported days, renewals, longest run), never for the initiative's carriers'
 * own measures, and a commitment to an alliance counts for the alliance, not for each member (one
 * commitment would otherwise count once per member).
 *
 * Inputs are commitments (toezeggingen) and initiatives; `asOf` is the clock date: an open-ended
 * commitment counts as running up to and including `asOf`, and nothing after `asOf` counts.
 * Commitments are deduplicated by id (a commitment listed twice counts once).
 *
 * Measures, per recipient:
 * - `totalSupportedDays`: the number of distinct days, up to `asOf`, on which at least one
 *   commitment was active (the union of the periods, so two parallel commitments do not count
 *   double);
 * - `renewals`: the number of the recipient's commitments whose `renewedFrom` names another,
 *   existing commitment of the same recipient. Each renewing commitment counts once, so a chain
 *   A → B → C has 2 renewals; links to unknown commitments, to another recipient's commitment or to
 *   itself are not counted;
 * - `longestContinuousDays`: the longest run of consecutive supported days, after merging periods
 *   that overlap or touch (one ends on day d, the next starts on day d + 1);
 * - `continuity`: for each initiative that lists the recipient as a carrier and ended at least
 *   90 days before `asOf` (`end + 90 ≤ asOf`), whether the recipient has at least one commitment
 *   active on day `end + 90`. `share = kept / ended`, in [0, 1], or null when no initiative of the
 *   recipient has ended long enough ago. Support that still reaches the carrier counts as kept as
 *   well: a commitment active on that day to another group (`memberships`: an initiative they
 *   carry or an alliance they are a member of on that day). A commitment to the ended initiative
 *   itself never keeps its carriers: that is support stopping with the project.
 */
import { dayNumber, dayRange, type DayRange } from './dates.ts';

export const CONTINUITY_DAYS = 90;

export interface DurabilityCommitment {
  id: string;
  providerId: string;
  recipientId: string;
  type: string;
  start: string;
  end: string | null;
  renewedFrom?: string | null;
}

export interface DurabilityInitiative {
  id: string;
  start: string;
  end: string | null;
  carrierIds: readonly string[];
}

/** An actor belongs to a group recipient (an initiative it carries, an alliance) over a period. */
export interface DurabilityMembership {
  groupId: string;
  actorId: string;
  /** null: since the group started (unknown). */
  start: string | null;
  /** null: still a member. */
  end: string | null;
}

export interface Continuity {
  /** Initiatives of the recipient that ended at least 90 days before `asOf`. */
  ended: number;
  /** Of those, how many had a commitment active 90 days after their end. */
  kept: number;
  /** `kept / ended`, or null when `ended` is 0. */
  share: number | null;
}

export interface RecipientDurability {
  recipientId: string;
  commitments: number;
  totalSupportedDays: number;
  renewals: number;
  longestContinuousDays: number;
  continuity: Continuity;
}

/** Sorted, merged ranges: overlapping or adjacent ranges become one. */
export function mergeRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: DayRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

function activeOn(ranges: readonly DayRange[], day: number): boolean {
  return ranges.some((r) => r.start <= day && day <= r.end);
}

/** Durability per recipient, sorted by recipient id; initiatives' carriers without commitments are included. */
export function durability(
  commitments: readonly DurabilityCommitment[],
  initiatives: readonly DurabilityInitiative[],
  asOf: string,
  memberships: readonly DurabilityMembership[] = [],
): RecipientDurability[] {
  const today = dayNumber(asOf);
  const byId = new Map<string, DurabilityCommitment>();
  for (const c of commitments) if (!byId.has(c.id)) byId.set(c.id, c);

  const perRecipient = new Map<string, { ranges: DayRange[]; count: number; renewals: number }>();
  const entry = (id: string) => {
    let e = perRecipient.get(id);
    if (!e) perRecipient.set(id, (e = { ranges: [], count: 0, renewals: 0 }));
    return e;
  };
  for (const c of byId.values()) {
    const range = dayRange(c.start, c.end);
    const e = entry(c.recipientId);
    e.count++;
    const from = c.renewedFrom ? byId.get(c.renewedFrom) : undefined;
    if (from && from.id !== c.id && from.recipientId === c.recipientId) e.renewals++;
    if (range.start <= today)
      e.ranges.push({ start: range.start, end: Math.min(range.end, today) });
  }

  const endedInitiatives = initiatives.flatMap((i) => {
    const range = dayRange(i.start, i.end);
    const check = range.end + CONTINUITY_DAYS;
    return check <= today ? [{ id: i.id, check, carriers: new Set(i.carrierIds) }] : [];
  });
  for (const i of initiatives) for (const carrier of i.carrierIds) entry(carrier);
  const mergedOf = new Map<string, DayRange[]>();
  const merged = (id: string) => {
    let m = mergedOf.get(id);
    if (!m) mergedOf.set(id, (m = mergeRanges(perRecipient.get(id)?.ranges ?? [])));
    return m;
  };
  /** A group the actor belongs to on `day`, other than `except`, has support running that day. */
  const viaGroup = (actorId: string, except: string, day: number) =>
    memberships.some(
      (m) =>
        m.actorId === actorId &&
        m.groupId !== except &&
        (m.start === null || dayNumber(m.start) <= day) &&
        (m.end === null || day <= dayNumber(m.end)) &&
        activeOn(merged(m.groupId), day),
    );

  const out: RecipientDurability[] = [];
  for (const [recipientId, e] of perRecipient) {
    const own = merged(recipientId);
    let total = 0;
    let longest = 0;
    for (const r of own) {
      const days = r.end - r.start + 1;
      total += days;
      longest = Math.max(longest, days);
    }
    let ended = 0;
    let kept = 0;
    for (const i of endedInitiatives) {
      if (!i.carriers.has(recipientId)) continue;
      ended++;
      if (activeOn(own, i.check) || viaGroup(recipientId, i.id, i.check)) kept++;
    }
    out.push({
      recipientId,
      commitments: e.count,
      totalSupportedDays: total,
      renewals: e.renewals,
      longestContinuousDays: longest,
      continuity: { ended, kept, share: ended === 0 ? null : kept / ended },
    });
  }
  return out.sort((a, b) =>
    a.recipientId < b.recipientId ? -1 : a.recipientId > b.recipientId ? 1 : 0,
  );
}
