import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { bumpDirectoryVersion } from '../records/version.ts';
import { detectSignals } from './detect.ts';
import type { SignalDetail } from './schema.ts';
import { signalFixture, type SignalFixture } from './test-fixture.ts';

// What a signal's detail tells one party about the other. The fixture's signal names the member's
// private carrier and the large organisation; here the large organisation is linked to member2,
// so member2 is the other party and may not see the member's carrier.
describeEachDialect('overlap signals: what a party learns about the other', (dialect) => {
  const t = useTestApp(dialect);
  let f: SignalFixture;
  let id: string;
  const today = () => t().clock.now().toISOString().slice(0, 10);
  /** Detects again now (a write straight to the database does not bump the version itself). */
  const redetect = async () => {
    await bumpDirectoryVersion(t().ctx.db, f.ws.id);
    await detectSignals(t().ctx, f.ws.id);
  };
  beforeAll(async () => {
    f = await signalFixture(t);
    const db = t().ctx.db;
    await db
      .updateTable('actors')
      .set({ user_id: null })
      .where('id', '=', f.carriers.member2.id)
      .execute();
    await db
      .updateTable('actors')
      .set({ user_id: f.users.member2.id })
      .where('id', '=', f.large.id)
      .execute();
    id = (await f.pair(f.carriers.member.id, f.large.id))!.id;
  });

  it('hides who the other party is behind a private carrier: history, notes, size kind', async () => {
    const moved = await f.move(f.member, id, { to: 'seen' });
    expect(moved.statusCode, moved.body).toBe(200);
    const note = await f.member.inject({
      method: 'POST',
      url: `${f.W}/overlap-signals/${id}/notes`,
      payload: { text: 'Wij werken hier al aan.' },
    });
    expect(note.statusCode, note.body).toBe(201);

    const other = await f.get(f.member2, id);
    const mine = other.actors.findIndex((a) => a.id === f.carriers.member.id);
    expect(other.actors[mine]!.name).toBeNull();
    expect(other.history.at(-1)).toMatchObject({
      toState: 'seen',
      by: { userId: null, name: null },
    });
    expect(other.notes.map((n) => n.author)).toEqual([{ userId: null, name: null }]);
    expect(other.explanation.facts.sizeKinds[mine]).toBeNull();
    expect(other.explanation.facts.sizeKinds[1 - mine]).toBe('large');

    // The member sees their own entries; a coordinator sees everyone.
    for (const who of [f.member, f.coordinator]) {
      const d = await f.get(who, id);
      expect(d.history.at(-1)!.by).toMatchObject({ userId: f.users.member.id });
      expect(d.history.at(-1)!.by!.name).toBeTruthy();
      expect(d.notes[0]!.author).toMatchObject({ userId: f.users.member.id });
      expect(d.explanation.facts.sizeKinds[mine]).toBe('person');
    }
  });

  it('counts only funders of flows that are not private', async () => {
    const db = t().ctx.db;
    const flow = (funderId: string, to: string, visibility: 'private' | 'workspace') => ({
      id: newId(),
      workspace_id: f.ws.id,
      funder_id: funderId,
      recipient_type: 'actor' as const,
      recipient_actor_id: to,
      recipient_initiative_id: null,
      recipient_alliance_id: null,
      initiative_id: null,
      title: null,
      amount_cents: 100_000,
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      instrument: 'project_grant' as const,
      reporting_hours: 0,
      report_count: 0,
      visibility,
      created_by: null,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    });
    // One funder pays both, but its flow to the carrier is private.
    await db
      .insertInto('funding_flows')
      .values([
        flow(f.carriers.org.id, f.large.id, 'workspace'),
        flow(f.carriers.org.id, f.carriers.member.id, 'private'),
      ])
      .execute();
    await redetect();
    expect((await f.get(f.coordinator, id)).explanation.facts.sharedFunders).toBe(0);
    await db
      .insertInto('funding_flows')
      .values(flow(f.carriers.org.id, f.carriers.member.id, 'workspace'))
      .execute();
    await redetect();
    expect((await f.get(f.coordinator, id)).explanation.facts.sharedFunders).toBe(1);
  });

  it('reads recorded ties only, not survey ties', async () => {
    const day = today();
    await t()
      .ctx.db.insertInto('ties')
      .values({
        id: newId(),
        workspace_id: f.ws.id,
        from_actor_id: f.carriers.member.id,
        to_actor_id: f.large.id,
        type: 'tension',
        directed: 1,
        intensity: 'cooperative',
        start_date: day,
        end_date: day,
        source: 'survey',
        survey_round_id: null,
        note: null,
        created_by: null,
        created_at: `${day}T00:00:00.000Z`,
        updated_at: `${day}T00:00:00.000Z`,
      })
      .execute();
    await redetect();
    const d: SignalDetail = await f.get(f.coordinator, id);
    expect(d.explanation.facts.tieTypes).toEqual([]);
    expect(d.reasons.map((r) => r.code)).not.toContain('tension-tie');
  });
});
