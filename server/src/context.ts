import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/dialect.ts';
import type { Role } from './db/types.ts';
import type { CredentialCache } from './modules/auth/credential-cache.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Everything a service needs; services never see the HTTP request. */
export interface AppContext {
  readonly config: Config;
  readonly db: Db;
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
  /** What authentication read per credential, kept in process until it may have changed (decision 0015). */
  readonly credentialCache?: CredentialCache;
}

export const nowIso = (ctx: Pick<AppContext, 'clock'>): string => ctx.clock.now().toISOString();

export const isoAfter = (ctx: Pick<AppContext, 'clock'>, seconds: number): string =>
  new Date(ctx.clock.now().getTime() + seconds * 1000).toISOString();

export interface MembershipRef {
  workspaceId: string;
  role: Role;
}

export interface WorkspaceSummary {
  id: string;
  slug: string;
  name: string;
  gemeentecode: string;
  role: Role;
  createdAt: string;
  /** The workspace's directory version when the request began (read-cache keys). */
  directoryVersion: number;
  /** The workspace's overlap signals version and the directory version they were detected from. */
  signalsVersion: number;
  signalsDetectedVersion: number | null;
}

/** What authentication already read about the user, so `GET /me` needs no further queries. */
export interface Profile {
  email: string;
  displayName: string;
  language: 'nl' | 'en';
  workspaces: WorkspaceSummary[];
}

/** Who is acting. `system` is the CLI and the job runner. */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      via: 'session' | 'token';
      /** Hash of the session id when via = session. */
      sessionIdHash?: string;
      /** The single workspace an API token is scoped to. */
      tokenWorkspaceId?: string;
      memberships: MembershipRef[];
      profile?: Profile;
    }
  | { kind: 'anonymous' }
  | { kind: 'system' };

export type UserActor = Extract<Actor, { kind: 'user' }>;
