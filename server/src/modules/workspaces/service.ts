import { hashPassword, newId } from '../../auth/crypto.ts';
import { checkPassword } from '../../auth/passwords.ts';
import { assertCan, requireUser } from '../../auth/policy.ts';
import { nowIso, type Actor, type AppContext } from '../../context.ts';
import type { Language, Role } from '../../db/types.ts';
import { badRequest, conflict, fieldError, notFound } from '../../http/problem.ts';
import { revokeAllOf } from '../api-tokens/repo.ts';
import { audit } from '../audit/service.ts';
import { addDefaultTerms } from '../taxonomy/service.ts';
import {
  deleteUserSessions,
  findUserByEmail,
  insertUser,
  membershipsOf,
  updateUser,
} from '../auth/repo.ts';
import {
  countAdmins,
  deleteMembership,
  findMembership,
  findWorkspaceBySlug,
  insertWorkspace,
  listMembers,
  setMembershipRole,
  slugExists,
  upsertMembership,
} from './repo.ts';

export const GEMEENTECODE = /^GM\d{4}$/;

export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'werkruimte'
  );
}

/** Creates a workspace (CLI: system actor). Returns it with its unique slug. */
export async function createWorkspace(
  ctx: AppContext,
  input: { name: string; gemeentecode: string; slug?: string },
) {
  const errors = [];
  if (!input.name.trim()) errors.push(fieldError('/name', 'required', 'Give a name.'));
  if (!GEMEENTECODE.test(input.gemeentecode)) {
    errors.push(fieldError('/gemeentecode', 'invalid_format', 'Use a CBS code like GM0599.'));
  }
  if (errors.length) throw badRequest('validation_failed', 'The workspace is invalid.', errors);
  const base = input.slug ?? slugify(input.name);
  let slug = base;
  for (let i = 2; await slugExists(ctx.db, slug); i++) slug = `${base}-${i}`;
  const row = {
    id: newId(),
    slug,
    name: input.name.trim(),
    gemeentecode: input.gemeentecode,
    created_at: nowIso(ctx),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertWorkspace(trx, row);
    await addDefaultTerms(ctx, trx, row.id);
  });
  return row;
}

export async function requireWorkspaceBySlug(ctx: AppContext, slug: string) {
  const w = await findWorkspaceBySlug(ctx.db, slug);
  if (!w) throw notFound(`No workspace "${slug}".`);
  return w;
}

/** Creates (or adds to the workspace) a user with a password — used by the CLI and the demo. */
export async function createUserWithRole(
  ctx: AppContext,
  input: {
    email: string;
    displayName: string;
    password: string;
    workspaceId: string;
    role: Role;
    language?: Language;
  },
) {
  const email = input.email.toLowerCase();
  const errors = checkPassword(input.password, '/password', email);
  if (errors.length)
    throw badRequest('validation_failed', 'The password is not acceptable.', errors);
  const existing = await findUserByEmail(ctx.db, email);
  if (existing) throw conflict('email_taken', 'An account with this email address exists already.');
  const hash = await hashPassword(input.password);
  const id = newId();
  const now = nowIso(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await insertUser(trx, {
      id,
      email,
      display_name: input.displayName,
      language: input.language ?? 'nl',
      password_hash: hash,
      password_changed_at: now,
      deactivated_at: null,
      created_at: now,
    });
    await upsertMembership(trx, {
      workspace_id: input.workspaceId,
      user_id: id,
      role: input.role,
      created_at: now,
    });
  });
  return { id, email };
}

export async function listMyWorkspaces(ctx: AppContext, actor: Actor) {
  const user = requireUser(actor);
  const all = await membershipsOf(ctx.db, user.userId);
  return all.filter((w) => !user.tokenWorkspaceId || w.id === user.tokenWorkspaceId);
}

export async function getMembers(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  page: { offset: number; limit: number },
  roles?: readonly Role[],
) {
  assertCan(actor, 'members.read', workspaceId);
  return listMembers(ctx.db, workspaceId, page.offset, page.limit, roles);
}

async function assertNotLastAdmin(ctx: AppContext, workspaceId: string, userId: string) {
  const m = await findMembership(ctx.db, workspaceId, userId);
  if (!m) throw notFound('No such member.');
  if (m.role === 'admin' && (await countAdmins(ctx.db, workspaceId)) <= 1) {
    throw badRequest('last_admin', 'A workspace needs at least one admin.');
  }
  return m;
}

export async function changeRole(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  userId: string,
  role: Role,
) {
  assertCan(actor, 'members.manage', workspaceId);
  const m = await findMembership(ctx.db, workspaceId, userId);
  if (!m) throw notFound('No such member.');
  if (m.role !== role && role !== 'admin') await assertNotLastAdmin(ctx, workspaceId, userId);
  await ctx.db.transaction().execute(async (trx) => {
    await setMembershipRole(trx, workspaceId, userId, role);
    await audit(
      ctx,
      {
        action: 'role.changed',
        result: 'ok',
        actorUserId: actor.kind === 'user' ? actor.userId : null,
        workspaceId,
        objectType: 'user',
        objectId: userId,
      },
      trx,
    );
  });
  const updated = await findMembership(ctx.db, workspaceId, userId);
  if (!updated) throw notFound('No such member.');
  return updated;
}

/** Removes a member from the workspace and ends their sessions (their roles changed under them). */
export async function removeMember(
  ctx: AppContext,
  actor: Actor,
  workspaceId: string,
  userId: string,
) {
  assertCan(actor, 'members.manage', workspaceId);
  await assertNotLastAdmin(ctx, workspaceId, userId);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteMembership(trx, workspaceId, userId);
    await deleteUserSessions(trx, userId);
    await revokeAllOf(trx, workspaceId, userId, nowIso(ctx));
    await audit(
      ctx,
      {
        action: 'member.removed',
        result: 'ok',
        actorUserId: actor.kind === 'user' ? actor.userId : null,
        workspaceId,
        objectType: 'user',
        objectId: userId,
      },
      trx,
    );
  });
}

/** Deactivates an account everywhere (CLI): it can no longer log in and all its sessions end. */
export async function deactivateUser(ctx: AppContext, email: string) {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) throw notFound('No such user.');
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { deactivated_at: nowIso(ctx) });
    await deleteUserSessions(trx, user.id);
    await audit(
      ctx,
      { action: 'account.deactivated', result: 'ok', objectType: 'user', objectId: user.id },
      trx,
    );
  });
}
