import { hmac, newToken, safeEqual, sha256 } from '../../auth/crypto.ts';
import { isoAfter, nowIso, type Actor, type AppContext, type Profile } from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { findApiTokenByHash, touchApiToken } from '../api-tokens/repo.ts';
import {
  deleteSession,
  findSession,
  findUserById,
  insertSession,
  membershipsOf,
  touchSession,
} from './repo.ts';

export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 12 * 3600;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_SECONDS = 60;

export interface NewSession {
  token: string;
  csrfToken: string;
  idHash: string;
}

/** Only the SHA-256 of the session id is stored: a database leak does not leak live sessions. */
export async function createSession(ctx: AppContext, db: Db, userId: string): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  const idHash = sha256(token);
  const now = nowIso(ctx);
  await insertSession(db, {
    id_hash: idHash,
    user_id: userId,
    csrf_token: csrfToken,
    created_at: now,
    last_seen_at: now,
    expires_at: isoAfter(ctx, ABSOLUTE_TIMEOUT_SECONDS),
  });
  return { token, csrfToken, idHash };
}

export interface Authenticated {
  actor: Extract<Actor, { kind: 'user' }>;
  csrfToken?: string;
}

async function activeUserActor(ctx: AppContext, userId: string, onlyWorkspaceId?: string) {
  const user = await findUserById(ctx.db, userId);
  if (!user || user.deactivated_at) return undefined;
  const all = await membershipsOf(ctx.db, userId);
  const workspaces = onlyWorkspaceId ? all.filter((w) => w.id === onlyWorkspaceId) : all;
  const profile: Profile = {
    email: user.email,
    displayName: user.display_name,
    language: user.language,
    workspaces,
  };
  return {
    userId,
    memberships: workspaces.map((m) => ({ workspaceId: m.id, role: m.role })),
    profile,
  };
}

export async function authenticateSession(
  ctx: AppContext,
  token: string,
): Promise<Authenticated | undefined> {
  const idHash = sha256(token);
  const session = await findSession(ctx.db, idHash);
  if (!session) return undefined;
  const now = ctx.clock.now();
  const idleDeadline = new Date(Date.parse(session.last_seen_at) + IDLE_TIMEOUT_SECONDS * 1000);
  if (Date.parse(session.expires_at) <= now.getTime() || idleDeadline <= now) {
    await deleteSession(ctx.db, idHash);
    return undefined;
  }
  const user = await activeUserActor(ctx, session.user_id);
  if (!user) return undefined;
  if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_EVERY_SECONDS * 1000) {
    await touchSession(ctx.db, idHash, now.toISOString());
  }
  return {
    actor: { kind: 'user', via: 'session', sessionIdHash: idHash, ...user },
    csrfToken: session.csrf_token,
  };
}

export const API_TOKEN_PREFIX = 'wd_';

export async function authenticateApiToken(
  ctx: AppContext,
  token: string,
): Promise<Authenticated | undefined> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return undefined;
  const row = await findApiTokenByHash(ctx.db, sha256(token));
  if (!row || row.revoked_at) return undefined;
  const user = await activeUserActor(ctx, row.user_id, row.workspace_id);
  if (!user || !user.memberships.length) return undefined;
  const now = ctx.clock.now();
  if (
    !row.last_used_at ||
    now.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_SECONDS * 1000
  ) {
    await touchApiToken(ctx.db, row.id, now.toISOString());
  }
  return {
    actor: {
      kind: 'user',
      via: 'token',
      tokenWorkspaceId: row.workspace_id,
      ...user,
    },
  };
}

export const csrfMatches = (expected: string | undefined, given: string | undefined): boolean =>
  expected !== undefined && given !== undefined && safeEqual(expected, given);

/** Rate-limit keys are keyed hashes: the table never holds an email address or IP address. */
export const rateLimitKey = (ctx: AppContext, kind: string, value: string): string =>
  `${kind}:${hmac(ctx.config.sessionSecret, `${kind}:${value}`).slice(0, 48)}`;
