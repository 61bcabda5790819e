import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { detectOverlaps, detectOverlapsNaive } from '../server/src/analytics/overlap/index.ts';
import { mulberry32 } from '../server/src/analytics/network/random.ts';
import type {
  OverlapActivity,
  OverlapActor,
  OverlapInput,
  OverlapTie,
  FundingLink,
} from '../server/src/analytics/overlap/index.ts';

/**
 * Overlap detection benchmark. Generates seeded synthetic inputs at municipality scale (100
 * buurten, 26k activities, 5.1k actors) and national scale (14k buurten, 500k activities, 100k
 * actors), times the indexed sweep (median of several runs after a warm-up) and, at municipality
 * scale, the naive all-pairs baseline, and appends a markdown section to bench/RESULTS.md.
 *
 *   node --import tsx bench/overlap.ts [--dry] [--scale municipality|national]
 *
 * `--scale` runs one scale only (default both); `--dry` prints the section without appending.
 */

interface Scale {
  name: string;
  buurten: number;
  actors: number;
  activities: number;
  budgetMs: number;
  budgetText: string;
  runs: number;
}

const DOMAINS = 16;
const GROUPS = 10;
const DAY = 86_400_000;
const EPOCH = Date.UTC(2023, 0, 1);
const date = (d: number) => new Date(EPOCH + d * DAY).toISOString().slice(0, 10);

