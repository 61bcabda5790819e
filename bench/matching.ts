/**
 * Matching benchmark: one need against the municipality scale (2,000 offers, 5,000 needs,
 * 10,000 commitments) with the type-indexed matcher and with the naive baseline (no index, every
 * offer prepared and its commitments found by a scan per query). Seeded synthetic data, so runs
 * compare. Target of issue 6: ≤ 50 ms per need.
 *
 *   node --import tsx bench/matching.ts [--seed 6] [--queries 200]
 *
 * Prints a markdown section and appends it to bench/RESULTS.md (one `cat >>`, earlier sections
 * are never changed).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { mulberry32 } from '../server/src/analytics/network/random.ts';
import { isoDay } from '../server/src/analytics/support/dates.ts';
import type {
  MatchContext,
  OfferCommitment,
  SupportNeed,
  SupportOffer,
  SupportType,
} from '../server/src/analytics/support/matching-types.ts';
import {
  indexOffers,
  matchNeed,
  naiveMatchNeed,
} from '../server/src/analytics/support/matching.ts';

const { values } = parseArgs({
  options: { seed: { type: 'string', default: '6' }, queries: { type: 'string', default: '200' } },
});
const seed = Number(values.seed);
const queries = Number(values.queries);
const scale = { offers: 2_000, needs: 5_000, commitments: 10_000 };

const random = mulberry32(seed);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const some = <T>(xs: readonly T[], max: number): T[] => [
  ...new Set(Array.from({ length: int(max + 1) }, () => pick(xs))),
];

const types: SupportType[] = [
  'money',
  'space',
  'staff_hours',
  'coaching',
  'backoffice',
  'material',
  'network',
];
const areaParents = new Map<string, string | null>([['GM9999', null]]);
const wijken = Array.from({ length: 10 }, (_, w) => `WK9999${String(w).padStart(2, '0')}`);
const buurten = wijken.flatMap((wk) =>
  Array.from({ length: 10 }, (_, b) => `BU${wk.slice(2)}${b}`),
);
for (const wk of wijken) areaParents.set(wk, 'GM9999');
for (const bu of buurten) areaParents.set(bu, `WK${bu.slice(2, 8)}`);
const domains = Array.from({ length: 12 }, (_, i) => `domain-${i}`);
const groups = Array.from({ length: 8 }, (_, i) => `group-${i}`);
const day0 = 20_454; // 2026-01-01
const period = (maxStart: number, maxLength: number, openShare: number) => {
  const start = day0 + int(maxStart);
  return {
    start: isoDay(start),
    end: random() < openShare ? null : isoDay(start + 30 + int(maxLength)),
  };
};
const amount = (type: SupportType, scaleFactor: number) =>
  type === 'money' ? (1 + int(50)) * 10_000 * scaleFactor : (1 + int(10)) * scaleFactor;

const offers: SupportOffer[] = Array.from({ length: scale.offers }, (_, i) => {
  const type = pick(types);
  return {
    id: `offer-${String(i).padStart(5, '0')}`,
    providerId: `inst-${int(150)}`,
    type,
    capacityPerMonth: amount(type, 4),
    ...period(365, 1_100, 0.2),
    areaIds: random() < 0.2 ? [] : some([...wijken, ...buurten], 3),
    domainIds: random() < 0.3 ? [] : some(domains, 3),
    targetGroupIds: random() < 0.5 ? [] : some(groups, 2),
    personsEligible: random() < 0.6,
  };
});
const needs: SupportNeed[] = Array.from({ length: scale.needs }, (_, i) => {
  const type = pick(types);
  return {
    id: `need-${String(i).padStart(5, '0')}`,
    requesterId: `carrier-${int(2_000)}`,
    requesterKind: random() < 0.7 ? 'person' : 'small',
    type,
    amountPerMonth: amount(type, 1),
    ...period(365, 700, 0.1),
    urgency: pick(['low', 'normal', 'high'] as const),
    areaId: pick(buurten),
    domainIds: some(domains, 2),
    targetGroupIds: some(groups, 2),
  };
});
const commitments: OfferCommitment[] = Array.from({ length: scale.commitments }, () => {
  const offer = pick(offers);
  return { offerId: offer.id, amountPerMonth: amount(offer.type, 1), ...period(365, 700, 0.1) };
});
const trustTable = new Map<string, number>();
for (let i = 0; i < 5_000; i++) trustTable.set(`inst-${int(150)}|carrier-${int(2_000)}`, random());
const ctx: MatchContext = { areaParents, trust: (p, r) => trustTable.get(`${p}|${r}`) };

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const fmt = (ms: number) => ms.toFixed(3);

const t0 = performance.now();
const index = indexOffers(offers, commitments, ctx);
const indexMs = performance.now() - t0;

const sample = Array.from({ length: queries }, () => pick(needs));
for (const need of sample.slice(0, 20)) {
  matchNeed(need, index);
  naiveMatchNeed(need, offers, commitments, ctx);
}
const indexed: number[] = [];
const naive: number[] = [];
let suggestions = 0;
for (const need of sample) {
  // Alternate the two so load from other processes hits both alike.
  let t = performance.now();
  const fast = matchNeed(need, index);
  indexed.push(performance.now() - t);
  t = performance.now();
  const slow = naiveMatchNeed(need, offers, commitments, ctx);
  naive.push(performance.now() - t);
  if (!isDeepStrictEqual(fast, slow)) throw new Error(`indexed and naive differ for ${need.id}`);
  suggestions += fast.length;
}

const rows = [
  ['indexed by type (`matchNeed`)', indexed],
  ['naive baseline (`naiveMatchNeed`)', naive],
] as const;
const p50Ratio = percentile(naive, 50) / percentile(indexed, 50);
const p99 = percentile(indexed, 99);
const load = loadavg()[0]!.toFixed(2);
const now = new Date().toISOString();
const section = [
  '',
  `## ${now.slice(0, 10)} ${now.slice(11, 16)} UTC, matching (one need), municipality scale`,
  '',
  '- Command: `node --import tsx bench/matching.ts' + ` --seed ${seed} --queries ${queries}\``,
  `- Node ${process.version}; CPU ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores); load average (1 min) ${load}`,
  `- Synthetic data (seed ${seed}): ${scale.offers.toLocaleString('en-US')} offers, ${scale.needs.toLocaleString('en-US')} needs, ${scale.commitments.toLocaleString('en-US')} commitments, 7 support types, 111 areas`,
  `- Offer index built once in ${fmt(indexMs)} ms; ${queries} needs matched, ${(suggestions / queries).toFixed(1)} suggestions per need on average; both matchers gave identical results`,
  '',
  '| Matcher | p50 ms | p99 ms | max ms | mean ms |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows.map(
    ([name, xs]) =>
      `| ${name} | ${fmt(percentile(xs, 50))} | ${fmt(percentile(xs, 99))} | ${fmt(Math.max(...xs))} | ${fmt(xs.reduce((a, b) => a + b, 0) / xs.length)} |`,
  ),
  '',
  `Ratio naive / indexed at p50: ${p50Ratio.toFixed(1)}×. Target ≤ 50 ms per need: ${p99 <= 50 ? 'met' : 'NOT met'} (indexed p99 ${fmt(p99)} ms).`,
  '',
].join('\n');

process.stdout.write(section);
execFileSync('sh', ['-c', 'cat >> "$1"', 'sh', new URL('RESULTS.md', import.meta.url).pathname], {
  input: section,
});
