import { execSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  DEFAULT_THRESHOLD,
  detectOverlaps,
  detectOverlapsNaive,
} from '../server/src/analytics/overlap/index.ts';
import { mulberry32 } from '../server/src/analytics/network/random.ts';
import { median } from './report.ts';
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
 *   node --import tsx bench/overlap.ts [--dry] [--scale municipality|national] [--threshold t]
 *     [--before <dir>]
 *
 * `--scale` runs one scale only (default both); `--threshold` overrides the default threshold;
 * `--dry` prints the section without appending. Two times per run: `detectOverlaps` alone, and
 * with the explanation text of every signal (what the signals module stores: the compact JSON
 * of `explanationText`). `--before <dir>` times a copy of `server/src/analytics/overlap` from
 * before the lean result instead (its `detectOverlaps` returns full signals; the stored text
 * was then `JSON.stringify({ facts, components, reasons, cells })`), for before/after entries;
 * no naive check then (nor with `--no-naive`).
 *
 *   node --import tsx bench/overlap.ts --db sqlite|postgres|both [--db-scale s] [--edits n]
 *
 * `--db` instead times the signals module's `detectSignals` from the database: the first
 * detection, a full re-score and the incremental runs that keep signals current after an edit,
 * beside the analytics alone (bench/overlap-db.ts).
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

/** Wall time and this process's CPU time (user + system), in ms. */
function time<T>(f: () => T): { ms: number; cpuMs: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, value };
}

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

const argOf = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const thresholdArg = argOf('--threshold');
const threshold = thresholdArg === undefined ? DEFAULT_THRESHOLD : Number(thresholdArg);
const ASOF = { asOf: '2026-12-01', threshold };
const beforeDir = argOf('--before');

/** One detection as the signals module uses it: the signals, then every stored text. */
interface Impl {
  detect: (input: OverlapInput) => { count: number; texts: () => number };
}
const after: Impl = {
  detect(input) {
    const d = detectOverlaps(input, ASOF);
    return {
      count: d.signals.length,
      texts: () => {
        let chars = 0;
        for (let k = 0; k < d.signals.length; k++) chars += d.explanationText(k).length;
        return chars;
      },
    };
  },
};
interface FullSignal {
  facts: unknown;
  components: unknown;
  reasons: unknown;
  cells: unknown;
}
async function beforeImpl(dir: string): Promise<Impl> {
  const mod = (await import(pathToFileURL(resolve(dir, 'index.ts')).href)) as {
    detectOverlaps: (input: OverlapInput, o: typeof ASOF) => FullSignal[];
  };
  return {
    detect(input) {
      const found = mod.detectOverlaps(input, ASOF);
      return {
        count: found.length,
        texts: () => {
          let chars = 0;
          for (const s of found) {
            const { facts, components, reasons, cells } = s;
            chars += JSON.stringify({ facts, components, reasons, cells }).length;
          }
          return chars;
        },
      };
    },
  };
}
const impl = beforeDir === undefined ? after : await beforeImpl(beforeDir);

const dbArg = argOf('--db');
if (dbArg !== undefined) {
  const { dbSection } = await import('./overlap-db.ts');
  const section = await dbSection(dbArg, argOf);
  process.stdout.write(section);
  if (!process.argv.includes('--dry')) execSync('cat >> bench/RESULTS.md', { input: section });
  process.exit(0);
}

