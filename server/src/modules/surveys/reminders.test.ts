import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts';
import { system } from '../activities/test-fixture.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { runDueWork, scheduledJobs } from '../../jobs/runner.ts';
import { createTransport, type MailTransport } from '../../mail/outbox.ts';
import { SURVEY_CLIENT_MAX } from './respond.ts';
import { remindNow } from './service.ts';
import { surveyFixture, type SurveyFixture } from './test-fixture.ts';

const DAY = 86400;

describeEachDialect('survey rounds: reminders and rate limit', (dialect) => {
  const t = useTestApp(dialect);
  let f: SurveyFixture;
  let sink: SmtpSink;
  let transport: MailTransport;

  beforeAll(async () => {
    sink = await startSmtpSink();
    f = await surveyFixture(t);
    transport = createTransport({ config: { ...t().ctx.config, smtpUrl: sink.url } });
  });
  afterAll(async () => {
    await sink.close();
  });

  /** Runs the due jobs, sends the outbox through the SMTP sink; the survey mails sent, sorted. */
  const tick = async () => {
    const before = sink.messages.length;
    await runDueWork(t().ctx, dialect, transport);
    return sink.messages
      .slice(before)
      .filter((m) => /etwerkmeting/.test(m.subject))
      .map(
        (m) => `${m.to.join(',')} ${m.subject.startsWith('Herinnering') ? 'reminder' : 'invite'}`,
      )
      .sort();
  };
  const linkOf = (to: string) => {
    const mails = sink.messages.filter((m) => m.to.includes(to) && /\/meting\//.test(m.text));
    return /\/meting\/([\w-]+)/.exec(mails.at(-1)!.text)![1]!;
  };

  it('is a scheduled job of the runner', () => {
    expect(scheduledJobs.map((j) => j.name)).toContain('survey-reminders');
  });

  it('reminds non-respondents once, N days after opening and before closing; by hand on request', async () => {
    const r = await f.openRound({ reminderDays: 3, closesOn: '2026-03-12' });
    const all = [f.emails.member, f.emails.member2, f.emails.org, f.emails.large];
    expect(await tick()).toEqual(all.map((e) => `${e} invite`).sort());
    // The reminder mails the same link as the invitation; member2 submits first.
    const first = linkOf(f.emails.member2);
    expect((await f.submit(first)).statusCode).toBe(200);
    t().clock.advance(2 * DAY);
    expect(await tick()).toEqual([]);
    t().clock.advance(DAY);
    const due = [f.emails.member, f.emails.org, f.emails.large].map((e) => `${e} reminder`).sort();
    expect(await tick()).toEqual(due);
    expect(linkOf(f.emails.org)).toBe(
      /\/meting\/([\w-]+)/.exec(
        sink.messages.find((m) => m.to.includes(f.emails.org) && /^Netwerk/.test(m.subject))!.text,
      )![1],
    );
    expect((await f.questionnaire(linkOf(f.emails.org))).respondent.actorId).toBe(
      f.carriers.org.id,
    );
    t().clock.advance(DAY);
    expect(await tick()).toEqual([]);
    // By hand: again to everyone who has not submitted.
    expect(await remindNow(t().ctx, system, f.ws.id, r.id)).toEqual({ reminded: 3 });
    expect(await tick()).toEqual(due);
    // After the closing day nothing more goes out.
    await t().ctx.db.updateTable('survey_members').set({ reminded_at: null }).execute();
    t().clock.advance(10 * DAY);
    expect(await tick()).toEqual([]);
  });

  it('limits invalid tokens per client address (429), without writing', async () => {
    const bad = () =>
      t().app.inject({
        method: 'POST',
        url: '/api/v1/survey-responses/lookup',
        remoteAddress: '203.0.113.9',
        payload: { token: 'n'.repeat(43) },
      });
    for (let i = 0; i < SURVEY_CLIENT_MAX; i++)
      expect(problemOf(await bad(), 400).code).toBe('token_invalid');
    const limited = problemOf(await bad(), 429);
    expect(limited.code).toBe('rate_limited');
  });
});
