import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { Browser } from '../../../test/session.ts';
import { runDueWork, scheduledJobs } from '../../jobs/runner.ts';
import type { MailTransport } from '../../mail/outbox.ts';
import type { Offer } from './schema.ts';
import { remindEndingCommitments } from './reminders.ts';
import { supportFixture, type SupportFixture } from './test-fixture.ts';

describeEachDialect('support end-of-term reminders', (dialect) => {
  const t = useTestApp(dialect);
  let f: SupportFixture;
  let offer: Offer;
  let yearly = '';
  let soon = '';
  const mails: { to: string; subject: string; text: string }[] = [];
  const transport: MailTransport = {
    send: (m) => {
      mails.push(m);
      return Promise.resolve();
    },
  };
  /** Runs the due jobs as the runner does and returns the support reminders it mailed. */
  const tick = async () => {
    const before = mails.length;
    await runDueWork(t().ctx, dialect, transport);
    return mails
      .slice(before)
      .filter((m) => m.subject.startsWith('Toezegging loopt'))
      .map((m) => `${m.to} ${m.subject}`)
      .sort();
  };
  const day = (n: number) => t().clock.advance(n * 86400);
  const handled = (id: string) =>
    t()
      .ctx.db.selectFrom('support_commitment_reminders')
      .select(['offset_days', 'outcome'])
      .where('commitment_id', '=', id)
      .orderBy('offset_days')
      .execute();

  beforeAll(async () => {
    f = await supportFixture(t);
    offer = await f.offer();
    // 2026-04-01 … 2026-12-31, to the member's own carrier.
    yearly = await f.commit(offer.id, {}, f.member);
    // Ends 18 days after today (2026-03-02): the 90-day reminder was passed with the 30-day one.
    soon = await f.commit(
      offer.id,
      { requesterId: f.carriers.member2.id, startDate: '2026-01-01', endDate: '2026-03-20' },
      f.member2,
    );
    // Cancelled: never reminded.
    const gone = await f.commit(offer.id, {
      requesterId: f.carriers.org.id,
      startDate: '2026-01-01',
      endDate: '2026-03-25',
    });
    const res = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/support-commitments/${gone}/ending`,
      payload: { kind: 'cancel', reason: 'Niet doorgegaan' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('is a scheduled job of the runner', () => {
    expect(scheduledJobs.map((j) => j.name)).toContain('support-reminders');
  });

  it('mails both parties 90 and 30 days before the end, once per threshold', async () => {
    const { admin, coordinator, member } = f.users;
    const member2Email = (
      await t()
        .ctx.db.selectFrom('users')
        .innerJoin('actors', 'actors.user_id', 'users.id')
        .select('users.email')
        .where('actors.id', '=', f.carriers.member2.id)
        .executeTakeFirstOrThrow()
    ).email;
    const to = (emails: string[], days: number) =>
      emails
        .map((e) => `${e} Toezegging loopt over ${days} dagen af: Coaching voor dragers`)
        .sort();

    // 2026-03-02: only the nearest reminder of the commitment ending on 2026-03-20.
    expect(await tick()).toEqual(to([admin.email, coordinator.email, member2Email], 30));
    expect(await handled(soon)).toEqual([
      { offset_days: 30, outcome: 'sent' },
      { offset_days: 90, outcome: 'superseded' },
    ]);
    const text = mails.find((m) => m.to === member2Email)!.text;
    expect(text).toContain('2026-03-20');
    expect(text).toContain(`/w/${f.slug}/steun/toezeggingen/${soon}`);
    // Again the same day, and the next: nothing new (the job's own run and a direct call).
    expect(await remindEndingCommitments(t().ctx)).toBe(0);
    day(1);
    expect(await tick()).toEqual([]);

    // 2026-10-02 is 90 days before 2026-12-31.
    day(212);
    expect(await tick()).toEqual([]);
    day(1);
    expect(await tick()).toEqual(to([admin.email, coordinator.email, member.email], 90));
    day(1);
    expect(await tick()).toEqual([]);
    expect(await remindEndingCommitments(t().ctx)).toBe(0);

    // 2026-12-01 is 30 days before.
    day(60);
    expect(await tick()).toEqual(to([admin.email, coordinator.email, member.email], 30));
    day(1);
    expect(await tick()).toEqual([]);
    expect(await handled(yearly)).toEqual([
      { offset_days: 30, outcome: 'sent' },
      { offset_days: 90, outcome: 'sent' },
    ]);
  });

  it('leaves each recipient one in-app notification per commitment and threshold', async () => {
    const { admin, coordinator, member, member2 } = f.users;
    const rows = await t()
      .ctx.db.selectFrom('notifications')
      .selectAll()
      .where('workspace_id', '=', f.ws.id)
      .where('kind', '=', 'commitment_ending')
      .execute();
    const name = new Map([admin, coordinator, member, member2].map((u) => [u.id, u.email]));
    const seen = rows
      .map((r) => {
        const p = JSON.parse(r.params) as { commitmentId: string; days: number };
        const which = p.commitmentId === soon ? 'soon' : p.commitmentId === yearly ? 'yearly' : '?';
        return `${which} ${p.days} ${name.get(r.user_id) ?? r.user_id}`;
      })
      .sort();
    // The same recipients and thresholds as the emails, each exactly once (none superseded or
    // for the cancelled commitment), whatever how often the job ran.
    const expected = [
      ...[admin, coordinator, member2].map((u) => `soon 30 ${u.email}`),
      ...[admin, coordinator, member].flatMap((u) => [
        `yearly 30 ${u.email}`,
        `yearly 90 ${u.email}`,
      ]),
    ].sort();
    expect(seen).toEqual(expected);

    // The carrier sees hers through the API, linking to the commitment's page, unread (a new
    // session: the clock ran on for months).
    const carrier = new Browser(t().app);
    await carrier.login(member.email);
    const res = await carrier.inject({
      method: 'GET',
      url: `${f.W}/me/notifications?unread=true`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { link: string; params: Record<string, unknown> }[] }>().items;
    expect(items.map((n) => n.params.days)).toEqual([30, 90]);
    expect(items[0]).toMatchObject({
      link: `/w/${f.slug}/steun/toezeggingen/${yearly}`,
      params: {
        commitmentId: yearly,
        title: 'Coaching voor dragers',
        recipientName: 'Fatima Öztürk',
        endDate: '2026-12-31',
      },
    });
  });
});
