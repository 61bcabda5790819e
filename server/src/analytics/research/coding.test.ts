import { describe, expect, it } from 'vitest';
import {
  codeFrequencies,
  codeTreeOrder,
  placeAmongSiblings,
  subtreeOf,
  wouldCycle,
  type CodeNode,
} from './coding.ts';

const code = (id: string, parentId: string | null, position: number, name = id): CodeNode => ({
  id,
  parentId,
  name,
  position,
});

// zorg ─┬─ praktisch ── boodschappen
//       └─ emotioneel
// netwerk
const tree = [
  code('boodschappen', 'praktisch', 0),
  code('netwerk', null, 1),
  code('emotioneel', 'zorg', 1),
  code('praktisch', 'zorg', 0),
  code('zorg', null, 0),
];

describe('codebook tree', () => {
  it('orders depth first, parents before children, siblings by position', () => {
    expect(codeTreeOrder(tree).map(({ code: c, depth }) => `${depth}:${c.id}`)).toEqual([
      '0:zorg',
      '1:praktisch',
      '2:boodschappen',
      '1:emotioneel',
      '0:netwerk',
    ]);
  });

  it('breaks position ties by name and treats a missing parent as root', () => {
    const out = codeTreeOrder([
      code('b', null, 0, 'Beta'),
      code('a', null, 0, 'Alfa'),
      code('x', 'gone', 0),
    ]);
    expect(out.map((o) => [o.code.id, o.depth])).toEqual([
      ['a', 0],
      ['b', 0],
      ['x', 0],
    ]);
  });

  it('keeps codes of a (never stored) cycle instead of dropping them', () => {
    const out = codeTreeOrder([code('a', 'b', 0), code('b', 'a', 0), code('r', null, 0)]);
    expect(out.map((o) => o.code.id).sort()).toEqual(['a', 'b', 'r']);
  });

  it('finds subtrees and cycles', () => {
    expect([...subtreeOf(tree, 'zorg')].sort()).toEqual([
      'boodschappen',
      'emotioneel',
      'praktisch',
      'zorg',
    ]);
    expect(wouldCycle(tree, 'zorg', 'boodschappen')).toBe(true);
    expect(wouldCycle(tree, 'zorg', 'zorg')).toBe(true);
    expect(wouldCycle(tree, 'praktisch', 'netwerk')).toBe(false);
    expect(wouldCycle(tree, 'boodschappen', null)).toBe(false);
  });

  it('renumbers siblings densely around a placed code', () => {
    const siblings = [code('a', null, 0), code('b', null, 4), code('c', null, 7)];
    expect(placeAmongSiblings(siblings, 'n', 1)).toEqual([
      { id: 'a', position: 0 },
      { id: 'n', position: 1 },
      { id: 'b', position: 2 },
      { id: 'c', position: 3 },
    ]);
    expect(placeAmongSiblings(siblings, 'a', null).map((p) => p.id)).toEqual(['b', 'c', 'a']);
    expect(placeAmongSiblings(siblings, 'c', -3).map((p) => p.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('code frequencies', () => {
  it('counts segments and distinct participants per wave, by hand', () => {
    const segments = [
      { codeId: 'praktisch', waveId: 'w1', participantId: 'p1' },
      { codeId: 'praktisch', waveId: 'w1', participantId: 'p1' },
      { codeId: 'praktisch', waveId: 'w1', participantId: 'p2' },
      { codeId: 'praktisch', waveId: 'w2', participantId: 'p3' },
      { codeId: 'zorg', waveId: null, participantId: 'p1' },
      { codeId: 'netwerk', waveId: 'w2', participantId: 'p2' },
      { codeId: 'netwerk', waveId: 'w2', participantId: 'p3' },
    ];
    const { columns, rows } = codeFrequencies(tree, ['w1', 'w2'], segments);
    expect(columns).toEqual(['w1', 'w2', null]);
    const table = Object.fromEntries(
      rows.map((r) => [r.code.id, r.counts.map((c) => `${c.segments}/${c.participants}`)]),
    );
    expect(table).toEqual({
      zorg: ['0/0', '0/0', '1/1'],
      praktisch: ['3/2', '1/1', '0/0'],
      boodschappen: ['0/0', '0/0', '0/0'],
      emotioneel: ['0/0', '0/0', '0/0'],
      netwerk: ['0/0', '2/2', '0/0'],
    });
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 2, 1, 0]);
  });

  it('has no null column when every segment is in a wave', () => {
    expect(codeFrequencies(tree, ['w1'], []).columns).toEqual(['w1']);
  });
});
