import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { NATIONAL_DEFAULTS, writeNationalFile } from '../server/src/demo/national-geojson.ts';
import { rdToWgs84 } from '../server/src/modules/areas/import/crs.ts';
import { checkGeometry } from '../server/src/modules/areas/import/geometry.ts';
import { readCollectionBytes } from '../server/src/modules/areas/import/reader.ts';
import { installSignalHandlers, onCleanup, runCleanup, wasInterrupted } from './processes.ts';
import { gitCommit, root } from './setup.ts';

/**
 * `node --import tsx bench/import-areas.ts [--db sqlite|postgres|both]`: the whole-country area
 * import. Generates the national file (server/src/demo/national-geojson.ts, ≥ 100 MB) in a
 * temporary folder, then runs, each as a separate process measured for wall time and peak RSS:
 * the baselines (a bare streaming parse of the file with stream-json; JSON.parse of the whole
 * file; stream-json's own pick + streamArray pipeline), and per dialect the real CLI
 * `wijkdragers import areas <file> --workspace <slug> --all-municipalities` on a fresh database,
 * three times (all created; all updated; all updated with the JavaScript heap capped below the
 * file's size). Appends a dated section to bench/RESULTS.md. Targets: < 60 s and < 1 GB each.
 */

const cliBin = join(root, 'server/bin/wijkdragers.mjs');
const self = fileURLToPath(import.meta.url);
const resultsFile = join(root, 'bench/RESULTS.md');
const TARGET_S = 60;
const TARGET_MB = 1024;
/** The V8 old-space limit of the last run: smaller than the file. */
const HEAP_CAP_MB = 96;

type Dialect = 'sqlite' | 'postgres';

interface Measured {
  name: string;
  wallS: number;
  peakMb: number;
  stdout: string;
  stderr: string;
  /** Seconds into the run at which each pass reached 100% (from the CLI's progress lines). */
  checkedAt: number | undefined;
  writtenAt: number | undefined;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const TIME = '/usr/bin/time';

/** Peak RSS from /proc while the child runs (VmHWM), for machines without GNU time. */
function vmHwmKb(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs `node <args>`, measuring wall time and peak RSS (GNU time -v, else /proc VmHWM). */
function measure(name: string, args: string[], env: Record<string, string>): Promise<Measured> {
  const [cmd, argv] = existsSync(TIME)
    ? [TIME, ['-v', process.execPath, ...args]]
    : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onCleanup(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let stdout = '';
    let stderr = '';
    let hwm = 0;
    const poll = setInterval(() => (hwm = Math.max(hwm, vmHwmKb(child.pid))), 50);
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const wallS = (performance.now() - started) / 1000;
      const timed = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (code !== 0)
        return reject(new Error(`${name} exited with ${code}:\n${stderr.slice(-3000)}`));
      const at = (phase: string) => {
        const m = new RegExp(`^${phase}\\s+100%.*\\(([\\d.]+) s\\)$`, 'm').exec(stderr);
        return m ? Number(m[1]) : undefined;
      };
      const peakMb = (timed ? Number(timed[1]) : hwm) / 1024;
      const [checkedAt, writtenAt] = [at('Checking'), at('Writing')];
      resolve({ name, wallS, peakMb, stdout, stderr, checkedAt, writtenAt });
    });
  });
}

/**
 * The baselines, run in a child process of this script: `--baseline stream|check|json|pipeline
 * <file>`. `stream` is the importer's reader alone (stream-json's tokenizer, features assembled);
 * `pipeline` is stream-json's own idiomatic pipeline (parser → pick('features') → streamArray).
 */
async function baseline(mode: string, file: string): Promise<void> {
  if (mode === 'json') {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { features: unknown[] };
    process.stdout.write(`${JSON.stringify({ features: doc.features.length })}\n`);
    return;
  }
  if (mode === 'pipeline') {
    let features = 0;
    const items = createReadStream(file)
      .pipe(pick.withParserAsStream({ filter: 'features' }))
      .pipe(streamArray.asStream());
    for await (const _item of items) features++;
    process.stdout.write(`${JSON.stringify({ features })}\n`);
    return;
  }
  let features = 0;
  let checkMs = 0;
  let invalid = 0;
  await readCollectionBytes(createReadStream(file, { highWaterMark: 256 * 1024 }), {
    member: () => undefined,
    feature: (_i, f) => {
      features++;
      if (mode !== 'check') return;
      const t0 = performance.now();
      if (!checkGeometry((f as { geometry?: unknown }).geometry).ok) invalid++;
      checkMs += performance.now() - t0;
    },
  });
  process.stdout.write(`${JSON.stringify({ features, checkMs, invalid })}\n`);
}

