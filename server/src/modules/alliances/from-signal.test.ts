import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { signalFixture, type SignalFixture } from '../signals/test-fixture.ts';
import type { AllianceDetail } from './schema.ts';

// Forming an alliance from an overlap signal: the alliance is created and the signal moves to
// "bondgenootschap gevormd" naming it in one transaction — or neither happens.
describeEachDialect('alliances formed from an overlap signal', (dialect) => {
  const t = useTestApp(dialect);
  let f: SignalFixture;
  let signalId: string;
  beforeAll(async () => {
    f = await signalFixture(t);
    signalId = (await f.pair(f.carriers.member.id, f.large.id))!.id;
  });
  const body = (extra: object = {}) => ({
    name: 'Samen aan tafel',
    decisionRule: 'consensus',
    signalId,
    members: [
      { actorId: f.carriers.member.id, role: 'lead', seats: 1, votes: 1, startDate: '2026-03-01' },
      { actorId: f.large.id, role: 'member', seats: 1, votes: 1, startDate: '2026-03-01' },
    ],
    ...extra,
  });
  const create = (payload: object) =>
    f.coordinator.inject({ method: 'POST', url: `${f.W}/alliances`, payload });
  const alliances = async () =>
    Number(
      (
        await t()
          .ctx.db.selectFrom('alliances')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('workspace_id', '=', f.ws.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a signal that is not in dialogue yet, and writes no alliance', async () => {
    expect((await f.get(f.coordinator, signalId)).state).toBe('open');
    const p = problemOf(await create(body()), 409);
    expect(p.code).toBe('invalid_transition');
    expect(await alliances()).toBe(0);
    expect((await f.get(f.coordinator, signalId)).state).toBe('open');
  });

  it('refuses an unknown signal as bad input, and writes nothing', async () => {
    const p = problemOf(
      await create(body({ signalId: '00000000-0000-4000-8000-000000000000' })),
      400,
    );
    expect(p.pointers).toEqual(['/signalId']);
    expect(await alliances()).toBe(0);
  });

  it('creates the alliance and moves the signal to alliance_formed naming it', async () => {
    t().clock.advance(1);
    expect((await f.move(f.coordinator, signalId, { to: 'in_dialogue' })).statusCode).toBe(200);
    t().clock.advance(1);
    const res = await create(body());
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json<AllianceDetail>();
    expect(a.signalId).toBe(signalId);
    const s = await f.get(f.coordinator, signalId);
    expect(s).toMatchObject({ state: 'alliance_formed', allianceId: a.id });
    expect(s.history.at(-1)).toMatchObject({ toState: 'alliance_formed', allianceId: a.id });
    // The signal is final now: a second alliance from it is refused and not written.
    expect(problemOf(await create(body({ name: 'Nog een' })), 409).code).toBe('invalid_transition');
    expect(await alliances()).toBe(1);
  });
});
