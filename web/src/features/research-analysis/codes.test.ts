import { describe, expect, it } from 'vitest';
import { codeOptions, codePath, codeTree, flattenTree, subtreeIds } from './codes.ts';

const codes = [
  { id: 'b', parentId: null, name: 'Buurt', position: 2 },
  { id: 'a', parentId: null, name: 'Aanpak', position: 1 },
  { id: 'b2', parentId: 'b', name: 'Spanning', position: 2 },
  { id: 'b1', parentId: 'b', name: 'Vertrouwen', position: 1 },
  { id: 'b11', parentId: 'b1', name: 'Buren', position: 1 },
  { id: 'x', parentId: 'gone', name: 'Wees', position: 0 },
];

describe('code tree', () => {
  it('nests children under parents, siblings by position, orphans as roots', () => {
    const flat = flattenTree(codeTree(codes)).map(({ code, depth }) => `${depth}:${code.id}`);
    expect(flat).toEqual(['0:x', '0:a', '0:b', '1:b1', '2:b11', '1:b2']);
  });

  it('survives a cycle without looping', () => {
    const cyclic = [
      { id: 'p', parentId: 'q', name: 'P', position: 1 },
      { id: 'q', parentId: 'p', name: 'Q', position: 1 },
    ];
    expect(flattenTree(codeTree(cyclic))).toEqual([]);
    expect(codePath(cyclic, 'p')).toBe('Q › P');
  });

  it('finds the subtree a code cannot be moved into', () => {
    expect([...subtreeIds(codes, 'b')].sort()).toEqual(['b', 'b1', 'b11', 'b2']);
    expect([...subtreeIds(codes, 'b11')]).toEqual(['b11']);
  });

  it('writes paths and indented options', () => {
    expect(codePath(codes, 'b11')).toBe('Buurt › Vertrouwen › Buren');
    expect(codeOptions(codes).find((o) => o.value === 'b11')?.label).toBe(
      '\u00a0\u00a0\u00a0\u00a0Buren',
    );
  });
});
