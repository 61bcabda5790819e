import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { newId, newToken, sha256 } from '../auth/crypto.ts';
import { isoAfter, nowIso, type AppContext } from '../context.ts';
import { openDatabase, type DatabaseHandle } from '../db/dialect.ts';
import { enqueueEmail, createTransport } from '../mail/outbox.ts';
import { insertPasswordReset, insertSession } from '../modules/auth/repo.ts';
import { createSession } from '../modules/auth/sessions.ts';
import { createUserWithRole, createWorkspace } from '../modules/workspaces/service.ts';
import { createTestApp, describeEachDialect, type TestApp } from '../../test/harness.ts';
import { PASSWORD } from '../../test/session.ts';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink.ts';
import { cleanup } from './cleanup.ts';
import { claimScheduledJob, ensureScheduledJob, finishScheduledJob } from './repo.ts';
import { runDueWork, scheduledJobs, startJobRunner, type ScheduledJob } from './runner.ts';

describeEachDialect('job runner', (dialect) => {
  let sink: SmtpSink;
  let t: TestApp;
  /** PostgreSQL: a second connection pool on the same database, as a second instance has. */
  let other: DatabaseHandle | undefined;
  let otherCtx: AppContext;
  let userId = '';

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createTestApp(dialect, { smtpUrl: sink.url, jobPollMs: 20 });
    other = dialect === 'postgres' ? openDatabase(t.testDb.url) : undefined;
    otherCtx = { ...t.ctx, db: other?.db ?? t.ctx.db };
    const ws = await createWorkspace(t.ctx, { name: 'Jobs', gemeentecode: 'GM0363' });
    userId = (
      await createUserWithRole(t.ctx, {
        email: 'jobs@example.org',
        displayName: 'Jobs',
        password: PASSWORD,
        workspaceId: ws.id,
        role: 'member',
      })
    ).id;
  });
  afterAll(async () => {
    await other?.destroy();
    await t?.close();
    await sink?.close();
  });
  beforeEach(() => sink.clear());

  it('a due scheduled job is claimed by exactly one of two concurrent claimers', async () => {
    await ensureScheduledJob(t.ctx.db, 'claim-test', 60, nowIso(t.ctx));
    for (let round = 0; round < 10; round++) {
      const now = nowIso(t.ctx);
      const lease = isoAfter(t.ctx, 600);
      const wins = await Promise.all([
        claimScheduledJob(t.ctx.db, 'claim-test', now, lease),
        claimScheduledJob(otherCtx.db, 'claim-test', now, lease),
      ]);
      expect(wins.filter(Boolean)).toHaveLength(1);
      // While claimed nobody else gets it; once finished it is due again after its interval.
      expect(await claimScheduledJob(otherCtx.db, 'claim-test', now, lease)).toBe(false);
      await finishScheduledJob(t.ctx.db, 'claim-test', now, isoAfter(t.ctx, 60), null);
      expect(await claimScheduledJob(t.ctx.db, 'claim-test', now, lease)).toBe(false);
      t.clock.advance(60);
    }
  });

  it('a claim left by a crashed instance lapses after its lease', async () => {
    await ensureScheduledJob(t.ctx.db, 'crash-test', 60, nowIso(t.ctx));
    expect(
      await claimScheduledJob(t.ctx.db, 'crash-test', nowIso(t.ctx), isoAfter(t.ctx, 600)),
    ).toBe(true);
    t.clock.advance(599);
    expect(
      await claimScheduledJob(otherCtx.db, 'crash-test', nowIso(t.ctx), isoAfter(t.ctx, 600)),
    ).toBe(false);
    t.clock.advance(2);
    expect(
      await claimScheduledJob(otherCtx.db, 'crash-test', nowIso(t.ctx), isoAfter(t.ctx, 600)),
    ).toBe(true);
  });

  it('two instances running due work at once run each job once and send each email once', async () => {
    let runs = 0;
    const counter: ScheduledJob = {
      name: 'count-runs',
      intervalSeconds: 300,
      run: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 20));
      },
    };
    const failing: ScheduledJob = {
      name: 'always-fails',
      intervalSeconds: 300,
      run: () => Promise.reject(new Error('job broke')),
    };
    scheduledJobs.push(counter, failing);
    try {
      for (const n of [1, 2, 3])
        await enqueueEmail(t.ctx, t.ctx.db, {
          to: `job${n}@example.org`,
          subject: 'Taak',
          text: 'x',
        });
      const work = (ctx: AppContext) => runDueWork(ctx, dialect, createTransport(ctx));
      await Promise.all([work(t.ctx), work(otherCtx)]);
      expect(runs).toBe(1);
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual([
        'job1@example.org',
        'job2@example.org',
        'job3@example.org',
      ]);

      const failed = await t.ctx.db
        .selectFrom('scheduled_jobs')
        .selectAll()
        .where('name', '=', 'always-fails')
        .executeTakeFirstOrThrow();
      expect(failed).toMatchObject({
        last_error: 'job broke',
        locked_until: null,
        next_run_at: isoAfter(t.ctx, 300),
      });

      await Promise.all([work(t.ctx), work(otherCtx)]);
      expect(runs).toBe(1); // not due again yet
      t.clock.advance(300);
      await Promise.all([work(t.ctx), work(otherCtx)]);
      expect(runs).toBe(2);
      expect(sink.messages).toHaveLength(3);
    } finally {
      scheduledJobs.splice(scheduledJobs.indexOf(counter), 2);
    }
  });

  it('cleanup removes expired sessions, reset tokens and rate-limit windows, and keeps live ones', async () => {
    const idle = await createSession(t.ctx, t.ctx.db, userId);
    const resetOld = sha256(newToken());
    await insertPasswordReset(t.ctx.db, {
      token_hash: resetOld,
      user_id: userId,
      created_at: nowIso(t.ctx),
      expires_at: isoAfter(t.ctx, 1800),
    });
    await t.ctx.db
      .insertInto('rate_limits')
      .values({ key: 'test:old', window_start: nowIso(t.ctx), count: 3 })
      .execute();
    t.clock.advance(31 * 60);
    const live = await createSession(t.ctx, t.ctx.db, userId);
    // Active all the time, but past the 12 h absolute limit.
    const absolute = sha256(newToken());
    await insertSession(t.ctx.db, {
      id_hash: absolute,
      user_id: userId,
      csrf_token: 'x',
      created_at: isoAfter(t.ctx, -13 * 3600),
      last_seen_at: nowIso(t.ctx),
      expires_at: isoAfter(t.ctx, -3600),
    });
    const resetLive = sha256(newToken());
    await insertPasswordReset(t.ctx.db, {
      token_hash: resetLive,
      user_id: userId,
      created_at: nowIso(t.ctx),
      expires_at: isoAfter(t.ctx, 1800),
    });
    t.clock.advance(24 * 3600 - 31 * 60 + 1);
    await t.ctx.db
      .insertInto('rate_limits')
      .values({ key: 'test:new', window_start: nowIso(t.ctx), count: 1 })
      .execute();
    await t.ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: nowIso(t.ctx), expires_at: isoAfter(t.ctx, 3600) })
      .where('id_hash', '=', live.idHash)
      .execute();
    await t.ctx.db
      .updateTable('password_resets')
      .set({ expires_at: isoAfter(t.ctx, 60) })
      .where('token_hash', '=', resetLive)
      .execute();

    await cleanup(t.ctx);

    const sessions = (await t.ctx.db.selectFrom('sessions').select('id_hash').execute()).map(
      (s) => s.id_hash,
    );
    expect(sessions).toContain(live.idHash);
    expect(sessions).not.toContain(idle.idHash);
    expect(sessions).not.toContain(absolute);
    const resets = (
      await t.ctx.db.selectFrom('password_resets').select('token_hash').execute()
    ).map((r) => r.token_hash);
    expect(resets).toEqual([resetLive]);
    const limits = (await t.ctx.db.selectFrom('rate_limits').select('key').execute()).map(
      (r) => r.key,
    );
    expect(limits).toEqual(['test:new']);
  });

  it('the runner loop sends queued mail in the background and stops cleanly', async () => {
    await enqueueEmail(t.ctx, t.ctx.db, {
      to: 'loop@example.org',
      subject: 'Lus',
      text: `id ${newId()}`,
    });
    const stop = startJobRunner(t.ctx, dialect, createTransport(t.ctx));
    try {
      await sink.waitFor((m) => m.to.includes('loop@example.org'), 5000);
    } finally {
      await stop();
    }
    await enqueueEmail(t.ctx, t.ctx.db, { to: 'after-stop@example.org', subject: 'Na', text: 'x' });
    await new Promise((r) => setTimeout(r, 100));
    expect(sink.messages.map((m) => m.to[0])).toEqual(['loop@example.org']);
  });
});
