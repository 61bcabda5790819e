import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { detectOverlaps } from '../server/src/analytics/overlap/index.ts';
import { mulberry32 } from '../server/src/analytics/network/random.ts';
import { loadConfig } from '../server/src/config.ts';
import { systemClock, type Actor, type AppContext } from '../server/src/context.ts';
import { analyze, openDatabase, type Db } from '../server/src/db/dialect.ts';
import type { Scale } from '../server/src/demo/seed.ts';
import { changeActivity } from '../server/src/modules/activities/service.ts';
import { bumpDirectoryVersion } from '../server/src/modules/records/version.ts';
import { detectSignals } from '../server/src/modules/signals/detect.ts';
import { loadOverlapInput } from '../server/src/modules/signals/input.ts';
import { createTie } from '../server/src/modules/ties/service.ts';
import { createPostgres, createSqlite } from './database.ts';
import { onCleanup, runCleanup } from './processes.ts';
import { median } from './report.ts';

/**
 * Overlap detection from the database (`node --import tsx bench/overlap.ts --db
 * sqlite|postgres|both [--db-scale demo|municipality|national] [--edits n]`): the signals
 * module's `detectSignals` on the demo generator's workspace, a fresh database per dialect.
 *
 * - first: the workspace's first detection (every signal, its event and the notifications
 *   inserted in one transaction);
 * - full: a full re-score of unchanged facts, as the first run of a new day does (read
 *   everything, detect, compare, write what the new day moved);
 * - incremental: the run after one edit (the median and slowest of `--edits`, default 15,
 *   cycling through an activity's hours, an activity's areas and a new tension tie, each through
 *   the services, as the API makes them); this is how signals are kept current;
 * - baseline, side by side: `detectOverlaps` over the whole workspace's input already in memory
 *   (median of 5), the analytics alone; the ratios compare the two database runs with it.
 */

/** The edits' author: the system, as an import or a job writes. */
const system: Actor = { kind: 'system' };

interface Timed<T> {
  ms: number;
  cpuMs: number;
  blockMs: number;
  value: T;
}

/** Wall and CPU time of `f`, and the longest gap between two turns of the event loop. */
async function timedAsync<T>(f: () => Promise<T>): Promise<Timed<T>> {
  let last = performance.now();
  let blockMs = 0;
  let on = true;
  const turn = () => {
    const t = performance.now();
    if (t - last > blockMs) blockMs = t - last;
    last = t;
    if (on) setImmediate(turn);
  };
  setImmediate(turn);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await f();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  await new Promise((r) => setImmediate(r)); // the gap up to the end
  on = false;
  return { ms, cpuMs: (c.user + c.system) / 1000, blockMs, value };
}

const commit = () => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

const ms = (x: number) => x.toFixed(x < 10 ? 1 : 0);

type ActivityRef = { id: string; actor_id: string };

/** The edits, in turn: an activity's hours, its areas, a tension tie from its actor to another. */
async function edit(
  ctx: AppContext,
  ws: string,
  k: number,
  rnd: () => number,
  activities: readonly ActivityRef[],
  buurten: readonly string[],
) {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const act = pick(activities);
  if (k % 3 === 0)
    await changeActivity(ctx, system, ws, act.id, { hoursPerWeek: 1 + Math.floor(rnd() * 30) });
  else if (k % 3 === 1)
    await changeActivity(ctx, system, ws, act.id, { areaIds: [pick(buurten), pick(buurten)] });
  else {
    let other = pick(activities);
    while (other.actor_id === act.actor_id) other = pick(activities);
    await createTie(ctx, system, ws, {
      fromActorId: act.actor_id,
      toActorId: other.actor_id,
      type: 'tension',
      directed: false,
      intensity: 'awareness',
      startDate: '2026-01-01',
    });
  }
}

/** Makes the next run a full one, as on a new day: the last detection dated yesterday. */
async function asOfYesterday(db: Db, ws: string) {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  await db
    .updateTable('overlap_settings')
    .set({ detected_at: yesterday })
    .where('workspace_id', '=', ws)
    .execute();
  await bumpDirectoryVersion(db, ws);
}

