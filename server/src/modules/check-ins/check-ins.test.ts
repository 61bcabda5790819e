import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { CheckInOut } from './schema.ts';
import { checkInFixture, checkInSnapshot, type CheckInFixture } from './test-fixture.ts';

describeEachDialect('check-ins: filing and one’s own', (dialect) => {
  const t = useTestApp(dialect);
  let f: CheckInFixture;
  beforeAll(async () => {
    f = await checkInFixture(t);
  });

  it('files a check-in for the caller’s own carrier and reads it back', async () => {
    const made = await f.file(f.member);
    expect(made).toMatchObject({
      date: '2026-03-01',
      workload: 4,
      energy: 2,
      supportFelt: 3,
      developmentWishes: 'Leren hoe ik een subsidie aanvraag',
      note: 'Zware maand, maar de buurtkeuken draait',
    });
    const row = await t()
      .ctx.db.selectFrom('check_ins')
      .selectAll()
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      workspace_id: f.ws.id,
      carrier_id: f.carriers.member.id,
      user_id: f.users.member.id,
    });
    const one = await f.member.inject({ method: 'GET', url: `${f.W}/me/check-ins/${made.id}` });
    expect(one.json()).toEqual(made);
    // Today, minimal: no texts; empty texts are stored as null.
    const bare = await f.file(f.member, {
      date: '2026-03-02',
      developmentWishes: undefined,
      note: '  ',
    });
    expect(bare).toMatchObject({ developmentWishes: null, note: null });
    const list = await f.member.inject({ method: 'GET', url: `${f.W}/me/check-ins?pageSize=1` });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: CheckInOut[]; total: number }>()).toMatchObject({
      total: 2,
      items: [{ id: bare.id }],
    });
    expect(list.headers.link).toContain('rel="next"');
  });

  it('keeps each member’s check-ins to themselves', async () => {
    const own = await f.file(f.member2, { note: 'Alleen voor mij' });
    const mine = await f.member.inject({ method: 'GET', url: `${f.W}/me/check-ins` });
    expect(mine.json<{ items: CheckInOut[] }>().items.map((c) => c.id)).not.toContain(own.id);
    for (const who of [f.member, f.coordinator, f.admin, f.officer]) {
      const res = await who.inject({ method: 'GET', url: `${f.W}/me/check-ins/${own.id}` });
      problemOf(res, 404);
      problemOf(await who.inject({ method: 'DELETE', url: `${f.W}/me/check-ins/${own.id}` }), 404);
    }
    // Another workspace does not see it either, even under its own slug.
    const elsewhere = await f.outsider.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${f.otherWs.slug}/me/check-ins/${own.id}`,
    });
    problemOf(elsewhere, 404);
    const del = await f.member2.inject({ method: 'DELETE', url: `${f.W}/me/check-ins/${own.id}` });
    expect(del.statusCode).toBe(204);
    problemOf(await f.member2.inject({ method: 'GET', url: `${f.W}/me/check-ins/${own.id}` }), 404);
  });

  it('refuses bad scores, dates and callers without a carrier, listing every error; nothing is written', async () => {
    const before = await checkInSnapshot(t);
    const post = (who: typeof f.member, payload: object) =>
      who.inject({ method: 'POST', url: `${f.W}/me/check-ins`, payload });

    const range = problemOf(
      await post(f.member, f.body({ workload: 0, energy: 6, supportFelt: -1, date: '2026-03-03' })),
      400,
    );
    expect(range.pointers).toEqual(['/date', '/energy', '/supportFelt', '/workload']);
    expect(range.errors!.map((e) => e.code).sort()).toEqual([
      'future_date',
      'out_of_range',
      'out_of_range',
      'out_of_range',
    ]);

    const old = problemOf(await post(f.member, f.body({ date: '2026-01-30' })), 400);
    expect(old.errors).toMatchObject([{ pointer: '/date', code: 'too_old' }]);

    // Shape errors: fractions, strings (never coerced), unknown fields, impossible dates.
    const shape = problemOf(
      await post(f.member, {
        ...f.body({ workload: 2.5, energy: '3', date: '2026-02-30' }),
        mood: 'ok',
      }),
      400,
    );
    expect(shape.pointers).toEqual(expect.arrayContaining(['/date', '/energy', '/workload']));
    expect(shape.errors!.some((e) => e.code === 'unrecognized_keys')).toBe(true);

    // The coordinator has no carrier record: listed with the other errors.
    const none = problemOf(await post(f.coordinator, f.body({ workload: 9 })), 400);
    expect(none.errors!.map((e) => `${e.pointer} ${e.code}`).sort()).toEqual([
      '/ no_carrier_record',
      '/workload out_of_range',
    ]);
    problemOf(await post(f.researcher, f.body()), 400);
    expect(await checkInSnapshot(t)).toEqual(before);
  });

  it('refuses unknown intervals and languages, and settings without a carrier record', async () => {
    const before = await checkInSnapshot(t);
    const put = (who: typeof f.member, payload: object) =>
      who.inject({ method: 'PUT', url: `${f.W}/me/check-in-settings`, payload });
    const unknown = problemOf(
      await put(f.member, { reminderInterval: 'daily', language: 'de' }),
      400,
    );
    expect(unknown.pointers).toEqual(['/language', '/reminderInterval']);
    problemOf(await put(f.member, { reminderInterval: 'weekly' }), 400);
    const none = problemOf(
      await put(f.coordinator, { reminderInterval: 'weekly', language: 'nl' }),
      400,
    );
    expect(none.errors).toMatchObject([{ pointer: '/', code: 'no_carrier_record' }]);
    expect(await checkInSnapshot(t)).toEqual(before);
    // Reading the settings needs no record: the defaults (no reminders).
    const res = await f.coordinator.inject({ method: 'GET', url: `${f.W}/me/check-in-settings` });
    expect(res.json()).toEqual({
      reminderInterval: 'none',
      language: 'nl',
      lastCheckInOn: null,
      nextReminderOn: null,
    });
  });
});
