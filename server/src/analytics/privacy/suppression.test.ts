import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressTable, type CountCell, type SuppressedTable } from './suppression.ts';

const grid = (rows: string[], columns: string[], counts: number[][]): CountCell[] =>
  rows.flatMap((row, i) => columns.map((column, j) => ({ row, column, count: counts[i]![j]! })));

describe('suppressTable, worked example', () => {
  it('suppresses the 3 and completes a rectangle with the cheapest cells', () => {
    const table = suppressTable(
      grid(
        ['x', 'y', 'z'],
        ['a', 'b', 'c'],
        [
          [10, 3, 12],
          [8, 20, 15],
          [6, 9, 11],
        ],
      ),
    );
    const hidden = table.cells
      .filter((c) => c.suppressed)
      .map((c) => `${c.row}${c.column}:${c.reason}`);
    // x·b = 3 is primary; z·b (9) and x·a (10) are the smallest in its row/column, then z·a (6)
    // closes the cycle x·b – z·b – z·a – x·a, so no row or column total gives any of them away.
    expect(hidden.sort()).toEqual(['xa:secondary', 'xb:primary', 'za:secondary', 'zb:secondary']);
    expect(table.rowTotals.map((t) => t.count)).toEqual([25, 43, 26]);
    expect(table.grandTotal.count).toBe(94);
    expect(table.cells.find((c) => c.row === 'y' && c.column === 'a')).toEqual({
      row: 'y',
      column: 'a',
      value: 8,
      count: 8,
      suppressed: false,
    });
  });

  it('suppresses a small row total; the grand total stays as the sum of the column totals', () => {
    const table = suppressTable(
      grid(
        ['x', 'y'],
        ['a', 'b'],
        [
          [1, 2],
          [7, 9],
        ],
      ),
    );
    expect(table.rowTotals[0]).toEqual({ key: 'x', count: null, suppressed: true });
    expect(table.cells.every((c) => c.suppressed)).toBe(true);
    expect(table.columnTotals.map((t) => t.count)).toEqual([8, 11]);
    expect(table.grandTotal).toEqual({ key: '', count: 19, suppressed: false });
  });

  it('rejects duplicate cells and fractional counts', () => {
    expect(() => suppressTable([{ row: 'x', column: 'a', count: 1.5 }])).toThrow(RangeError);
    const cell = { row: 'x', column: 'a', count: 7 };
    expect(() => suppressTable([cell, cell])).toThrow(RangeError);
  });
});

/** Whether each suppressed cell's count follows exactly from the published totals (Gauss–Jordan). */
function recoverable(table: SuppressedTable, cells: CountCell[]): boolean[] {
  const hidden = table.cells.map((c, i) => (c.suppressed ? i : -1)).filter((i) => i >= 0);
  const equations: number[][] = [];
  for (const t of table.rowTotals) {
    if (!t.suppressed) equations.push(hidden.map((i) => (cells[i]!.row === t.key ? 1 : 0)));
  }
  for (const t of table.columnTotals) {
    if (!t.suppressed) equations.push(hidden.map((i) => (cells[i]!.column === t.key ? 1 : 0)));
  }
  if (!table.grandTotal.suppressed) equations.push(hidden.map(() => 1));
  const rank = (m: number[][]) => {
    const a = m.map((r) => [...r]);
    let r = 0;
    for (let col = 0; col < hidden.length && r < a.length; col++) {
      const p = a.findIndex((row, i) => i >= r && Math.abs(row[col]!) > 1e-9);
      if (p < 0) continue;
      [a[r], a[p]] = [a[p]!, a[r]!];
      for (let i = 0; i < a.length; i++) {
        if (i === r) continue;
        const f = a[i]![col]! / a[r]![col]!;
        a[i] = a[i]!.map((v, j) => v - f * a[r]![j]!);
      }
      r++;
    }
    return r;
  };
  const base = rank(equations);
  return hidden.map(
    (_, k) => rank([...equations, hidden.map((__, j) => (j === k ? 1 : 0))]) === base,
  );
}

describe('suppressTable properties', () => {
  const tableArb = fc
    .record({ rows: fc.integer({ min: 1, max: 5 }), columns: fc.integer({ min: 1, max: 5 }) })
    .chain(({ rows, columns }) =>
      fc
        .array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 5, max: 40 })), {
          minLength: rows * columns,
          maxLength: rows * columns,
        })
        .map((xs) =>
          grid(
            Array.from({ length: rows }, (_, i) => `r${i}`),
            Array.from({ length: columns }, (_, j) => `c${j}`),
            Array.from({ length: rows }, (_, i) => xs.slice(i * columns, (i + 1) * columns)),
          ),
        ),
    );
  const optionsArb = fc.record({ rowTotals: fc.boolean(), columnTotals: fc.boolean() });

  it('shows no cell or total below 5 and leaves no suppressed cell recoverable', () => {
    fc.assert(
      fc.property(tableArb, optionsArb, (cells, options) => {
        const table = suppressTable(cells, options);
        table.cells.forEach((c, i) => {
          if (!c.suppressed) expect(c.count).toBe(cells[i]!.count);
          if (cells[i]!.count < 5) expect(c).toMatchObject({ value: null, suppressed: true });
        });
        for (const t of [...table.rowTotals, ...table.columnTotals, table.grandTotal]) {
          if (!t.suppressed) expect(t.count).toBeGreaterThanOrEqual(5);
        }
        expect(recoverable(table, cells).some(Boolean)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
