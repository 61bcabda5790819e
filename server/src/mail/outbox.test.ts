import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { buildApp, type Built } from '../app.ts';
import type { AppContext } from '../context.ts';
import { openDatabase } from '../db/dialect.ts';
import {
  createTestApp,
  describeEachDialect,
  testConfig,
  type TestApp,
} from '../../test/harness.ts';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.ts';
import {
  backoffSeconds,
  createTransport,
  enqueueEmail,
  LEASE_SECONDS,
  MAX_ATTEMPTS,
  SEND_BUDGET_SECONDS,
  sendDueEmails,
  type MailTransport,
} from './outbox.ts';

const quiet = () => new Writable({ write: (_c, _e, cb) => cb() });

/** A port nothing listens on: SMTP "down" at the TCP level. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const secondsBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 1000;

describeEachDialect('email outbox', (dialect) => {
  let sink: SmtpSink;
  let t: TestApp;
  let smtp: MailTransport;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp(dialect, { smtpUrl: sink.url });
    smtp = createTransport(t.ctx);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });
  beforeEach(async () => {
    await t.ctx.db.deleteFrom('outbox_emails').execute();
    sink.clear();
    sink.rejecting = false;
  });

  const outbox = () =>
    t.ctx.db.selectFrom('outbox_emails').selectAll().orderBy('to_address').execute();
  const enqueue = (to: string, ctx: AppContext = t.ctx) =>
    enqueueEmail(ctx, ctx.db, {
      to,
      subject: `Bericht voor ${to}`,
      text: `Hallo ${to}, één bericht.`,
    });

  it('an email enqueued in a transaction that rolls back does not exist', async () => {
    await expect(
      t.ctx.db.transaction().execute(async (trx) => {
        await enqueueEmail(t.ctx, trx, { to: 'weg@example.org', subject: 'Weg', text: 'weg' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await outbox()).toHaveLength(0);

    await t.ctx.db.transaction().execute(async (trx) => {
      await enqueueEmail(t.ctx, trx, {
        to: 'blijft@example.org',
        subject: 'Blijft',
        text: 'blijft',
      });
    });
    const rows = await outbox();
    expect(rows.map((r) => [r.to_address, r.status, r.attempts])).toEqual([
      ['blijft@example.org', 'pending', 0],
    ]);
  });

  it('delivers a due email over SMTP once and marks it sent', async () => {
    await enqueue('ann@example.org');
    expect(await sendDueEmails(t.ctx, dialect, smtp)).toBe(1);
    const mail = await sink.waitFor((m) => m.to.includes('ann@example.org'));
    expect(mail.subject).toBe('Bericht voor ann@example.org');
    expect(mail.text).toContain('Hallo ann@example.org, één bericht.');
    expect(mail.headers.from).toContain('no-reply@wijkdragers.localhost');
    const [row] = await outbox();
    expect(row?.status).toBe('sent');
    expect(row?.sent_at).toBe(t.clock.now().toISOString());
    expect(row?.locked_until).toBeNull();
    // Once delivered, the row keeps no address and no text (links, a participant's address).
    expect(row).toMatchObject({
      to_address: '',
      body_text: '',
      subject: 'Bericht voor ann@example.org',
    });

    expect(await sendDueEmails(t.ctx, dialect, smtp)).toBe(0);
    expect(sink.messages).toHaveLength(1);
  });

  it('SMTP refusing: attempts and backoff grow, the email stays pending, and is sent once SMTP is back', async () => {
    sink.rejecting = true;
    await enqueue('bob@example.org');

    expect(await sendDueEmails(t.ctx, dialect, smtp)).toBe(0);
    let [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
    expect(row?.last_error).toContain('451');
    expect(secondsBetween(t.clock.now().toISOString(), row?.next_attempt_at ?? '')).toBe(30);

    // Not due yet: nothing is tried.
    expect(await sendDueEmails(t.ctx, dialect, smtp)).toBe(0);
    expect((await outbox())[0]?.attempts).toBe(1);

    t.clock.advance(30);
    await sendDueEmails(t.ctx, dialect, smtp);
    [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(secondsBetween(t.clock.now().toISOString(), row?.next_attempt_at ?? '')).toBe(60);

    sink.rejecting = false;
    t.clock.advance(60);
    expect(await sendDueEmails(t.ctx, dialect, smtp)).toBe(1);
    [row] = await outbox();
    expect(row?.status).toBe('sent');
    expect(sink.messages.filter((m) => m.to.includes('bob@example.org'))).toHaveLength(1);
  });

  it('an unreachable SMTP server, for longer than every retry, never loses the email', async () => {
    const down = createTransport({
      config: { ...t.ctx.config, smtpUrl: `smtp://127.0.0.1:${await closedPort()}` },
    });
    await enqueue('carla@example.org');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS + 3; attempt++) {
      expect(await sendDueEmails(t.ctx, dialect, down)).toBe(0);
      const [row] = await outbox();
      expect(row).toMatchObject({ status: 'pending', attempts: attempt });
      expect(row?.last_error).toMatch(/ECONNREFUSED/);
      const wait = secondsBetween(t.clock.now().toISOString(), row?.next_attempt_at ?? '');
      expect(wait).toBe(backoffSeconds(attempt));
      t.clock.advance(wait);
    }
    expect(backoffSeconds(MAX_ATTEMPTS + 3)).toBe(6 * 3600);
    expect(await sendDueEmails(t.ctx, dialect, smtp)).toBe(1);
    expect((await outbox())[0]?.status).toBe('sent');
    expect(sink.messages).toHaveLength(1);
  });

  it('a permanent refusal (5xx) is given up after the last attempt', async () => {
    const refusing: MailTransport = {
      send: () =>
        Promise.reject(Object.assign(new Error('550 no such mailbox'), { responseCode: 550 })),
    };
    await enqueue('nobody@example.org');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await sendDueEmails(t.ctx, dialect, refusing);
      t.clock.advance(backoffSeconds(attempt));
    }
    const [row] = await outbox();
    expect(row).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      to_address: '',
      body_text: '',
    });
    t.clock.advance(86400);
    expect(await sendDueEmails(t.ctx, dialect, smtp)).toBe(0);
    expect(sink.messages).toHaveLength(0);
  });

  it('slow deliveries never run past the claim: the rest is released, then sent once', async () => {
    for (const n of [1, 2, 3, 4, 5]) await enqueue(`slow${n}@example.org`);
    const slow: MailTransport = {
      send: async (m) => {
        await smtp.send(m);
        t.clock.advance(60);
      },
    };
    const sentFirst = await sendDueEmails(t.ctx, dialect, slow);
    // 60 s per send: after four, less than the send budget is left on the 300 s claim.
    expect(LEASE_SECONDS).toBe(300);
    expect(SEND_BUDGET_SECONDS).toBe(90);
    expect(sentFirst).toBe(4);
    const released = (await outbox()).filter((r) => r.status !== 'sent');
    expect(released.map((r) => [r.status, r.locked_until, r.attempts])).toEqual([
      ['pending', null, 0],
    ]);

    expect(await sendDueEmails(t.ctx, dialect, smtp)).toBe(1);
    for (const n of [1, 2, 3, 4, 5]) {
      expect(sink.messages.filter((m) => m.to.includes(`slow${n}@example.org`))).toHaveLength(1);
    }
  });

  it('in production without SMTP_URL the email stays pending and never reaches a log', async () => {
    const noSmtp = createTransport({
      config: { ...t.ctx.config, env: 'production', smtpUrl: undefined },
    });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await enqueueEmail(t.ctx, t.ctx.db, {
        to: 'dora@example.org',
        subject: 'Reset',
        text: 'https://x/#token=geheim-123',
      });
      expect(await sendDueEmails(t.ctx, dialect, noSmtp)).toBe(0);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).not.toContain('geheim-123');
    } finally {
      stderr.mockRestore();
    }
    const [row] = await outbox();
    expect(row).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'SMTP_URL is not configured',
    });
    expect(t.logs.join('')).not.toContain('geheim-123');
  });

  it('two senders running at once deliver each of 50 messages exactly once', async () => {
    const recipients = Array.from(
      { length: 50 },
      (_, i) => `m${String(i).padStart(2, '0')}@example.org`,
    );
    for (const to of recipients) await enqueue(to);

    // PostgreSQL: a second app instance with its own connection pool on the same database.
    // SQLite (one instance per database by design): a second sender in the same process.
    let second: Built | undefined;
    let secondCtx = t.ctx;
    if (dialect === 'postgres') {
      second = await buildApp(testConfig(t.testDb.url, { smtpUrl: sink.url }), {
        clock: t.clock,
        database: openDatabase(t.testDb.url),
        logStream: quiet(),
      });
      secondCtx = second.ctx;
    }
    const drain = async (ctx: AppContext) => {
      const transport = createTransport(ctx);
      let total = 0;
      for (let n = -1; n !== 0;) {
        n = await sendDueEmails(ctx, dialect, transport, 5);
        total += n;
      }
      return total;
    };
    try {
      const [a, b] = await Promise.all([drain(t.ctx), drain(secondCtx)]);
      expect(a + b).toBe(50);
    } finally {
      if (second) {
        await second.app.close();
        await second.database.destroy();
      }
    }
    expect(sink.messages).toHaveLength(50);
    const delivered = sink.messages.flatMap((m) => m.to).sort();
    expect(delivered).toEqual(recipients);
    expect((await outbox()).every((r) => r.status === 'sent' && r.attempts === 0)).toBe(true);
  });
});
