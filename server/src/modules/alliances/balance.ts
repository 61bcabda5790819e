import {
  balanceIndex,
  balanceTrend,
  DEFAULT_BALANCE_THRESHOLD,
  type BalanceMember,
  type BalanceResult,
  type PerceivedPower,
} from '../../analytics/balance/index.ts';
import { badRequest, fieldError } from '../../http/problem.ts';
import type { ActorRef } from '../activities/refs-repo.ts';
import { isCurrent } from './access.ts';
import type { BalanceAnswer, BalanceSummary } from './balance-schema.ts';
import type { PowerRating } from './perceived-repo.ts';
import type { ContributionRow } from './records-repo.ts';
import type { MemberRow } from './repo.ts';

// From an alliance's rows to the balance index of analytics/balance. The members are those
// current on the day asked (seats and votes as they are now); each brings every contribution of
// its actor's memberships of the alliance, so a member who left and rejoined keeps its history.
// Past members do not count: the index describes the alliance as it is.

export type Granularity = 'year' | 'quarter' | 'month';
const rank: Record<Granularity, number> = { year: 0, quarter: 1, month: 2 };

export const granularityOf = (period: string): Granularity =>
  period.length === 4 ? 'year' : period.includes('Q') ? 'quarter' : 'month';

/** A period rolled up to a coarser (or the same) granularity: 2025-05 → 2025-Q2 → 2025. */
export function rollUp(period: string, to: Granularity): string {
  const year = period.slice(0, 4);
  if (to === 'year') return year;
  if (to === 'quarter' && granularityOf(period) === 'month')
    return `${year}-Q${Math.ceil(Number(period.slice(5, 7)) / 3)}`;
  return period;
}

export const sizeKind = (a: Pick<ActorRef, 'kind' | 'size_class'> | undefined) =>
  a?.kind === 'person' ? 'person' : a?.size_class === 'large' ? 'large' : 'small';

export interface BalanceInput {
  members: readonly MemberRow[];
  actors: ReadonlyMap<string, ActorRef>;
  contributions: readonly ContributionRow[];
  today: string;
  /** Power ratings the members' actors received in closed survey rounds (none: no part). */
  ratings?: readonly PowerRating[];
}

/**
 * A round's ratings count only when at least this many different respondents rated the
 * alliance's current members of each side in it — the small side (persons and small
 * organisations) and the large side — so neither mean shown exposes one respondent's answers.
 */
export const MIN_POWER_RATERS = 5;

/** The ratings of each usable round, as the analytics' answers about current members. */
function perceivedByRound(
  input: BalanceInput,
): Map<string, { day: string; answers: PerceivedPower[] }> {
  const memberOf = new Map(
    input.members.filter((m) => isCurrent(m, input.today)).map((m) => [m.actor_id, m.id]),
  );
  type Round = { day: string; answers: PerceivedPower[]; small: Set<string>; large: Set<string> };
  const rounds = new Map<string, Round>();
  for (const r of input.ratings ?? []) {
    const memberId = memberOf.get(r.actorId);
    if (memberId === undefined) continue;
    const round = rounds.get(r.roundId) ?? {
      day: r.day,
      answers: [],
      small: new Set<string>(),
      large: new Set<string>(),
    };
    round.answers.push({ memberId, value: r.value });
    const large = sizeKind(input.actors.get(r.actorId)) === 'large';
    (large ? round.large : round.small).add(r.raterId);
    rounds.set(r.roundId, round);
  }
  const usable = new Map<string, { day: string; answers: PerceivedPower[] }>();
  for (const [id, round] of rounds)
    if (round.small.size >= MIN_POWER_RATERS && round.large.size >= MIN_POWER_RATERS)
      usable.set(id, { day: round.day, answers: round.answers });
  return usable;
}

/** The latest usable round's answers (none when there is no such round). */
function latestPerceived(input: BalanceInput): PerceivedPower[] {
  let latest: { day: string; answers: PerceivedPower[] } | undefined;
  for (const round of perceivedByRound(input).values())
    if (!latest || round.day > latest.day) latest = round;
  return latest?.answers ?? [];
}