async function withAdmin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function databaseUrl(dialect: Dialect, dir: string, pgUrl: string): Promise<string> {
  if (dialect === 'sqlite') return `sqlite:${join(dir, 'import.db')}`;
  const name = `wijkdragers_bench_import_${randomBytes(6).toString('hex')}`;
  await withAdmin(pgUrl, `create database ${name}`);
  onCleanup(() => withAdmin(pgUrl, `drop database if exists ${name} with (force)`));
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function cliEnv(url: string, dir: string): Record<string, string> {
  return {
    DATABASE_URL: url,
    DATA_DIR: dir,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: randomBytes(48).toString('base64url'),
    PUBLIC_URL: 'http://localhost:3000',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    // Research keys, required in production; benchmarks never read research data.
    RESEARCH_PSEUDONYM_KEY: 'b'.repeat(40),
    FIELD_ENCRYPTION_KEY: 'b'.repeat(64),
  };
}

async function runDialect(dialect: Dialect, file: string, dir: string, pgUrl: string, n: number) {
  const url = await databaseUrl(dialect, dir, pgUrl);
  const env = cliEnv(url, dir);
  execFileSync(
    process.execPath,
    [cliBin, 'workspace', 'create', '--name', 'Nederland', '--gemeentecode', 'GM0000'],
    {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', ...env },
    },
  );
  const args = [
    cliBin,
    'import',
    'areas',
    file,
    '--workspace',
    'nederland',
    '--all-municipalities',
  ];
  const runs: Measured[] = [];
  for (const [label, want, extra] of [
    ['import', `Created ${n}, updated 0 area(s).`, {}],
    ['re-import', `Created 0, updated ${n} area(s).`, {}],
    // Streaming shown the hard way: a JavaScript heap smaller than the file still suffices.
    [
      `re-import, heap ≤ ${HEAP_CAP_MB} MB`,
      `Created 0, updated ${n} area(s).`,
      { NODE_OPTIONS: `--max-old-space-size=${HEAP_CAP_MB}` },
    ],
  ] as const) {
    log(`[${dialect}] ${label}…`);
    const m = await measure(`${dialect}: ${label}`, args, { ...env, ...extra });
    if (!m.stdout.includes(want)) throw new Error(`${m.name}: expected "${want}", got ${m.stdout}`);
    log(`[${dialect}] ${label}: ${m.wallS.toFixed(1)} s, ${m.peakMb.toFixed(0)} MB`);
    runs.push(m);
  }
  return runs;
}

const reachable = (url: string): Promise<boolean> =>
  withAdmin(url, 'select 1').then(
    () => true,
    () => false,
  );

const s1 = (n: number) => n.toFixed(1);
const mb0 = (n: number) => Math.round(n).toLocaleString('en-US');

function section(o: {
  argv: string[];
  note: string | undefined;
  load: [number, number];
  file: { mb: number; buurten: number; crs: string; generatedS: number };
  parse: Measured;
  json: Measured;
  pipeline: Measured;
  check: { checkMs: number; features: number };
  runs: Measured[];
}): string {
  const base = o.parse.wallS;
  const row = (m: Measured, target: boolean, note: string) => {
    const passes =
      m.checkedAt !== undefined && m.writtenAt !== undefined
        ? `${s1(m.checkedAt)} / ${s1(m.writtenAt - m.checkedAt)}`
        : '–';
    const ok = m.wallS < TARGET_S && m.peakMb < TARGET_MB;
    return `| ${m.name}${note} | ${s1(m.wallS)} | ${passes} | ${mb0(m.peakMb)} | ${(m.wallS / base).toFixed(1)}× | ${target ? (ok ? 'yes' : '**no**') : '–'} |`;
  };
  const args = o.argv.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(' ');
  const command = `node --import tsx bench/import-areas.ts${args ? ` ${args}` : ''}`;
  return [
    '',
    `## ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, whole-country area import, ${[...new Set(o.runs.map((r) => r.name.split(':')[0]))].join(' + ')}`,
    '',
    `- Command: \`${command}\``,
    `- Node ${process.version}; CPU ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores); commit ${gitCommit()}`,
    `- Load average (1 min) ${o.load[0].toFixed(2)} at the start, ${o.load[1].toFixed(2)} at the end`,
    `- File: ${o.file.buurten.toLocaleString('en-US')} buurten of ${NATIONAL_DEFAULTS.gemeenten} gemeenten in ${o.file.crs}, ${s1(o.file.mb)} MB, generated by \`server/src/demo/national-geojson.ts\` in ${s1(o.file.generatedS)} s (seed ${NATIONAL_DEFAULTS.seed}); each import a separate process (\`wijkdragers import areas <file> --workspace nederland --all-municipalities\`) on a fresh database; peak RSS from ${existsSync(TIME) ? 'GNU time -v' : '/proc VmHWM'}`,
    `- Targets: < ${TARGET_S} s and < ${TARGET_MB / 1024} GB peak RSS per import`,
    ...(o.note ? [`- Note: ${o.note}`] : []),
    '',
    '| Run | wall s | check / write pass s | peak RSS MB | ratio to bare parse | within targets |',
    '| --- | ---: | ---: | ---: | ---: | :---: |',
    row(o.parse, false, ' (stream-json tokens → features, nothing else: the floor)'),
    row(o.json, false, ' (not streaming; the whole file in memory)'),
    row(
      o.pipeline,
      false,
      ": parser → pick('features') → streamArray (the library's own pipeline)",
    ),
    ...o.runs.map((m) =>
      row(m, true, m.name.endsWith(': import') ? ' (all created)' : ' (all updated)'),
    ),
    '',
    `The capped runs set \`NODE_OPTIONS=--max-old-space-size=${HEAP_CAP_MB}\`: the JavaScript heap may not outgrow ${HEAP_CAP_MB} MB, less than the file itself, and the import still completes.`,
    '',
    `Geometry checks (closed rings, ≥ 4 positions, area, self-intersection) of all ${o.check.features.toLocaleString('en-US')} buurten: ${Math.round(o.check.checkMs)} ms in all, ${((o.check.checkMs * 1000) / Math.max(1, o.check.features)).toFixed(0)} µs per buurt (measured inside a streaming parse). The import tokenizes the file once: the check pass spools the checked features to a temporary file, and the write pass reads them from there in one transaction; so its floor is the bare parse plus the checks, the conversion and the database.`,
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      'pg-url': { type: 'string' },
      buurten: { type: 'string' },
      crs: { type: 'string' },
      'print-only': { type: 'boolean' },
      note: { type: 'string' },
      baseline: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.baseline) {
    await baseline(values.baseline, argv[argv.length - 1] as string);
    return 0;
  }
  if (values.help) {
    process.stdout.write(
      'Usage: node --import tsx bench/import-areas.ts [--db sqlite|postgres|both] [--buurten <n>] [--crs rd|wgs84] [--pg-url <url>] [--print-only] [--note <text>]\n',
    );
    return 0;
  }
  installSignalHandlers();
  const load0 = loadavg()[0] ?? 0;
  const pgUrl =
    values['pg-url'] ??
    process.env.BENCH_PG_URL ??
    process.env.TEST_PG_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  try {
    const db = values.db ?? 'auto';
    if (!['auto', 'sqlite', 'postgres', 'both'].includes(db))
      throw new Error('--db must be sqlite, postgres or both');
    const pgOk = db === 'sqlite' ? false : await reachable(pgUrl);
    if (db !== 'auto' && db !== 'sqlite' && !pgOk)
      throw new Error(`PostgreSQL is not reachable at ${pgUrl}`);
    if (db === 'auto' && !pgOk) log(`PostgreSQL not reachable at ${pgUrl}: SQLite only.`);
    const dialects: Dialect[] =
      db === 'postgres'
        ? ['postgres']
        : pgOk && db !== 'sqlite'
          ? ['sqlite', 'postgres']
          : ['sqlite'];

    const dir = mkdtempSync(join(tmpdir(), 'wijkdragers-import-bench-'));
    onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'buurten.geojson');
    const buurten = Number(values.buurten ?? NATIONAL_DEFAULTS.buurten);
    const crs = values.crs === 'wgs84' ? 'EPSG:4326' : 'EPSG:28992';
    log(`Generating ${buurten} buurten (${crs})…`);
    const t0 = performance.now();
    const written = await writeNationalFile(file, { buurten, crs }, rdToWgs84);
    const generatedS = (performance.now() - t0) / 1000;
    const mb = statSync(file).size / 1e6;
    log(`${file}: ${s1(mb)} MB in ${s1(generatedS)} s`);

    const tsx = ['--import', 'tsx', self];
    const parse = await measure('bare streaming parse', [...tsx, '--baseline', 'stream', file], {});
    const json = await measure('JSON.parse', [...tsx, '--baseline', 'json', file], {});
    const pipeline = await measure(
      'stream-json pipeline',
      [...tsx, '--baseline', 'pipeline', file],
      {},
    );
    const checked = await measure('checks', [...tsx, '--baseline', 'check', file], {});
    const check = JSON.parse(checked.stdout) as {
      features: number;
      checkMs: number;
      invalid: number;
    };
    if (check.invalid)
      throw new Error(`${check.invalid} generated buurten failed the geometry checks`);
    log(
      `baselines: parse ${s1(parse.wallS)} s, JSON.parse ${s1(json.wallS)} s, checks ${Math.round(check.checkMs)} ms`,
    );

    const runs: Measured[] = [];
    for (const dialect of dialects)
      runs.push(...(await runDialect(dialect, file, dir, pgUrl, written.buurten)));
    const text = section({
      argv,
      note: values.note,
      load: [load0, loadavg()[0] ?? 0],
      file: { mb, buurten: written.buurten, crs, generatedS },
      parse,
      json,
      pipeline,
      check,
      runs,
    });
    process.stdout.write(text);
    if (!values['print-only']) {
      appendFileSync(resultsFile, text);
      log(`\nAppended to ${resultsFile}`);
    }
    const missed = runs.filter((r) => r.wallS >= TARGET_S || r.peakMb >= TARGET_MB);
    return missed.length ? 1 : 0;
  } catch (err) {
    if (!wasInterrupted())
      process.stderr.write(`\nbench failed: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  } finally {
    await runCleanup();
  }
}

process.exitCode = await main(process.argv.slice(2));