export async function dbSection(
  which: string,
  argOf: (name: string) => string | undefined,
): Promise<string> {
  const pgUrl =
    argOf('--pg-url') ??
    process.env.BENCH_PG_URL ??
    process.env.TEST_PG_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const dbScale = (argOf('--db-scale') ?? 'municipality') as Scale;
  const edits = Number(argOf('--edits') ?? 15);
  const start = loadavg()[0]!;
  const out: string[] = [];
  const seeds: string[] = [];
  try {
    for (const dialect of which === 'both' ? ['sqlite', 'postgres'] : [which]) {
      const dir = mkdtempSync(join(tmpdir(), 'overlap-db-'));
      onCleanup(() => rm(dir, { recursive: true, force: true }));
      const secret = randomBytes(32).toString('hex');
      const seeded =
        dialect === 'sqlite'
          ? await createSqlite(dir, dbScale, secret)
          : await createPostgres(pgUrl, dir, dbScale, secret);
      seeds.push(`${dialect} seeded in ${(seeded.seedMs / 1000).toFixed(1)} s`);
      const handle = openDatabase(seeded.url);
      try {
        const config = loadConfig({
          DATABASE_URL: seeded.url,
          DATA_DIR: dir,
          SESSION_SECRET: secret,
          LOG_LEVEL: 'warn',
        });
        const log = pino({ level: 'warn' });
        const ctx = { config, db: handle.db, clock: systemClock, log } as unknown as AppContext;
        const ws = (
          await handle.db
            .selectFrom('workspaces')
            .select('id')
            .where('slug', '=', 'demo')
            .executeTakeFirstOrThrow()
        ).id;
        const buurten = (
          await handle.db
            .selectFrom('areas')
            .select('id')
            .where('workspace_id', '=', ws)
            .where('level', '=', 'buurt')
            .execute()
        ).map((a) => a.id);

        const first = await timedAsync(() => detectSignals(ctx, ws));
        // PostgreSQL's autovacuum gathers statistics on the tens of thousands of new signals
        // within a minute; measure that steady state, not plans made for an empty table.
        await analyze(handle.db);
        await asOfYesterday(handle.db, ws);
        const full = await timedAsync(() => detectSignals(ctx, ws));
        if (full.value.incremental) throw new Error('expected a full run');

        const activities = await handle.db
          .selectFrom('activities')
          .select(['id', 'actor_id'])
          .where('workspace_id', '=', ws)
          .orderBy('id')
          .execute();
        const rnd = mulberry32(20261207);
        const runs: Timed<Awaited<ReturnType<typeof detectSignals>>>[] = [];
        for (let k = 0; k < edits; k++) {
          await edit(ctx, ws, k, rnd, activities, buurten);
          const r = await timedAsync(() => detectSignals(ctx, ws));
          if (!r.value.incremental) throw new Error('expected an incremental run');
          runs.push(r);
        }

        const today = new Date().toISOString().slice(0, 10);
        const input = await loadOverlapInput(handle.db, ws, today);
        const base: Timed<number>[] = [];
        for (let k = 0; k < 6; k++) {
          const r = await timedAsync(
            async () => detectOverlaps(input, { asOf: today }).signals.length,
          );
          if (k > 0) base.push(r); // the first warms up
        }
        const inc = { ms: median(runs.map((r) => r.ms)), cpu: median(runs.map((r) => r.cpuMs)) };
        const slowest = Math.max(...runs.map((r) => r.ms));
        const baseMs = median(base.map((r) => r.ms));
        out.push(
          [
            dialect,
            dbScale,
            `${input.activities.length.toLocaleString('en')} / ${input.actors.length.toLocaleString('en')}`,
            first.value.found.toLocaleString('en'),
            `${ms(first.ms)} / ${ms(first.cpuMs)}`,
            `${ms(full.ms)} / ${ms(full.cpuMs)} / ${ms(full.blockMs)}`,
            `${ms(inc.ms)} / ${ms(inc.cpu)} / ${ms(slowest)}`,
            `${Math.round(median(runs.map((r) => r.value.found)))}`,
            `${ms(baseMs)} / ${ms(median(base.map((r) => r.cpuMs)))}`,
            `${(inc.ms / baseMs).toFixed(3)}`,
            `${(inc.ms / full.ms).toFixed(3)}`,
          ].join(' | '),
        );
        process.stderr.write(`| ${out.at(-1)} |\n`);
      } finally {
        await handle.destroy();
      }
    }
  } finally {
    await runCleanup();
  }
  const now = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return [
    '',
    `## ${now} UTC, overlap detection from the database (signals module, in-process)`,
    '',
    `- Command: \`node --import tsx bench/overlap.ts ${process.argv.slice(2).join(' ')}\``,
    `- Node ${process.version}; CPU ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores); commit ${commit()}`,
    `- Load average (1 min) ${start.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end; ${seeds.join(', ')}`,
    `- \`detectSignals\` on the demo generator's scale \`${dbScale}\`, default threshold. first = the first detection (every signal stored; then ANALYZE, as autovacuum would within a minute); full = a full re-score as the first run of a day does; incremental = the run after one edit through the services (${edits} edits: an activity's hours, its areas, a new tension tie, in turn), the run that keeps signals current; baseline = \`detectOverlaps\` over the whole workspace's input in memory (no database), median of 5. Wall / CPU / longest event-loop block in ms; CPU = this process (PostgreSQL's own not included)`,
    '',
    '| Database | scale | activities / actors | signals | first: wall / CPU | full: wall / CPU / block | incremental: median wall / CPU / slowest wall | incremental: signals re-scored (median) | baseline in memory: wall / CPU | incremental / baseline (wall) | incremental / full (wall) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...out.map((r) => `| ${r} |`),
    '',
  ].join('\n');
}
