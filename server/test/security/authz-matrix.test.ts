import { beforeAll, expect, it } from 'vitest';
import { newId, newToken, sha256 } from '../../src/auth/crypto.ts';
import { permissionRoles, policy, type RoutePolicy } from '../../src/auth/policy.ts';
import { isoAfter, nowIso, type Actor } from '../../src/context.ts';
import type { Role } from '../../src/db/types.ts';
import { createApiToken } from '../../src/modules/api-tokens/service.ts';
import { insertPasswordReset, insertUser } from '../../src/modules/auth/repo.ts';
import { invite } from '../../src/modules/invitations/service.ts';
import { createUserWithRole } from '../../src/modules/workspaces/service.ts';
import { upsertMembership } from '../../src/modules/workspaces/repo.ts';
import { describeEachDialect } from '../harness.ts';
import { Browser, PASSWORD, seedWorkspace } from '../session.ts';
import {
  areaRows,
  moduleRows,
  taxonomyRows,
  type Caller,
  type CallerSpec,
  type Cell,
  type Row,
  type RowEnv,
  type Ws,
} from './authz-rows/index.ts';
import { fillPath, isApiRoute, routeKey, useSecurityApp, type SecurityApp } from './support.ts';

/**
 * Every API route × every caller × own/other workspace. The table below is the reviewed spec: it
 * names each route's policy (checked against the declared one) and a valid request; the expected
 * status of a cell is computed from that policy and `permissionRoles`. A new route without a row
 * fails the test.
 */

const ROLES: Role[] = ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'];
const system: Actor = { kind: 'system' };
const CALLERS: CallerSpec[] = [
  { name: 'anonymous', kind: 'anonymous' },
  ...ROLES.map((role) => ({ name: `session:${role}`, kind: 'session' as const, role })),
  { name: 'token:admin', kind: 'token', role: 'admin' },
  { name: 'token:member', kind: 'token', role: 'member' },
];