/** Usable rounds keyed by the trend period their snapshot day falls in (the later one wins). */
function perceivedByPeriod(input: BalanceInput, granularity: Granularity) {
  const byPeriod: Record<string, { day: string; answers: PerceivedPower[] }> = {};
  for (const round of perceivedByRound(input).values()) {
    const day = round.day;
    const period =
      granularity === 'year'
        ? day.slice(0, 4)
        : granularity === 'quarter'
          ? `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`
          : day.slice(0, 7);
    const known = byPeriod[period];
    if (!known || day > known.day) byPeriod[period] = round;
  }
  return Object.fromEntries(Object.entries(byPeriod).map(([p, r]) => [p, r.answers]));
}

/** The analytics' members: current memberships with their actor's contributions. */
export function balanceMembers(input: BalanceInput, granularity: Granularity | null) {
  const current = input.members.filter((m) => isCurrent(m, input.today));
  const actorOf = new Map(input.members.map((m) => [m.id, m.actor_id]));
  return current.map((m): BalanceMember => ({
    id: m.id,
    kind: sizeKind(input.actors.get(m.actor_id)),
    seats: Number(m.seats),
    votes: Number(m.votes),
    contributions: input.contributions
      .filter((c) => actorOf.get(c.member_id) === m.actor_id)
      .map((c) => ({
        period: granularity ? rollUp(c.period, granularity) : c.period,
        valueCents: Number(c.value_cents),
      })),
  }));
}

const summary = (r: BalanceResult): BalanceSummary => ({
  index: r.index,
  unbalanced: r.unbalanced,
  reasons: r.reasons,
});

/** The index with its reasons, for an alliance's detail. */
export function balanceSummary(input: BalanceInput): BalanceSummary {
  return summary(balanceIndex(balanceMembers(input, null), latestPerceived(input)));
}

/** The coarsest granularity among the periods; a finer one asked for is bad input. */
function granularityFor(periods: readonly string[], per: Granularity | undefined) {
  const coarsest = periods
    .map(granularityOf)
    .reduce<Granularity | null>((g, x) => (g === null || rank[x] < rank[g] ? x : g), null);
  if (per && coarsest && rank[per] > rank[coarsest])
    throw badRequest('validation_failed', 'The query is invalid.', [
      fieldError(
        '/per',
        'period_too_fine',
        `Some contributions are recorded per ${coarsest}; ask per ${coarsest} or coarser.`,
        'query',
      ),
    ]);
  return per ?? coarsest;
}

/** The balance endpoint's answer (without names, which the service adds). */
export function balanceAnswer(
  allianceId: string,
  input: BalanceInput,
  per: Granularity | undefined,
): Omit<BalanceAnswer, 'members'> & {
  members: Omit<BalanceAnswer['members'][number], 'actorName'>[];
} {
  const granularity = granularityFor(
    input.contributions.map((c) => c.period),
    per,
  );
  const members = balanceMembers(input, granularity);
  const perceived = latestPerceived(input);
  const result = balanceIndex(members, perceived);
  const trendOptions = granularity
    ? { perceivedByPeriod: perceivedByPeriod(input, granularity) }
    : {};
  const trend = balanceTrend(members, trendOptions).map((p) => ({
    period: p.period,
    ...summary(p),
    parts: p.parts,
  }));
  const byId = new Map(input.members.map((m) => [m.id, m]));
  return {
    allianceId,
    asOf: input.today,
    threshold: DEFAULT_BALANCE_THRESHOLD,
    granularity,
    perceivedPowerAvailable: perceived.length > 0,
    ...summary(result),
    parts: result.parts,
    members: members.map((b) => {
      const m = byId.get(b.id)!;
      return {
        memberId: b.id,
        actorId: m.actor_id,
        kind: b.kind,
        role: m.role,
        seats: b.seats,
        votes: b.votes,
        contributionCents: b.contributions.reduce((s, c) => s + c.valueCents, 0),
      };
    }),
    trend,
  };
}
