import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, useTestApp } from '../../../test/harness.ts';
import { UsageError } from '../../cli/args.ts';
import { commands } from '../../cli/commands.ts';
import { exportNetworkOptions, runExportNetwork } from './cli.ts';
import { EDGE_COLUMNS, NODE_COLUMNS } from './columns.ts';
import { PERSON_NAMES, expected, networkFixture, type NetworkFixture } from './test-fixture.ts';

// GEXF is checked with xmllint against the GEXF 1.3 schema in ../shared, GraphML by reading it
// with Debian's python3-networkx (.ci/run installs both); a missing tool fails the test.
const XSD = new URL('../../../../../shared/data/gexf/gexf.xsd', import.meta.url).pathname;
const AS_OF = expected.snapshots[0]!.asOf;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wd-network-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validateGexf(text: string): void {
  const file = join(dir, `check-${Math.random().toString(36).slice(2)}.gexf`);
  writeFileSync(file, text);
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  expect(r.error, 'xmllint must be installed (apt-get install libxml2-utils)').toBeUndefined();
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toContain('validates');
}

/** networkx's view of a GraphML file: counts and the attributes of one node and one edge. */
function readGraphml(text: string, nodeId: string) {
  const file = join(dir, `check-${Math.random().toString(36).slice(2)}.graphml`);
  writeFileSync(file, text);
  const script = `
import json, sys, networkx as nx
G = nx.read_graphml(sys.argv[1])
n = G.nodes[sys.argv[2]]
e = next(d for _, _, d in G.edges(data=True) if d.get('type') == 'referral')
print(json.dumps({'nodes': G.number_of_nodes(), 'edges': G.number_of_edges(),
  'directed': G.is_directed(), 'node': n, 'edge': e}))`;
  const out = execFileSync('/usr/bin/python3', ['-c', script, file, nodeId], { encoding: 'utf8' });
  return JSON.parse(out) as {
    nodes: number;
    edges: number;
    directed: boolean;
    node: Record<string, unknown>;
    edge: Record<string, unknown>;
  };
}

describe('export network: usage', () => {
  it('checks its arguments before touching a database', () => {
    expect(() => exportNetworkOptions({})).toThrow(new UsageError('Missing --workspace, --format'));
    expect(() => exportNetworkOptions({ workspace: 'x', format: 'pdf' })).toThrow(UsageError);
    expect(() =>
      exportNetworkOptions({ workspace: 'x', format: 'csv', 'as-of': '2026-02-30' }),
    ).toThrow(new UsageError('--as-of must be a date, YYYY-MM-DD'));
    expect(exportNetworkOptions({ workspace: 'x', format: 'gexf', pseudonymise: true })).toEqual(
      expect.objectContaining({ workspace: 'x', format: 'gexf', pseudonymise: true }),
    );
    expect(commands.find((c) => c.name === 'export network')?.usage).toContain(
      '--format gexf|graphml|csv',
    );
  });
});

