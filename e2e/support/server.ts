import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

/**
 * Starts the real Wijkdragers server as a child process (`wijkdragers serve --demo`) on a free
 * port, with a throw-away SQLite database and its outgoing mail going to a local SMTP sink.
 */

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const CLI = join(ROOT, 'server/bin/wijkdragers.mjs');
const WEB_INDEX = join(ROOT, 'web/dist/index.html');

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

export interface TestServer {
  url: string;
  sink: SmtpSink;
  /** Demo logins by role, as the server printed them at start. */
  logins: Record<string, DemoLogin>;
  login(role: string): DemoLogin;
  /** Everything the server wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Runs `wijkdragers <args>` on the server's database and settings, as an operator would. */
  cli(args: string[]): Promise<{ code: number | null; output: string }>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** Parses the block the server prints after seeding: `  <role> <email> <password>`. */
export function parseDemoLogins(stdout: string): Record<string, DemoLogin> {
  const logins: Record<string, DemoLogin> = {};
  const start = stdout.indexOf('Demo logins');
  if (start < 0) return logins;
  for (const line of stdout.slice(start).split('\n').slice(1)) {
    const m = /^\s+(\S+)\s+(\S+@\S+)\s+(\S+)\s*$/.exec(line);
    if (!m) break;
    const [, role, email, password] = m as unknown as [string, string, string, string];
    logins[role] = { role, email, password };
  }
  return logins;
}

export async function startServer(): Promise<TestServer> {
  if (!existsSync(WEB_INDEX)) {
    throw new Error(
      `${WEB_INDEX} is missing: build the web app first (\`npm run build -w web\`), ` +
        'or run everything with `npm test`.',
    );
  }
  // The free port is probed before the server binds it; if another process takes it in between,
  // try again on a new one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce();
    } catch (err) {
      if (attempt >= 3 || !String(err).includes('EADDRINUSE')) throw err;
    }
  }
}

async function startServerOnce(): Promise<TestServer> {
  const sink = await startSmtpSink();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'wijkdragers-e2e-'));
  const url = `http://localhost:${port}`;
  let out = '';
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: url,
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    JOB_POLL_MS: '200',
    LOG_LEVEL: 'warn',
  };
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--demo'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const cli = (args: string[]) =>
    new Promise<{ code: number | null; output: string }>((resolveRun, reject) => {
      let output = '';
      const run = spawn(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      run.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      run.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      run.once('error', reject);
      run.once('exit', (code) => resolveRun({ code, output }));
    });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  // If the test worker ends without afterAll (crash, timeout), do not leave the server running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForReady(url, exited, () => out);
  } catch (err) {
    await stop();
    throw err;
  }
  const logins = parseDemoLogins(out);
  if (!logins.admin) {
    await stop();
    throw new Error(`The server printed no demo logins. Output:\n${out}`);
  }
  return {
    url,
    sink,
    logins,
    login(role) {
      const found = logins[role];
      if (!found)
        throw new Error(`No demo login for role ${role}; have ${Object.keys(logins).join(', ')}`);
      return found;
    },
    output: () => out,
    cli,
    stop,
  };
}

async function waitForReady(
  url: string,
  exited: Promise<number | null>,
  output: () => string,
): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code ?? -1));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(
        `The server exited with code ${exitCode} before it was ready. Output:\n${output()}`,
      );
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`The server was not ready within 60 s. Output:\n${output()}`);
}
