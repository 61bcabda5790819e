import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import type { Measurement } from './measure.ts';

/** One endpoint: a measurement per round, each with its ratio to the ceiling runs around it. */
export interface Row {
  name: string;
  runs: Measurement[];
  ratios: number[];
}

export interface Pass {
  dialect: string;
  members: number;
  seedMs: number;
  rounds: number;
  ceilings: Measurement[];
  rows: Row[];
  /** Facts measured once for this pass (e.g. response sizes). */
  notes: string[];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const fmtRps = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtMs = (n: number) => n.toFixed(2);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const fmtCpu = (xs: (number | undefined)[], f: (ys: number[]) => number) =>
  xs.every((x) => x !== undefined) ? f(xs as number[]).toFixed(0) : 'n/a';

function tableLines(pass: Pass): string[] {
  const ceilingRps = pass.ceilings.map((c) => c.reqPerSec);
  const lines = [
    '| Endpoint | req/s | p50 ms | p99 ms | ratio to ceiling | server CPU µs/req | requests |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| hello-world ceiling (node:http, mean of ${pass.ceilings.length}) | ${fmtRps(mean(ceilingRps))} | ${fmtMs(
      mean(pass.ceilings.map((c) => c.p50)),
    )} | ${fmtMs(mean(pass.ceilings.map((c) => c.p99)))} | 100% | ${fmtCpu(
      pass.ceilings.map((c) => c.cpuPerRequestUs),
      mean,
    )} | ${pass.ceilings.reduce((a, c) => a + c.requests, 0).toLocaleString('en-US')} |`,
  ];
  for (const { name, runs, ratios } of pass.rows) {
    const med = (f: (m: Measurement) => number) => median(runs.map(f));
    lines.push(
      `| \`${name}\` | ${fmtRps(med((m) => m.reqPerSec))} | ${fmtMs(med((m) => m.p50))} | ${fmtMs(
        med((m) => m.p99),
      )} | ${pct(median(ratios))} | ${fmtCpu(
        runs.map((m) => m.cpuPerRequestUs),
        median,
      )} | ${runs.reduce((a, m) => a + m.requests, 0).toLocaleString('en-US')} |`,
    );
  }
  const lo = Math.min(...ceilingRps);
  const hi = Math.max(...ceilingRps);
  lines.push(
    '',
    ...(pass.rounds > 1
      ? [
          `Medians of ${pass.rounds} rounds; ratios per round: ` +
            pass.rows.map((r) => `${r.name} ${r.ratios.map(pct).join(' ')}`).join('; ') +
            '.',
          '',
        ]
      : []),
    `Ceiling runs in order: ${ceilingRps.map(fmtRps).join(', ')} req/s ` +
      `(spread ${pct((hi - lo) / mean(ceilingRps))} of the mean). ` +
      `Seeded ${pass.members.toLocaleString('en-US')} members in ${(pass.seedMs / 1000).toFixed(1)} s.`,
    ...pass.notes.map((n) => `\n${n}`),
  );
  return lines;
}

export function printPass(pass: Pass): void {
  process.stdout.write(`\n${pass.dialect}\n\n${tableLines(pass).join('\n')}\n`);
}

export interface RunInfo {
  date: string;
  command: string;
  node: string;
  cpu: string;
  cores: number;
  commit: string;
  /** One-minute load average at the start and at the end (other work on the machine). */
  load: [number, number];
  suite: string;
  scale: string;
  duration: number;
  warmup: number;
  connections: number;
  rounds: number;
}

const header = `# Benchmark results

Appended by \`npm run bench\`; never edit or delete earlier sections. See bench/README.md for
what is measured and how to read the ratios.
`;

/** Appends a dated section for this run; the file is created on first use. */
export function appendResults(file: string, info: RunInfo, passes: Pass[]): void {
  if (!existsSync(file)) writeFileSync(file, header);
  const section = [
    '',
    `## ${info.date}, ${info.suite} suite, ${info.scale} scale, ${passes.map((p) => p.dialect).join(' + ')}`,
    '',
    `- Command: \`${info.command}\``,
    `- Node ${info.node}; CPU ${info.cpu} (${info.cores} cores); commit ${info.commit}`,
    `- Load average (1 min) ${info.load[0].toFixed(2)} at the start, ${info.load[1].toFixed(2)} at the end`,
    `- Scale ${info.scale}; ${info.connections} connections; ${info.duration} s per endpoint ` +
      `after ${info.warmup} s warm-up; endpoints interleaved with the ceiling` +
      (info.rounds > 1 ? `; ${info.rounds} rounds, medians` : ''),
    '- Fresh databases seeded by the demo generator; PostgreSQL analysed (`ANALYZE`) after seeding',
  ];
  for (const pass of passes) {
    section.push('', `### ${pass.dialect}`, '', ...tableLines(pass));
  }
  appendFileSync(file, `${section.join('\n')}\n`);
}
