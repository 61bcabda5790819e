import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { participantMayCollect } from './consent-service.ts';
import type { ConsentHistory, ParticipantOut } from './schema.ts';
import { researchFixture, researchSnapshot, type ResearchFixture } from './test-fixture.ts';

describeEachDialect('research: consent', (dialect) => {
  const t = useTestApp(dialect);
  let f: ResearchFixture;
  let s1 = '';
  let s2 = '';
  let p: ParticipantOut;
  let other: ParticipantOut;
  beforeAll(async () => {
    f = await researchFixture(t);
    s1 = await f.study('Studie één');
    s2 = await f.study('Studie twee');
    p = await f.participant(s1, { kind: 'actor', actorId: f.carrier.id });
    other = await f.participant(s2, { kind: 'actor', actorId: f.carrier2.id });
  });
  const url = (study: string, id: string) => `${f.S}/${study}/participants/${id}/consents`;
  const history = async (who: ResearchFixture['steward'], id = p.id) => {
    const res = await who.inject({ method: 'GET', url: url(s1, id) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<ConsentHistory>();
  };

  it('gives, withdraws in one call, and keeps the whole history', async () => {
    await f.consent(s1, p.id, {
      purpose: 'participation',
      decision: 'given',
      method: 'written',
      letterVersion: 'IB-2026-1',
      date: '2026-03-01',
      note: 'Getekend formulier in de kluis',
    });
    await f.consent(s1, p.id, {
      purpose: 'recording',
      decision: 'given',
      method: 'verbal',
      letterVersion: 'IB-2026-1',
    });
    expect(await participantMayCollect(t().ctx.db, s1, p.id, 'recording')).toBe(true);
    const mid = await history(f.researcher);
    expect(mid).toMatchObject({
      consent: { participation: 'given', recording: 'given', reuse: 'none', recontact: 'none' },
      mayCollect: true,
      exportable: true,
    });
    // Withdrawal: purpose, decision and method, nothing more.
    await f.consent(s1, p.id, {
      purpose: 'participation',
      decision: 'withdrawn',
      method: 'online',
    });
    const after = await history(f.researcher);
    expect(after).toMatchObject({
      consent: { participation: 'withdrawn', recording: 'given' },
      mayCollect: false,
      exportable: false,
    });
    expect(await participantMayCollect(t().ctx.db, s1, p.id, 'recording')).toBe(false);
    expect(
      after.history.map((e) => [e.purpose, e.decision, e.method, e.letterVersion, e.date]),
    ).toEqual([
      ['participation', 'given', 'written', 'IB-2026-1', '2026-03-01'],
      ['recording', 'given', 'verbal', 'IB-2026-1', '2026-03-02'],
      ['participation', 'withdrawn', 'online', null, '2026-03-02'],
    ]);
    const listed = await f.researcher.inject({
      method: 'GET',
      url: `${f.S}/${s1}/participants/${p.id}`,
    });
    expect(listed.json<ParticipantOut>()).toMatchObject({ mayCollect: false, exportable: false });
    // Giving again is the same call; the history only grows.
    await f.consent(s1, p.id, {
      purpose: 'participation',
      decision: 'given',
      method: 'written',
      letterVersion: 'IB-2026-2',
    });
    const again = await history(f.researcher);
    expect(again.history).toHaveLength(4);
    expect(again.history.slice(0, 3)).toEqual(after.history);
    expect(again.consent.participation).toBe('given');
  });

  it('shows notes to the steward only, and audits each such read', async () => {
    const reads = () =>
      t()
        .ctx.db.selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'research.encrypted_read')
        .where('object_id', '=', p.id)
        .execute();
    const before = (await reads()).length;
    const asResearcher = await history(f.researcher);
    expect(asResearcher.history.every((e) => !('note' in e))).toBe(true);
    expect(JSON.stringify(asResearcher)).not.toContain('kluis');
    expect(await reads()).toHaveLength(before);
    const asSteward = await history(f.steward);
    expect(asSteward.history[0]!.note).toBe('Getekend formulier in de kluis');
    expect(asSteward.history[1]!.note).toBeNull();
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      actor_user_id: f.users.steward.id,
      workspace_id: f.ws.id,
      object_type: 'research_participant',
    });
    const row = await t()
      .ctx.db.selectFrom('research_consent_events')
      .select('note_enc')
      .where('participant_id', '=', p.id)
      .where('seq', '=', 1)
      .executeTakeFirstOrThrow();
    expect(row.note_enc).toMatch(/^v1:/);
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const before = await researchSnapshot(t);
    const post = (who: ResearchFixture['steward'], target: string, payload: object) =>
      who.inject({ method: 'POST', url: target, payload });
    const unknown = await post(f.steward, url(s1, p.id), {
      purpose: 'marketing',
      decision: 'gegeven',
      method: 'telepathic',
    });
    expect(problemOf(unknown, 400).pointers).toEqual(['/decision', '/method', '/purpose']);
    const rules = await post(f.steward, url(s1, p.id), {
      purpose: 'reuse',
      decision: 'given',
      method: 'written',
      date: '2026-04-01',
    });
    expect(problemOf(rules, 400).errors?.map((e) => [e.pointer, e.code])).toEqual([
      ['/letterVersion', 'required'],
      ['/date', 'future_date'],
    ]);
    // A participant of another study, through this study.
    const cross = await post(f.steward, url(s1, other.id), {
      purpose: 'participation',
      decision: 'given',
      method: 'written',
      letterVersion: 'IB-1',
    });
    expect(problemOf(cross, 404).code).toBe('not_found');
    const byResearcher = await post(f.researcher, url(s1, p.id), {
      purpose: 'participation',
      decision: 'withdrawn',
      method: 'online',
    });
    expect(problemOf(byResearcher, 403).code).toBe('forbidden');
    const byAdmin = await post(f.admin, url(s1, p.id), {
      purpose: 'participation',
      decision: 'withdrawn',
      method: 'online',
    });
    expect(problemOf(byAdmin, 403).code).toBe('forbidden');
    expect(await researchSnapshot(t)).toEqual(before);
  });
});