function generate(scale: Scale, seed: number): OverlapInput {
  const r = mulberry32(seed);
  const int = (n: number) => Math.floor(r() * n);
  const actors: OverlapActor[] = [];
  const home: number[] = [];
  const actorDomains: number[][] = [];
  for (let i = 0; i < scale.actors; i++) {
    const x = r();
    const kind = x < 0.6 ? 'person' : 'organisation';
    const sizeClass = x < 0.6 ? null : x < 0.9 ? 'small' : 'large';
    actors.push({ id: `actor-${i}`, kind, sizeClass, name: `Actor ${i}` });
    home.push(int(scale.buurten));
    const nd = sizeClass === 'large' ? 3 : 1 + int(2);
    actorDomains.push(Array.from({ length: nd }, () => int(DOMAINS)));
  }
  const activities: OverlapActivity[] = [];
  for (let k = 0; k < scale.activities; k++) {
    const a = int(scale.actors);
    const large = actors[a]!.sizeClass === 'large';
    const nAreas = large ? 1 + int(3) : 1 + (r() < 0.3 ? 1 : 0);
    const areaIds = Array.from(
      { length: nAreas },
      (_x, j) => `BU${(home[a]! + j * (1 + int(3))) % scale.buurten}`,
    );
    const ds = actorDomains[a]!;
    const domainIds = [`d${ds[int(ds.length)]!}`];
    if (r() < 0.3) domainIds.push(`d${ds[int(ds.length)]!}`);
    const targetGroupIds = [`g${int(GROUPS)}`];
    if (r() < 0.4) targetGroupIds.push(`g${int(GROUPS)}`);
    const s = int(1300);
    const open = r() < 0.2;
    activities.push({
      id: `act-${k}`,
      actorId: `actor-${a}`,
      areaIds,
      domainIds,
      targetGroupIds,
      start: date(s),
      end: open ? null : date(s + 30 + int(700)),
      hoursPerWeek: r() < 0.8 ? 1 + int(24) : null,
    });
  }
  const ties: OverlapTie[] = [];
  const types = ['samenwerking', 'steun', 'doorverwijzing', 'spanning', 'tegenwerking'] as const;
  for (let t = 0; t < scale.actors; t++) {
    ties.push({
      source: `actor-${int(scale.actors)}`,
      target: `actor-${int(scale.actors)}`,
      type: types[int(types.length)]!,
    });
  }
  const funders: FundingLink[] = [];
  for (let i = 0; i < scale.actors; i++) {
    if (r() < 0.3) funders.push({ funderId: `funder-${int(40)}`, recipientId: `actor-${i}` });
  }
  return { activities, actors, ties, funders };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Wall time and this process's CPU time (user + system), in ms. */
function time<T>(f: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

const ASOF = { asOf: '2026-12-01' };
const scales: Scale[] = [
  {
    name: 'municipality',
    buurten: 100,
    actors: 5_100,
    activities: 26_000,
    budgetMs: 200,
    budgetText: '≤ 200 ms',
    runs: 7,
  },
  {
    name: 'national',
    buurten: 14_000,
    actors: 100_000,
    activities: 500_000,
    budgetMs: 2000,
    budgetText: '< 2 s',
    runs: 3,
  },
];

const load0 = loadavg()[0]!;
const rows: string[] = [];
const notes: string[] = [];
const scaleArg = process.argv.indexOf('--scale');
const only = scaleArg >= 0 ? process.argv[scaleArg + 1] : undefined;
if (only !== undefined && !scales.some((s) => s.name === only)) {
  throw new Error(`--scale: one of ${scales.map((s) => s.name).join(', ')}`);
}
for (const scale of scales.filter((s) => only === undefined || s.name === only)) {
  const input = generate(scale, 20261204);
  detectOverlaps(input, ASOF); // warm-up
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  let signals = 0;
  for (let i = 0; i < scale.runs; i++) {
    const { ms, cpuMs, value } = time(() => detectOverlaps(input, ASOF));
    runs.push(ms);
    cpuRuns.push(cpuMs);
    signals = value.length;
  }
  const med = median(runs);
  const cpuMed = median(cpuRuns);
  let naiveCell = '—';
  let ratioCell = '—';
  if (scale.name === 'municipality') {
    const fast = detectOverlaps(input, ASOF);
    const naive = time(() => detectOverlapsNaive(input, ASOF));
    const same =
      naive.value.length === fast.length &&
      naive.value.every(
        (s, k) => s.fingerprint === fast[k]!.fingerprint && s.score === fast[k]!.score,
      );
    naiveCell = `${naive.ms.toFixed(0)} (CPU ${naive.cpuMs.toFixed(0)})`;
    ratioCell = `${(naive.ms / med).toFixed(0)}×`;
    notes.push(
      `Naive all-pairs baseline at municipality scale: one run, ${naive.value.length.toLocaleString('en')} signals, ` +
        `${same ? 'identical to' : 'DIFFERENT FROM'} the indexed sweep (fingerprints and scores).`,
    );
  }
  const ok = scale.budgetMs === 200 ? med <= scale.budgetMs : med < scale.budgetMs;
  const cpuOk = scale.budgetMs === 200 ? cpuMed <= scale.budgetMs : cpuMed < scale.budgetMs;
  rows.push(
    `| ${scale.name} | ${scale.buurten.toLocaleString('en')} | ${scale.activities.toLocaleString('en')} | ` +
      `${scale.actors.toLocaleString('en')} | ${signals.toLocaleString('en')} | ${med.toFixed(1)} | ${cpuMed.toFixed(1)} | ` +
      `${Math.min(...runs).toFixed(1)}–${Math.max(...runs).toFixed(1)} | ${scale.budgetText}: wall ${ok ? 'met' : 'MISSED'}, CPU ${cpuOk ? 'met' : 'MISSED'} | ` +
      `${naiveCell} | ${ratioCell} |`,
  );
  process.stderr.write(`${scale.name}: median ${med.toFixed(1)} ms over ${scale.runs} runs\n`);
}

let commit = 'unknown';
try {
  commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}
const now = new Date().toISOString().slice(0, 16).replace('T', ' ');
const section = [
  '',
  `## ${now} UTC, overlap detection (analytics, in-process)`,
  '',
  `- Command: \`node --import tsx bench/overlap.ts${only === undefined ? '' : ` --scale ${only}`}\``,
  `- Node ${process.version}; CPU ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores); commit ${commit} + uncommitted changes`,
  `- Load average (1 min) ${load0.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end`,
  `- Seeded synthetic input (seed 20261204): ${DOMAINS} domains, ${GROUPS} target groups, periods 2023–2026 (20% open-ended, asOf ${ASOF.asOf}), ties and funders for ~1 in 3 actors; default threshold 0.5`,
  "- CPU = this process's user + system time over the run; on a shared, loaded machine wall time includes waiting for a core, CPU time does not",
  '- Time = `detectOverlaps` end to end (validation, interning, area × domain index, sweep, scoring), median after one warm-up run; no database',
  '',
  '| Scale | buurten | activities | actors | signals | median wall ms | median CPU ms | wall range ms | budget | naive ms | naive / indexed (wall) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
  ...rows,
  '',
  ...notes,
  '',
].join('\n');
process.stdout.write(section);
// One append at the end; `--dry` prints only.
if (!process.argv.includes('--dry')) execSync('cat >> bench/RESULTS.md', { input: section });
