import type { LightMyRequestResponse } from 'fastify';
import type { RoutePolicy } from '../../../src/auth/policy.ts';
import type { Actor, AppContext } from '../../../src/context.ts';
import type { Role } from '../../../src/db/types.ts';

export type CallerSpec =
  { name: string; kind: 'anonymous' } | { name: string; kind: 'session' | 'token'; role: Role };

export interface Caller {
  spec: CallerSpec;
  userId?: string;
  send(method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export interface Ws {
  id: string;
  slug: string;
  name: string;
  adminId: string;
}

/** One cell of the matrix: a caller calling a route in its own or another workspace. */
export interface Cell {
  ws: Ws;
  own: boolean;
  caller: Caller;
}

export interface Row {
  policy: RoutePolicy;
  success: number;
  /** Ends the caller's session or resets its password: the cell gets a throwaway caller. */
  selfDestructive?: boolean;
  /** Builds a valid request for the cell (fresh records where the call consumes them). */
  request?: (cell: Cell) => Promise<{ params?: Record<string, string>; payload?: unknown }>;
}

/** What a module's rows may use: the app's context, the system actor, unique names. */
export interface RowEnv {
  ctx: () => AppContext;
  system: Actor;
  unique: (what: string) => string;
  /** The workspace route prefix, `/api/v1/workspaces/:workspaceSlug`. */
  W: string;
}

export type Rows = (env: RowEnv) => Record<string, Row>;
