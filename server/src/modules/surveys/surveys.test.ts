import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { indexGraph } from '../../analytics/network/graph.ts';
import { partnerScores } from '../../analytics/network/partner.ts';
import { problemOf } from '../activities/test-fixture.ts';
import type { Network } from '../network/schema.ts';
import type { Round, RoundDetail } from './schema.ts';
import { mailedToken, surveyFixture, surveySnapshot, type SurveyFixture } from './test-fixture.ts';

const MISSING = '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

describeEachDialect('survey rounds', (dialect) => {
  const t = useTestApp(dialect);
  let f: SurveyFixture;
  beforeAll(async () => {
    f = await surveyFixture(t);
  });
  const get = (url: string, who = f.coordinator) =>
    who.inject({ method: 'GET', url: `${f.W}${url}` });
  const tokens = async () => ({
    member: await mailedToken(t, f.emails.member),
    member2: await mailedToken(t, f.emails.member2),
    org: await mailedToken(t, f.emails.org),
    large: await mailedToken(t, f.emails.large),
  });
  const full = {
    chosen: true,
    frequency: 'monthly',
    intensity: 'coordinated',
    reliability: 4,
    mission: 3,
    openness: 4,
    power: 2,
    involvement: 3,
    resources: 2,
    brings: ['space', 'expertise'],
  };

  it('creates a draft with members by list and area, each with an address; lists every error', async () => {
    const before = await surveySnapshot(t);
    const bad = problemOf(
      await f.coordinator.inject({
        method: 'POST',
        url: `${f.W}/survey-rounds`,
        payload: f.roundBody({
          opensOn: '2026-03-10',
          closesOn: '2026-03-05',
          areaId: f.otherAreas[0],
          members: [
            { actorId: f.carriers.member.id },
            { actorId: f.carriers.member.id },
            { actorId: f.carriers.hidden.id },
            { actorId: f.carriers.other.id },
            { actorId: MISSING },
          ],
        }),
      }),
      400,
    );
    expect(bad.pointers).toEqual([
      '/areaId',
      '/closesOn',
      '/members/1/actorId',
      '/members/2/email',
      '/members/3/actorId',
      '/members/4/actorId',
    ]);
    const shape = problemOf(
      await f.coordinator.inject({
        method: 'POST',
        url: `${f.W}/survey-rounds`,
        payload: f.roundBody({ title: '', opensOn: 'morgen', members: [{ actorId: 'x' }] }),
      }),
      400,
    );
    expect(shape.pointers).toEqual(['/members/0/actorId', '/opensOn', '/title']);
    expect(await surveySnapshot(t)).toEqual(before);

    const denied = await f.member.inject({
      method: 'POST',
      url: `${f.W}/survey-rounds`,
      payload: f.roundBody(),
    });
    expect(problemOf(denied, 403).code).toBe('forbidden');
    expect(problemOf(await get('/survey-rounds', f.member), 403).code).toBe('forbidden');

    const draft = await f.round();
    expect(draft).toMatchObject({
      status: 'draft',
      invited: 4,
      started: 0,
      submitted: 0,
      responseRate: 0,
    });
    expect(draft.members.map((m) => m.progress)).toEqual(Array(4).fill('not_invited'));
    const stored = await t()
      .ctx.db.selectFrom('survey_members')
      .select(['actor_id', 'email', 'token_hash'])
      .where('round_id', '=', draft.id)
      .execute();
    const byActor = new Map(stored.map((m) => [m.actor_id, m]));
    expect(byActor.get(f.carriers.member.id)?.email).toBe(f.emails.member);
    expect(byActor.get(f.carriers.org.id)?.email).toBe(f.emails.org);
    expect(stored.every((m) => m.token_hash === null)).toBe(true);
    // By area: the member working in the first buurt, plus the listed organisation.
    await t()
      .ctx.db.insertInto('record_areas')
      .values({
        workspace_id: f.ws.id,
        record_type: 'actor',
        record_id: f.carriers.member2.id,
        area_id: f.areas[0]!,
      })
      .execute();
    const byArea = await f.round({
      areaId: f.areas[0],
      members: [{ actorId: f.large.id, email: f.emails.large }],
    });
    expect(byArea.members.map((m) => m.actorId).sort()).toEqual(
      [f.carriers.member2.id, f.large.id].sort(),
    );
  });

  it('opens a round: one personal link per member, stored hashed; opens once', async () => {
    const r = await f.round();
    const opened = await f.action(r.id, 'opening');
    expect(opened.status).toBe('open');
    expect(opened.members.map((m) => m.progress)).toEqual(Array(4).fill('invited'));
    const mail = await t()
      .ctx.db.selectFrom('outbox_emails')
      .select(['to_address', 'subject', 'body_text'])
      .where('to_address', '=', f.emails.org)
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain('Netwerkmeting 2026');
    expect(mail.body_text).toMatch(/Vul hem in via deze persoonlijke link/);
    expect(mail.body_text).toMatch(/Use this personal link/);
    const token = await mailedToken(t, f.emails.org);
    expect(token.length).toBeGreaterThanOrEqual(43);
    const rows = await t().ctx.db.selectFrom('survey_members').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    const q = await f.questionnaire(token);
    expect(q.respondent).toEqual({ actorId: f.carriers.org.id, name: 'Stichting Buurtkracht' });
    // Fatima Öztürk's carrier is private: she may answer, but others do not see her name.
    expect(q.alters.map((a) => a.name)).toEqual(['Joop de Wit', 'Welzijn Groot']);
    expect(q.round).toMatchObject({ title: 'Netwerkmeting 2026', closesOn: '2026-03-31' });
    // The link's path never reaches the log.
    await t().app.inject({ method: 'GET', url: `/meting/${token}` });
    expect(t().logs.join('')).toContain('/meting/:token');
    expect(t().logs.join('')).not.toContain(token);
    const again = await f.action(r.id, 'opening', 409);
    expect((again as unknown as { code: string }).code).toBe('wrong_status');
  });

  it('saves as you go, comes back to saved answers, submits once; then the link is spent', async () => {
    await t().ctx.db.deleteFrom('outbox_emails').execute();
    const r = await f.openRound({ title: 'Ronde opslaan' });
    const tk = await tokens();
    // Halfway: one member chosen, then the respondent leaves.
    await f.saved(tk.member2, f.large.id, { ...full, intensity: null });
    const back = await f.questionnaire(tk.member2);
    expect(back.answers).toEqual([
      expect.objectContaining({
        alterId: f.large.id,
        chosen: true,
        intensity: null,
        reliability: 4,
      }),
    ]);
    // Submitting with a chosen member without intensity is refused.
    const early = problemOf(await f.submit(tk.member2), 400);
    expect(early.pointers).toEqual([`/answers/${f.large.id}/intensity`]);
    await f.saved(tk.member2, f.large.id, full);
    const not = await f.saved(tk.member2, f.carriers.org.id, { ...full, chosen: false });
    expect(not).toMatchObject({ chosen: false, intensity: null, reliability: null, brings: [] });
    const done = await f.submit(tk.member2);
    expect(done.statusCode, done.body).toBe(200);

    const before = await surveySnapshot(t);
    expect(problemOf(await f.lookup(tk.member2), 409).code).toBe('already_submitted');
    expect(problemOf(await f.save(tk.member2, f.large.id, full), 409).code).toBe(
      'already_submitted',
    );
    expect(problemOf(await f.submit(tk.member2), 409).code).toBe('already_submitted');
    expect(await surveySnapshot(t)).toEqual(before);

    await f.questionnaire(tk.org);
    const rates = (await get(`/survey-rounds/${r.id}`)).json<RoundDetail>();
    expect(rates).toMatchObject({ invited: 4, started: 2, submitted: 1, responseRate: 0.25 });
    const progress = Object.fromEntries(rates.members.map((m) => [m.actorId, m.progress]));
    expect(progress).toEqual({
      [f.carriers.member.id]: 'invited',
      [f.carriers.member2.id]: 'submitted',
      [f.carriers.org.id]: 'started',
      [f.large.id]: 'invited',
    });
    expect(JSON.stringify(rates)).not.toContain('reliability');
    const listed = (await get('/survey-rounds?status=open')).json<{ items: Round[] }>();
    expect(listed.items.find((x) => x.id === r.id)).toMatchObject({ submitted: 1 });
  });

  it('refuses bad ratings, alters outside the round, bad and foreign tokens; writes nothing', async () => {
    await t().ctx.db.deleteFrom('outbox_emails').execute();
    const a = await f.openRound({ title: 'Ronde A' });
    const tkA = await tokens();
    await t().ctx.db.deleteFrom('outbox_emails').execute();
    await f.openRound({
      title: 'Ronde B',
      members: [
        { actorId: f.carriers.member2.id },
        { actorId: f.carriers.org.id, email: f.emails.org },
      ],
    });
    const tkB = await mailedToken(t, f.emails.org);
    const before = await surveySnapshot(t);
    const bad = problemOf(
      await f.save(tkA.member, MISSING, { ...full, reliability: 5, power: 0, openness: 2 }),
      400,
    );
    expect(bad.code).toBe('validation_failed');
    expect(bad.pointers).toEqual(['/alterId', '/power', '/reliability']);
    const shape = problemOf(
      await f.save(tkA.member, f.large.id, { ...full, intensity: 'high', mission: 2.5 }),
      400,
    );
    expect(shape.pointers).toEqual(['/intensity', '/mission']);
    expect(problemOf(await f.save(tkA.member, f.carriers.member.id, full), 400).pointers).toEqual([
      '/alterId',
    ]);
    // Round B's token reaches round B only: Welzijn Groot is not a member there.
    expect(problemOf(await f.save(tkB, f.large.id, full), 400).pointers).toEqual(['/alterId']);
    expect(problemOf(await f.lookup('x'.repeat(43)), 400).code).toBe('token_invalid');
    expect(await surveySnapshot(t)).toEqual(before);
    expect((await f.questionnaire(tkB)).alters.map((x) => x.actorId)).toEqual([
      f.carriers.member2.id,
    ]);
    expect((await f.questionnaire(tkA.member)).round.title).toBe('Ronde A');
    expect(a.id).toBeTruthy();
  });

  it('closing freezes the snapshot: survey ties, ratings, read-only; small cells of partner.ts suppressed', async () => {
    await t().ctx.db.deleteFrom('outbox_emails').execute();
    const r = await f.openRound({ title: 'Ronde sluiten' });
    const tk = await tokens();
    await f.saved(tk.member, f.carriers.org.id, full);
    await f.saved(tk.member, f.large.id, { ...full, intensity: 'integrated', reliability: 2 });
    await f.saved(tk.org, f.carriers.member.id, {
      chosen: true,
      intensity: 'cooperative',
      reliability: 3,
      mission: null,
      openness: 1,
      power: 4,
    });
    await f.saved(tk.org, f.large.id, { ...full, reliability: 1, mission: 1, openness: 1 });
    // Started but never submitted: dropped at closing.
    await f.saved(tk.large, f.carriers.org.id, full);
    for (const x of [tk.member, tk.org]) expect((await f.submit(x)).statusCode).toBe(200);
    expect(problemOf(await get(`/network?round=${r.id}`), 400).errors![0]!.code).toBe(
      'round_not_closed',
    );

    const closed = await f.action(r.id, 'closing');
    expect(closed).toMatchObject({ status: 'closed', snapshotOn: '2026-03-02', submitted: 2 });
    const ties = await t()
      .ctx.db.selectFrom('ties')
      .selectAll()
      .where('survey_round_id', '=', r.id)
      .orderBy('from_actor_id')
      .orderBy('to_actor_id')
      .execute();
    expect(ties).toHaveLength(4);
    for (const tie of ties)
      expect(tie).toMatchObject({
        source: 'survey',
        type: 'collaboration',
        directed: 1,
        start_date: '2026-03-02',
        end_date: '2026-03-02',
      });
    expect(ties.map((x) => `${x.from_actor_id}>${x.to_actor_id}:${x.intensity}`).sort()).toEqual(
      [
        `${f.carriers.member.id}>${f.carriers.org.id}:coordinated`,
        `${f.carriers.member.id}>${f.large.id}:integrated`,
        `${f.carriers.org.id}>${f.carriers.member.id}:cooperative`,
        `${f.carriers.org.id}>${f.large.id}:coordinated`,
      ].sort(),
    );
    const kept = await t()
      .ctx.db.selectFrom('survey_answers')
      .select('rater_id')
      .where('round_id', '=', r.id)
      .execute();
    expect(new Set(kept.map((k) => k.rater_id))).toEqual(
      new Set([f.carriers.member.id, f.carriers.org.id]),
    );

    // Read-only: links, closing and reminders all refuse, writing nothing.
    const before = await surveySnapshot(t);
    expect(problemOf(await f.lookup(tk.large), 409).code).toBe('round_closed');
    expect(problemOf(await f.save(tk.member2, f.large.id, full), 409).code).toBe('round_closed');
    await f.action(r.id, 'closing', 409);
    const remind = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/survey-rounds/${r.id}/reminders`,
    });
    expect(problemOf(remind, 409).code).toBe('wrong_status');
    expect(await surveySnapshot(t)).toEqual(before);

    const res = await get(`/network?round=${r.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const net = res.json<Network>();
    expect(net).toMatchObject({ roundId: r.id, asOf: '2026-03-02' });
    expect(net.nodes.map((n) => n.id).sort()).toEqual(
      [f.carriers.member.id, f.carriers.member2.id, f.carriers.org.id, f.large.id].sort(),
    );
    expect(net.edges.map((e) => e.id).sort()).toEqual(ties.map((x) => x.id).sort());
    const ids = net.nodes.map((n) => n.id);
    const want = partnerScores(
      indexGraph({
        directed: true,
        nodes: ids.map((id) => ({ id })),
        edges: [],
        ratings: [
          { rater: f.carriers.member.id, ratee: f.carriers.org.id, ...full },
          { rater: f.carriers.member.id, ratee: f.large.id, ...full, reliability: 2 },
          {
            rater: f.carriers.org.id,
            ratee: f.carriers.member.id,
            reliability: 3,
            mission: null,
            openness: 1,
            power: 4,
          },
          {
            rater: f.carriers.org.id,
            ratee: f.large.id,
            ...full,
            reliability: 1,
            mission: 1,
            openness: 1,
          },
        ],
      }),
    );
    const same = (actual: number | null, expected: number | null | undefined, what: string) =>
      expected === null || expected === undefined
        ? expect(actual, what).toBeNull()
        : expect(actual, what).toBeCloseTo(expected, 12);
    // partner.ts scores every rated node. The coordinator, who runs the round, sees every score
    // with its number of raters; anyone else sees a score only with 5 raters or more, since with
    // fewer it would be (nearly) one respondent's answer (network/service.ts).
    expect(want.trust[ids.indexOf(f.large.id)]).toBeCloseTo((3 + 1) / 2, 12);
    expect(want.trustRaters.every((k) => k < 5)).toBe(true);
    ids.forEach((id, i) => {
      const node = net.nodes.find((n) => n.id === id)!;
      same(node.trust, want.trust[i], `trust ${id}`);
      same(node.value, want.value[i], `value ${id}`);
      expect(node.raters, `raters ${id}`).toBe(
        Math.max(want.trustRaters[i]!, want.valueRaters[i]!),
      );
    });
    expect(net.network.trust).not.toBeNull();
    const asMember = await get(`/network?round=${r.id}`, f.member);
    expect(asMember.statusCode, asMember.body).toBe(200);
    const memberNet = asMember.json<Network>();
    expect(memberNet.nodes.length).toBeGreaterThan(0);
    for (const node of memberNet.nodes) {
      same(node.trust, null, `trust ${node.id} as member`);
      same(node.value, null, `value ${node.id} as member`);
    }
    expect(memberNet.network.trust).toBeNull();
    expect(memberNet.network.value).toBeNull();

    // Survey ties are frozen, and never make a recorded tie a duplicate.
    const tieUrl = `${f.W}/ties/${ties[0]!.id}`;
    const patch = await f.coordinator.inject({
      method: 'PATCH',
      url: tieUrl,
      payload: { intensity: 'awareness' },
    });
    expect(problemOf(patch, 403).code).toBe('forbidden');
    expect(problemOf(await f.coordinator.inject({ method: 'DELETE', url: tieUrl }), 403).code).toBe(
      'forbidden',
    );
    const recorded = await f.coordinator.inject({
      method: 'POST',
      url: `${f.W}/ties`,
      payload: {
        fromActorId: ties[0]!.from_actor_id,
        toActorId: ties[0]!.to_actor_id,
        type: 'collaboration',
        directed: true,
        intensity: 'cooperative',
        startDate: '2026-01-01',
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(201);

    // The network of the day holds recorded ties only; the export of the round downloads.
    const day = (await get('/network?asOf=2026-03-02')).json<Network>();
    expect(day.edges.some((e) => ties.some((x) => x.id === e.id))).toBe(false);
    const gexf = await get(`/exports/network.gexf?round=${r.id}`);
    expect(gexf.statusCode, gexf.body).toBe(200);
    for (const x of ties) expect(gexf.body).toContain(x.id);
    expect(problemOf(await get(`/network?round=${MISSING}`), 400).errors![0]!.code).toBe(
      'unknown_round',
    );
  });

  it('expires links after the closing day', async () => {
    await t().ctx.db.deleteFrom('outbox_emails').execute();
    await f.openRound({ title: 'Ronde verlopen', closesOn: '2026-03-03' });
    const tk = await tokens();
    await f.saved(tk.member, f.large.id, full);
    t().clock.advance(2 * 86400);
    const before = await surveySnapshot(t);
    expect(problemOf(await f.lookup(tk.member), 409).code).toBe('round_closed');
    expect(problemOf(await f.save(tk.member, f.large.id, full), 409).code).toBe('round_closed');
    expect(problemOf(await f.submit(tk.member), 409).code).toBe('round_closed');
    expect(await surveySnapshot(t)).toEqual(before);
  });
});
