import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { ParticipantOut, ReIdentification } from './schema.ts';
import { researchFixture, researchSnapshot, type ResearchFixture } from './test-fixture.ts';

describeEachDialect('research: participants and pseudonyms', (dialect) => {
  const t = useTestApp(dialect);
  let f: ResearchFixture;
  let s1 = '';
  let s2 = '';
  beforeAll(async () => {
    f = await researchFixture(t);
    s1 = await f.study('Studie één');
    s2 = await f.study('Studie twee');
  });

  it('gives one identity one stable pseudonym per study, and different ones across studies', async () => {
    const a1 = await f.participant(s1, { kind: 'actor', actorId: f.carrier.id });
    expect(a1.pseudonym).toMatch(/^P-[A-Z2-7]{10}$/);
    const again = await f.participant(s1, { kind: 'actor', actorId: f.carrier.id }, 200);
    expect(again).toEqual(a1);
    const a2 = await f.participant(s2, { kind: 'actor', actorId: f.carrier.id });
    expect(a2.pseudonym).not.toBe(a1.pseudonym);
    expect(a2.id).not.toBe(a1.id);

    const e1 = await f.participant(s1, {
      kind: 'external',
      name: 'Anna Jansen',
      email: 'anna.jansen@example.org',
    });
    const sameEmail = await f.participant(
      s1,
      { kind: 'external', name: 'A. Jansen', email: '  Anna.Jansen@Example.org ' },
      200,
    );
    expect(sameEmail.pseudonym).toBe(e1.pseudonym);
    expect(e1.pseudonym).not.toBe(a1.pseudonym);
    const e2 = await f.participant(s2, {
      kind: 'external',
      name: 'Anna Jansen',
      email: 'anna.jansen@example.org',
    });
    expect(e2.pseudonym).not.toBe(e1.pseudonym);
    expect(e1).toMatchObject({
      consent: { participation: 'none', recording: 'none', reuse: 'none', recontact: 'none' },
      mayCollect: false,
      exportable: false,
    });
    // Stored: the keyed hash and pseudonym, no plain identity.
    const row = await t()
      .ctx.db.selectFrom('research_participants')
      .selectAll()
      .where('id', '=', e1.id)
      .executeTakeFirstOrThrow();
    expect(row.identity_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.name_enc).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toMatch(/jansen/i);
  });

  it('only takes carriers (persons) of the study’s workspaces, and nothing from researchers', async () => {
    const before = await researchSnapshot(t);
    for (const actorId of [
      f.organisation.id,
      f.otherCarrier.id,
      '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
    ]) {
      const res = await f.steward.inject({
        method: 'POST',
        url: `${f.S}/${s1}/participants`,
        payload: { kind: 'actor', actorId },
      });
      expect(problemOf(res, 400).errors?.map((e) => [e.pointer, e.code])).toEqual([
        ['/actorId', 'unknown_actor'],
      ]);
    }
    const shape = await f.steward.inject({
      method: 'POST',
      url: `${f.S}/${s1}/participants`,
      payload: { kind: 'external', name: '', email: 'geen-adres' },
    });
    expect(problemOf(shape, 400).pointers).toEqual(['/email', '/name']);
    const byResearcher = await f.researcher.inject({
      method: 'POST',
      url: `${f.S}/${s1}/participants`,
      payload: { kind: 'actor', actorId: f.carrier2.id },
    });
    expect(problemOf(byResearcher, 403).code).toBe('forbidden');
    expect(await researchSnapshot(t)).toEqual(before);
  });

  it('lets the steward re-identify with a reason, audited; a researcher gets 403 and nothing is written', async () => {
    const p = await f.participant(s1, {
      kind: 'external',
      name: 'Bram de Boer',
      email: 'bram@example.org',
    });
    const url = `${f.S}/${s1}/participants/${p.id}/re-identifications`;
    const before = await researchSnapshot(t);
    for (const who of [f.researcher, f.admin, f.offTeam]) {
      const denied = await who.inject({ method: 'POST', url, payload: { reason: 'nieuwsgierig' } });
      expect(denied.statusCode, denied.body).toBeGreaterThanOrEqual(403);
      expect(String(denied.headers['content-type'])).toContain('application/problem+json');
      expect(denied.body).not.toContain('Bram');
    }
    expect(
      problemOf(await f.researcher.inject({ method: 'POST', url, payload: { reason: 'x' } }), 403)
        .code,
    ).toBe('forbidden');
    const noReason = await f.steward.inject({ method: 'POST', url, payload: {} });
    expect(problemOf(noReason, 400).pointers).toEqual(['/reason']);
    expect(await researchSnapshot(t)).toEqual(before);

    const res = await f.steward.inject({
      method: 'POST',
      url,
      payload: { reason: 'Herbenadering voor golf 2' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<ReIdentification>()).toMatchObject({
      participantId: p.id,
      pseudonym: p.pseudonym,
      kind: 'external',
      actorId: null,
      name: 'Bram de Boer',
      email: 'bram@example.org',
    });
    const events = await t()
      .ctx.db.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'research.reidentified')
      .where('object_id', '=', p.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor_user_id: f.users.steward.id,
      workspace_id: f.ws.id,
      object_type: 'research_participant',
      result: 'ok',
    });
    const stored = await t()
      .ctx.db.selectFrom('research_reidentifications')
      .selectAll()
      .where('participant_id', '=', p.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ study_id: s1, user_id: f.users.steward.id });
    expect(stored[0]!.reason_enc).toMatch(/^v1:/);
    expect(stored[0]!.reason_enc).not.toContain('golf');

    const carrier = await f.participant(s1, { kind: 'actor', actorId: f.carrier2.id });
    const who = await f.steward.inject({
      method: 'POST',
      url: `${f.S}/${s1}/participants/${carrier.id}/re-identifications`,
      payload: { reason: 'Controle koppeling' },
    });
    expect(who.json<ReIdentification>()).toMatchObject({
      kind: 'actor',
      actorId: f.carrier2.id,
      name: 'Karim Drager',
      email: null,
    });
  });

  it('takes no new participants in a closed study', async () => {
    const closed = await f.study('Afgesloten');
    const patch = await f.admin.inject({
      method: 'PATCH',
      url: `${f.S}/${closed}`,
      payload: { status: 'closed' },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const before = await researchSnapshot(t);
    const res = await f.steward.inject({
      method: 'POST',
      url: `${f.S}/${closed}/participants`,
      payload: { kind: 'actor', actorId: f.carrier.id },
    });
    expect(problemOf(res, 409).code).toBe('study_closed');
    expect(await researchSnapshot(t)).toEqual(before);
  });

  it('lists participants by pseudonym for the team and 404s a participant of another study', async () => {
    const list = await f.researcher.inject({ method: 'GET', url: `${f.S}/${s1}/participants` });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: ParticipantOut[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.map((i) => i.pseudonym)).toEqual([...items.map((i) => i.pseudonym)].sort());
    const inS2 = (
      await f.researcher.inject({ method: 'GET', url: `${f.S}/${s2}/participants` })
    ).json<{ items: ParticipantOut[] }>().items[0]!;
    const cross = await f.researcher.inject({
      method: 'GET',
      url: `${f.S}/${s1}/participants/${inS2.id}`,
    });
    expect(problemOf(cross, 404).code).toBe('not_found');
  });
});
