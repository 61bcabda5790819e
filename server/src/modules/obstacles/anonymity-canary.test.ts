import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDialect, type TestApp } from '../../../test/harness.ts';
import { Browser } from '../../../test/session.ts';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts';
import { createTransport, sendDueEmails } from '../../mail/outbox.ts';
import type { ObstacleDetail } from './schema.ts';
import { obstacleFixture, type ObstacleFixture } from './test-fixture.ts';

/**
 * The anonymity canary (issue 7): a logged-in carrier files an anonymous report carrying a unique
 * marker. Then every obstacle route is called as every role, the outbox is delivered to a real
 * SMTP sink, and the logs and every row of every table are searched: nothing that mentions the
 * marker or the report may also name the reporter (account id, email, name, carrier, session).
 */
describeEachDialect('anonymity canary', (dialect) => {
  let app: TestApp;
  let sink: SmtpSink;
  let f: ObstacleFixture;
  const marker = `CANARY-${randomBytes(8).toString('hex')}`;
  let canary: ObstacleDetail;
  let identity: string[] = [];
  const bodies: { label: string; body: string }[] = [];

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await createTestApp(dialect, { smtpUrl: sink.url });
    f = await obstacleFixture(() => app);
    const reporter = f.users.member2;
    const session = await app.ctx.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', reporter.id)
      .execute();
    identity = [
      reporter.id,
      reporter.email,
      'Tweede lid',
      f.carriers.member2.id,
      f.carriers.member2.name,
      ...session.map((s) => s.id_hash),
      f.member2.cookie.split('=')[1]!,
      f.member2.csrf,
    ];
    // The reporter is active by name too, so their identity is all over the database.
    await f.report(f.member2, { title: 'Eigen benoemd knelpunt' });
    app.clock.advance(37);
    canary = await f.report(f.member2, {
      anonymous: true,
      title: `Subsidie stopt ${marker}`,
      description: `Beschrijving ${marker}`,
      whatWouldHelp: `Wat helpt ${marker}`,
    });
    app.clock.advance(41);
    // Others recognise it, it is routed, answered, moderated and a duplicate merged into it.
    for (const who of [f.member, f.researcher])
      await who.inject({
        method: 'POST',
        url: f.url(`/${canary.id}/endorsements`),
        payload: { context: `Herken ik ${marker}` },
      });
    await f.assign(canary.id);
    await f.respond(f.officer, canary.id, {
      status: 'acknowledged',
      explanation: `Gezien ${marker}`,
    });
    await f.respond(f.officer, canary.id, { status: 'in_progress' });
    const dup = await f.report(f.member, { title: 'Dubbel' });
    await f.coordinator.inject({
      method: 'POST',
      url: f.url(`/${dup.id}/merge`),
      payload: { intoId: canary.id },
    });
    await f.coordinator.inject({
      method: 'POST',
      url: f.url(`/${canary.id}/redactions`),
      payload: { field: 'description', find: 'Beschrijving', reason: 'test' },
    });
    for (const hidden of [true, false])
      await f.coordinator.inject({
        method: 'PUT',
        url: f.url(`/${canary.id}/moderation`),
        payload: { hidden, reason: 'test' },
      });
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });

  /** Nothing that mentions the marker or the report may also name the reporter. */
  const assertNoLink = (label: string, text: string) => {
    if (!text.includes(marker) && !text.includes(canary.id)) return;
    for (const id of identity) expect(text, `${label} links the report to ${id}`).not.toContain(id);
  };

  it('no route answers anything that links the report to its reporter, for any role', async () => {
    const admin = new Browser(app.app);
    await admin.login(f.users.admin.email);
    const callers = {
      admin,
      coordinator: f.coordinator,
      member: f.member,
      reporter: f.member2,
      researcher: f.researcher,
      officer: f.officer,
      officer2: f.officer2,
      outsider: f.outsider,
    };
    const W = `/api/v1/workspaces/${f.slug}`;
    const gets = [
      ...['', '?mine=reported', '?mine=endorsed', '?mine=owned', '?status=in_progress'].map(
        (q) => `${W}/obstacles${q}`,
      ),
      `${W}/obstacles/${canary.id}`,
      `${W}/obstacle-owners`,
      `${W}/obstacle-dashboard`,
      `${W}/obstacle-dashboard?year=2026`,
      `${W}/obstacle-reports/2026`,
      `${W}/obstacle-reports/2026?format=csv`,
      `${W}/audit-events`,
      `/api/v1/me`,
    ];
    for (const [name, who] of Object.entries(callers)) {
      for (const url of gets) {
        const res = await who.inject({ method: 'GET', url });
        bodies.push({ label: `${name} GET ${url}`, body: res.body });
      }
      for (const [method, path, payload] of [
        ['POST', 'endorsements', {}],
        ['POST', 'withdrawal', undefined],
        ['POST', 'responses', { status: 'resolved' }],
      ] as const) {
        // Recognising one's own anonymous report would be a link the reporter makes knowingly
        // (as an endorser); the report form says so. Every other call is made.
        if (name === 'reporter' && path === 'endorsements') continue;
        const res = await who.inject({
          method,
          url: `${W}/obstacles/${canary.id}/${path}`,
          ...(payload ? { payload } : {}),
        });
        bodies.push({ label: `${name} ${method} ${path}`, body: res.body });
      }
    }
    // The reporter's own lists do not contain it (nothing knows it is theirs).
    const mine = bodies.find((b) => b.label === `reporter GET ${W}/obstacles?mine=reported`)!;
    expect(mine.body).not.toContain(marker);
    // The canary really is visible through the API, so the search below is not vacuous.
    expect(bodies.filter((b) => b.body.includes(marker)).length).toBeGreaterThan(20);
    for (const b of bodies) assertNoLink(b.label, b.body);
  });

  it('no email links the report to its reporter', async () => {
    while ((await sendDueEmails(app.ctx, dialect, createTransport(app.ctx))) > 0);
    expect(sink.messages.length).toBeGreaterThan(0);
    for (const m of sink.messages) {
      const text = `${m.to.join(',')}\n${m.subject}\n${m.text}`;
      // No email about it goes to the anonymous reporter.
      if (text.includes(marker) || text.includes(canary.id))
        expect(m.to).not.toContain(f.users.member2.email);
      assertNoLink(`email to ${m.to.join(',')}`, text);
    }
  });

  it('no log line mentions the marker, and none that mentions the report names the reporter', () => {
    expect(app.logs.length).toBeGreaterThan(10);
    for (const line of app.logs) {
      expect(line).not.toContain(marker);
      assertNoLink('log line', line);
    }
  });

  it('no row of any table links the report to its reporter', async () => {
    const tables = (await app.ctx.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toContain('obstacles');
    let mentioning = 0;
    for (const table of tables) {
      const rows = await app.ctx.db
        .selectFrom(table as 'users')
        .selectAll()
        .execute();
      for (const row of rows) {
        const text = JSON.stringify(row);
        if (text.includes(marker) || text.includes(canary.id)) mentioning++;
        assertNoLink(`${table} row`, text);
      }
    }
    // The obstacle, its history, links, endorsements and the merged duplicate mention it.
    expect(mentioning).toBeGreaterThan(5);
    const row = await app.ctx.db
      .selectFrom('obstacles')
      .selectAll()
      .where('id', '=', canary.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ reporter_user_id: null, created_at: '2026-03-02T00:00:00.000Z' });
    const audit = await app.ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('object_id', '=', canary.id)
      .execute();
    expect(audit).toEqual([]);
  });
});