let seq = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++seq}@example.org`;

function table(
  t: () => SecurityApp,
  loginTarget: () => { id: string; email: string },
): Record<string, Row> {
  const ctx = () => t().ctx;
  const throwawayMember = async (ws: Ws) => {
    const id = newId();
    const now = nowIso(ctx());
    await insertUser(ctx().db, {
      id,
      email: unique('target'),
      display_name: 'Target',
      language: 'nl',
      password_hash: null,
      password_changed_at: now,
      deactivated_at: null,
      created_at: now,
    });
    await upsertMembership(ctx().db, {
      workspace_id: ws.id,
      user_id: id,
      role: 'member',
      created_at: now,
    });
    return id;
  };
  const throwawayInvitation = (ws: Ws) =>
    invite(ctx(), system, ws, { email: unique('invitee'), role: 'member', language: 'nl' });
  const W = '/api/v1/workspaces/:workspaceSlug';
  const env: RowEnv = { ctx, system, unique, W };
  return {
    'GET /api/v1/openapi.json': { policy: policy.public, success: 200 },
    'POST /api/v1/auth/login': {
      policy: policy.public,
      success: 200,
      request: async () => ({ payload: { email: loginTarget().email, password: PASSWORD } }),
    },
    'POST /api/v1/auth/logout': { policy: policy.session, success: 204, selfDestructive: true },
    'POST /api/v1/auth/password-reset-requests': {
      policy: policy.public,
      success: 202,
      request: async () => ({ payload: { email: loginTarget().email } }),
    },
    'POST /api/v1/auth/password-resets': {
      policy: policy.public,
      success: 204,
      request: async () => {
        const token = newToken();
        await insertPasswordReset(ctx().db, {
          token_hash: sha256(token),
          user_id: loginTarget().id,
          created_at: nowIso(ctx()),
          expires_at: isoAfter(ctx(), 600),
        });
        return { payload: { token, password: PASSWORD } };
      },
    },
    'GET /api/v1/me': { policy: policy.authenticated, success: 200 },
    'PATCH /api/v1/me': {
      policy: policy.session,
      success: 200,
      request: async () => ({ payload: { language: 'nl' } }),
    },
    'POST /api/v1/me/password': {
      policy: policy.session,
      success: 200,
      selfDestructive: true,
      request: async () => ({ payload: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
    },
    'GET /api/v1/me/sessions': { policy: policy.session, success: 200 },
    'POST /api/v1/me/sessions/end-others': { policy: policy.session, success: 200 },
    'GET /api/v1/workspaces': { policy: policy.authenticated, success: 200 },
    [`GET ${W}`]: { policy: policy.workspace('workspace.read'), success: 200 },
    [`GET ${W}/members`]: { policy: policy.workspace('members.read'), success: 200 },
    [`PATCH ${W}/members/:userId`]: {
      policy: policy.workspace('members.manage', true),
      success: 200,
      request: async ({ ws }) => ({
        params: { userId: await throwawayMember(ws) },
        payload: { role: 'researcher' },
      }),
    },
    [`DELETE ${W}/members/:userId`]: {
      policy: policy.workspace('members.manage', true),
      success: 204,
      request: async ({ ws }) => ({ params: { userId: await throwawayMember(ws) } }),
    },
    [`GET ${W}/invitations`]: { policy: policy.workspace('invitations.manage'), success: 200 },
    [`POST ${W}/invitations`]: {
      policy: policy.workspace('invitations.manage', true),
      success: 201,
      request: async () => ({ payload: { email: unique('new'), role: 'member' } }),
    },
    [`DELETE ${W}/invitations/:invitationId`]: {
      policy: policy.workspace('invitations.manage', true),
      success: 204,
      request: async ({ ws }) => ({ params: { invitationId: (await throwawayInvitation(ws)).id } }),
    },
    'POST /api/v1/invitations/lookup': {
      policy: policy.public,
      success: 200,
      request: async ({ ws }) => ({ payload: { token: (await throwawayInvitation(ws)).token } }),
    },
    'POST /api/v1/invitations/accept': {
      policy: policy.public,
      success: 200,
      request: async ({ ws }) => ({
        payload: {
          token: (await throwawayInvitation(ws)).token,
          displayName: 'Nieuw',
          password: PASSWORD,
        },
      }),
    },
    [`GET ${W}/api-tokens`]: { policy: policy.workspace('tokens.own', true), success: 200 },
    [`POST ${W}/api-tokens`]: {
      policy: policy.workspace('tokens.own', true),
      success: 201,
      request: async () => ({ payload: { name: 'matrix' } }),
    },
    [`DELETE ${W}/api-tokens/:tokenId`]: {
      policy: policy.workspace('tokens.own', true),
      success: 204,
      request: async ({ ws, own, caller }) => {
        // The caller's own token when it can have one in this workspace; else the owner's.
        const userId = own && caller.userId ? caller.userId : ws.adminId;
        return {
          params: {
            tokenId: (await createApiToken(ctx(), system, ws.id, { name: 'victim', userId })).id,
          },
        };
      },
    },
    [`GET ${W}/audit-events`]: { policy: policy.workspace('audit.read'), success: 200 },
    ...areaRows(env),
    ...taxonomyRows(env),
    ...moduleRows(env),
  };
}

/** What the policy layer must answer: the success status, or the denial. */
function expected(p: RoutePolicy, caller: CallerSpec, own: boolean): 'allow' | 401 | 403 | 404 {
  if (p.auth === 'public' || p.auth === 'static') return 'allow';
  if (caller.kind === 'anonymous') return 401;
  const sessionOnly = p.auth === 'session' || (p.auth === 'workspace' && p.sessionOnly === true);
  if (sessionOnly && caller.kind === 'token') return 403;
  if (p.auth !== 'workspace') return 'allow';
  if (!own) return 404;
  return (permissionRoles[p.permission] as readonly Role[]).includes(caller.role) ? 'allow' : 403;
}

const deniedCode = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' } as const;

describeEachDialect('authorization matrix', (dialect) => {
  const t = useSecurityApp(dialect);
  let A: Ws;
  let B: Ws;
  let target = { id: '', email: '' };
  const callers = new Map<string, Caller>();

  async function makeCaller(spec: CallerSpec, ws: Ws, email?: string): Promise<Caller> {
    const app = t().app;
    if (spec.kind === 'anonymous') {
      return {
        spec,
        send: (method, url, payload) =>
          app.inject({
            method: method as 'GET',
            url,
            ...(payload === undefined ? {} : { payload: payload as object }),
          }),
      };
    }
    const user = email
      ? { id: '', email }
      : await createUserWithRole(t().ctx, {
          email: unique(spec.role),
          displayName: `Throwaway ${spec.role}`,
          password: PASSWORD,
          workspaceId: ws.id,
          role: spec.role,
        });
    const userId =
      user.id ||
      (
        await t()
          .ctx.db.selectFrom('users')
          .select('id')
          .where('email', '=', user.email)
          .executeTakeFirstOrThrow()
      ).id;
    if (spec.kind === 'session') {
      const b = new Browser(app);
      await b.login(user.email);
      return {
        spec,
        userId,
        send: (method, url, payload) =>
          b.inject({
            method: method as 'GET',
            url,
            ...(payload === undefined ? {} : { payload: payload as object }),
          }),
      };
    }
    const { token } = await createApiToken(t().ctx, system, ws.id, {
      name: 'matrix caller',
      userId,
    });
    const authorization = `Bearer ${token}`;
    return {
      spec,
      userId,
      send: (method, url, payload) =>
        app.inject({
          method: method as 'GET',
          url,
          headers: { authorization },
          ...(payload === undefined ? {} : { payload: payload as object }),
        }),
    };
  }

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx);
    const b = await seedWorkspace(t().ctx, ['admin']);
    const t2 = await seedWorkspace(t().ctx, ['member']);
    A = { ...a.ws, adminId: a.users.admin!.id };
    B = { ...b.ws, adminId: b.users.admin!.id };
    target = t2.users.member!;
    for (const spec of CALLERS) {
      callers.set(
        spec.name,
        await makeCaller(
          spec,
          A,
          spec.kind === 'anonymous' ? undefined : a.users[spec.role]!.email,
        ),
      );
    }
  });

  const rowsAndRoutes = () => {
    const rows = table(t, () => target);
    const routes = t().routes.filter(isApiRoute);
    const rowFor = (r: { method: string; url: string }) =>
      rows[routeKey(r)] ?? (r.method === 'HEAD' ? rows[`GET ${r.url}`] : undefined);
    return { rows, routes, rowFor };
  };

  it('lists every API route in the authorization table, and no route that is gone', () => {
    const { rows, routes, rowFor } = rowsAndRoutes();
    const keys = routes.map(routeKey);
    const unlisted = routes.filter((r) => !rowFor(r)).map(routeKey);
    expect(
      unlisted,
      `API routes missing from the authorization table:\n${unlisted.join('\n')}`,
    ).toEqual([]);
    const stale = Object.keys(rows).filter((k) => !keys.includes(k));
    expect(stale, 'table rows for routes that no longer exist').toEqual([]);
    expect(routes.length).toBeGreaterThan(100);
  });

  // The routes in PARTS consecutive slices (in the original order), a test each: on PostgreSQL, next to the other test
  // worker, the whole matrix (5,000+ requests) took longer than one test's time limit.
  const PARTS = 4;
  for (let part = 0; part < PARTS; part++)
    it(`answers every route × caller × workspace as the policy says (0 mismatches), part ${part + 1} of ${PARTS}`, async () => {
      const { routes: all, rowFor } = rowsAndRoutes();
      const listed = all.filter((r) => rowFor(r));
      const size = Math.ceil(listed.length / PARTS);
      const routes = listed.slice(part * size, (part + 1) * size);
      const mismatches: string[] = [];
      let cells = 0;
      for (const route of routes) {
        const row = rowFor(route)!;
        if (JSON.stringify(route.policy) !== JSON.stringify(row.policy)) {
          mismatches.push(
            `${routeKey(route)}: declared policy ${JSON.stringify(route.policy)}, table says ${JSON.stringify(row.policy)}`,
          );
          continue;
        }
        const scoped = route.url.includes(':workspaceSlug');
        for (const [ws, own] of scoped
          ? ([
              [A, true],
              [B, false],
            ] as const)
          : ([[A, true]] as const)) {
          for (const spec of CALLERS) {
            const caller =
              row.selfDestructive && spec.kind !== 'anonymous'
                ? await makeCaller(spec, A)
                : callers.get(spec.name)!;
            const cell: Cell = { ws, own, caller };
            const req = (await row.request?.(cell)) ?? {};
            const url = fillPath(route.url, { workspaceSlug: ws.slug, ...req.params });
            const res = await caller.send(
              route.method,
              url,
              route.method === 'GET' || route.method === 'HEAD' ? undefined : (req.payload ?? {}),
            );
            cells++;
            const want = expected(row.policy, spec, own);
            const label = `${route.method} ${route.url} as ${spec.name} in ${own ? 'own' : 'other'} workspace`;
            if (want === 'allow') {
              if (res.statusCode !== row.success)
                mismatches.push(
                  `${label}: expected ${row.success}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
                );
            } else if (res.statusCode !== want) {
              mismatches.push(
                `${label}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 200)}`,
              );
            } else if (
              route.method !== 'HEAD' &&
              res.json<{ code: string }>().code !== deniedCode[want]
            ) {
              mismatches.push(
                `${label}: expected code ${deniedCode[want]}, got ${res.body.slice(0, 200)}`,
              );
            }
          }
        }
      }
      console.info(
        `[authz matrix ${dialect}] part ${part + 1}/${PARTS}: ${routes.length} routes, ${CALLERS.length} callers, ${cells} cells, ${mismatches.length} mismatches`,
      );
      expect(mismatches, mismatches.join('\n')).toEqual([]);
      expect(cells).toBeGreaterThan(300);
    }, 180_000);
});
