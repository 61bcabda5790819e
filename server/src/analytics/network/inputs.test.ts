import { describe, expect, it } from 'vitest';
import { compareSnapshots } from './compare.ts';
import { indexGraph, type SnapshotGraph } from './graph.ts';
import { partnerScores, smallLargeBrokerage } from './partner.ts';
import { snapshotMetricsSync } from './snapshot.ts';

const nodes = (...ids: string[]) => ids.map((id) => ({ id }));

describe('bad input', () => {
  it.each<[string, SnapshotGraph]>([
    ['duplicate id', { directed: false, nodes: nodes('a', 'a'), edges: [] }],
    ['unknown node', { directed: false, nodes: nodes('a'), edges: [{ source: 'a', target: 'b' }] }],
    ['self-tie', { directed: true, nodes: nodes('a'), edges: [{ source: 'a', target: 'a' }] }],
    [
      'zero weight',
      { directed: false, nodes: nodes('a', 'b'), edges: [{ source: 'a', target: 'b', weight: 0 }] },
    ],
    [
      'self-rating',
      { directed: false, nodes: nodes('a'), edges: [], ratings: [{ rater: 'a', ratee: 'a' }] },
    ],
  ])('%s throws', (_, graph) => {
    expect(() => indexGraph(graph)).toThrow();
  });

  it('ratings outside 1–4 throw', () => {
    const g = indexGraph({
      directed: true,
      nodes: nodes('a', 'b'),
      edges: [],
      ratings: [{ rater: 'a', ratee: 'b', reliability: 5 }],
    });
    expect(() => partnerScores(g)).toThrow(RangeError);
  });

  it('parallel ties merge with summed weight', () => {
    const g = indexGraph({
      directed: false,
      nodes: nodes('a', 'b'),
      edges: [
        { source: 'a', target: 'b', weight: 2 },
        { source: 'b', target: 'a', weight: 3 },
      ],
    });
    expect(g.m).toBe(1);
    expect([...g.out.weights]).toEqual([5, 5]);
  });
});

describe('PARTNER scores and brokerage', () => {
  it('averages answered items per rating, ratings per node, nodes per network', () => {
    const g = indexGraph({
      directed: true,
      nodes: nodes('a', 'b', 'c'),
      edges: [],
      ratings: [
        { rater: 'a', ratee: 'c', reliability: 4, mission: 2, openness: null, power: 1 },
        { rater: 'b', ratee: 'c', reliability: 1, mission: 1, openness: 1 },
        { rater: 'c', ratee: 'a', reliability: 2, involvement: 4, resources: 2 },
      ],
    });
    const p = partnerScores(g);
    expect(p.trust).toEqual([2, null, 2]);
    expect(p.value).toEqual([3, null, 1]);
    expect(p.trustRaters).toEqual([1, 0, 2]);
    expect(p.networkTrust).toBe(2);
    expect(p.networkValue).toBe(2);
  });

  it('counts small–large neighbour pairs that are not tied to each other', () => {
    const g = indexGraph({
      directed: true,
      nodes: [
        { id: 'hub' },
        { id: 's1', sizeClass: 'small' },
        { id: 's2', sizeClass: 'small' },
        { id: 'L', sizeClass: 'large' },
        { id: 'p', kind: 'person' },
      ],
      edges: [
        { source: 'hub', target: 's1' },
        { source: 's2', target: 'hub' },
        { source: 'hub', target: 'L' },
        { source: 'hub', target: 'p' },
        { source: 'L', target: 's2' },
      ],
    });
    const b = smallLargeBrokerage(g);
    expect(b.count).toEqual([1, 0, 0, 0, 0]);
    expect(b.share).toEqual([0.5, null, null, null, null]);
  });
});

describe('snapshot comparison', () => {
  const before = snapshotMetricsSync({
    directed: false,
    nodes: nodes('a', 'b', 'c'),
    edges: [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
    ],
  });
  const after = snapshotMetricsSync({
    directed: false,
    nodes: nodes('a', 'b', 'd'),
    edges: [
      { source: 'a', target: 'b' },
      { source: 'a', target: 'd' },
      { source: 'b', target: 'd' },
    ],
  });

  it('flags nodes present in one snapshot only and gives per-node deltas', () => {
    const cmp = compareSnapshots(before, after);
    expect(cmp.left).toEqual(['c']);
    expect(cmp.joined).toEqual(['d']);
    const b = cmp.nodes.find((x) => x.id === 'b')!;
    expect(b.presence).toBe('both');
    expect(b.changes.betweenness).toEqual({ before: 1, after: 0, delta: -1 });
    expect(cmp.nodes.find((x) => x.id === 'c')!.changes.degree).toEqual({
      before: 1,
      after: null,
      delta: null,
    });
  });

  it('gives network deltas and is zero against itself', () => {
    const cmp = compareSnapshots(before, after);
    expect(cmp.network.ties).toEqual({ before: 2, after: 3, delta: 1 });
    expect(cmp.network.averageClustering.delta).toBe(1);
    const self = compareSnapshots(after, after);
    expect(self.joined).toEqual([]);
    for (const c of Object.values(self.network)) expect(c.delta ?? 0).toBe(0);
  });
});
