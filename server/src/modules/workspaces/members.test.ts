import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { nowIso } from '../../context.ts';
import { insertUser } from '../auth/repo.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import { upsertMembership } from './repo.ts';

interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: string;
}

/** Parses an RFC 8288 Link header into rel → page number. */
function links(header: unknown): Record<string, { page: number; pageSize: number; path: string }> {
  const out: Record<string, { page: number; pageSize: number; path: string }> = {};
  for (const part of String(header).split(',')) {
    const m = /^\s*<([^>]+)>;\s*rel="([a-z]+)"\s*$/.exec(part);
    if (!m?.[1] || !m[2]) throw new Error(`not an RFC 8288 link: ${part}`);
    const url = new URL(m[1], 'http://x');
    out[m[2]] = {
      page: Number(url.searchParams.get('page')),
      pageSize: Number(url.searchParams.get('pageSize')),
      path: url.pathname,
    };
  }
  return out;
}

describeEachDialect('members', (dialect) => {
  const t = useTestApp(dialect);
  let slug = '';
  let workspaceId = '';
  let users: Record<string, { id: string; email: string }> = {};
  let admin: Browser;

  beforeAll(async () => {
    const seeded = await seedWorkspace(t().ctx);
    slug = seeded.ws.slug;
    workspaceId = seeded.ws.id;
    users = seeded.users;
    // 20 more members without a login, to have pages.
    for (let i = 0; i < 20; i++) {
      const id = newId();
      await insertUser(t().ctx.db, {
        id,
        email: `extra${i}@example.org`,
        display_name: `Bewoner ${String(i).padStart(2, '0')}`,
        language: 'nl',
        password_hash: null,
        password_changed_at: null,
        deactivated_at: null,
        created_at: nowIso(t().ctx),
      });
      await upsertMembership(t().ctx.db, {
        workspace_id: workspaceId,
        user_id: id,
        role: 'member',
        created_at: nowIso(t().ctx),
      });
    }
    admin = new Browser(t().app);
    await admin.login(users.admin?.email ?? '');
  });

  const list = (query: string) =>
    admin.inject({ method: 'GET', url: `/api/v1/workspaces/${slug}/members${query}` });
  const roleOf = async (userId: string) =>
    (
      await t()
        .ctx.db.selectFrom('memberships')
        .select('role')
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
    )?.role;

  it('lists members page by page with an RFC 8288 Link header', async () => {
    const seen: Member[] = [];
    const first = await list('?page=1&pageSize=10');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ page: 1, pageSize: 10, total: 25 });
    expect(links(first.headers.link)).toEqual({
      first: { page: 1, pageSize: 10, path: `/api/v1/workspaces/${slug}/members` },
      next: { page: 2, pageSize: 10, path: `/api/v1/workspaces/${slug}/members` },
      last: { page: 3, pageSize: 10, path: `/api/v1/workspaces/${slug}/members` },
    });
    seen.push(...(first.json().items as Member[]));

    const second = await list('?page=2&pageSize=10');
    expect(
      Object.fromEntries(
        Object.entries(links(second.headers.link)).map(([rel, l]) => [rel, l.page]),
      ),
    ).toEqual({ first: 1, prev: 1, next: 3, last: 3 });
    seen.push(...(second.json().items as Member[]));

    const third = await list('?page=3&pageSize=10');
    expect(third.json().items).toHaveLength(5);
    expect(
      Object.fromEntries(
        Object.entries(links(third.headers.link)).map(([rel, l]) => [rel, l.page]),
      ),
    ).toEqual({ first: 1, prev: 2, last: 3 });
    seen.push(...(third.json().items as Member[]));

    expect(new Set(seen.map((m) => m.userId)).size).toBe(25);
    // Ordered by name across pages (compared among same-case names: collations differ on case).
    const residents = seen.map((m) => m.displayName).filter((d) => d.startsWith('Bewoner'));
    expect(residents).toEqual(
      Array.from({ length: 20 }, (_, i) => `Bewoner ${String(i).padStart(2, '0')}`),
    );
    expect(seen.find((m) => m.userId === users.coordinator?.id)).toMatchObject({
      role: 'coordinator',
      email: users.coordinator?.email,
    });

    const defaults = await list('');
    expect(defaults.json()).toMatchObject({ page: 1, pageSize: 20, total: 25 });
    expect(defaults.json().items).toHaveLength(20);

    // Filtered by role (one, or several comma-separated): the 20 residents are members.
    const officers = await list('?role=policy_officer');
    expect(officers.json()).toMatchObject({ total: 1 });
    expect(officers.json().items[0].userId).toBe(users.policy_officer?.id);
    const responders = await list('?role=admin,coordinator,policy_officer');
    expect(responders.json().total).toBe(3);
    expect((responders.json().items as Member[]).map((m) => m.role).sort()).toEqual([
      'admin',
      'coordinator',
      'policy_officer',
    ]);
    expect((await list('?role=member&pageSize=100')).json().total).toBe(21);

    for (const bad of [
      '?pageSize=101',
      '?page=0',
      '?page=abc',
      '?sort=name',
      '?role=king',
      '?role=admin,,member',
    ]) {
      const res = await list(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().errors[0].location).toBe('query');
    }
  });

  it('an admin changes a role', async () => {
    const id = users.researcher?.id ?? '';
    const res = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${slug}/members/${id}`,
      payload: { role: 'policy_officer' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ userId: id, role: 'policy_officer' });
    expect(await roleOf(id)).toBe('policy_officer');
    const event = await t()
      .ctx.db.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'role.changed')
      .where('object_id', '=', id)
      .executeTakeFirst();
    expect(event).toMatchObject({
      result: 'ok',
      actor_user_id: users.admin?.id,
      workspace_id: workspaceId,
    });
  });

  it('removing a member ends their sessions and revokes their API tokens', async () => {
    const victim = users.member ?? { id: '', email: '' };
    const b = new Browser(t().app);
    await b.login(victim.email);
    const created = await b.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/api-tokens`,
      payload: { name: 'script' },
    });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().token as string}` };
    expect(
      (await t().app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode,
    ).toBe(200);

    const res = await admin.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${slug}/members/${victim.id}`,
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(await roleOf(victim.id)).toBeUndefined();
    expect((await b.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
    expect(
      (await t().app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode,
    ).toBe(401);
    expect(
      await t()
        .ctx.db.selectFrom('sessions')
        .select('id_hash')
        .where('user_id', '=', victim.id)
        .execute(),
    ).toEqual([]);
    const token = await t()
      .ctx.db.selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    expect(token.revoked_at).not.toBeNull();
    expect(
      (
        await admin.inject({
          method: 'DELETE',
          url: `/api/v1/workspaces/${slug}/members/${victim.id}`,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('the last admin can be neither demoted nor removed (400 last_admin)', async () => {
    const adminId = users.admin?.id ?? '';
    const demote = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${slug}/members/${adminId}`,
      payload: { role: 'member' },
    });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().code).toBe('last_admin');
    const remove = await admin.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${slug}/members/${adminId}`,
    });
    expect(remove.statusCode).toBe(400);
    expect(remove.json().code).toBe('last_admin');
    expect(await roleOf(adminId)).toBe('admin');
    // Staying admin is allowed.
    expect(
      (
        await admin.inject({
          method: 'PATCH',
          url: `/api/v1/workspaces/${slug}/members/${adminId}`,
          payload: { role: 'admin' },
        })
      ).statusCode,
    ).toBe(200);

    // With a second admin, the first may step down.
    const second = users.coordinator?.id ?? '';
    expect(
      (
        await admin.inject({
          method: 'PATCH',
          url: `/api/v1/workspaces/${slug}/members/${second}`,
          payload: { role: 'admin' },
        })
      ).statusCode,
    ).toBe(200);
    const stepDown = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/workspaces/${slug}/members/${adminId}`,
      payload: { role: 'coordinator' },
    });
    expect(stepDown.statusCode, stepDown.body).toBe(200);
    expect(await roleOf(adminId)).toBe('coordinator');
  });
});
