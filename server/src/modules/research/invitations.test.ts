import { beforeAll, expect, it } from 'vitest';
import { sha256 } from '../../auth/crypto.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { ParticipantOut } from './schema.ts';
import type { InvitationList, InviteResult } from './wave-schema.ts';
import { mailedLink, waveFixture, waveSnapshot, type WaveFixture } from './wave-test-fixture.ts';

describeEachDialect('research: invitations and reminders', (dialect) => {
  const t = useTestApp(dialect);
  let f: WaveFixture;
  let s1 = '';
  let wave: Awaited<ReturnType<WaveFixture['openWave']>>;
  const tag = Math.random().toString(36).slice(2, 8);
  const emails = {
    ada: `ada.${tag}@example.org`,
    bo: `bo.${tag}@example.org`,
    cas: `cas.${tag}@example.org`,
    carrier2: `karim.${tag}@example.org`,
  };
  const p = {} as Record<'ada' | 'bo' | 'cas' | 'carrier' | 'carrier2', ParticipantOut>;
  beforeAll(async () => {
    f = await waveFixture(t);
    s1 = await f.study();
    wave = await f.openWave(s1);
    p.ada = await f.external(s1, 'Ada Achterberg', emails.ada);
    // No consent at all.
    p.bo = await f.participant(s1, { kind: 'external', name: 'Bo Bakker', email: emails.bo });
    // Participation given, but no contact for later waves.
    p.cas = await f.external(s1, 'Cas Claassen', emails.cas);
    await f.withdraw(s1, p.cas.id, 'recontact');
    // A carrier without an email address, and one with a contact email.
    p.carrier = await f.participant(s1, { kind: 'actor', actorId: f.carrier.id });
    await f.consentTo(s1, p.carrier.id, ['participation']);
    p.carrier2 = await f.participant(s1, { kind: 'actor', actorId: f.carrier2.id });
    await f.consentTo(s1, p.carrier2.id, ['participation']);
    await t()
      .ctx.db.updateTable('actors')
      .set({ email: emails.carrier2 })
      .where('id', '=', f.carrier2.id)
      .execute();
  });
  const invitations = async () =>
    f.ok<InvitationList>(
      await f.researcher.inject({ method: 'GET', url: `${wave.url}/invitations` }),
      200,
    );

  it('refuses a draft wave and unknown participants, writing nothing', async () => {
    const draft = await f.wave(s1, { title: 'Nog niet open' });
    const before = await waveSnapshot(t);
    const res = await f.researcher.inject({
      method: 'POST',
      url: `${f.W(s1)}/${draft.id}/invitations`,
      payload: {},
    });
    expect(problemOf(res, 409).code).toBe('wave_not_open');
    const unknown = await f.researcher.inject({
      method: 'POST',
      url: `${wave.url}/invitations`,
      payload: { participantIds: [p.ada.id, f.carrier.id], expiresInDays: 91 },
    });
    expect(problemOf(unknown, 400).pointers).toEqual(['/expiresInDays']);
    const unknown2 = await f.researcher.inject({
      method: 'POST',
      url: `${wave.url}/invitations`,
      payload: { participantIds: [p.ada.id, f.carrier.id] },
    });
    expect(problemOf(unknown2, 400).pointers).toEqual(['/participantIds/1']);
    expect(await waveSnapshot(t)).toEqual(before);
  });

  it('invites by consent and address, mails one link each, stores only the token’s hash', async () => {
    const auditBefore = await t()
      .ctx.db.selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'research.encrypted_read')
      .execute();
    const res = await f.post<InviteResult>(`${wave.url}/invitations`, { expiresInDays: 14 });
    expect(res.created).toBe(2);
    expect(
      res.skipped.map((s) => [s.pseudonym, s.reason]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
    ).toEqual(
      [
        [p.bo.pseudonym, 'no_consent'],
        [p.cas.pseudonym, 'no_recontact'],
        [p.carrier.pseudonym, 'no_email'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
    const mail = await t()
      .ctx.db.selectFrom('outbox_emails')
      .selectAll()
      .where('to_address', '=', emails.ada)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain('Vragenlijst onderzoek');
    expect(mail.body_text).toMatch(/Vul hem in via deze persoonlijke link/);
    expect(mail.body_text).toMatch(/Use this personal link/);
    expect(mail.body_text).toContain(`${t().ctx.config.publicUrl}/onderzoek/vragenlijst/`);
    expect(mail.body_text).not.toContain(p.ada.pseudonym);
    const token = await mailedLink(t, emails.ada);
    await mailedLink(t, emails.carrier2);
    const outbox = await t().ctx.db.selectFrom('outbox_emails').select('to_address').execute();
    for (const none of [emails.bo, emails.cas])
      expect(outbox.map((o) => o.to_address)).not.toContain(none);

    const rows = await t()
      .ctx.db.selectFrom('research_invitations')
      .selectAll()
      .where('wave_id', '=', wave.id)
      .execute();
    expect(rows).toHaveLength(2);
    const ada = rows.find((r) => r.participant_id === p.ada.id)!;
    expect(ada.token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(ada.expires_at).toBe(
      new Date(Date.parse(ada.created_at) + 14 * 86_400_000).toISOString(),
    );
    // Each address read is audited.
    const auditAfter = await t()
      .ctx.db.selectFrom('audit_events')
      .select(['object_id'])
      .where('action', '=', 'research.encrypted_read')
      .execute();
    expect(auditAfter.length - auditBefore.length).toBe(2);

    const again = await f.post<InviteResult>(`${wave.url}/invitations`, {
      participantIds: [p.ada.id],
    });
    expect(again).toEqual({
      created: 0,
      skipped: [{ participantId: p.ada.id, pseudonym: p.ada.pseudonym, reason: 'already_invited' }],
    });
  });

  it('lists invitations by pseudonym with states and the response rate, never identities', async () => {
    const list = await invitations();
    expect(list.items.map((i) => [i.pseudonym, i.status]).sort()).toEqual(
      [
        [p.ada.pseudonym, 'pending'],
        [p.carrier2.pseudonym, 'pending'],
      ].sort(),
    );
    expect(list.summary).toEqual({ invited: 2, started: 0, submitted: 0, responseRate: 0 });
    const body = JSON.stringify(list);
    for (const canary of [
      emails.ada,
      emails.carrier2,
      'Ada',
      'Karim',
      f.carrier2.id,
      f.carrier.id,
      tag,
    ])
      expect(body).not.toContain(canary);
    const waveOut = await f.ok<{ invitedCount: number }>(
      await f.researcher.inject({ method: 'GET', url: wave.url }),
      200,
    );
    expect(waveOut.invitedCount).toBe(2);
  });

  it('reminds those who have not submitted with the same link', async () => {
    const token = await mailedLink(t, emails.ada);
    const other = await mailedLink(t, emails.carrier2);
    // carrier2 submits (required items first).
    await f.ok(await f.respond.save(other, wave.items.tevreden.id, 4), 200);
    await f.ok(await f.respond.save(other, wave.items.uren.id, 6), 200);
    await f.ok(await f.respond.submit(other), 200);
    await t().ctx.db.deleteFrom('outbox_emails').execute();
    const res = await f.post<{ reminded: number }>(`${wave.url}/reminders`, {}, 200);
    expect(res.reminded).toBe(1);
    const mails = await t().ctx.db.selectFrom('outbox_emails').selectAll().execute();
    expect(mails.map((m) => m.to_address)).toEqual([emails.ada]);
    expect(mails[0]!.subject).toContain('Herinnering');
    expect(await mailedLink(t, emails.ada)).toBe(token);
    const list = await invitations();
    const ada = list.items.find((i) => i.participantId === p.ada.id)!;
    expect(ada.remindedAt).not.toBeNull();
    expect(list.summary).toEqual({ invited: 2, started: 1, submitted: 1, responseRate: 0.5 });
    expect(list.items.find((i) => i.participantId === p.carrier2.id)?.status).toBe('submitted');

    // A closed wave sends nothing.
    await f.post(`${wave.url}/close`, {}, 200);
    const closed = await f.researcher.inject({ method: 'POST', url: `${wave.url}/reminders` });
    expect(problemOf(closed, 409).code).toBe('wave_not_open');
  });

  it('is for the study team: others get 404', async () => {
    for (const who of [f.offTeam, f.otherAdmin]) {
      const res = await who.inject({ method: 'GET', url: `${wave.url}/invitations` });
      expect(res.statusCode, res.body).toBe(404);
    }
  });
});
