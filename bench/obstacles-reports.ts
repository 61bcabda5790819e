import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { root, serverBin } from './setup.ts';

// The obstacles benchmark's report timings: the yearly report through the API and the CLI.

export const REPORT_YEAR = 2025;
export const REPORT_RUNS = 3;

export interface Timing {
  name: string;
  /** Seconds, each run. */
  runs: number[];
  bytes: number;
  /** A CLI process: its time includes starting Node and tsx, so it is shown, not judged. */
  cli?: boolean;
}

/** Fetches the report `runs` times, one after another, timing each from request to last byte. */
export async function timeReport(url: string, headers: Record<string, string>, want: string) {
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REPORT_RUNS; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const body = Buffer.from(await res.arrayBuffer());
    runs.push((performance.now() - t0) / 1000);
    if (res.status !== 200 || !res.headers.get('content-type')?.startsWith(want))
      throw new Error(`${url}: ${res.status} ${res.headers.get('content-type')}`);
    if (want === 'application/pdf' && body.subarray(0, 5).toString() !== '%PDF-')
      throw new Error(`${url}: not a PDF`);
    bytes = body.length;
  }
  return { runs, bytes };
}

/** `wijkdragers report obstacles --format <f> --out <file>` as its own process, spawn to exit. */
export function timeCli(
  env: Record<string, string>,
  format: 'html' | 'pdf',
  out: string,
): Promise<Timing> {
  const args = ['report', 'obstacles', '--workspace', 'demo', '--year', String(REPORT_YEAR)];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [serverBin, ...args, '--format', format, '--out', out], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`report obstacles exited ${code}: ${stderr}`));
      resolve({
        name: `CLI \`report obstacles --format ${format}\` (a process: Node, tsx, migration check)`,
        runs: [(performance.now() - t0) / 1000],
        bytes: statSync(out).size,
        cli: true,
      });
    });
  });
}
