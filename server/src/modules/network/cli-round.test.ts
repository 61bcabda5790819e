import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../auth/crypto.ts';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { UsageError } from '../../cli/args.ts';
import { commands } from '../../cli/commands.ts';
import { AppError } from '../../http/problem.ts';
import { directoryFixture, type Fixture } from '../activities/test-fixture.ts';
import { insertTestActor } from '../activities/test-support.ts';
import { exportNetworkOptions, runExportNetwork } from './cli.ts';
import { MIN_RATERS } from './service.ts';

// `export network --round <id>`: the network of a closed survey round, as the API's `?round=`.
// Worked example: five respondents (one of them a person) each name X (trust 3, value 2), two of
// them also Y (trust 4, value 4); one recorded tie X → Y the same day is not part of the round.
// The round's network: 7 nodes (every member), 7 survey ties; X has trust 3 and value 2, Y none
// (fewer than MIN_RATERS raters); network trust 3, value 2.

const XSD = new URL('../../../../../shared/data/gexf/gexf.xsd', import.meta.url).pathname;
const ROUND_DAY = '2026-03-01';
const PERSON = 'Petra Respondent';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wd-network-round-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('export network --round: usage', () => {
  const id = '0b8f4c7e-8f7a-4c1e-9a39-3f1d2f6c9b10';
  it('takes a round id, not together with --as-of', () => {
    expect(exportNetworkOptions({ workspace: 'x', format: 'csv', round: id })).toEqual(
      expect.objectContaining({ round: id, asOf: undefined }),
    );
    expect(() => exportNetworkOptions({ workspace: 'x', format: 'csv', round: 'ronde-1' })).toThrow(
      new UsageError('--round must be the id of a survey round'),
    );
    expect(() =>
      exportNetworkOptions({ workspace: 'x', format: 'gexf', round: id, 'as-of': '2026-03-01' }),
    ).toThrow(new UsageError('--round and --as-of exclude each other: a round has its own day'));
    const cmd = commands.find((c) => c.name === 'export network')!;
    expect(cmd.usage).toContain('--round <id>');
    expect(cmd.options.round).toEqual({ type: 'string' });
    expect(cmd.summary).toContain('--round');
  });
});

