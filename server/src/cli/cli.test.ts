import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { verifyPassword } from '../auth/crypto.ts';
import { openDatabase } from '../db/dialect.ts';
import { demoLogins } from '../demo/seed.ts';
import { createWorkspace } from '../modules/workspaces/service.ts';
import {
  createTestDatabase,
  describeEachDialect,
  testConfig,
  type TestDatabase,
} from '../../test/harness.ts';
import { migrations } from '../db/migrations/index.ts';
import { commands } from './commands.ts';

/** Each test starts real CLI processes (~1 s of CPU each): more time than the default on a busy CI box. */
const SLOW = 120_000;
const BIN = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../bin/wijkdragers.mjs');
const CONFIG_VARS = [
  'DATABASE_URL',
  'DATA_DIR',
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'SESSION_SECRET',
  'SMTP_URL',
  'MAIL_FROM',
  'LOG_LEVEL',
  'TRUST_PROXY',
  'JOB_POLL_MS',
  'NODE_ENV',
];

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node server/bin/wijkdragers.mjs …` with only the given configuration in its environment. */
function cli(
  args: string[],
  env: Record<string, string>,
  input = '',
  nodeOptions: string[] = [],
): Promise<Result> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !CONFIG_VARS.includes(k)),
  );
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...nodeOptions, BIN, ...args], {
      env: { ...base, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/**
 * Node options that append the URL of every module of server/src the process loads to `file`,
 * through a module hook (data: URLs, so the test needs no helper file).
 */
function traceModules(file: string): string[] {
  const hooks = `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.includes('/server/src/')) appendFileSync(${JSON.stringify(file)}, url + '\\n');
  return next(url, context);
}`;
  const register = `import { register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  return ['--import', `data:text/javascript,${encodeURIComponent(register)}`];
}

