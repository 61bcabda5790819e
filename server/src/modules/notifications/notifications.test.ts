import { beforeAll, expect, it } from 'vitest';
import { nowIso } from '../../context.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser, seedWorkspace } from '../../../test/session.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { upsertMembership } from '../workspaces/repo.ts';
import type { NotificationOut } from './schema.ts';
import { notify } from './service.ts';

const MISSING = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describeEachDialect('notifications', (dialect) => {
  const t = useTestApp(dialect);
  let A = { id: '', slug: '' };
  let B = { id: '', slug: '' };
  let me = { id: '', email: '' };
  let other = { id: '', email: '' };
  let browser: Browser;
  let otherBrowser: Browser;
  let outsider: Browser;

  const url = (slug: string, path = '') => `/api/v1/workspaces/${slug}/me/notifications${path}`;
  const get = (who: Browser, path = '', slug = A.slug) =>
    who.inject({ method: 'GET', url: url(slug, path) });
  const post = (who: Browser, path: string, slug = A.slug) =>
    who.inject({ method: 'POST', url: url(slug, path) });
  const items = (res: { json: <T>() => T }) =>
    res.json<{ items: NotificationOut[] }>().items.map((n) => n.params.title);
  const unread = async (who: Browser, slug = A.slug) => {
    const res = await get(who, '/unread-count', slug);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ unread: number }>().unread;
  };
  /** A notification for the users, a minute after the previous one; returns the first's id. */
  const send = async (workspaceId: string, userIds: string[], title: string) => {
    t().clock.advance(60);
    const ids = await notify(t().ctx.db, {
      workspaceId,
      userIds,
      kind: 'commitment_ending',
      params: {
        commitmentId: MISSING,
        title,
        recipientName: 'Joop',
        endDate: '2026-06-30',
        days: 90,
      },
      link: `/w/x/steun/toezeggingen/${MISSING}`,
      createdAt: nowIso(t().ctx),
    });
    expect(ids).toHaveLength(userIds.length);
    return ids[0]!;
  };

  beforeAll(async () => {
    const a = await seedWorkspace(t().ctx, ['coordinator', 'member']);
    const b = await seedWorkspace(t().ctx, ['admin']);
    A = a.ws;
    B = b.ws;
    me = a.users.member!;
    other = a.users.coordinator!;
    // `me` is a member of B too: notifications stay in their own workspace.
    await upsertMembership(t().ctx.db, {
      workspace_id: B.id,
      user_id: me.id,
      role: 'member',
      created_at: nowIso(t().ctx),
    });
    browser = new Browser(t().app);
    await browser.login(me.email);
    otherBrowser = new Browser(t().app);
    await otherBrowser.login(other.email);
    outsider = new Browser(t().app);
    await outsider.login(b.users.admin!.email);
  });

  it('lists the caller’s own notifications, newest first, paged with a Link header', async () => {
    await send(A.id, [me.id, other.id], 'Eerste');
    await send(A.id, [me.id], 'Tweede');
    await send(A.id, [other.id], 'Voor een ander');
    await send(B.id, [me.id], 'Elders');
    await send(A.id, [me.id], 'Derde');

    const all = await get(browser);
    expect(all.statusCode, all.body).toBe(200);
    expect(items(all)).toEqual(['Derde', 'Tweede', 'Eerste']);
    const first = all.json<{ items: NotificationOut[]; total: number }>();
    expect(first.total).toBe(3);
    expect(first.items[0]).toMatchObject({
      kind: 'commitment_ending',
      params: {
        commitmentId: MISSING,
        title: 'Derde',
        recipientName: 'Joop',
        endDate: '2026-06-30',
        days: 90,
      },
      link: `/w/x/steun/toezeggingen/${MISSING}`,
      readAt: null,
    });
    expect(first.items[0]!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const paged = await get(browser, '?page=2&pageSize=2');
    expect(items(paged)).toEqual(['Eerste']);
    expect(String(paged.headers.link)).toContain('rel="prev"');
    expect(String(paged.headers.link)).toContain('rel="first"');

    expect(items(await get(otherBrowser))).toEqual(['Voor een ander', 'Eerste']);
    expect(items(await get(browser, '', B.slug))).toEqual(['Elders']);
    expect(await unread(browser)).toBe(3);
    expect(await unread(browser, B.slug)).toBe(1);
    expect(await unread(otherBrowser)).toBe(2);

    // Outside one's workspaces: 404, as for every workspace route.
    expect(problemOf(await get(outsider), 404).code).toBe('not_found');
    expect(problemOf(await get(outsider, '/unread-count'), 404).code).toBe('not_found');
    expect(problemOf(await get(browser, '?unread=yes'), 400).code).toBe('validation_failed');
  });

  it('marks one read: only one’s own (another’s is 404 and stays unread), idempotently', async () => {
    const mine = await send(A.id, [me.id], 'Lees mij');
    const theirs = await send(A.id, [other.id], 'Niet van jou');
    const before = await unread(browser);

    const res = await post(browser, `/${mine}/read`);
    expect(res.statusCode, res.body).toBe(200);
    const read = res.json<NotificationOut>();
    expect(read).toMatchObject({ id: mine, params: { title: 'Lees mij' } });
    expect(read.readAt).toBe(nowIso(t().ctx));
    expect(await unread(browser)).toBe(before - 1);
    expect(items(await get(browser, '?unread=true'))).not.toContain('Lees mij');
    expect(items(await get(browser, '?unread=false'))).toContain('Lees mij');

    // Again later (within the session's idle timeout): still read at the first time.
    t().clock.advance(600);
    const again = await post(browser, `/${mine}/read`);
    expect(again.json<NotificationOut>().readAt).toBe(read.readAt);
    expect(await unread(browser)).toBe(before - 1);

    // Another user's notification, an unknown one, and one's own from another workspace.
    const otherUnread = await unread(otherBrowser);
    expect(problemOf(await post(browser, `/${theirs}/read`), 404).code).toBe('not_found');
    expect(problemOf(await post(browser, `/${MISSING}/read`), 404).code).toBe('not_found');
    expect(problemOf(await post(outsider, `/${mine}/read`, B.slug), 404).code).toBe('not_found');
    expect(problemOf(await post(browser, `/${mine}/read`, B.slug), 404).code).toBe('not_found');
    expect(problemOf(await post(browser, '/not-a-uuid/read'), 400).code).toBe('validation_failed');
    expect(await unread(otherBrowser)).toBe(otherUnread);
    const row = await t()
      .ctx.db.selectFrom('notifications')
      .select('read_at')
      .where('id', '=', theirs)
      .executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });

  it('needs the CSRF token to mark read in a browser session', async () => {
    const id = await send(A.id, [me.id], 'Zonder token');
    const res = await t().app.inject({
      method: 'POST',
      url: url(A.slug, `/${id}/read`),
      headers: { cookie: browser.cookie },
    });
    expect(problemOf(res, 403).code).toBe('csrf_failed');
    expect(items(await get(browser, '?unread=true'))).toContain('Zonder token');
  });

  it('marks all of one’s own read in one workspace, nobody else’s', async () => {
    await send(A.id, [me.id, other.id], 'Samen');
    const mine = await unread(browser);
    const theirs = await unread(otherBrowser);
    const elsewhere = await unread(browser, B.slug);
    expect(mine).toBeGreaterThan(1);

    const res = await post(browser, '/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ read: mine });
    expect(await unread(browser)).toBe(0);
    expect(await unread(otherBrowser)).toBe(theirs);
    expect(await unread(browser, B.slug)).toBe(elsewhere);
    expect(items(await get(browser, '?unread=true'))).toEqual([]);
    expect((await post(browser, '/read-all')).json()).toEqual({ read: 0 });
  });

  it('links only to a path of the site', async () => {
    for (const link of ['https://example.org/x', '//example.org/x', 'w/x', '/\\example.org'])
      await expect(
        notify(t().ctx.db, {
          workspaceId: A.id,
          userIds: [me.id],
          kind: 'commitment_ending',
          params: { commitmentId: MISSING, title: 'x', recipientName: 'y', endDate: '', days: 30 },
          link,
          createdAt: nowIso(t().ctx),
        }),
      ).rejects.toThrow(/path of the site/);
  });
});