const load0 = loadavg()[0]!;
const rows: string[] = [];
const notes: string[] = [];
const only = argOf('--scale');
if (only !== undefined && !scales.some((s) => s.name === only)) {
  throw new Error(`--scale: one of ${scales.map((s) => s.name).join(', ')}`);
}
for (const scale of scales.filter((s) => only === undefined || s.name === only)) {
  const input = generate(scale, 20261204);
  impl.detect(input).texts(); // warm-up
  const runs: number[] = [];
  const cpuRuns: number[] = [];
  const fullRuns: number[] = [];
  const fullCpuRuns: number[] = [];
  let signals = 0;
  let chars = 0;
  for (let i = 0; i < scale.runs; i++) {
    // Detection alone, then detection and every stored explanation text.
    const one = time(() => impl.detect(input));
    runs.push(one.ms);
    cpuRuns.push(one.cpuMs);
    signals = one.value.count;
    const full = time(() => impl.detect(input).texts());
    fullRuns.push(full.ms);
    fullCpuRuns.push(full.cpuMs);
    chars = full.value;
  }
  const med = median(runs);
  const cpuMed = median(cpuRuns);
  const fullMed = median(fullRuns);
  const fullCpuMed = median(fullCpuRuns);
  let naiveCell = '—';
  let ratioCell = '—';
  if (
    scale.name === 'municipality' &&
    beforeDir === undefined &&
    !process.argv.includes('--no-naive')
  ) {
    const fast = detectOverlaps(input, ASOF).signals;
    const naive = time(() => detectOverlapsNaive(input, ASOF));
    const same =
      naive.value.length === fast.length &&
      naive.value.every(
        (s, k) =>
          s.fingerprint === fast[k]!.fingerprint &&
          s.score === fast[k]!.score &&
          s.actorIds.join() === fast[k]!.actorIds.join(),
      );
    naiveCell = `${naive.ms.toFixed(0)} (CPU ${naive.cpuMs.toFixed(0)})`;
    ratioCell = `${(naive.ms / med).toFixed(0)}×`;
    notes.push(
      `Naive all-pairs baseline at municipality scale: one run, ${naive.value.length.toLocaleString('en')} signals, ` +
        `${same ? 'identical to' : 'DIFFERENT FROM'} the indexed sweep (pairs, fingerprints and scores).`,
    );
  }
  const within = (ms: number) => (scale.budgetMs === 200 ? ms <= 200 : ms < scale.budgetMs);
  const verdict = (wall: number, cpu: number) =>
    `wall ${within(wall) ? 'met' : 'MISSED'}, CPU ${within(cpu) ? 'met' : 'MISSED'}`;
  rows.push(
    `| ${scale.name} | ${scale.buurten.toLocaleString('en')} | ${scale.activities.toLocaleString('en')} | ` +
      `${scale.actors.toLocaleString('en')} | ${signals.toLocaleString('en')} | ${med.toFixed(1)} | ${cpuMed.toFixed(1)} | ` +
      `${Math.min(...runs).toFixed(1)}–${Math.max(...runs).toFixed(1)} | ${fullMed.toFixed(1)} | ${fullCpuMed.toFixed(1)} | ` +
      `${(chars / Math.max(1, signals)).toFixed(0)} | ${scale.budgetText}: detection ${verdict(med, cpuMed)}; with texts ${verdict(fullMed, fullCpuMed)} | ` +
      `${naiveCell} | ${ratioCell} |`,
  );
  process.stderr.write(
    `${scale.name}: median ${med.toFixed(1)} ms (CPU ${cpuMed.toFixed(1)}), with texts ${fullMed.toFixed(1)} ms (CPU ${fullCpuMed.toFixed(1)}) over ${scale.runs} runs, ${signals} signals\n`,
  );
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
  `- Command: \`node --import tsx bench/overlap.ts${process.argv.slice(2).length > 0 ? ` ${process.argv.slice(2).join(' ')}` : ''}\`${beforeDir === undefined ? '' : ' (the code before the lean result)'}`,
  `- Node ${process.version}; CPU ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores); commit ${commit} + uncommitted changes`,
  `- Load average (1 min) ${load0.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end`,
  `- Seeded synthetic input (seed 20261204): ${DOMAINS} domains, ${GROUPS} target groups, periods 2023–2026 (20% open-ended, asOf ${ASOF.asOf}), ties and funders for ~1 in 3 actors; threshold ${threshold}${thresholdArg === undefined ? ' (the default)' : ''}`,
  "- CPU = this process's user + system time over the run; on a shared, loaded machine wall time includes waiting for a core, CPU time does not",
  '- Time = `detectOverlaps` end to end (validation, interning, area × domain index, sweep, scoring), median after one warm-up run; no database. "With texts" adds the explanation text of every signal, as the signals module stores them; text = its mean length in characters',
  '',
  '| Scale | buurten | activities | actors | signals | median wall ms | median CPU ms | wall range ms | with texts: median wall ms | with texts: median CPU ms | text chars | budget | naive ms | naive / indexed (wall) |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
  ...rows,
  '',
  ...notes,
  '',
].join('\n');
process.stdout.write(section);
// One append at the end; `--dry` prints only.
if (!process.argv.includes('--dry')) execSync('cat >> bench/RESULTS.md', { input: section });
