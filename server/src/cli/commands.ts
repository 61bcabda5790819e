import { backup } from '../db/dialect.ts';
import { migrateDownAll, migrateToLatest } from '../db/migrate.ts';
import { roles, type Role } from '../db/types.ts';
import { seedDemo, scales, type Scale } from '../demo/seed.ts';
import { audit } from '../modules/audit/service.ts';
import { createApiToken } from '../modules/api-tokens/service.ts';
import { findUserByEmail } from '../modules/auth/repo.ts';
import { findMembership } from '../modules/workspaces/repo.ts';
import {
  createUserWithRole,
  createWorkspace,
  deactivateUser,
  requireWorkspaceBySlug,
} from '../modules/workspaces/service.ts';
import { openDatabase } from '../db/dialect.ts';
import { loadConfig } from '../config.ts';
import { required, readStdin, UsageError, type Command } from './args.ts';
import { withContext } from './runtime.ts';
import { out, printLogins } from './output.ts';
import { serveCommand } from './serve.ts';
import { areaImportCommands } from './import-areas.ts';
import { exportHsdsCommand } from './export-hsds.ts';
import { reportObstaclesCommand } from '../modules/obstacles/cli.ts';
import { importActorsCommand } from './import-actors.ts';

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!allowed.includes(value as T))
    throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}`);
  return value as T;
}

export const commands: Command[] = [
  serveCommand,
  {
    name: 'migrate',
    summary: 'Apply all database migrations (or roll them all back with --down).',
    usage: 'migrate [--down]',
    options: { down: { type: 'boolean' } },
    run: async (v) => {
      const config = loadConfig();
      const handle = openDatabase(config.databaseUrl);
      try {
        const names = v.down ? await migrateDownAll(handle.db) : await migrateToLatest(handle.db);
        out(
          names.length
            ? `${v.down ? 'Rolled back' : 'Applied'}: ${names.join(', ')}`
            : 'Nothing to do.',
        );
      } finally {
        await handle.destroy();
      }
      return 0;
    },
  },
  {
    name: 'seed',
    summary: 'Create the deterministic demo workspace "demo" with a login per role.',
    usage: 'seed --demo [--scale demo|municipality|national]',
    options: { demo: { type: 'boolean' }, scale: { type: 'string' } },
    run: (v) =>
      withContext(async (ctx, _h, config) => {
        if (!v.demo) throw new UsageError('Only --demo seeding exists.');
        if (config.env === 'production')
          throw new UsageError('Demo data is never seeded in production.');
        const scale = oneOf<Scale>(String(v.scale ?? 'demo'), scales, 'scale');
        const r = await seedDemo(ctx, { scale });
        out(
          r.created
            ? `Created workspace "${r.workspaceSlug}" with ${r.members} members (${scale}).`
            : 'The demo workspace exists already.',
        );
        if (r.counts) {
          const c = r.counts;
          out(
            `Wijkhaven: ${c.wijken} wijken, ${c.buurten} buurten, ${c.persons} carriers, ` +
              `${c.organisations} organisations, ${c.rows.initiatives} initiatives, ` +
              `${c.rows.activities} activities, ${c.rows.achievements} results/recognitions ` +
              `(${r.directoryMs} ms).`,
          );
        }
        printLogins(r.logins);
        return 0;
      }),
  },
  {
    name: 'workspace create',
    summary: 'Create a workspace for a municipality or region; prints its slug.',
    usage: 'workspace create --name <name> --gemeentecode <GMxxxx>',
    options: { name: { type: 'string' }, gemeentecode: { type: 'string' } },
    run: (v) =>
      withContext(async (ctx) => {
        const a = required(v, 'name', 'gemeentecode');
        const w = await createWorkspace(ctx, {
          name: a.name ?? '',
          gemeentecode: a.gemeentecode ?? '',
        });
        out(w.slug);
        return 0;
      }),
  },
  {
    name: 'user create',
    summary: 'Create a user with a role in a workspace. The password is read from standard input.',
    usage: 'user create --email <e> --name <n> --workspace <slug> --role <role>',
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      workspace: { type: 'string' },
      role: { type: 'string' },
    },
    run: (v) =>
      withContext(async (ctx) => {
        const a = required(v, 'email', 'name', 'workspace', 'role');
        const role = oneOf<Role>(a.role ?? '', roles, 'role');
        const password = await readStdin();
        const w = await requireWorkspaceBySlug(ctx, a.workspace ?? '');
        const u = await createUserWithRole(ctx, {
          email: a.email ?? '',
          displayName: a.name ?? '',
          password,
          workspaceId: w.id,
          role,
        });
        out(u.id);
        return 0;
      }),
  },
  {
    name: 'user deactivate',
    summary: 'Deactivate an account: it cannot log in and all its sessions end.',
    usage: 'user deactivate --email <e>',
    options: { email: { type: 'string' } },
    run: (v) =>
      withContext(async (ctx) => {
        await deactivateUser(ctx, required(v, 'email').email ?? '');
        out('Deactivated.');
        return 0;
      }),
  },
  {
    name: 'token create',
    summary: 'Create a personal API token for a user in a workspace; prints the token once.',
    usage: 'token create --email <e> --workspace <slug> [--name <label>]',
    options: { email: { type: 'string' }, workspace: { type: 'string' }, name: { type: 'string' } },
    run: (v) =>
      withContext(async (ctx) => {
        const a = required(v, 'email', 'workspace');
        const w = await requireWorkspaceBySlug(ctx, a.workspace ?? '');
        const user = await findUserByEmail(ctx.db, a.email ?? '');
        if (!user) throw new UsageError(`No user ${a.email}`);
        // A token only works for a member of its workspace: refuse to print a dead one.
        if (!(await findMembership(ctx.db, w.id, user.id)))
          throw new UsageError(`${a.email} is not a member of ${w.slug}`);
        const t = await createApiToken(ctx, { kind: 'system' }, w.id, {
          name: String(v.name ?? 'CLI'),
          userId: user.id,
        });
        out(t.token);
        return 0;
      }),
  },
  {
    name: 'backup',
    summary:
      'Write a consistent online backup (SQLite: VACUUM INTO; PostgreSQL: pg_dump custom format).',
    usage: 'backup <file>',
    options: {},
    positionals: 1,
    run: (_v, positionals) =>
      withContext(async (ctx, handle, config) => {
        const file = positionals[0];
        if (!file || positionals.length !== 1)
          throw new UsageError('Give exactly one backup file.');
        await backup(handle, config.databaseUrl, file);
        await audit(ctx, { action: 'backup', result: 'ok' });
        out(`Backup written to ${file}`);
        return 0;
      }),
  },
  ...areaImportCommands,
  importActorsCommand,
  exportHsdsCommand,
  reportObstaclesCommand,
];
