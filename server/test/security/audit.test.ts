import { beforeAll, expect, it } from 'vitest';
import { deactivateUser } from '../../src/modules/workspaces/service.ts';
import { describeEachDialect } from '../harness.ts';
import { Browser, PASSWORD, seedWorkspace } from '../session.ts';
import { findLeaks, useSecurityApp } from './support.ts';

const CLIENT_IP = '203.0.113.77';

describeEachDialect('audit log of security events', (dialect) => {
  const t = useSecurityApp(dialect);
  const secrets: string[] = [PASSWORD, CLIENT_IP];
  let ws = { id: '', slug: '' };
  let users: Record<string, { id: string; email: string }> = {};
  let admin: Browser;

  beforeAll(async () => {
    const seeded = await seedWorkspace(t().ctx, ['admin', 'member', 'researcher']);
    ws = seeded.ws;
    users = seeded.users;
    secrets.push(...Object.values(users).map((u) => u.email));
    admin = new Browser(t().app);
    await admin.login(users.admin!.email);
    secrets.push(admin.cookie.split('=')[1]!, admin.csrf);
  });

  /** The newest outbox email to an address, and the token in its link. */
  async function mailedToken(to: string): Promise<string> {
    const mail = await t()
      .ctx.db.selectFrom('outbox_emails')
      .select(['body_text', 'created_at'])
      .where('to_address', '=', to)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.body_text)?.[1];
    expect(token, mail.body_text).toBeDefined();
    secrets.push(token!);
    return token!;
  }

  const events = () =>
    t().ctx.db.selectFrom('audit_events').selectAll().orderBy('created_at').execute();

  it('records login ok/failed, logout, role change, invitations, password reset and change, tokens, removal and deactivation', async () => {
    const app = t().app;
    const member = users.member!;
    const researcher = users.researcher!;
    const from = { remoteAddress: CLIENT_IP, headers: { 'x-forwarded-for': CLIENT_IP } };

    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      ...from,
      payload: { email: member.email, password: 'een verkeerd wachtwoord' },
    });
    expect(bad.statusCode).toBe(401);
    secrets.push('een verkeerd wachtwoord');
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      ...from,
      payload: { email: 'niemand@example.org', password: PASSWORD },
    });
    expect(unknown.statusCode).toBe(401);
    secrets.push('niemand@example.org');

    const m = new Browser(app);
    await m.login(member.email);
    secrets.push(m.cookie.split('=')[1]!, m.csrf);
    expect((await m.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);

    expect(
      (
        await admin.inject({
          method: 'PATCH',
          url: `/api/v1/workspaces/${ws.slug}/members/${member.id}`,
          payload: { role: 'coordinator' },
        })
      ).statusCode,
    ).toBe(200);

    const invitee = `invitee.${dialect}@example.org`;
    secrets.push(invitee);
    const inv = await admin.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws.slug}/invitations`,
      payload: { email: invitee, role: 'member' },
    });
    expect(inv.statusCode).toBe(201);
    const invToken = await mailedToken(invitee);
    const revokeMe = await admin.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws.slug}/invitations`,
      payload: { email: `other.${invitee}`, role: 'member' },
    });
    secrets.push(`other.${invitee}`);
    expect(
      (
        await admin.inject({
          method: 'DELETE',
          url: `/api/v1/workspaces/${ws.slug}/invitations/${revokeMe.json().id}`,
        })
      ).statusCode,
    ).toBe(204);
    const newPassword = 'mijn geheime nieuwe zin';
    secrets.push(newPassword, 'Nieuwe Deelnemer');
    const accepted = await app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token: invToken, displayName: 'Nieuwe Deelnemer', password: newPassword },
    });
    expect(accepted.statusCode).toBe(200);

    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-reset-requests',
          payload: { email: researcher.email },
        })
      ).statusCode,
    ).toBe(202);
    const resetToken = await mailedToken(researcher.email);
    const resetPassword = 'een heel ander wachtwoord';
    secrets.push(resetPassword);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/password-resets',
          payload: { token: resetToken, password: resetPassword },
        })
      ).statusCode,
    ).toBe(204);

    const created = await admin.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${ws.slug}/api-tokens`,
      payload: { name: 'audit' },
    });
    expect(created.statusCode).toBe(201);
    secrets.push(created.json().token);
    expect(
      (
        await admin.inject({
          method: 'DELETE',
          url: `/api/v1/workspaces/${ws.slug}/api-tokens/${created.json().id}`,
        })
      ).statusCode,
    ).toBe(204);

    const r = new Browser(app);
    await r.login(researcher.email, resetPassword);
    const changedPassword = 'weer een ander wachtwoord';
    secrets.push(changedPassword, r.cookie.split('=')[1]!);
    expect(
      (
        await r.inject({
          method: 'POST',
          url: '/api/v1/me/password',
          payload: { currentPassword: resetPassword, newPassword: changedPassword },
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await admin.inject({
          method: 'DELETE',
          url: `/api/v1/workspaces/${ws.slug}/members/${researcher.id}`,
        })
      ).statusCode,
    ).toBe(204);
    await deactivateUser(t().ctx, researcher.email);

    const all = await events();
    const has = (
      action: string,
      result: string,
      check: (e: (typeof all)[number]) => boolean = () => true,
    ) =>
      expect(
        all.some((e) => e.action === action && e.result === result && check(e)),
        `${action}/${result} in ${JSON.stringify(all.map((e) => `${e.action}/${e.result}`))}`,
      ).toBe(true);
    has('login', 'failed', (e) => e.actor_user_id === member.id);
    has('login', 'failed', (e) => e.actor_user_id === null); // unknown account
    has('login', 'ok', (e) => e.actor_user_id === member.id);
    has('logout', 'ok', (e) => e.actor_user_id === member.id);
    has(
      'role.changed',
      'ok',
      (e) =>
        e.actor_user_id === users.admin!.id &&
        e.object_id === member.id &&
        e.workspace_id === ws.id,
    );
    has(
      'invitation.created',
      'ok',
      (e) => e.object_id === inv.json().id && e.workspace_id === ws.id,
    );
    has('invitation.revoked', 'ok', (e) => e.object_id === revokeMe.json().id);
    has('invitation.accepted', 'ok', (e) => e.object_id === inv.json().id);
    has('password.reset_requested', 'ok', (e) => e.actor_user_id === researcher.id);
    has('password.reset', 'ok', (e) => e.actor_user_id === researcher.id);
    has('password.changed', 'ok', (e) => e.actor_user_id === researcher.id);
    has(
      'token.created',
      'ok',
      (e) => e.object_id === created.json().id && e.workspace_id === ws.id,
    );
    has('token.revoked', 'ok', (e) => e.object_id === created.json().id);
    has('member.removed', 'ok', (e) => e.object_id === researcher.id);
    has('account.deactivated', 'ok', (e) => e.object_id === researcher.id);
    for (const e of all)
      expect(e.created_at, 'UTC ISO 8601').toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('stores no password, token, email address, name or IP address in any audit column', async () => {
    const all = await events();
    expect(all.length).toBeGreaterThan(10);
    const cells = all.flatMap((row) =>
      Object.entries(row)
        .filter(([, v]) => typeof v === 'string')
        .map(([k, v]) => `${row.action}.${k}=${String(v)}`),
    );
    const leaks = findLeaks(cells, secrets);
    expect(leaks, JSON.stringify(leaks, null, 2)).toEqual([]);
    for (const cell of cells) expect(cell).not.toMatch(/@|\b\d{1,3}(\.\d{1,3}){3}\b/);
  });

  it('shows the workspace events to admins through the API, newest first', async () => {
    const res = await admin.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${ws.slug}/audit-events?pageSize=100`,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { action: string; createdAt: string }[] }>().items;
    expect(items.map((i) => i.action)).toEqual(
      expect.arrayContaining([
        'role.changed',
        'invitation.created',
        'token.created',
        'member.removed',
      ]),
    );
    const times = items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
