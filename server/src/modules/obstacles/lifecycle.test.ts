import { beforeAll, describe, expect, it } from 'vitest';
import { obstacleStatuses, type ObstacleStatus } from '../../db/types.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import { remindOverdueObstacles } from './reminders.ts';
import { canTransition, isClosed, needsExplanation, nextStatuses } from './lifecycle.ts';
import type { ObstacleDetail } from './schema.ts';
import { obstacleFixture, obstacleSnapshot, type ObstacleFixture } from './test-fixture.ts';

describe('obstacle state machine', () => {
  it('allows exactly the documented steps', () => {
    const allowed = obstacleStatuses.flatMap((from) =>
      obstacleStatuses.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'reported→acknowledged',
      'acknowledged→in_progress',
      'in_progress→resolved',
      'in_progress→unresolvable',
      'in_progress→forwarded',
    ]);
  });

  it('closes at the outcomes, withdrawal and merge; explanations for two outcomes', () => {
    const closed = obstacleStatuses.filter(isClosed);
    expect(closed).toEqual(['resolved', 'unresolvable', 'forwarded', 'withdrawn', 'merged']);
    expect(obstacleStatuses.filter(needsExplanation)).toEqual(['unresolvable', 'forwarded']);
    for (const s of closed) expect(nextStatuses(s)).toEqual([]);
  });

  it('never skips a step: every path from reported passes acknowledged and in_progress', () => {
    const paths: ObstacleStatus[][] = [];
    const walk = (path: ObstacleStatus[]) => {
      const next = nextStatuses(path.at(-1)!);
      if (next.length === 0) paths.push(path);
      for (const n of next) walk([...path, n]);
    };
    walk(['reported']);
    expect(paths.map((p) => p.join(' '))).toEqual([
      'reported acknowledged in_progress resolved',
      'reported acknowledged in_progress unresolvable',
      'reported acknowledged in_progress forwarded',
    ]);
  });
});

