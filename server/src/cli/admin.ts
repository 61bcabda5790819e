import { roles, type Role } from '../db/types.ts';
import { createApiToken } from '../modules/api-tokens/service.ts';
import { findUserByEmail } from '../modules/auth/repo.ts';
import { findMembership } from '../modules/workspaces/repo.ts';
import {
  createUserWithRole,
  createWorkspace,
  deactivateUser,
  requireWorkspaceBySlug,
} from '../modules/workspaces/service.ts';
import { oneOf, readStdin, required, UsageError, type Run } from './args.ts';
import { out } from './output.ts';
import { withContext } from './runtime.ts';

// Workspaces, users and API tokens: `workspace create`, `user create|deactivate`, `token create`.

export const workspaceCreateCommand: Run = (v) =>
  withContext(async (ctx) => {
    const a = required(v, 'name', 'gemeentecode');
    const w = await createWorkspace(ctx, {
      name: a.name ?? '',
      gemeentecode: a.gemeentecode ?? '',
    });
    out(w.slug);
    return 0;
  });

export const userCreateCommand: Run = (v) =>
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
  });

export const userDeactivateCommand: Run = (v) =>
  withContext(async (ctx) => {
    await deactivateUser(ctx, required(v, 'email').email ?? '');
    out('Deactivated.');
    return 0;
  });

export const tokenCreateCommand: Run = (v) =>
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
  });
