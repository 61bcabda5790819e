import { hmac, newToken, safeEqual, sha256 } from '../../auth/crypto.ts';
import {
  isoAfter,
  nowIso,
  type Actor,
  type AppContext,
  type Profile,
  type WorkspaceSummary,
} from '../../context.ts';
import type { Db } from '../../db/dialect.ts';
import { touchApiToken } from '../api-tokens/repo.ts';
import {
  deleteSession,
  findApiTokenWithUser,
  findSessionWithUser,
  insertSession,
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

/** The user and workspace columns that both credential queries return. */
type CredentialRow = Omit<
  Awaited<ReturnType<typeof findSessionWithUser>>[number],
  'user_id' | 'csrf_token' | 'last_seen_at' | 'expires_at'
>;

/** The actor of a credential's rows (one per membership), or undefined for a deactivated user. */
function userActor(rows: CredentialRow[], userId: string, onlyWorkspaceId?: string) {
  const user = rows[0];
  if (!user || user.deactivated_at) return undefined;
  const workspaces: WorkspaceSummary[] = [];
  for (const r of rows) {
    if (r.ws_id === null || r.ws_role === null) continue;
    if (onlyWorkspaceId !== undefined && r.ws_id !== onlyWorkspaceId) continue;
    workspaces.push({
      id: r.ws_id,
      slug: r.ws_slug ?? '',
      name: r.ws_name ?? '',
      gemeentecode: r.ws_gemeentecode ?? '',
      createdAt: r.ws_created_at ?? '',
      directoryVersion: Number(r.ws_directory_version ?? 0),
      signalsVersion: Number(r.ws_signals_version ?? 0),
      signalsDetectedVersion:
        r.ws_signals_detected_version === null ? null : Number(r.ws_signals_detected_version),
      role: r.ws_role,
    });
  }
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

/** Reads a credential's rows through the process's credential cache when there is one. */
function lookup<R>(ctx: AppContext, key: string, load: () => Promise<R[]>): Promise<R[]> {
  return ctx.credentialCache ? ctx.credentialCache.lookup(key, load) : load();
}

/**
 * One database round trip for a valid session, none when its rows are cached (decision 0015); a
 * write at most once a minute to touch it. Expiry and idle time are checked on every request.
 */
export async function authenticateSession(
  ctx: AppContext,
  token: string,
): Promise<Authenticated | undefined> {
  const idHash = sha256(token);
  const key = `session:${idHash}`;
  const rows = await lookup(ctx, key, () => findSessionWithUser(ctx.db, idHash));
  const session = rows[0];
  if (!session) return undefined;
  const now = ctx.clock.now();
  const idleDeadline = new Date(Date.parse(session.last_seen_at) + IDLE_TIMEOUT_SECONDS * 1000);
  if (Date.parse(session.expires_at) <= now.getTime() || idleDeadline <= now) {
    await deleteSession(ctx.db, idHash);
    return undefined;
  }
  const user = userActor(rows, session.user_id);
  if (!user) return undefined;
  if (now.getTime() - Date.parse(session.last_seen_at) >= TOUCH_EVERY_SECONDS * 1000) {
    const at = now.toISOString();
    await touchSession(ctx.db, idHash, at);
    ctx.credentialCache?.replace(
      key,
      rows.map((r) => ({ ...r, last_seen_at: at })),
    );
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
  const tokenHash = sha256(token);
  const key = `token:${tokenHash}`;
  const rows = await lookup(ctx, key, () => findApiTokenWithUser(ctx.db, tokenHash));
  const row = rows[0];
  if (!row || row.revoked_at) return undefined;
  const user = userActor(rows, row.user_id, row.token_workspace_id);
  if (!user || !user.memberships.length) return undefined;
  const now = ctx.clock.now();
  if (
    !row.last_used_at ||
    now.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_SECONDS * 1000
  ) {
    const at = now.toISOString();
    await touchApiToken(ctx.db, row.token_id, at);
    ctx.credentialCache?.replace(
      key,
      rows.map((r) => ({ ...r, last_used_at: at })),
    );
  }
  return {
    actor: {
      kind: 'user',
      via: 'token',
      tokenWorkspaceId: row.token_workspace_id,
      ...user,
    },
  };
}

export const csrfMatches = (expected: string | undefined, given: string | undefined): boolean =>
  expected !== undefined && given !== undefined && safeEqual(expected, given);

/** Rate-limit keys are keyed hashes: the table never holds an email address or IP address. */
export const rateLimitKey = (ctx: AppContext, kind: string, value: string): string =>
  `${kind}:${hmac(ctx.config.sessionSecret, `${kind}:${value}`).slice(0, 48)}`;