describeEachDialect('export network --round', (dialect) => {
  const t = useTestApp(dialect);
  let f: Fixture;
  let roundId: string;
  let x: string;
  let y: string;
  let person: string;
  const surveyTies: string[] = [];
  let recordedTie: string;
  beforeAll(async () => {
    f = await directoryFixture(t);
    const db = t().ctx.db;
    const org = (name: string) =>
      insertTestActor(db, f.ws.id, { name, kind: 'organisation', visibility: 'workspace' });
    person = (
      await insertTestActor(db, f.ws.id, { name: PERSON, kind: 'person', visibility: 'workspace' })
    ).id;
    const raters = [person];
    for (let i = 1; i < MIN_RATERS; i++) raters.push((await org(`Respondent ${i}`)).id);
    x = (await org('Organisatie X')).id;
    y = (await org('Organisatie Y')).id;
    roundId = newId();
    const at = `${ROUND_DAY}T12:00:00.000Z`;
    await db
      .insertInto('survey_rounds')
      .values({
        id: roundId,
        workspace_id: f.ws.id,
        title: 'Meting CLI',
        intro: '',
        opens_on: '2026-02-01',
        closes_on: ROUND_DAY,
        status: 'closed',
        reminder_days: 7,
        opened_at: at,
        closed_at: at,
        snapshot_on: ROUND_DAY,
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
          email: `cli${i}.${f.slug}@example.org`,
          token_nonce: null,
          token_hash: null,
          invited_at: at,
          started_at: at,
          submitted_at: at,
          reminded_at: null,
        })),
      )
      .execute();
    const pairs: [string, string, number, number][] = [
      ...raters.map((r): [string, string, number, number] => [r, x, 3, 2]),
      ...raters.slice(0, 2).map((r): [string, string, number, number] => [r, y, 4, 4]),
    ];
    await db
      .insertInto('survey_answers')
      .values(
        pairs.map(([rater, alter, trust, value]) => ({
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
        })),
      )
      .execute();
    const tie = (from: string, to: string, survey: boolean) => {
      const id = newId();
      return {
        id,
        workspace_id: f.ws.id,
        from_actor_id: from,
        to_actor_id: to,
        type: 'collaboration' as const,
        directed: 1,
        intensity: 'cooperative' as const,
        start_date: survey ? ROUND_DAY : '2026-01-01',
        end_date: survey ? ROUND_DAY : null,
        source: survey ? ('survey' as const) : ('recorded' as const),
        survey_round_id: survey ? roundId : null,
        note: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      };
    };
    const rows = pairs.map(([rater, alter]) => tie(rater, alter, true));
    surveyTies.push(...rows.map((r) => r.id));
    const recorded = tie(x, y, false);
    recordedTie = recorded.id;
    await db
      .insertInto('ties')
      .values([...rows, recorded])
      .execute();
  });

  const run = async (opts: Partial<Parameters<typeof runExportNetwork>[1]>) => {
    let text = '';
    const lines: string[] = [];
    const code = await runExportNetwork(
      t().ctx,
      { workspace: f.slug, format: 'graphml', round: roundId, ...opts },
      (s) => {
        text += s;
      },
      (l) => lines.push(l),
    );
    return { code, text, lines };
  };

  it('GraphML of the round: its members and survey ties, trust and value, as networkx reads it', async () => {
    const { code, text } = await run({});
    expect(code).toBe(0);
    const file = join(dir, `${dialect}-round.graphml`);
    writeFileSync(file, text);
    const script = `
import json, sys, networkx as nx
G = nx.read_graphml(sys.argv[1])
print(json.dumps({'nodes': G.number_of_nodes(), 'edges': sorted(d['id'] for _, _, d in G.edges(data=True)),
  'x': G.nodes[sys.argv[2]], 'y': G.nodes[sys.argv[3]]}))`;
    const g = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', script, file, x, y], { encoding: 'utf8' }),
    ) as {
      nodes: number;
      edges: string[];
      x: Record<string, unknown>;
      y: Record<string, unknown>;
    };
    expect(g.nodes).toBe(MIN_RATERS + 2);
    expect(g.edges).toEqual([...surveyTies].sort());
    expect(g.edges).not.toContain(recordedTie);
    expect(g.x.trust).toBeCloseTo(3, 12);
    expect(g.x.value).toBeCloseTo(2, 12);
    expect(g.x.inDegree).toBe(MIN_RATERS);
    // Two raters only: Y's scores are suppressed.
    expect(g.y.trust ?? null).toBeNull();
    expect(g.y.value ?? null).toBeNull();
    expect(text).toContain(PERSON);
  });

  it('GEXF and CSV of the round, pseudonymised on request, dated on its snapshot day', async () => {
    const gexf = join(dir, `${dialect}-round.gexf`);
    const { lines } = await run({ format: 'gexf', out: gexf });
    expect(lines).toEqual([`Wrote the network (gexf, survey round ${roundId}) to ${gexf}.`]);
    const r = spawnSync('xmllint', ['--noout', '--schema', XSD, gexf], { encoding: 'utf8' });
    expect(r.error, 'xmllint must be installed (apt-get install libxml2-utils)').toBeUndefined();
    expect(r.status, r.stderr).toBe(0);
    const body = readFileSync(gexf, 'utf8');
    for (const id of surveyTies) expect(body).toContain(id);
    expect(body).not.toContain(recordedTie);

    const csvDir = join(dir, `${dialect}-round-csv`);
    const csv = await run({ format: 'csv', out: csvDir, pseudonymise: true, delimiter: 'comma' });
    expect(csv.lines).toEqual([
      `Wrote network-nodes.csv, network-edges.csv and network-codebook.csv to ${csvDir}, survey round ${roundId}, persons pseudonymised.`,
    ]);
    const [header, ...rows] = readFileSync(join(csvDir, 'network-nodes.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    const col = (name: string) => header!.indexOf(name);
    const row = (id: string) => rows.find((c) => c[col('id')] === id)!;
    expect(rows).toHaveLength(MIN_RATERS + 2);
    expect(Number(row(x)[col('trust')])).toBeCloseTo(3, 12);
    expect(Number(row(x)[col('value')])).toBeCloseTo(2, 12);
    expect(row(y)[col('trust')]).toBe('');
    const text = rows.map((c) => c.join(',')).join('\n');
    expect(text).not.toContain(PERSON);
    expect(text).not.toContain(person);
    expect(rows.filter((c) => c[col('kind')] === 'person').map((c) => c[0])).toEqual([
      expect.stringMatching(/^P-[0-9a-f]{16}$/),
    ]);
    const edges = readFileSync(join(csvDir, 'network-edges.csv'), 'utf8');
    expect(edges.trim().split('\r\n')).toHaveLength(1 + surveyTies.length);
  });

  it('refuses a round that is unknown or not closed, writing and auditing nothing', async () => {
    const audited = () =>
      t()
        .ctx.db.selectFrom('audit_events')
        .select('id')
        .where('workspace_id', '=', f.ws.id)
        .where('action', '=', 'export')
        .execute();
    const before = (await audited()).length;
    const err = await run({ round: newId() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/round', 'unknown_round'],
    ]);
    await t()
      .ctx.db.updateTable('survey_rounds')
      .set({ status: 'open' })
      .where('id', '=', roundId)
      .execute();
    try {
      const open = await run({}).catch((e: unknown) => e);
      expect((open as AppError).errors.map((e) => e.code)).toEqual(['round_not_closed']);
    } finally {
      await t()
        .ctx.db.updateTable('survey_rounds')
        .set({ status: 'closed' })
        .where('id', '=', roundId)
        .execute();
    }
    expect((await audited()).length).toBe(before);
  });
});
