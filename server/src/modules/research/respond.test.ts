import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { problemOf, system } from '../activities/test-fixture.ts';
import { getInvitations } from './invitation-service.ts';
import { RESEARCH_CLIENT_MAX } from './respond-service.ts';
import type { ParticipantOut } from './schema.ts';
import type { InviteResult } from './wave-schema.ts';
import { closeWave } from './wave-service.ts';
import { mailedLink, waveFixture, waveSnapshot, type WaveFixture } from './wave-test-fixture.ts';

describeEachDialect('research: the public questionnaire behind a link', (dialect) => {
  const t = useTestApp(dialect);
  let f: WaveFixture;
  let s1 = '';
  let wave: Awaited<ReturnType<WaveFixture['openWave']>>;
  let other: Awaited<ReturnType<WaveFixture['openWave']>>;
  const tag = Math.random().toString(36).slice(2, 8);
  const CANARY = `Mijn buurvrouw Kanarie ${tag} is ziek en ik zorg voor haar`;
  const who = ['ada', 'bo', 'eve', 'fay'] as const;
  const emails = Object.fromEntries(who.map((n) => [n, `${n}.${tag}@example.org`])) as Record<
    (typeof who)[number],
    string
  >;
  const p = {} as Record<(typeof who)[number], ParticipantOut>;
  const tokens = {} as Record<(typeof who)[number], string>;
  beforeAll(async () => {
    f = await waveFixture(t);
    s1 = await f.study();
    wave = await f.openWave(s1);
    other = await f.openWave(s1, 'Andere golf');
    for (const n of who) p[n] = await f.external(s1, `Deelnemer ${n} ${tag}`, emails[n]);
    const res = await f.post<InviteResult>(`${wave.url}/invitations`, { language: 'en' });
    expect(res.created).toBe(4);
    for (const n of who) tokens[n] = await mailedLink(t, emails[n]);
  });
  const answersRow = (participantId: string, itemId: string) =>
    t()
      .ctx.db.selectFrom('research_answers')
      .selectAll()
      .where('participant_id', '=', participantId)
      .where('item_id', '=', itemId)
      .executeTakeFirst();

  it('shows the questionnaire with its items, the names to choose from and no answers yet', async () => {
    const q = await f.questionnaire(tokens.ada);
    expect(q).toMatchObject({
      study: { title: 'Dragers over tien jaar' },
      wave: { title: 'Golf 2026', endsOn: null },
      language: 'en',
      answers: {},
      submittedAt: null,
    });
    expect(q.items.map((i) => i.code)).toEqual([
      'tevreden',
      'rol',
      'thema',
      'uren',
      'verhaal',
      'netwerk',
    ]);
    expect(q.items[0]).toMatchObject({ kind: 'likert', required: true, options: { points: 5 } });
    const network = q.items.find((i) => i.kind === 'network')!;
    // Public actors of the study's workspace, by name: not the private carriers, not elsewhere.
    expect(network.candidates).toEqual([
      { id: f.named.anna.id, name: 'Anna Buurman' },
      { id: f.named.buurthuis.id, name: 'Buurthuis De Kern' },
    ]);
    expect(q.items[0]).not.toHaveProperty('candidates');
    const inv = await t()
      .ctx.db.selectFrom('research_invitations')
      .select('started_at')
      .where('participant_id', '=', p.ada.id)
      .executeTakeFirstOrThrow();
    expect(inv.started_at).not.toBeNull();
  });

  it('saves as you go, reads answers back and clears with null', async () => {
    const values: [string, unknown][] = [
      [wave.items.tevreden.id, 4],
      [wave.items.rol.id, 'pro'],
      [wave.items.thema.id, ['zorg', 'groen']],
      [wave.items.uren.id, 12],
      [wave.items.verhaal.id, CANARY],
      [wave.items.netwerk.id, [f.named.buurthuis.id, f.named.anna.id]],
    ];
    for (const [itemId, value] of values) {
      const saved = await f.ok<{ itemId: string; savedAt: string }>(
        await f.respond.save(tokens.ada, itemId, value),
        200,
      );
      expect(saved.itemId).toBe(itemId);
    }
    const q = await f.questionnaire(tokens.ada);
    expect(q.answers).toEqual({
      [wave.items.tevreden.id]: 4,
      [wave.items.rol.id]: 'pro',
      [wave.items.thema.id]: ['groen', 'zorg'],
      [wave.items.uren.id]: 12,
      [wave.items.verhaal.id]: CANARY,
      [wave.items.netwerk.id]: [f.named.buurthuis.id, f.named.anna.id],
    });
    // Changing an answer replaces it; null clears it.
    await f.ok(await f.respond.save(tokens.ada, wave.items.rol.id, 'bewoner'), 200);
    await f.ok(await f.respond.save(tokens.ada, wave.items.thema.id, null), 200);
    expect(await answersRow(p.ada.id, wave.items.thema.id)).toBeUndefined();
    const again = await f.questionnaire(tokens.ada);
    expect(again.answers[wave.items.rol.id]).toBe('bewoner');
    expect(again.answers).not.toHaveProperty(wave.items.thema.id);
    const rol = await answersRow(p.ada.id, wave.items.rol.id);
    expect(rol).toMatchObject({ source: 'link', value_number: 0 });
  });

  it('runs writes of one link one after the other: two first saves of an item both land', async () => {
    const email = `gus.${tag}@example.org`;
    const gus = await f.external(s1, `Deelnemer gus ${tag}`, email);
    const res = await f.post<InviteResult>(`${wave.url}/invitations`, { language: 'nl' });
    expect(res.created).toBe(1);
    const token = await mailedLink(t, email);
    const [a, b] = await Promise.all([
      f.respond.save(token, wave.items.uren.id, 3),
      f.respond.save(token, wave.items.uren.id, 5),
    ]);
    expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([200, 200]);
    const rows = await t()
      .ctx.db.selectFrom('research_answers')
      .select('value_number')
      .where('participant_id', '=', gus.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect([3, 5]).toContain(Number(rows[0]!.value_number));
  });

  it('records the names of a network item as ties, and replaces them', async () => {
    const named = async () => {
      const a = await answersRow(p.ada.id, wave.items.netwerk.id);
      if (!a) return [];
      const rows = await t()
        .ctx.db.selectFrom('research_named_actors')
        .select(['actor_id', 'study_id'])
        .where('answer_id', '=', a.id)
        .execute();
      expect(rows.every((r) => r.study_id === s1)).toBe(true);
      return rows.map((r) => r.actor_id).sort();
    };
    expect(await named()).toEqual([f.named.anna.id, f.named.buurthuis.id].sort());
    await f.ok(await f.respond.save(tokens.ada, wave.items.netwerk.id, [f.named.anna.id]), 200);
    expect(await named()).toEqual([f.named.anna.id]);
    const row = await answersRow(p.ada.id, wave.items.netwerk.id);
    expect(JSON.parse(row!.value_json!)).toEqual([f.named.anna.id]);
    await f.ok(
      await f.respond.save(tokens.ada, wave.items.netwerk.id, [f.named.buurthuis.id]),
      200,
    );
    expect(await named()).toEqual([f.named.buurthuis.id]);
  });

  it('stores open text encrypted: the raw row holds no plaintext', async () => {
    const row = await answersRow(p.ada.id, wave.items.verhaal.id);
    expect(row!.value_text_enc).toMatch(/^v1:/);
    expect(row!.value_number).toBeNull();
    const raw = JSON.stringify(
      await t().ctx.db.selectFrom('research_answers').selectAll().execute(),
    );
    expect(raw).not.toContain('Kanarie');
    expect(raw).not.toContain(tag);
  });

  it('refuses bad values, unknown and other waves’ items listing every error; nothing is written', async () => {
    const before = await waveSnapshot(t);
    const cases: [string, unknown, string[]][] = [
      [wave.items.tevreden.id, 6, ['/value']],
      [wave.items.tevreden.id, 'vier', ['/value']],
      [wave.items.rol.id, 'anders', ['/value']],
      [wave.items.thema.id, ['groen', 'sport', 'x'], ['/value/1', '/value/2']],
      [wave.items.uren.id, 2.5, ['/value']],
      [wave.items.uren.id, 81, ['/value']],
      [wave.items.verhaal.id, 'x'.repeat(501), ['/value']],
      [
        wave.items.netwerk.id,
        [f.named.other.id, f.carrier.id, f.named.anna.id, f.named.buurthuis.id],
        ['/value', '/value/0', '/value/1'],
      ],
      [other.items.tevreden.id, 3, ['/itemId']],
      [f.ws.id, 3, ['/itemId']],
    ];
    for (const [itemId, value, pointers] of cases) {
      const res = await f.respond.save(tokens.ada, itemId, value);
      expect(problemOf(res, 400).pointers, JSON.stringify(value)).toEqual(pointers);
    }
    expect(await waveSnapshot(t)).toEqual(before);
  });

  it('submits only with every required item answered; then the link no longer works', async () => {
    const before = await waveSnapshot(t);
    const missing = await f.respond.submit(tokens.bo);
    const problem = problemOf(missing, 400);
    expect(problem.pointers).toEqual(['/items/tevreden', '/items/uren']);
    expect(await waveSnapshot(t)).toEqual(before);
    await f.ok(await f.respond.save(tokens.bo, wave.items.tevreden.id, 2), 200);
    expect(problemOf(await f.respond.submit(tokens.bo), 400).pointers).toEqual(['/items/uren']);

    const done = await f.ok<{ submittedAt: string }>(await f.respond.submit(tokens.ada), 200);
    expect(done.submittedAt).toBe(t().ctx.clock.now().toISOString());
    const after = await waveSnapshot(t);
    for (const res of [
      await f.respond.lookup(tokens.ada),
      await f.respond.save(tokens.ada, wave.items.tevreden.id, 1),
      await f.respond.submit(tokens.ada),
    ])
      expect(problemOf(res, 409).code).toBe('already_submitted');
    expect(await waveSnapshot(t)).toEqual(after);
    const w = await f.ok<{ submittedCount: number; respondentCount: number; startedCount: number }>(
      await f.researcher.inject({ method: 'GET', url: wave.url }),
      200,
    );
    // ada submitted; bo and gus (the concurrent saves above) answered without submitting.
    expect(w).toMatchObject({ submittedCount: 1, respondentCount: 3, startedCount: 3 });
  });

  it('stops collecting once participation consent is withdrawn', async () => {
    await f.ok(await f.respond.save(tokens.eve, wave.items.uren.id, 3), 200);
    await f.withdraw(s1, p.eve.id, 'participation');
    const before = await waveSnapshot(t);
    for (const res of [
      await f.respond.lookup(tokens.eve),
      await f.respond.save(tokens.eve, wave.items.uren.id, 4),
      await f.respond.submit(tokens.eve),
    ]) {
      const problem = problemOf(res, 409);
      expect(problem.code).toBe('consent_withdrawn');
      expect(res.json<{ detail: string }>().detail).toMatch(/no data is collected/);
    }
    expect(await waveSnapshot(t)).toEqual(before);
  });

  it('refuses unknown and malformed tokens with 400', async () => {
    const before = await waveSnapshot(t);
    const unknown = await f.respond.lookup('x'.repeat(64));
    expect(problemOf(unknown, 400).code).toBe('token_invalid');
    const short = await f.respond.lookup('abc');
    expect(problemOf(short, 400).pointers).toEqual(['/token']);
    const save = await f.respond.save('y'.repeat(64), wave.items.uren.id, 1);
    expect(problemOf(save, 400).code).toBe('token_invalid');
    expect(await waveSnapshot(t)).toEqual(before);
  });

  it('shows researchers pseudonyms only (canary scan of the wave routes)', async () => {
    const urls = [
      f.W(s1),
      wave.url,
      `${wave.url}/invitations`,
      other.url,
      `${other.url}/invitations`,
    ];
    const bodies: string[] = [];
    for (const url of urls)
      for (const caller of [f.researcher, f.steward])
        bodies.push((await caller.inject({ method: 'GET', url })).body);
    bodies.push(
      (await f.researcher.inject({ method: 'POST', url: `${wave.url}/invitations`, payload: {} }))
        .body,
      (await f.researcher.inject({ method: 'POST', url: `${wave.url}/reminders` })).body,
    );
    const all = bodies.join('\n');
    expect(all).toContain(p.ada.pseudonym);
    for (const canary of [tag, 'Deelnemer', 'Kanarie', f.carrier.id, f.named.anna.id])
      expect(all).not.toContain(canary);
  });

  it('refuses links of a closed wave and expired links with 409', async () => {
    await f.ok(await f.respond.lookup(tokens.fay), 200);
    // A closed wave: its links stop working.
    await t().ctx.db.deleteFrom('outbox_emails').execute();
    await f.post(`${other.url}/invitations`, { participantIds: [p.bo.id] });
    const boOther = await mailedLink(t, emails.bo);
    await f.ok(await f.respond.save(boOther, other.items.uren.id, 5), 200);
    await f.post(`${other.url}/close`, {}, 200);
    const closedBefore = await waveSnapshot(t);
    for (const res of [
      await f.respond.lookup(boOther),
      await f.respond.save(boOther, other.items.uren.id, 6),
      await f.respond.submit(boOther),
    ])
      expect(problemOf(res, 409).code).toBe('wave_closed');
    expect(await waveSnapshot(t)).toEqual(closedBefore);
    // Past the 30 days the link was valid for.
    t().clock.advance(31 * 86_400);
    const before = await waveSnapshot(t);
    for (const res of [
      await f.respond.lookup(tokens.fay),
      await f.respond.save(tokens.fay, wave.items.uren.id, 4),
      await f.respond.submit(tokens.fay),
    ])
      expect(problemOf(res, 409).code).toBe('link_expired');
    expect(await waveSnapshot(t)).toEqual(before);
    // Sessions have expired too: the team's view through the services, as the system.
    const list = await getInvitations(t().ctx, system, f.ws.id, s1, wave.id);
    expect(list.items.find((i) => i.participantId === p.fay.id)?.status).toBe('expired');
    await closeWave(t().ctx, system, f.ws.id, s1, wave.id);
    expect(problemOf(await f.respond.lookup(tokens.fay), 409).code).toBe('wave_closed');
  });

  it('answers 429 after too many invalid tokens from one client', async () => {
    for (let i = 0; i < RESEARCH_CLIENT_MAX; i++)
      expect((await f.respond.lookup(`onbekend-${i}-`.padEnd(40, 'z'))).statusCode).toBe(400);
    const limited = await f.respond.lookup('z'.repeat(40));
    expect(problemOf(limited, 429).code).toBe('rate_limited');
  });
});
