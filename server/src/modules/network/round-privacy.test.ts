import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { directoryFixture, type Fixture } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import type { Network } from './schema.ts';
import { MIN_RATERS } from './service.ts';

// Small-cell suppression of a survey round's PARTNER scores: a node's trust and value are shown
// only when at least MIN_RATERS (5) different respondents rated it, else one person's answer
// would be readable by everyone with network.read. Worked example: five respondents give X trust
// 3 and value 2; two give Y trust 4 and value 4. X shows 3 and 2; Y shows nothing; the network
// scores are the means over the nodes that passed (3 and 2), not (3 + 4) / 2.
describeEachDialect('network of a survey round: small cells suppressed', (dialect) => {
  const t = useTestApp(dialect);
  let f: Fixture;
  let W: string;
  let roundId: string;
  let x: string;
  let y: string;
  beforeAll(async () => {
    f = await directoryFixture(t);
    W = `/api/v1/workspaces/${f.slug}`;
    const db = t().ctx.db;
    const org = (name: string) =>
      insertTestActor(db, f.ws.id, { name, kind: 'organisation', visibility: 'workspace' });
    const raters: string[] = [];
    for (let i = 0; i < MIN_RATERS; i++) raters.push((await org(`Respondent ${i}`)).id);
    x = (await org('Organisatie X')).id;
    y = (await org('Organisatie Y')).id;
    roundId = newId();
    const at = '2026-03-01T12:00:00.000Z';
    await db
      .insertInto('survey_rounds')
      .values({
        id: roundId,
        workspace_id: f.ws.id,
        title: 'Meting',
        intro: '',
        opens_on: '2026-02-01',
        closes_on: '2026-03-01',
        status: 'closed',
        reminder_days: 7,
        opened_at: at,
        closed_at: at,
        snapshot_on: '2026-03-01',
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('survey_members')
      .values(
        [...raters, x, y].map((id, i) => ({
          round_id: roundId,
          workspace_id: f.ws.id,
          actor_id: id,
          email: `m${i}.${f.slug}@example.org`,
          token_nonce: null,
          token_hash: null,
          invited_at: at,
          started_at: at,
          submitted_at: at,
          reminded_at: null,
        })),
      )
      .execute();
    const answer = (rater: string, alter: string, trust: number, value: number) => ({
      round_id: roundId,
      workspace_id: f.ws.id,
      rater_id: rater,
      alter_id: alter,
      chosen: 1,
      frequency: 'monthly' as const,
      intensity: 'cooperative' as const,
      reliability: trust,
      mission: trust,
      openness: trust,
      power: value,
      involvement: value,
      resources: value,
      brings: '[]',
      updated_at: at,
    });
    await db
      .insertInto('survey_answers')
      .values([
        ...raters.map((r) => answer(r, x, 3, 2)),
        ...raters.slice(0, 2).map((r) => answer(r, y, 4, 4)),
      ])
      .execute();
  });

  const get = (url: string) => f.member2.inject({ method: 'GET', url: `${W}${url}` });

  it('shows trust and value of a node only with at least 5 raters', async () => {
    const res = await get(`/network?round=${roundId}`);
    expect(res.statusCode, res.body).toBe(200);
    const net = res.json<Network>();
    const node = (id: string) => net.nodes.find((n) => n.id === id)!;
    expect(node(x).trust).toBeCloseTo(3, 12);
    expect(node(x).value).toBeCloseTo(2, 12);
    expect(node(y).trust).toBeNull();
    expect(node(y).value).toBeNull();
    expect(net.network.trust).toBeCloseTo(3, 12);
    expect(net.network.value).toBeCloseTo(2, 12);
  });

  it('shows every score with its number of raters to those who run rounds (coordinators)', async () => {
    const res = await f.coordinator.inject({ method: 'GET', url: `${W}/network?round=${roundId}` });
    expect(res.statusCode, res.body).toBe(200);
    const net = res.json<Network>();
    const node = (id: string) => net.nodes.find((n) => n.id === id)!;
    expect(node(y).trust).toBeCloseTo(4, 12);
    expect(node(y).value).toBeCloseTo(4, 12);
    expect(node(y).raters).toBe(2);
    expect(node(x).raters).toBe(MIN_RATERS);
    // PARTNER's network score: the mean over the rated nodes, X (3) and Y (4).
    expect(net.network.trust).toBeCloseTo(3.5, 12);
    const asMember = (await get(`/network?round=${roundId}`)).json<Network>();
    expect(asMember.nodes.find((n) => n.id === y)!.raters).toBe(2);
    expect(asMember.nodes.find((n) => n.id === y)!.trust).toBeNull();
    const comparison = await f.coordinator.inject({
      method: 'GET',
      url: `${W}/network/comparison?fromRound=${roundId}&toRound=${roundId}`,
    });
    const c = comparison.json<{
      nodes: { id: string; changes: Record<string, { before: number | null }> }[];
    }>();
    expect(c.nodes.find((n) => n.id === y)!.changes.trust!.before).toBeCloseTo(4, 12);
  });

  it('gives recorded-tie networks no raters', async () => {
    const net = (await get('/network')).json<Network>();
    expect(net.nodes.every((n) => n.raters === null)).toBe(true);
  });

  it('suppresses them in the comparison of rounds too', async () => {
    const res = await get(`/network/comparison?fromRound=${roundId}&toRound=${roundId}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<{
      nodes: { id: string; changes: Record<string, { before: number | null }> }[];
      network: Record<string, { before: number | null }>;
    }>();
    const changes = (id: string) => c.nodes.find((n) => n.id === id)!.changes;
    expect(changes(y).trust!.before).toBeNull();
    expect(changes(y).value!.before).toBeNull();
    expect(changes(x).trust!.before).toBeCloseTo(3, 12);
    expect(c.network.trust!.before).toBeCloseTo(3, 12);
  });

  it('suppresses them in the exports', async () => {
    const res = await f.coordinator.inject({
      method: 'GET',
      url: `${W}/exports/network-nodes.csv?round=${roundId}&delimiter=comma`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((l) => l.split(','));
    const col = (name: string) => header!.indexOf(name);
    const row = (id: string) => rows.find((r) => r[col('id')] === id)!;
    expect(col('trust')).toBeGreaterThan(0);
    expect(row(y)[col('trust')]).toBe('');
    expect(row(y)[col('value')]).toBe('');
    expect(Number(row(x)[col('trust')])).toBeCloseTo(3, 12);
  });
});