/** The server/src modules listed by traceModules, relative to server/src. */
const loadedModules = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((url) => url.replace(/^.*\/server\/src\//, ''));

/** All that `--help` and an argument the parser refuses may load: no command's implementation. */
const COMMAND_TABLE = ['main.ts', 'cli/args.ts', 'cli/commands.ts'];

let dir = '';
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wd-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh, empty database of the dialect (SQLite: a file in the temp folder). */
async function freshDb(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (dialect === 'postgres') return createTestDatabase('postgres');
  return { dialect, url: `sqlite:${join(dir, `cli-${++n}.db`)}`, drop: async () => undefined };
}
const envFor = (db: TestDatabase) => ({ DATABASE_URL: db.url, DATA_DIR: dir });

describe('wijkdragers CLI: help and usage errors', () => {
  it(
    '--help exits 0 for the CLI and for every command, loading only the command table',
    async () => {
      const env = { DATABASE_URL: `sqlite:${join(dir, 'help.db')}`, DATA_DIR: dir };
      const trace = (i: number) => join(dir, `help-${i}.modules`);
      const runs = await Promise.all([
        cli(['--help'], env, '', traceModules(trace(0))),
        ...commands.map((c, i) =>
          cli([...c.name.split(' '), '--help'], env, '', traceModules(trace(i + 1))),
        ),
      ]);
      expect(runs[0]?.code).toBe(0);
      for (const c of commands) expect(runs[0]?.stdout).toContain(c.name);
      commands.forEach((c, i) => {
        const r = runs[i + 1];
        expect(r?.code, `${c.name} --help: ${r?.stderr}`).toBe(0);
        expect(r?.stdout).toContain(`Usage: wijkdragers ${c.usage}`);
      });
      runs.forEach((_, i) => expect(loadedModules(trace(i)), trace(i)).toEqual(COMMAND_TABLE));
    },
    SLOW,
  );

  it(
    'bad arguments exit 2 with a message',
    async () => {
      const env = { DATABASE_URL: `sqlite:${join(dir, 'usage.db')}`, DATA_DIR: dir };
      const cases: [string[], RegExp][] = [
        [['frobnicate'], /Unknown command: frobnicate/],
        [['workspace', 'create', '--name', 'X', '--bogus'], /Unknown option '--bogus'/],
        [['workspace', 'create', '--name', 'X'], /Missing --gemeentecode/],
        [
          [
            'user',
            'create',
            '--email',
            'a@example.org',
            '--name',
            'A',
            '--workspace',
            'x',
            '--role',
            'king',
          ],
          /--role must be one of: admin, coordinator/,
        ],
        [['seed'], /Only --demo seeding exists/],
        [['backup'], /Give exactly one backup file/],
      ];
      const trace = (i: number) => join(dir, `usage-${i}.modules`);
      const runs = await Promise.all(
        cases.map(([args], i) => cli(args, env, '', traceModules(trace(i)))),
      );
      cases.forEach(([args, message], i) => {
        expect(runs[i]?.code, `${args.join(' ')}: ${runs[i]?.stderr}`).toBe(2);
        expect(runs[i]?.stderr).toMatch(message);
        expect(runs[i]?.stdout).toBe('');
      });
      // An unknown command or option is refused before any command's code is loaded.
      expect(loadedModules(trace(0))).toEqual(COMMAND_TABLE);
      expect(loadedModules(trace(1))).toEqual(COMMAND_TABLE);
    },
    SLOW,
  );

  it(
    'an invalid configuration is reported in full before anything runs',
    async () => {
      const r = await cli(['migrate'], { DATABASE_URL: 'mysql://db', PORT: 'x', DATA_DIR: dir });
      expect(r.code).toBe(78);
      expect(r.stderr).toMatch(/DATABASE_URL: /);
      expect(r.stderr).toMatch(/PORT: /);
    },
    SLOW,
  );
});

describeEachDialect('wijkdragers CLI', (dialect) => {
  let db: TestDatabase;
  const dbs: TestDatabase[] = [];
  beforeAll(async () => {
    db = await freshDb(dialect);
    dbs.push(db);
  });
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it(
    'migrate: three processes at once on a fresh database apply the migrations exactly once',
    async () => {
      const runs = await Promise.all([1, 2, 3].map(() => cli(['migrate'], envFor(db))));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      expect(runs.map((r) => r.stdout.trim()).sort()).toEqual([
        `Applied: ${Object.keys(migrations).join(', ')}`,
        'Nothing to do.',
        'Nothing to do.',
      ]);
    },
    SLOW,
  );

  it(
    'creates a workspace and an admin, and prints a token that authenticates',
    async () => {
      const ws = await cli(
        ['workspace', 'create', '--name', 'Gemeente Alkmaar', '--gemeentecode', 'GM0361'],
        envFor(db),
      );
      expect(ws.code, ws.stderr).toBe(0);
      expect(ws.stdout).toBe('gemeente-alkmaar\n');

      const password = 'een lang wachtwoord voor beheer';
      const user = await cli(
        [
          'user',
          'create',
          '--email',
          'Beheer@Alkmaar.nl',
          '--name',
          'Beheer Alkmaar',
          '--workspace',
          'gemeente-alkmaar',
          '--role',
          'admin',
        ],
        envFor(db),
        `${password}\n`,
      );
      expect(user.code, user.stderr).toBe(0);
      expect(user.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);

      const token = await cli(
        ['token', 'create', '--email', 'beheer@alkmaar.nl', '--workspace', 'gemeente-alkmaar'],
        envFor(db),
      );
      expect(token.code, token.stderr).toBe(0);
      expect(token.stdout).toMatch(/^wd_[A-Za-z0-9_-]{43}\n$/);

      const handle = openDatabase(db.url);
      const { app, ctx } = await buildApp(testConfig(db.url), {
        database: handle,
        logStream: new Writable({ write: (_c, _e, cb) => cb() }),
      });
      try {
        const row = await ctx.db
          .selectFrom('users')
          .selectAll()
          .where('id', '=', user.stdout.trim())
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({ email: 'beheer@alkmaar.nl', display_name: 'Beheer Alkmaar' });
        expect(await verifyPassword(row.password_hash, password)).toBe(true);

        const headers = { authorization: `Bearer ${token.stdout.trim()}` };
        const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers });
        expect(me.statusCode, me.body).toBe(200);
        expect(me.json()).toMatchObject({
          email: 'beheer@alkmaar.nl',
          workspaces: [{ slug: 'gemeente-alkmaar', gemeentecode: 'GM0361', role: 'admin' }],
        });
        expect(
          (
            await app.inject({
              method: 'GET',
              url: '/api/v1/workspaces/gemeente-alkmaar/members',
              headers,
            })
          ).statusCode,
        ).toBe(200);

        // A token for a workspace the user is not a member of would never work: refused.
        await createWorkspace(ctx, { name: 'Gemeente Bergen', gemeentecode: 'GM0373' });
        const tokensBefore = (await ctx.db.selectFrom('api_tokens').select('id').execute()).length;
        const dead = await cli(
          ['token', 'create', '--email', 'beheer@alkmaar.nl', '--workspace', 'gemeente-bergen'],
          envFor(db),
        );
        expect(dead.code).toBe(2);
        expect(dead.stderr).toContain('not a member of gemeente-bergen');
        expect(dead.stdout).toBe('');
        expect((await ctx.db.selectFrom('api_tokens').select('id').execute()).length).toBe(
          tokensBefore,
        );
      } finally {
        await app.close();
        await handle.destroy();
      }

      const weak = await cli(
        [
          'user',
          'create',
          '--email',
          'zwak@alkmaar.nl',
          '--name',
          'Zwak',
          '--workspace',
          'gemeente-alkmaar',
          '--role',
          'member',
        ],
        envFor(db),
        'kort\n',
      );
      expect(weak.code).toBe(1);
      expect(weak.stderr).toContain('/password: Use at least 12 characters.');
    },
    SLOW,
  );

  it(
    'seed --demo is deterministic and prints the demo logins',
    async () => {
      const [one, two] = [await freshDb(dialect), await freshDb(dialect)];
      dbs.push(one, two);
      const runs = await Promise.all([
        cli(['seed', '--demo'], envFor(one)),
        cli(['seed', '--demo'], envFor(two)),
      ]);
      for (const r of runs) {
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toContain('Created workspace "demo"');
        for (const login of demoLogins) {
          expect(r.stdout).toMatch(
            new RegExp(`${login.email}\\s+${login.password.replace(/[!]/g, '\\$&')}`),
          );
        }
      }
      const usersOf = async (d: TestDatabase) => {
        const h = openDatabase(d.url);
        try {
          return await h.db
            .selectFrom('users')
            .select(['id', 'email', 'display_name'])
            .orderBy('email')
            .execute();
        } finally {
          await h.destroy();
        }
      };
      const [a, b] = [await usersOf(one), await usersOf(two)];
      expect(a).toHaveLength(demoLogins.length + 12);
      expect(b).toEqual(a);

      const again = await cli(['seed', '--demo'], envFor(one));
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('exists already');
      expect(again.stdout).toContain(demoLogins[0]?.email);
      expect(await usersOf(one)).toEqual(a);
    },
    SLOW,
  );

  if (dialect === 'sqlite') {
    it(
      'backup writes a valid SQLite copy',
      async () => {
        const file = join(dir, 'backups', 'copy.db');
        const r = await cli(['backup', file], envFor(db));
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout.trim()).toBe(`Backup written to ${file}`);
        const copy = new SQLite(file, { readonly: true, fileMustExist: true });
        const source = new SQLite(db.url.slice('sqlite:'.length), { readonly: true });
        try {
          expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
          const count = (s: SQLite.Database) =>
            (s.prepare('select count(*) as n from users').get() as { n: number }).n;
          expect(count(copy)).toBe(count(source));
          expect(count(copy)).toBeGreaterThan(0);
        } finally {
          copy.close();
          source.close();
        }
      },
      SLOW,
    );
  } else {
    const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;
    it.runIf(hasPgDump)(
      'backup writes a pg_dump archive',
      async () => {
        const file = join(dir, 'backups', 'pg.dump');
        const r = await cli(['backup', file], envFor(db));
        expect(r.code, r.stderr).toBe(0);
        expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
      },
      SLOW,
    );
  }
});
