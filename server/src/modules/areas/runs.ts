import { newId } from '../../auth/crypto.ts';
import { assertCan } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { ImportRunsTable } from '../../db/types.ts';
import { AppError, conflict, notFound, problem, type Problem } from '../../http/problem.ts';
import {
  checkYear,
  importAreaSource,
  memorySource,
  type AreaImportPreview,
  type AreaImportReport,
} from './import-service.ts';
import type { CrsName } from './import/crs.ts';
import type { AreaImportProgress } from './import/pipeline.ts';
import { isObject } from './import/feature.ts';
import {
  failRunningRuns,
  findRun,
  finishRun,
  insertRun,
  runningRun,
  updateRunProgress,
} from './runs-repo.ts';

/**
 * Area imports in the background of the server process (the admin UI's "confirm" step): the run
 * is stored in import_runs, the import itself is the same all-or-nothing `importAreaSource` (one
 * transaction; it yields to the event loop between chunks). Progress counts each feature twice,
 * once checked and once written (`total` = 2 × features; a dry run checks only). The live count is
 * kept in memory and written to the row about once a second while checking and at the end; the
 * write transaction is not interrupted for it (SQLite has one connection).
 *
 * On shutdown running imports are aborted (rolled back) and recorded as failed; a run still
 * 'running' when a server starts was cut off by a stop or crash and is marked failed then.
 * Deployments with several server processes share the table: start-up then also fails the runs of
 * the other processes, so run imports on one of them (documented in the README).
 */

export interface RunInput {
  geojson: unknown;
  year: number;
  crs?: CrsName | undefined;
  dryRun?: boolean | undefined;
}

export interface RunView {
  id: string;
  status: ImportRunsTable['status'];
  done: number;
  total: number | null;
  createdAt: string;
  finishedAt: string | null;
  report?: AreaImportReport | AreaImportPreview;
  problem?: Problem;
}

interface LiveRun {
  workspaceId: string;
  done: number;
  total: number | null;
  controller: AbortController;
  task: Promise<void>;
}

const live = new WeakMap<AppContext, Map<string, LiveRun>>();
const runsOf = (ctx: AppContext) => {
  let m = live.get(ctx);
  if (!m) live.set(ctx, (m = new Map()));
  return m;
};

const PERSIST_MS = 1000;
const KIND = 'areas';

export const interruptedProblem = (): Problem =>
  problem(
    503,
    'import_interrupted',
    'The server stopped during the import; nothing was imported. Start the import again.',
  );

function problemOf(ctx: AppContext, err: unknown, signal: AbortSignal): Problem {
  if (signal.aborted) return interruptedProblem();
  if (err instanceof AppError)
    return problem(err.status, err.code, err.message, undefined, err.errors);
  const e = err as Error;
  ctx.log.error(
    { err: { type: e.name, message: e.message, stack: e.stack } },
    'area import run failed',
  );
  return problem(500, 'internal_error', 'The import failed on our side; nothing was imported.');
}

async function execute(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  id: string,
  input: RunInput,
  run: LiveRun,
): Promise<void> {
  const features = run.total === null ? 0 : input.dryRun ? run.total : run.total / 2;
  let persisted = performance.now();
  const onProgress = async (p: AreaImportProgress) => {
    run.done =
      Math.min(features, p.unit === 'features' ? p.done : 0) +
      (p.phase === 'writing' ? features : 0);
    if (p.phase === 'writing' || performance.now() - persisted < PERSIST_MS) return;
    persisted = performance.now();
    await updateRunProgress(ctx.db, workspaceId, id, run.done);
  };
  const signal = run.controller.signal;
  let set: Pick<ImportRunsTable, 'status' | 'done' | 'report' | 'finished_at'>;
  try {
    const report = await importAreaSource(ctx, actor, workspaceId, memorySource(input.geojson), {
      year: input.year,
      crs: input.crs,
      dryRun: input.dryRun,
      onProgress,
      signal,
    });
    set = {
      status: 'succeeded',
      done: run.total ?? 0,
      report: JSON.stringify(report),
      finished_at: null,
    };
  } catch (err) {
    set = {
      status: 'failed',
      done: run.done,
      report: JSON.stringify(problemOf(ctx, err, signal)),
      finished_at: null,
    };
  }
  set.finished_at = nowIso(ctx);
  await finishRun(ctx.db, workspaceId, id, set);
}

/**
 * Starts an import run and returns at once (202). One run at a time per workspace: another while
 * one is running answers 409. The body was parsed already; checks happen in the run.
 */
export async function startAreaImportRun(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  input: RunInput,
): Promise<RunView> {
  assertCan(actor, 'areas.manage', workspaceId);
  checkYear(input.year);
  const busy = await runningRun(ctx.db, workspaceId, KIND);
  if (busy)
    throw conflict('import_running', `An area import is running in this workspace (${busy.id}).`);
  const features =
    isObject(input.geojson) && Array.isArray(input.geojson.features)
      ? input.geojson.features.length
      : null;
  const row: ImportRunsTable = {
    id: newId(),
    workspace_id: workspaceId,
    kind: KIND,
    status: 'running',
    total: features === null ? null : input.dryRun ? features : 2 * features,
    done: 0,
    report: null,
    created_by: actor.kind === 'user' ? actor.userId : null,
    created_at: nowIso(ctx),
    finished_at: null,
  };
  await insertRun(ctx.db, row);
  const run: LiveRun = {
    workspaceId,
    done: 0,
    total: row.total,
    controller: new AbortController(),
    task: Promise.resolve(),
  };
  const runs = runsOf(ctx);
  runs.set(row.id, run);
  run.task = execute(ctx, actor, workspaceId, row.id, input, run)
    .catch((err: unknown) => {
      const e = err as Error;
      ctx.log.error(
        { err: { type: e.name, message: e.message } },
        'recording an area import run failed',
      );
    })
    .finally(() => runs.delete(row.id));
  return viewOf(row);
}

function viewOf(row: ImportRunsTable, liveRun?: LiveRun): RunView {
  const view: RunView = {
    id: row.id,
    status: row.status,
    done: liveRun?.done ?? row.done,
    total: row.total,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
  if (row.report && row.status === 'succeeded')
    view.report = JSON.parse(row.report) as AreaImportReport | AreaImportPreview;
  if (row.report && row.status === 'failed') view.problem = JSON.parse(row.report) as Problem;
  return view;
}

export async function getAreaImportRun(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  runId: string,
): Promise<RunView> {
  assertCan(actor, 'areas.manage', workspaceId);
  const row = await findRun(ctx.db, workspaceId, KIND, runId);
  if (!row) throw notFound('No such import run.');
  const liveRun = runsOf(ctx).get(runId);
  return viewOf(row, row.status === 'running' ? liveRun : undefined);
}

/** At start-up: runs left 'running' by a stopped process are marked failed. */
export async function failInterruptedRuns(ctx: AppContext): Promise<number> {
  const n = await failRunningRuns(ctx.db, KIND, JSON.stringify(interruptedProblem()), nowIso(ctx));
  if (n) ctx.log.warn({ runs: n }, 'area import runs left running were marked failed');
  return n;
}

/** Resolves when every run of this process has finished (tests; shutdown). */
export async function areaImportRunsSettled(ctx: AppContext): Promise<void> {
  await Promise.all([...runsOf(ctx).values()].map((r) => r.task));
}

/** On shutdown: aborts the running imports (rolled back, recorded failed) and waits for them. */
export async function stopAreaImportRuns(ctx: AppContext): Promise<void> {
  for (const r of runsOf(ctx).values()) r.controller.abort();
  await areaImportRunsSettled(ctx);
}
