import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * Child processes and clean-up. Every child and every temporary resource registers a clean-up
 * task; they run in reverse order at the end, on failure, and on SIGINT/SIGTERM. A last synchronous
 * SIGKILL on `exit` makes sure no child outlives the benchmark.
 */

type Task = () => Promise<void>;
const tasks: Task[] = [];
const children = new Set<ChildProcess>();

export function onCleanup(task: Task): void {
  tasks.push(task);
}

let running: Promise<void> | undefined;
let interrupted = false;

/** Runs every registered task once; concurrent callers (a signal during a run) share one pass. */
export function runCleanup(): Promise<void> {
  running ??= (async () => {
    for (let task = tasks.pop(); task; task = tasks.pop()) {
      try {
        await task();
      } catch (err) {
        process.stderr.write(`clean-up failed: ${(err as Error).message}\n`);
      }
    }
    running = undefined;
  })();
  return running;
}

export const wasInterrupted = (): boolean => interrupted;

export function installSignalHandlers(): void {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      interrupted = true;
      process.stderr.write(`\n${signal}: cleaning up…\n`);
      void runCleanup().finally(() => process.exit(code));
    });
  }
  process.once('exit', () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  });
}

export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** The last lines the child wrote, shown when it fails. */
  output(): string;
}

/** Starts `node <args>` and registers it for clean-up. Output is kept, not printed. */
export function startNode(
  name: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Child {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const handle: Child = { name, process: child, output: () => lines.join('\n') };
  onCleanup(() => stop(handle));
  return handle;
}

export function assertAlive(child: Child): void {
  if (child.process.exitCode !== null || child.process.signalCode !== null) {
    throw new Error(`${child.name} exited unexpectedly:\n${child.output()}`);
  }
}

/** SIGTERM, then SIGKILL after five seconds. */
export async function stop(child: Child): Promise<void> {
  const p = child.process;
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
  p.kill('SIGTERM');
  const timer = setTimeout(() => p.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Resolves with the first stdout line matching `pattern` (its first group), or fails. */
export function waitForLine(child: Child, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${child.name} did not start in time:\n${child.output()}`)),
      timeoutMs,
    );
    child.process.stdout?.on('data', (chunk: Buffer) => {
      const match = pattern.exec(chunk.toString('utf8'));
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? match[0]);
      }
    });
    child.process.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`${child.name} exited during start:\n${child.output()}`));
    });
  });
}

/** Polls `url` until it answers 200, the child exits, or the time runs out. */
export async function waitForHttp(child: Child, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    assertAlive(child);
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `${child.name} was not ready at ${url} within ${timeoutMs} ms:\n${child.output()}`,
  );
}

/** A port that was free a moment ago (the server needs it up front for PUBLIC_URL). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux; USER_HZ is 100
 * there); undefined elsewhere. CPU per request is steadier than req/s on a busy machine.
 */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
