import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoLogins } from '../server/src/demo/seed.ts';
import { parseOptions, usage, UsageError, type BenchOptions } from './args.ts';
import {
  createPostgres,
  createSqlite,
  waitForStartupJobs,
  type Dialect,
  type SeededDatabase,
} from './database.ts';
import { directoryTargets } from './directory-targets.ts';
import { networkTargets } from './network-targets.ts';
import { signalsTargets } from './signals-targets.ts';
import { supportTargets, timeOneByOne } from './support-targets.ts';
import {
  childEnv,
  chooseDialects,
  gitCommit,
  helloScript,
  log,
  resultsFile,
  root,
  serverBin,
} from './setup.ts';
import { check, login, measure, type Measurement, type Target } from './measure.ts';
import {
  assertAlive,
  cpuMs,
  freePort,
  installSignalHandlers,
  onCleanup,
  runCleanup,
  startNode,
  stop,
  waitForHttp,
  waitForLine,
  wasInterrupted,
  type Child,
} from './processes.ts';
import { appendResults, printPass, type Pass, type Row } from './report.ts';

/**
 * `npm run bench`: seeds a fresh database per dialect, starts the real server and a bare node:http
 * hello-world as separate processes, and measures each endpoint between two ceiling runs.
 */

const admin = demoLogins.find((l) => l.role === 'admin');

async function startServer(db: SeededDatabase, dataDir: string, secret: string) {
  const port = await freePort();
  const server = startNode(
    `server (${db.dialect})`,
    [serverBin, 'serve'],
    childEnv({
      DATABASE_URL: db.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://localhost:${port}`,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SESSION_SECRET: secret,
      DATA_DIR: dataDir,
      // Never used by GET requests; set so production configuration is complete.
      SMTP_URL: 'smtp://127.0.0.1:2525',
      // Research keys, required in production; benchmarks never read research data.
      RESEARCH_PSEUDONYM_KEY: 'b'.repeat(40),
      FIELD_ENCRYPTION_KEY: 'b'.repeat(64),
    }),
    root,
  );
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(server, `${base}/readyz`);
  return { server, base };
}

async function targetsFor(
  base: string,
  db: SeededDatabase,
  options: BenchOptions,
): Promise<{ targets: Target[]; notes: string[] }> {
  if (!admin) throw new Error('the demo generator has no admin login');
  // As a browser asks: cached answers go out gzipped to clients that accept it.
  const headers = {
    cookie: await login(base, admin.email, admin.password),
    'accept-encoding': 'gzip',
  };
  if (options.suite === 'directory') {
    const { targets, notes } = await directoryTargets(base, headers);
    for (const [target, expect] of targets) await check(target, expect);
    return { targets: targets.map(([target]) => target), notes };
  }
  if (options.suite === 'signals' || options.suite === 'network') {
    const suite = options.suite === 'signals' ? signalsTargets : networkTargets;
    const { targets, notes } = await suite(base, headers);
    for (const [target, expect] of targets) await check(target, expect);
    return { targets: targets.map(([target]) => target), notes };
  }
  if (options.suite === 'support') {
    const { targets, single, notes } = await supportTargets(base, headers);
    for (const [target, expect] of targets) await check(target, expect);
    const one = await timeOneByOne(single);
    notes.push(
      `${single.name} one request at a time (300 after 20 warm-ups): p50 ${one.p50.toFixed(1)} ms, ` +
        `p99 ${one.p99.toFixed(1)} ms (target ≤ 50 ms).`,
    );
    return { targets: targets.map(([target]) => target), notes };
  }
  const targets: [Target, (body: unknown) => string | undefined][] = [
    [{ name: 'GET /healthz', url: `${base}/healthz` }, () => undefined],
    [
      { name: 'GET /api/v1/me', url: `${base}/api/v1/me`, headers },
      (b) => ((b as { email?: string }).email === admin.email ? undefined : 'not the admin'),
    ],
    [
      {
        name: 'GET /api/v1/workspaces/demo/members?page=1&pageSize=20',
        url: `${base}/api/v1/workspaces/demo/members?page=1&pageSize=20`,
        headers,
      },
      (b) => {
        const { total, items } = b as { total?: number; items?: unknown[] };
        const want = Math.min(20, db.members);
        return total === db.members && items?.length === want
          ? undefined
          : `expected ${want} of ${db.members} members, got ${items?.length} of ${total}`;
      },
    ],
  ];
  for (const [target, expect] of targets) await check(target, expect);
  return { targets: targets.map(([target]) => target), notes: [] };
}

