import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTransport, sendDueEmails } from '../../mail/outbox.ts';
import { createTestApp, describeEachDialect, type TestApp } from '../../../test/harness.ts';
import { Browser, PASSWORD, seedWorkspace } from '../../../test/session.ts';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts';

const NEW_PASSWORD = 'welcome to the neighbourhood';

describeEachDialect('invitations', (dialect) => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: Browser;
  let slug = '';
  let workspaceId = '';
  let adminEmail = '';
  let memberEmail = '';
  let outsider = { id: '', email: '' };
  let n = 0;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp(dialect, { smtpUrl: sink.url });
    const a = await seedWorkspace(t.ctx, ['admin', 'member']);
    slug = a.ws.slug;
    workspaceId = a.ws.id;
    memberEmail = a.users.member?.email ?? '';
    const b = await seedWorkspace(t.ctx, ['member']);
    outsider = b.users.member ?? outsider;
    adminEmail = a.users.admin?.email ?? '';
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });
  /** Tests move the clock by days, past the session timeouts: the admin logs in again. */
  async function freshAdmin() {
    admin = new Browser(t.app);
    await admin.login(adminEmail);
  }
  beforeEach(async () => {
    sink.clear();
    await freshAdmin();
  });

  const count = async (
    table: 'users' | 'memberships' | 'invitations' | 'outbox_emails' | 'sessions',
  ) =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
  const invite = (email: string, role = 'coordinator') =>
    admin.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${slug}/invitations`,
      payload: { email, role },
    });
  const freshEmail = () => `uitgenodigd${++n}@example.org`;

  /** Invites, sends the outbox over SMTP and returns the token from the mailed link. */
  async function invitedToken(email: string, role = 'coordinator') {
    const res = await invite(email, role);
    expect(res.statusCode, res.body).toBe(201);
    await sendDueEmails(t.ctx, dialect, createTransport(t.ctx));
    const mail = await sink.waitFor((m) => m.to.includes(email));
    const token = /\/uitnodiging#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    return { id: res.json().id as string, token: token ?? '' };
  }

  it('an admin invites by email: 201, an outbox email with a #token= link, and a lookup of what it is for', async () => {
    const email = freshEmail();
    const before = await count('outbox_emails');
    const res = await invite(email.toUpperCase());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ email, role: 'coordinator', language: 'nl', status: 'open' });
    expect(body).not.toHaveProperty('token');
    expect(Date.parse(body.expiresAt) - Date.parse(body.createdAt)).toBe(7 * 86400 * 1000);
    expect(await count('outbox_emails')).toBe(before + 1);
    const row = await t.ctx.db
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.body_text).toMatch(
      new RegExp(`${t.ctx.config.publicUrl}/uitnodiging#token=[A-Za-z0-9_-]{43}`),
    );
    const stored = await t.ctx.db
      .selectFrom('invitations')
      .select('token_hash')
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.body_text).not.toContain(stored.token_hash);

    await sendDueEmails(t.ctx, dialect, createTransport(t.ctx));
    const mail = await sink.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toContain('Uitnodiging voor Testgemeente');
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? '';
    const lookup = await post('/api/v1/invitations/lookup', { token });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toEqual({
      workspaceSlug: slug,
      workspaceName: expect.stringContaining('Testgemeente'),
      email,
      role: 'coordinator',
      accountExists: false,
    });

    const list = await admin.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/invitations`,
    });
    expect(list.json().items.find((i: { id: string }) => i.id === body.id)?.status).toBe('open');
  });

  it('accepting creates the account, logs in, and the token works once', async () => {
    const email = freshEmail();
    const { token } = await invitedToken(email);
    const users = await count('users');

    const res = await post('/api/v1/invitations/accept', {
      token,
      displayName: 'Nieuwe Coördinator',
      password: NEW_PASSWORD,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/wd_session=[^;]+;.*HttpOnly/);
    expect(res.json()).toMatchObject({
      email,
      displayName: 'Nieuwe Coördinator',
      workspaces: [{ slug, role: 'coordinator' }],
    });
    expect(await count('users')).toBe(users + 1);

    const b = new Browser(t.app);
    b.absorb(res.headers['set-cookie']);
    b.csrf = res.json().csrfToken;
    const me = await b.inject({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(email);
    expect((await post('/api/v1/auth/login', { email, password: NEW_PASSWORD })).statusCode).toBe(
      200,
    );

    const again = await post('/api/v1/invitations/accept', {
      token,
      displayName: 'Tweede keer',
      password: 'another long passphrase',
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('token_invalid');
    expect((await post('/api/v1/invitations/lookup', { token })).json().code).toBe('token_invalid');
    expect(await count('users')).toBe(users + 1);
  });

  it('a new account needs a name and an acceptable password; every problem is listed and nothing is created', async () => {
    const { token } = await invitedToken(freshEmail());
    const before = [await count('users'), await count('memberships'), await count('sessions')];
    const res = await post('/api/v1/invitations/accept', {
      token,
      displayName: '   ',
      password: 'wachtwoord',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { pointer: string; code: string }) => `${e.pointer} ${e.code}`)
        .sort(),
    ).toEqual(['/displayName required', '/password password_too_common', '/password too_short']);
    expect([await count('users'), await count('memberships'), await count('sessions')]).toEqual(
      before,
    );
    // The refused attempt did not use the token up.
    expect((await post('/api/v1/invitations/lookup', { token })).statusCode).toBe(200);
  });

  it('an invitation expires after 7 days', async () => {
    const email = freshEmail();
    const { id, token } = await invitedToken(email);
    t.clock.advance(7 * 86400 - 1);
    expect((await post('/api/v1/invitations/lookup', { token })).statusCode).toBe(200);
    t.clock.advance(1);
    const lookup = await post('/api/v1/invitations/lookup', { token });
    expect(lookup.statusCode).toBe(400);
    expect(lookup.json().code).toBe('token_invalid');
    const accept = await post('/api/v1/invitations/accept', {
      token,
      displayName: 'Te laat',
      password: NEW_PASSWORD,
    });
    expect(accept.json().code).toBe('token_invalid');
    await freshAdmin();
    const list = await admin.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/invitations?pageSize=100`,
    });
    expect(list.json().items.find((i: { id: string }) => i.id === id)?.status).toBe('expired');
    // An expired invitation does not block a new one.
    expect((await invite(email)).statusCode).toBe(201);
  });

  it('a revoked invitation is refused', async () => {
    const email = freshEmail();
    const { id, token } = await invitedToken(email);
    const del = await admin.inject({
      method: 'DELETE',
      url: `/api/v1/workspaces/${slug}/invitations/${id}`,
    });
    expect(del.statusCode).toBe(204);
    const accept = await post('/api/v1/invitations/accept', {
      token,
      displayName: 'Ingetrokken',
      password: NEW_PASSWORD,
    });
    expect(accept.statusCode).toBe(400);
    expect(accept.json().code).toBe('token_invalid');
    expect(
      await t.ctx.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      (
        await admin.inject({
          method: 'DELETE',
          url: `/api/v1/workspaces/${slug}/invitations/${id}`,
        })
      ).statusCode,
    ).toBe(404);
    const list = await admin.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${slug}/invitations?pageSize=100`,
    });
    expect(list.json().items.find((i: { id: string }) => i.id === id)?.status).toBe('revoked');
  });

  it('a second open invitation for the same address, or one for a member, is a conflict (409)', async () => {
    const email = freshEmail();
    expect((await invite(email)).statusCode).toBe(201);
    const before = [await count('invitations'), await count('outbox_emails')];

    const dup = await invite(email, 'member');
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      code: 'already_invited',
      errors: [{ pointer: '/email', code: 'already_invited' }],
    });

    const member = await invite(memberEmail.toUpperCase());
    expect(member.statusCode).toBe(409);
    expect(member.json().code).toBe('already_member');
    expect([await count('invitations'), await count('outbox_emails')]).toEqual(before);
  });

  it("accepting for an existing account requires that account's session", async () => {
    const { token } = await invitedToken(outsider.email, 'researcher');
    expect((await post('/api/v1/invitations/lookup', { token })).json().accountExists).toBe(true);
    const before = [await count('users'), await count('memberships')];

    const anonymous = await post('/api/v1/invitations/accept', { token });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('login_required');

    const someoneElse = new Browser(t.app);
    await someoneElse.login(memberEmail);
    const wrong = await someoneElse.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token },
    });
    expect(wrong.statusCode).toBe(401);
    expect([await count('users'), await count('memberships')]).toEqual(before);

    const invitee = new Browser(t.app);
    await invitee.login(outsider.email, PASSWORD);
    const ok = await invitee.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().workspaces.map((w: { slug: string; role: string }) => w.role)).toContain(
      'researcher',
    );
    expect(await count('users')).toBe(before[0]);
    expect(await count('memberships')).toBe((before[1] ?? 0) + 1);
    const m = await t.ctx.db
      .selectFrom('memberships')
      .select('role')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', outsider.id)
      .executeTakeFirst();
    expect(m?.role).toBe('researcher');
    expect(
      (
        await invitee.inject({
          method: 'POST',
          url: '/api/v1/invitations/accept',
          payload: { token },
        })
      ).statusCode,
    ).toBe(400);
  });
});