describeEachDialect('network exports', (dialect) => {
  const t = useTestApp(dialect);
  let f: NetworkFixture;
  beforeAll(async () => {
    f = await networkFixture(t);
  });
  const file = async (who: NetworkFixture['member'], name: string, q = '') => {
    const res = await who.inject({
      method: 'GET',
      url: `${f.W}/exports/${name}?asOf=${AS_OF}${q}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const named = (text: string) => Object.values(PERSON_NAMES).filter((n) => text.includes(n));

  it('GEXF 1.3 that validates against the schema', async () => {
    const res = await file(f.coordinator, 'network.gexf');
    expect(res.headers['content-type']).toContain('application/gexf+xml');
    expect(res.headers['content-disposition']).toContain(`network-${AS_OF}.gexf`);
    validateGexf(res.body);
    expect(res.body).toContain('type="mutual"');
    expect(res.body).toContain('kind="tension"');
    expect(named(res.body)).toEqual(Object.values(PERSON_NAMES));
  });

  it('GraphML that networkx reads with the same counts and attributes', async () => {
    const res = await file(f.coordinator, 'network.graphml');
    const g = readGraphml(res.body, f.ids.F!);
    expect(g).toMatchObject({
      nodes: Object.keys(expected.snapshots[0]!.nodes).length,
      edges: expected.snapshots[0]!.edges,
      directed: true,
    });
    expect(g.node).toMatchObject({ label: 'Bram de Vries', kind: 'person', inDegree: 1 });
    expect(g.edge).toMatchObject({ type: 'referral', intensity: 'cooperative', weight: 2 });
    expect(g.edge.directed).toBe(true);
    expect(g.node.pageRank).toBeCloseTo(expected.snapshots[0]!.nodes.F!.pageRank!, 12);
  });

  it('CSV files with a BOM and a codebook that describes every column', async () => {
    const nodes = (await file(f.coordinator, 'network-nodes.csv', '&delimiter=comma')).body;
    const edges = (await file(f.coordinator, 'network-edges.csv')).body;
    const codebook = (
      await f.coordinator.inject({ method: 'GET', url: `${f.W}/exports/network-codebook.csv` })
    ).body;
    for (const text of [nodes, edges, codebook]) expect(text.startsWith('\uFEFF')).toBe(true);
    const header = (text: string, sep: string) => text.slice(1).split('\r\n')[0]!.split(sep);
    expect(header(nodes, ',')).toEqual(NODE_COLUMNS.map((c) => c.name));
    expect(header(edges, ';')).toEqual(EDGE_COLUMNS.map((c) => c.name));
    expect(nodes.trim().split('\r\n')).toHaveLength(1 + 7);
    expect(edges.trim().split('\r\n')).toHaveLength(1 + expected.snapshots[0]!.edges);
    const described = codebook
      .slice(1)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(';').slice(0, 2).join(' '));
    expect(described).toEqual([
      ...NODE_COLUMNS.map((c) => `network-nodes.csv ${c.name}`),
      ...EDGE_COLUMNS.map((c) => `network-edges.csv ${c.name}`),
    ]);
  });

  it('pseudonymises persons, stably, and always for researchers', async () => {
    const q = '&pseudonymise=true&delimiter=comma';
    const texts = [
      (await file(f.coordinator, 'network.gexf', '&pseudonymise=true')).body,
      (await file(f.coordinator, 'network.graphml', '&pseudonymise=true')).body,
      (await file(f.coordinator, 'network-nodes.csv', q)).body,
      (await file(f.coordinator, 'network-edges.csv', q)).body,
      (await file(f.researcher, 'network-nodes.csv', '&delimiter=comma')).body,
    ];
    for (const text of texts) {
      expect(named(text)).toEqual([]);
      // Organisations keep their names (the edges file has ids only) and ids.
      expect(text).toContain(text === texts[3] ? f.ids.A! : 'Organisatie A');
      for (const key of ['C', 'F']) expect(text).not.toContain(f.ids[key]!);
      for (const tie of f.ties) expect(text).not.toContain(tie.id);
    }
    validateGexf(texts[0]!);
    const pseudonyms = (csv: string) =>
      csv
        .split('\r\n')
        .map((l) => l.split(','))
        .filter((c) => c[2] === 'person')
        .map((c) => c[0])
        .sort();
    const first = pseudonyms(texts[2]!);
    expect(first).toHaveLength(3);
    for (const p of first) expect(p).toMatch(/^P-[0-9a-f]{16}$/);
    expect(pseudonyms((await file(f.coordinator, 'network-nodes.csv', q)).body)).toEqual(first);
    // The researcher sees no private persons (G): the same pseudonyms for the others.
    expect(first).toEqual(expect.arrayContaining(pseudonyms(texts[4]!)));
    expect(pseudonyms(texts[4]!)).toHaveLength(2);
    for (const p of first) expect(texts[0]).toContain(`id="${p}"`);
    const g = readGraphml(texts[1]!, first[0]!);
    expect(g.node.label).toBe(first[0]);
    expect(g.node.pseudonymised).toBe(true);
  });

  it('logs every export as an audit event, refuses members and bad input', async () => {
    const before = await t()
      .ctx.db.selectFrom('audit_events')
      .select(['object_type', 'actor_user_id'])
      .where('workspace_id', '=', f.ws.id)
      .where('action', '=', 'export')
      .execute();
    await file(f.coordinator, 'network.gexf');
    await file(f.researcher, 'network.graphml');
    const after = await t()
      .ctx.db.selectFrom('audit_events')
      .select(['object_type', 'actor_user_id', 'result'])
      .where('workspace_id', '=', f.ws.id)
      .where('action', '=', 'export')
      .execute();
    expect(after.length - before.length).toBe(2);
    expect(after).toEqual(
      expect.arrayContaining([
        { object_type: 'network.gexf', actor_user_id: f.users.coordinator.id, result: 'ok' },
        {
          object_type: 'network.graphml.pseudonymised',
          actor_user_id: f.users.researcher.id,
          result: 'ok',
        },
      ]),
    );
    const denied = await f.member.inject({ method: 'GET', url: `${f.W}/exports/network.gexf` });
    expect(denied.statusCode).toBe(403);
    const bad = await f.coordinator.inject({
      method: 'GET',
      url: `${f.W}/exports/network.gexf?asOf=morgen&pseudonymise=ja`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { pointer: string }[] }>().errors.map((e) => e.pointer)).toEqual([
      '/asOf',
      '/pseudonymise',
    ]);
  });

  it('the CLI writes the same files, pseudonymised on request', async () => {
    const ctx = t().ctx;
    const lines: string[] = [];
    const gexf = join(dir, `${dialect}.gexf`);
    const opts = { workspace: f.slug, asOf: AS_OF };
    expect(
      await runExportNetwork(ctx, { ...opts, format: 'gexf', out: gexf }, undefined, (l) =>
        lines.push(l),
      ),
    ).toBe(0);
    validateGexf(readFileSync(gexf, 'utf8'));
    expect(readFileSync(gexf, 'utf8')).toContain('Cor Verborgen'); // the system sees every actor
    let graphml = '';
    await runExportNetwork(ctx, { ...opts, format: 'graphml', pseudonymise: true }, (s) => {
      graphml += s;
    });
    expect(named(graphml)).toEqual([]);
    expect(readGraphml(graphml, f.ids.A!).nodes).toBe(7);
    const csvDir = join(dir, `${dialect}-csv`);
    await runExportNetwork(
      ctx,
      { ...opts, format: 'csv', out: csvDir, pseudonymise: true, delimiter: 'comma' },
      undefined,
      (l) => lines.push(l),
    );
    const nodes = readFileSync(join(csvDir, 'network-nodes.csv'), 'utf8');
    expect(named(nodes)).toEqual([]);
    expect(readFileSync(join(csvDir, 'network-codebook.csv'), 'utf8')).toContain('pseudonymised');
    expect(readFileSync(join(csvDir, 'network-edges.csv'), 'utf8').split('\r\n')[0]).toBe(
      `\uFEFF${EDGE_COLUMNS.map((c) => c.name).join(',')}`,
    );
    expect(lines).toEqual([
      `Wrote the network (gexf) to ${gexf}.`,
      `Wrote network-nodes.csv, network-edges.csv and network-codebook.csv to ${csvDir}, persons pseudonymised.`,
    ]);
    const audited = await ctx.db
      .selectFrom('audit_events')
      .select('object_type')
      .where('workspace_id', '=', f.ws.id)
      .where('actor_user_id', 'is', null)
      .where('action', '=', 'export')
      .execute();
    expect(audited.map((a) => a.object_type).sort()).toEqual([
      'network.codebook.pseudonymised',
      'network.edges.pseudonymised',
      'network.gexf',
      'network.graphml.pseudonymised',
      'network.nodes.pseudonymised',
    ]);
  });
});
