import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { runDueWork } from '../../jobs/runner.ts';
import type { MailTransport } from '../../mail/outbox.ts';
import { checkInFixture, type CheckInFixture } from './test-fixture.ts';

const DAY = 86400;

/**
 * The text of a check-in (and its scores) stays with the carrier and whom they share with: it
 * never reaches the logs (even at trace level), audit events or emails, and no role opens it.
 */
describeEachDialect('check-ins: privacy', (dialect) => {
  const t = useTestApp(dialect, { logLevel: 'trace' });
  let f: CheckInFixture;
  const MARKER = `MARKER-${Math.random().toString(36).slice(2)}-ZORGEN`;
  const WISH = `WENS-${Math.random().toString(36).slice(2)}`;
  const mails: { to: string; subject: string; text: string }[] = [];
  const transport: MailTransport = {
    send: (m) => {
      mails.push(m);
      return Promise.resolve();
    },
  };
  let id = '';

  beforeAll(async () => {
    f = await checkInFixture(t);
    const res = await f.member.inject({
      method: 'PUT',
      url: `${f.W}/me/check-in-settings`,
      payload: { reminderInterval: 'weekly', language: 'nl' },
    });
    expect(res.statusCode, res.body).toBe(200);
    id = (await f.file(f.member, { date: '2026-03-02', note: MARKER, developmentWishes: WISH })).id;
    // A refused request carrying the text, a share and a revocation, and a reminder.
    const bad = await f.member.inject({
      method: 'POST',
      url: `${f.W}/me/check-ins`,
      payload: f.body({ note: MARKER, developmentWishes: WISH, workload: 7, date: '2030-01-01' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain(MARKER);
    for (const method of ['POST', 'DELETE'] as const) {
      const r = await f.member.inject({
        method,
        url: `${f.W}/me/check-in-shares${method === 'DELETE' ? `/${f.users.member2.id}` : ''}`,
        ...(method === 'POST' ? { payload: { email: f.users.member2.email } } : {}),
      });
      expect(r.statusCode, r.body).toBeLessThan(300);
    }
    t().clock.advance(7 * DAY);
    await runDueWork(t().ctx, dialect, transport);
    await f.relogin();
  });

  it('keeps the text out of logs, audit events and emails', async () => {
    expect(mails.length).toBeGreaterThan(0); // the reminder went out
    const logs = t().logs.join('\n');
    expect(logs).toContain('/me/check-ins'); // logs were really captured
    const audit = JSON.stringify(await t().ctx.db.selectFrom('audit_events').selectAll().execute());
    expect(audit).toContain('checkins.shared');
    const outbox = JSON.stringify(
      await t().ctx.db.selectFrom('outbox_emails').selectAll().execute(),
    );
    for (const secret of [MARKER, WISH]) {
      expect(logs).not.toContain(secret);
      expect(audit).not.toContain(secret);
      expect(outbox).not.toContain(secret);
      expect(JSON.stringify(mails)).not.toContain(secret);
    }
  });

  it('is not readable by a coordinator, admin or policy officer through any check-in route', async () => {
    for (const who of [f.coordinator, f.admin, f.officer, f.member2, f.researcher]) {
      const reads = [
        `${f.W}/me/check-ins`,
        `${f.W}/me/check-ins/${id}`,
        `${f.W}/shared-check-ins`,
        `${f.W}/shared-check-ins?ownerUserId=${f.users.member.id}`,
        `${f.W}/check-in-aggregates?period=month`,
        `${f.W}/check-in-aggregates?period=quarter`,
        `${f.W}/check-in-aggregates?period=year`,
        `${f.W}/me/check-in-settings`,
        `${f.W}/me/check-in-shares`,
      ];
      for (const url of reads) {
        const res = await who.inject({ method: 'GET', url });
        expect(res.statusCode, url).not.toBe(500);
        expect(res.body, url).not.toContain(MARKER);
        expect(res.body, url).not.toContain(WISH);
        // By id: 404 (its problem names the path); lists do not mention it.
        if (url.includes(id)) expect(res.statusCode, url).toBe(404);
        else expect(res.body, url).not.toContain(id);
      }
      const del = await who.inject({ method: 'DELETE', url: `${f.W}/me/check-ins/${id}` });
      expect(del.statusCode).toBe(404);
    }
    // The carrier still has it, whole.
    const own = await f.member.inject({ method: 'GET', url: `${f.W}/me/check-ins/${id}` });
    expect(own.json()).toMatchObject({ note: MARKER, developmentWishes: WISH });
  });
});
