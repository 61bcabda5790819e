import { describe, expect, it } from 'vitest';
import type { Actor, MembershipRef } from '../context.ts';
import { AppError } from '../http/problem.ts';
import { assertCan, can, permissionRoles, policy, requireUser, roleIn } from './policy.ts';

const A = 'workspace-a';
const B = 'workspace-b';
const user = (memberships: MembershipRef[], tokenWorkspaceId?: string): Actor => ({
  kind: 'user',
  userId: 'u1',
  via: tokenWorkspaceId ? 'token' : 'session',
  memberships,
  ...(tokenWorkspaceId ? { tokenWorkspaceId } : {}),
});

const statusOf = (fn: () => void): number | 'ok' => {
  try {
    fn();
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).status;
  }
};

describe('policy', () => {
  it('grants exactly the reviewed roles per permission', () => {
    // Changing who may do what is a security decision: this table must change with it.
    expect(permissionRoles).toEqual({
      'workspace.read': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'members.read': ['admin', 'coordinator'],
      'members.manage': ['admin'],
      'invitations.manage': ['admin'],
      'tokens.own': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'audit.read': ['admin'],
      'areas.read': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'areas.manage': ['admin', 'coordinator'],
      'taxonomy.manage': ['admin', 'coordinator'],
      'directory.read': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'directory.manage': ['admin', 'coordinator'],
      'directory.self': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'directory.export': ['admin', 'coordinator', 'policy_officer', 'researcher'],
      'obstacles.read': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'obstacles.report': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'obstacles.respond': ['admin', 'coordinator', 'policy_officer'],
      'obstacles.moderate': ['admin', 'coordinator'],
      'support.read': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'support.manage': ['admin', 'coordinator'],
      'support.self': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'funding.read': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'funding.manage': ['admin', 'coordinator'],
      'funding.export': ['admin', 'coordinator', 'policy_officer', 'researcher'],
      'ties.read': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'ties.manage': ['admin', 'coordinator'],
      'ties.self': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'network.read': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'network.export': ['admin', 'coordinator', 'policy_officer', 'researcher'],
      'checkins.self': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'checkins.aggregates': ['admin', 'coordinator'],
      'notifications.self': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'research.read': ['admin', 'researcher'],
      'research.manage': ['admin'],
      'research.conduct': ['researcher'],
      'surveys.read': ['admin', 'coordinator'],
      'surveys.manage': ['admin', 'coordinator'],
      'alliances.read': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'alliances.manage': ['admin', 'coordinator'],
      'alliances.self': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'signals.read': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'signals.act': ['admin', 'coordinator', 'member', 'policy_officer', 'researcher'],
      'signals.manage': ['admin', 'coordinator'],
    });
  });

  it('builds route policies', () => {
    expect(policy.workspace('members.manage', true)).toEqual({
      auth: 'workspace',
      permission: 'members.manage',
      sessionOnly: true,
    });
    expect(policy.workspace('audit.read')).toEqual({
      auth: 'workspace',
      permission: 'audit.read',
      sessionOnly: false,
    });
  });

  it('finds the role in a workspace, and nothing outside a token’s workspace', () => {
    const both = [
      { workspaceId: A, role: 'admin' as const },
      { workspaceId: B, role: 'member' as const },
    ];
    expect(roleIn(user(both), A)).toBe('admin');
    expect(roleIn(user(both), B)).toBe('member');
    expect(roleIn(user(both), 'elsewhere')).toBeUndefined();
    expect(roleIn(user(both, A), A)).toBe('admin');
    expect(roleIn(user(both, A), B)).toBeUndefined(); // the token is scoped to A
    expect(roleIn({ kind: 'anonymous' }, A)).toBeUndefined();
  });

  it('checks every role × permission against the table', () => {
    for (const [permission, roles] of Object.entries(permissionRoles)) {
      for (const role of [
        'admin',
        'coordinator',
        'member',
        'policy_officer',
        'researcher',
      ] as const) {
        const actor = user([{ workspaceId: A, role }]);
        const allowed = (roles as readonly string[]).includes(role);
        expect(
          can(actor, permission as keyof typeof permissionRoles, A),
          `${role} ${permission}`,
        ).toBe(allowed);
        expect(can(actor, permission as keyof typeof permissionRoles, B)).toBe(false);
        expect(
          statusOf(() => assertCan(actor, permission as keyof typeof permissionRoles, A)),
        ).toBe(allowed ? 'ok' : 403);
        expect(
          statusOf(() => assertCan(actor, permission as keyof typeof permissionRoles, B)),
        ).toBe(404);
      }
    }
  });

  it('answers 401 to anonymous callers and lets the system actor (CLI, jobs) through', () => {
    expect(statusOf(() => assertCan({ kind: 'anonymous' }, 'workspace.read', A))).toBe(401);
    expect(statusOf(() => requireUser({ kind: 'anonymous' }))).toBe(401);
    expect(statusOf(() => requireUser({ kind: 'system' }))).toBe(401);
    expect(can({ kind: 'system' }, 'audit.read', A)).toBe(true);
    expect(statusOf(() => assertCan({ kind: 'system' }, 'members.manage', B))).toBe('ok');
  });
});