async function runPass(
  dialect: Dialect,
  options: BenchOptions,
  dir: string,
  secret: string,
  ceiling: Target,
  hello: Child,
): Promise<Pass> {
  log(`[${dialect}] creating and seeding a ${options.scale} database…`);
  const db =
    dialect === 'sqlite'
      ? await createSqlite(dir, options.scale, secret)
      : await createPostgres(options.pgUrl, dir, options.scale, secret);
  log(
    `[${dialect}] ${db.members} members; migrate ${(db.migrateMs / 1000).toFixed(1)} s, ` +
      `seed ${(db.seedMs / 1000).toFixed(1)} s`,
  );
  const { server, base } = await startServer(db, dir, secret);
  const { targets, notes } = await targetsFor(base, db, options);
  const waited = await waitForStartupJobs(db);
  notes.push(
    `Measured after the server's startup jobs had finished (waited ${(waited / 1000).toFixed(1)} s after the first requests).`,
  );
  const load = {
    connections: options.connections,
    duration: options.duration,
    warmup: options.warmup,
  };
  const step = async (target: Target): Promise<Measurement> => {
    log(`[${dialect}] ${target.name}`);
    const child = target === ceiling ? hello : server;
    const m = await measure(target, load, () => cpuMs(child.process.pid));
    assertAlive(server);
    assertAlive(hello);
    return m;
  };
  const ceilings = [await step(ceiling)];
  const rows: Row[] = targets.map((t) => ({ name: t.name, runs: [], ratios: [] }));
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, target] of targets.entries()) {
      const measurement = await step(target);
      const before = ceilings[ceilings.length - 1]?.reqPerSec ?? 0;
      const after = await step(ceiling);
      ceilings.push(after);
      rows[i]?.runs.push(measurement);
      rows[i]?.ratios.push(measurement.reqPerSec / ((before + after.reqPerSec) / 2));
    }
  }
  await stop(server);
  return {
    dialect,
    members: db.members,
    seedMs: db.seedMs,
    rounds: options.rounds,
    ceilings,
    rows,
    notes,
  };
}

function commandLine(argv: string[]): string {
  const args = argv.join(' ');
  return process.env.npm_lifecycle_event === 'bench'
    ? `npm run bench${args ? ` -- ${args}` : ''}`
    : `node --import tsx bench/run.ts${args ? ` ${args}` : ''}`;
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    const parsed = parseOptions(argv);
    if (parsed === 'help') {
      process.stdout.write(usage);
      return 0;
    }
    options = parsed;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n\n${usage}`);
    return 2;
  }
  installSignalHandlers();
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const dialects = await chooseDialects(options);
    const dir = mkdtempSync(join(tmpdir(), 'wijkdragers-bench-'));
    onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
    const secret = randomBytes(48).toString('base64url');
    const hello = startNode('hello-world', ['--import', 'tsx', helloScript], childEnv({}), root);
    const ceiling: Target = {
      name: 'hello-world',
      url: `http://127.0.0.1:${await waitForLine(hello, /listening (\d+)/)}/`,
    };
    const passes: Pass[] = [];
    for (const dialect of dialects) {
      const pass = await runPass(dialect, options, dir, secret, ceiling, hello);
      printPass(pass);
      passes.push(pass);
    }
    const failed = passes.flatMap((p) =>
      [...p.ceilings, ...p.rows.flatMap((r) => r.runs)]
        .filter((m) => m.failures > 0)
        .map(
          (m) =>
            `${p.dialect} ${m.name}: ${m.failures} failures, status codes ${JSON.stringify(m.statusCodes)}`,
        ),
    );
    if (failed.length) {
      process.stderr.write(
        `\nNot every response was 2xx; results not recorded:\n${failed.join('\n')}\n`,
      );
      return 1;
    }
    if (!options.printOnly) {
      appendResults(
        resultsFile,
        {
          date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          command: commandLine(argv),
          node: process.version,
          cpu: cpus()[0]?.model ?? 'unknown',
          cores: cpus().length,
          commit: gitCommit(),
          load: [loadBefore, loadavg()[0] ?? 0],
          ...options,
        },
        passes,
      );
      log(`\nAppended to ${resultsFile}`);
    }
    return 0;
  } catch (err) {
    if (!wasInterrupted()) {
      process.stderr.write(`\nbench failed: ${(err as Error).stack ?? String(err)}\n`);
    }
    return 1;
  } finally {
    await runCleanup();
  }
}

process.exitCode = await main(process.argv.slice(2));