describeEachDialect('obstacles: routing and responses', (dialect) => {
  const t = useTestApp(dialect);
  let f: ObstacleFixture;
  beforeAll(async () => {
    f = await obstacleFixture(t);
  });

  const outbox = async () =>
    (await t().ctx.db.selectFrom('outbox_emails').selectAll().orderBy('created_at').execute()).map(
      (m) => ({ to: m.to_address, subject: m.subject }),
    );

  it('goes reported → acknowledged → in_progress → resolved, notifying followers', async () => {
    const o = await f.report(f.member);
    await f.member2.inject({ method: 'POST', url: f.url(`/${o.id}/endorsements`), payload: {} });
    // Before routing, nobody can respond.
    expect(problemOf(await f.respond(f.officer, o.id, { status: 'acknowledged' }), 409).code).toBe(
      'no_owner',
    );
    const assigned = await f.assign(o.id);
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json<ObstacleDetail>()).toMatchObject({
      ownerId: f.owner.id,
      ownerName: 'Afdeling Subsidies',
      dueDate: '2026-04-01',
    });
    expect((await outbox()).at(-1)).toEqual({
      to: `officer.${f.slug}@example.org`,
      subject: 'Knelpunt voor Afdeling Subsidies: Alleen projectgeld, geen structurele steun',
    });
    const officerView = await f.get(f.officer, o.id);
    expect(officerView.viewer).toMatchObject({ isOwner: true, nextStatuses: ['acknowledged'] });

    t().clock.advance(600);
    const ack = await f.respond(f.officer, o.id, { status: 'acknowledged', dueDate: '2026-05-01' });
    expect(ack.statusCode, ack.body).toBe(201);
    expect(ack.json<ObstacleDetail>()).toMatchObject({
      status: 'acknowledged',
      dueDate: '2026-05-01',
    });
    const mails = await outbox();
    expect(
      mails
        .slice(-2)
        .map((m) => m.to)
        .sort(),
    ).toEqual([f.users.member.email, f.users.member2.email].sort());
    expect(mails.at(-1)!.subject).toMatch(/^Knelpunt erkend: /);

    t().clock.advance(60);
    expect((await f.respond(f.officer, o.id, { status: 'in_progress' })).statusCode).toBe(201);
    t().clock.advance(60);
    const done = await f.respond(f.officer, o.id, {
      status: 'resolved',
      explanation: 'Vanaf 2027 meerjarige subsidie',
    });
    expect(done.statusCode, done.body).toBe(201);
    const d = done.json<ObstacleDetail>();
    expect(d).toMatchObject({ status: 'resolved', dueDate: null });
    expect(d.history!.map((h) => [h.kind, h.status, h.actorRole])).toEqual([
      ['reported', 'reported', 'reporter'],
      ['assigned', null, 'coordinator'],
      ['status', 'acknowledged', 'owner'],
      ['status', 'in_progress', 'owner'],
      ['status', 'resolved', 'owner'],
    ]);
    // Reporter and endorser follow the history; a bystander does not.
    expect((await f.get(f.member, o.id)).history).toHaveLength(5);
    expect((await f.get(f.member2, o.id)).history).toHaveLength(5);
    expect((await f.get(f.researcher, o.id)).history).toBeNull();
    const row = await t()
      .ctx.db.selectFrom('obstacles')
      .selectAll()
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row.first_response_at).toBe('2026-03-02T09:10:00.000Z');
    expect(row.resolved_at).not.toBeNull();
    expect(problemOf(await f.respond(f.officer, o.id, { status: 'in_progress' }), 409).code).toBe(
      'invalid_transition',
    );
  });

  it('refuses out-of-order steps, the wrong people and missing explanations; writes nothing', async () => {
    const o = await f.report(f.member);
    await f.assign(o.id);
    const before = await obstacleSnapshot(t);
    const skip = problemOf(await f.respond(f.officer, o.id, { status: 'resolved' }), 409);
    expect(skip).toMatchObject({ code: 'invalid_transition', pointers: ['/status'] });
    // A policy officer of another owner, a coordinator who is no member, a member, the reporter.
    expect(problemOf(await f.respond(f.officer2, o.id, { status: 'acknowledged' }), 403).code).toBe(
      'forbidden',
    );
    expect(
      problemOf(await f.respond(f.coordinator, o.id, { status: 'acknowledged' }), 403).code,
    ).toBe('forbidden');
    expect(problemOf(await f.respond(f.member, o.id, { status: 'acknowledged' }), 403).code).toBe(
      'forbidden',
    );
    // A member cannot route; a status outside the enum is a validation error.
    const route = await f.member.inject({
      method: 'PUT',
      url: f.url(`/${o.id}/owner`),
      payload: { ownerId: f.owner.id, dueDate: '2026-04-01' },
    });
    expect(problemOf(route, 403).code).toBe('forbidden');
    expect(problemOf(await f.respond(f.officer, o.id, { status: 'merged' }), 400).pointers).toEqual(
      ['/status'],
    );
    expect(await obstacleSnapshot(t)).toEqual(before);

    await f.respond(f.officer, o.id, { status: 'acknowledged' });
    await f.respond(f.officer, o.id, { status: 'in_progress' });
    const snap = await obstacleSnapshot(t);
    for (const status of ['unresolvable', 'forwarded'])
      expect(
        problemOf(await f.respond(f.officer, o.id, { status, explanation: '  ' }), 400).pointers,
      ).toEqual(['/explanation']);
    expect(await obstacleSnapshot(t)).toEqual(snap);
    const fwd = await f.respond(f.officer, o.id, {
      status: 'forwarded',
      explanation: 'Doorgezet naar de provincie (subsidieregeling)',
    });
    expect(fwd.statusCode, fwd.body).toBe(201);
    expect(fwd.json<ObstacleDetail>().history!.at(-1)).toMatchObject({
      status: 'forwarded',
      note: 'Doorgezet naar de provincie (subsidieregeling)',
    });
  });

  it('reminds the owner’s members of overdue responses', async () => {
    const o = await f.report(f.member, { title: 'Te laat beantwoord' });
    await f.assign(o.id, '2026-03-01');
    const before = (await outbox()).length;
    expect(await remindOverdueObstacles(t().ctx)).toBeGreaterThanOrEqual(1);
    const mine = (await outbox())
      .slice(before)
      .filter((m) => m.subject.includes('Te laat beantwoord'));
    expect(mine).toEqual([
      { to: `officer.${f.slug}@example.org`, subject: 'Reactie te laat: Te laat beantwoord' },
    ]);
  });

  it('refuses an unknown owner and routing a closed obstacle', async () => {
    const o = await f.report(f.member);
    const bad = await f.coordinator.inject({
      method: 'PUT',
      url: f.url(`/${o.id}/owner`),
      payload: { ownerId: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b', dueDate: '2026-04-01' },
    });
    expect(problemOf(bad, 400).pointers).toEqual(['/ownerId']);
    await f.member.inject({ method: 'POST', url: f.url(`/${o.id}/withdrawal`) });
    expect(problemOf(await f.assign(o.id), 409).code).toBe('obstacle_closed');
  });
});
