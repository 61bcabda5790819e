import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts';
import { runDueWork, scheduledJobs } from '../../jobs/runner.ts';
import { createTransport, type MailTransport } from '../../mail/outbox.ts';
import { remindCheckIns } from './reminders.ts';
import type { SettingsOut } from './schema.ts';
import { checkInFixture, type CheckInFixture } from './test-fixture.ts';

const DAY = 86400;

describeEachDialect('check-ins: reminders at the carrier’s interval', (dialect) => {
  const t = useTestApp(dialect);
  let f: CheckInFixture;
  let sink: SmtpSink;
  let transport: MailTransport;

  beforeAll(async () => {
    sink = await startSmtpSink();
    f = await checkInFixture(t);
    transport = createTransport({ config: { ...t().ctx.config, smtpUrl: sink.url } });
  });
  afterAll(async () => {
    await sink.close();
  });

  /** Runs the due jobs and sends the outbox through the SMTP sink; returns the reminders sent. */
  const tick = async () => {
    const before = sink.messages.length;
    await runDueWork(t().ctx, dialect, transport);
    return sink.messages
      .slice(before)
      .filter((m) => /check-in/.test(m.subject))
      .map((m) => `${m.to.join(',')} ${m.subject}`)
      .sort();
  };
  /** Moves the clock on; sessions expire meanwhile, so the browsers log in again. */
  const day = async (n = 1) => {
    t().clock.advance(n * DAY);
    await f.relogin();
  };
  const settings = async (who: typeof f.member, reminderInterval: string, language = 'nl') => {
    const res = await who.inject({
      method: 'PUT',
      url: `${f.W}/me/check-in-settings`,
      payload: { reminderInterval, language },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SettingsOut>();
  };
  const nl = (email: string) => `${email} Tijd voor een korte check-in`;

  it('is a scheduled job of the runner', () => {
    expect(scheduledJobs.map((j) => j.name)).toContain('check-in-reminders');
  });

  it('reminds when due, not before, not twice, and never after “none”', async () => {
    const member2 = f.users.member2.email;
    // Today 2026-03-02. Weekly from today: the first reminder is due on 2026-03-09.
    expect(await settings(f.member2, 'weekly')).toMatchObject({
      reminderInterval: 'weekly',
      language: 'nl',
      lastCheckInOn: null,
      nextReminderOn: '2026-03-09',
    });
    expect(await tick()).toEqual([]);
    await day(6); // 03-08
    expect(await tick()).toEqual([]);
    await day(); // 03-09
    expect(await tick()).toEqual([nl(member2)]);
    const mail = sink.messages.find((m) => m.to.includes(member2))!;
    expect(mail.text).toContain(`${t().ctx.config.publicUrl}/w/${f.slug}/check-in`);
    // The same day again (job and direct call), and the next day: nothing.
    expect(await remindCheckIns(t().ctx)).toBe(0);
    expect(await tick()).toEqual([]);
    await day(); // 03-10: the carrier checks in; the next reminder counts from it.
    await f.file(f.member2, { date: '2026-03-10' });
    expect(await tick()).toEqual([]);
    await day(6); // 03-16
    expect(await tick()).toEqual([]);
    await day(); // 03-17
    expect(await tick()).toEqual([nl(member2)]);
    // Without a check-in, a week later again (each due date once).
    await day(7); // 03-24
    expect(await tick()).toEqual([nl(member2)]);
    const rows = await t()
      .ctx.db.selectFrom('check_in_reminders')
      .select('due_date')
      .where('user_id', '=', f.users.member2.id)
      .orderBy('due_date')
      .execute();
    expect(rows.map((r) => r.due_date)).toEqual(['2026-03-09', '2026-03-17', '2026-03-24']);

    expect(await settings(f.member2, 'none')).toMatchObject({ nextReminderOn: null });
    // Only the clock moves now (the sessions may lapse: nothing here needs them).
    for (let i = 0; i < 10; i++) {
      t().clock.advance(DAY);
      expect(await tick()).toEqual([]);
    }
  });

  it('reminds monthly in the chosen language, with no scores or text', async () => {
    await f.relogin();
    // Today 2026-04-03: monthly, in English → due 2026-05-03.
    expect(await settings(f.member, 'monthly', 'en')).toMatchObject({
      nextReminderOn: '2026-05-03',
    });
    await f.file(f.member, { date: '2026-04-03', note: 'UNIEK-NOTITIE', workload: 5 });
    await day(29); // 05-02
    expect(await tick()).toEqual([]);
    await day(); // 05-03
    expect(await tick()).toEqual([`${f.users.member.email} Time for a short check-in`]);
    const mail = sink.messages.at(-1)!;
    expect(mail.text).toContain(`/w/${f.slug}/check-in`);
    expect(mail.text).not.toContain('UNIEK-NOTITIE');
    expect(mail.text).not.toMatch(/\b[1-5]\s*(\/|van|of)\s*5\b/);
    expect(mail.text).not.toContain('Öztürk');
  });

  it('stops when the carrier record is gone or the account is deactivated', async () => {
    await settings(f.member2, 'weekly');
    await t()
      .ctx.db.updateTable('users')
      .set({ deactivated_at: '2026-05-03T10:00:00.000Z' })
      .where('id', '=', f.users.member2.id)
      .execute();
    t().clock.advance(14 * DAY); // member2 can no longer log in: no relogin
    expect((await tick()).filter((m) => m.startsWith(f.users.member2.email))).toEqual([]);
  });
});
