import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts';
import { runDueWork, scheduledJobs } from '../../jobs/runner.ts';
import { createTransport, type MailTransport } from '../../mail/outbox.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { sendSignalDigests } from './digest.ts';
import type { SignalDetail } from './schema.ts';
import { signalFixture, signalSnapshot, type SignalFixture } from './test-fixture.ts';

describeEachDialect('overlap signals: lifecycle, notifications, digest', (dialect) => {
  const t = useTestApp(dialect);
  let f: SignalFixture;
  let id: string;
  let sink: SmtpSink;
  let transport: MailTransport;
  beforeAll(async () => {
    sink = await startSmtpSink();
    transport = createTransport({ config: { ...t().ctx.config, smtpUrl: sink.url } });
    f = await signalFixture(t);
    id = (await f.list(f.coordinator)).items[0]!.id;
  });
  afterAll(async () => {
    await sink.close();
  });
  const later = () => t().clock.advance(1);
  const moved = async (who: typeof f.member, payload: object) => {
    later();
    const res = await f.move(who, id, payload);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SignalDetail>();
  };
  /** The refused call answers problem+json and writes nothing. */
  const refused = async (who: typeof f.member, payload: object, status: number) => {
    const before = await signalSnapshot(t);
    const p = problemOf(await f.move(who, id, payload), status);
    expect(await signalSnapshot(t)).toEqual(before);
    return p;
  };

  it('lets a party move the signal, records who did it and tells the others', async () => {
    const d = await moved(f.member, { to: 'seen' });
    expect(d.state).toBe('seen');
    expect(d.allowedTransitions).toEqual(['in_dialogue', 'resolved', 'dismissed']);
    expect(d.history.at(-1)).toMatchObject({
      event: 'transition',
      fromState: 'open',
      toState: 'seen',
      by: { userId: f.users.member.id },
    });
    const coord = await f.notices(f.users.coordinator.id);
    expect(coord.map((n) => n.kind)).toEqual(['overlap_signal_new', 'overlap_signal_changed']);
    expect(JSON.parse(coord[1]!.params)).toMatchObject({ fromState: 'open', state: 'seen' });
    // The one who moved it is not told of their own move.
    expect((await f.notices(f.users.member.id)).map((n) => n.kind)).toEqual(['overlap_signal_new']);
    expect((await f.list(f.coordinator, '?state=seen')).total).toBe(1);
  });

  it('refuses moves that are not allowed, with problem+json, writing nothing', async () => {
    expect((await refused(f.member, { to: 'alliance_formed' }, 409)).code).toBe(
      'invalid_transition',
    );
    expect((await refused(f.member, { to: 'open' }, 409)).code).toBe('invalid_transition');
    expect((await refused(f.member, { to: 'dismissed' }, 400)).pointers).toEqual(['/reason']);
    expect((await refused(f.member, { to: 'dismissed', reason: '  ' }, 400)).pointers).toEqual([
      '/reason',
    ]);
    expect((await refused(f.member, { to: 'gone', extra: 1 }, 400)).pointers).toEqual(['/', '/to']);
    expect((await refused(f.member, { to: 'in_dialogue', allianceId: id }, 400)).pointers).toEqual([
      '/allianceId',
    ]);
    // Every error that needs no record at once: the missing reason and the misplaced alliance.
    const both = await refused(f.member, { to: 'dismissed', allianceId: id }, 400);
    expect([...both.pointers].sort()).toEqual(['/allianceId', '/reason']);
    // Not a party: the signal does not exist for them.
    for (const who of [f.member2, f.researcher, f.outsider])
      await refused(who, { to: 'in_dialogue' }, 404);
  });

  it('forms an alliance only with an alliance of the workspace', async () => {
    await moved(f.coordinator, { to: 'in_dialogue' });
    const elsewhere = await f.alliance(f.otherWs.id);
    expect(
      (await refused(f.member, { to: 'alliance_formed', allianceId: elsewhere }, 400)).errors?.[0],
    ).toMatchObject({ pointer: '/allianceId', code: 'unknown_alliance' });
    expect((await refused(f.member, { to: 'alliance_formed' }, 400)).pointers).toEqual([
      '/allianceId',
    ]);
    // A private alliance the party is not in reads as unknown too: its id is not confirmed.
    const hidden = await f.alliance(f.ws.id, 'private');
    expect(
      (await refused(f.member, { to: 'alliance_formed', allianceId: hidden }, 400)).errors,
    ).toEqual([expect.objectContaining({ pointer: '/allianceId', code: 'unknown_alliance' })]);
    const alliance = await f.alliance();
    const d = await moved(f.member, { to: 'alliance_formed', allianceId: alliance });
    expect(d).toMatchObject({
      state: 'alliance_formed',
      allianceId: alliance,
      allowedTransitions: [],
    });
    expect(d.history.at(-1)).toMatchObject({ toState: 'alliance_formed', allianceId: alliance });
    await refused(f.coordinator, { to: 'dismissed', reason: 'toch niet' }, 409);
  });

  it('keeps a dismissed signal dismissed until its facts change materially', async () => {
    later();
    await f.activity(f.carriers.member2.id, { title: 'Taalcafé' });
    const s = await f.pair(f.carriers.member2.id, f.large.id);
    id = s!.id;
    const d = await moved(f.coordinator, {
      to: 'dismissed',
      reason: 'Verschillende doelgroepen in de praktijk.',
    });
    expect(d).toMatchObject({
      state: 'dismissed',
      dismissReason: 'Verschillende doelgroepen in de praktijk.',
    });
    // Not material: the directory changed elsewhere, detection ran again. Still dismissed.
    later();
    await f.activity(f.carriers.org.id, { areaIds: [f.areas[1]], title: 'Klusdienst' });
    expect((await f.get(f.coordinator, id)).state).toBe('dismissed');
    // Material: a tension tie appears. Reopened, with the reason in the history.
    later();
    await f.tie(f.carriers.member2.id, f.large.id, 'obstruction');
    const back = await f.get(f.coordinator, id);
    expect(back.state).toBe('open');
    expect(back.dismissReason).toBeNull();
    expect(back.history.at(-1)).toMatchObject({
      event: 'reopened',
      fromState: 'dismissed',
      toState: 'open',
      by: null,
      reason: expect.stringContaining('new-tension-tie'),
    });
    const m2 = await f.notices(f.users.member2.id);
    expect(m2.map((n) => JSON.parse(n.params).state)).toEqual(['open', 'dismissed', 'open']);
  });

  it('mails each recipient one digest of their unread signal events, once', async () => {
    expect(scheduledJobs.map((j) => j.name)).toEqual(
      expect.arrayContaining(['overlap-detection', 'overlap-digest']),
    );
    // The member read their notifications: nothing for them.
    await t()
      .ctx.db.updateTable('notifications')
      .set({ read_at: '2026-03-02T10:00:00.000Z' })
      .where('user_id', '=', f.users.member.id)
      .execute();
    const before = sink.messages.length;
    await runDueWork(t().ctx, dialect, transport);
    const mails = sink.messages.slice(before).filter((m) => /verlapsignal/i.test(m.subject));
    const to = mails.flatMap((m) => m.to).sort();
    expect(to).toEqual([f.users.coordinator.email, f.users.member2.email].sort());
    const coord = mails.find((m) => m.to.includes(f.users.coordinator.email))!;
    expect(coord.text).toContain(`${t().ctx.config.publicUrl}/w/${f.slug}/overlapsignalen/${id}`);
    expect(coord.text).toContain('Nieuw overlapsignaal');
    // Again, by the job and directly: nothing new to mail.
    expect(await sendSignalDigests(t().ctx)).toBe(0);
    t().clock.advance(86400);
    await runDueWork(t().ctx, dialect, transport);
    expect(sink.messages.slice(before).filter((m) => /verlapsignal/i.test(m.subject))).toHaveLength(
      2,
    );
  });
});
