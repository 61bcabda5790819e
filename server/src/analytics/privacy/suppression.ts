/**
 * Small-cell suppression for published tables of counts (used by check-ins, funding and any
 * dashboard that counts people).
 *
 * Primary suppression: every cell with `count < threshold` (default 5, zero included) is shown as
 * `value: null, suppressed: true`; so is every row or column total below the threshold.
 *
 * Secondary suppression: published totals are equations an onlooker can solve. Model the table
 * as a graph with one vertex per row and per column and one edge per suppressed cell; rows and
 * columns whose total is not published (suppressed, or not published at all by option) are merged
 * into one vertex "free", because they give no equation. The suppressed cells are then exactly
 * recoverable by linear algebra if and only if some suppressed cell is a bridge of that graph (an
 * edge on no cycle). Rule: while a suppressed cell is a bridge, also suppress one more cell, the
 * one with the smallest count (then the smallest key) among, in this order of preference: cells
 * that join the two sides of the bridge (closing a cycle through it); cells in the bridge's row or
 * column; all unsuppressed cells; if none is left, the totals of
 * that cell's row and column. The grand total is published only when it is at least the
 * threshold and every row total (or every column total) is published, so it adds no equation.
 *
 * This protects against exact recovery from totals; it does not hide bounds (a suppressed pair
 * summing to 6 tells that each is at most 6), which is the usual trade-off of cell suppression.
 */

export interface CountCell {
  row: string;
  column: string;
  count: number;
  /** A value to publish for the cell (default: the count). */
  value?: number;
}

export interface PublishedCell {
  row: string;
  column: string;
  value: number | null;
  count: number | null;
  suppressed: boolean;
  /** `primary`: below the threshold; `secondary`: protects another suppressed cell. */
  reason?: 'primary' | 'secondary';
}

export interface PublishedTotal {
  key: string;
  count: number | null;
  suppressed: boolean;
}

export interface SuppressedTable {
  cells: PublishedCell[];
  rowTotals: PublishedTotal[];
  columnTotals: PublishedTotal[];
  grandTotal: PublishedTotal;
}

export interface SuppressionOptions {
  threshold?: number;
  /** Whether row totals are published (default true). */
  rowTotals?: boolean;
  /** Whether column totals are published (default true). */
  columnTotals?: boolean;
}

export const MIN_CELL_COUNT = 5;

const FREE = '\u0000free';

function sumBy(cells: readonly CountCell[], key: 'row' | 'column'): Map<string, number> {
  const sums = new Map<string, number>();
  for (const c of cells) sums.set(c[key], (sums.get(c[key]) ?? 0) + c.count);
  return sums;
}

function reach(adjacency: ReadonlyMap<string, string[]>, from: string): Set<string> {
  const seen = new Set([from]);
  const stack = [from];
  while (stack.length > 0) {
    for (const next of adjacency.get(stack.pop()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return seen;
}

/** When edge `skip` is a bridge: the vertex sets on either side of it; else null. */
function bridgeSides(edges: readonly [string, string][], skip: number) {
  const [from, to] = edges[skip]!;
  if (from === to) return null;
  const adjacency = new Map<string, string[]>();
  edges.forEach(([a, b], i) => {
    if (i === skip) return;
    (adjacency.get(a) ?? adjacency.set(a, []).get(a)!).push(b);
    (adjacency.get(b) ?? adjacency.set(b, []).get(b)!).push(a);
  });
  const one = reach(adjacency, from);
  return one.has(to) ? null : ([one, reach(adjacency, to)] as const);
}

export function suppressTable(
  cells: readonly CountCell[],
  options: SuppressionOptions = {},
): SuppressedTable {
  const threshold = options.threshold ?? MIN_CELL_COUNT;
  const seen = new Set<string>();
  for (const c of cells) {
    if (!Number.isSafeInteger(c.count) || c.count < 0) throw new RangeError(`bad count ${c.count}`);
    const key = JSON.stringify([c.row, c.column]);
    if (seen.has(key)) throw new RangeError(`duplicate cell ${c.row} × ${c.column}`);
    seen.add(key);
  }
  const rowSums = sumBy(cells, 'row');
  const columnSums = sumBy(cells, 'column');
  const rowOpen = new Map(
    [...rowSums].map(([k, v]) => [k, options.rowTotals !== false && v >= threshold]),
  );
  const colOpen = new Map(
    [...columnSums].map(([k, v]) => [k, options.columnTotals !== false && v >= threshold]),
  );
  const reason = new Map<number, 'primary' | 'secondary'>();
  cells.forEach((c, i) => c.count < threshold && reason.set(i, 'primary'));

  const vertex = (c: CountCell): [string, string] => [
    rowOpen.get(c.row) ? `r${c.row}` : FREE,
    colOpen.get(c.column) ? `c${c.column}` : FREE,
  ];
  const order = (i: number, j: number) => {
    const a = cells[i]!;
    const b = cells[j]!;
    if (a.count !== b.count) return a.count - b.count;
    const ka = JSON.stringify([a.row, a.column]);
    const kb = JSON.stringify([b.row, b.column]);
    return ka < kb ? -1 : 1;
  };
  for (;;) {
    const ids = [...reason.keys()].sort((a, b) => a - b);
    const edges = ids.map((i) => vertex(cells[i]!));
    let bridge: number | undefined;
    let sides: readonly [Set<string>, Set<string>] | null = null;
    for (let k = 0; k < ids.length && sides === null; k++) {
      sides = bridgeSides(edges, k);
      if (sides) bridge = ids[k];
    }
    if (bridge === undefined || sides === null) break;
    const [one, two] = sides;
    const b = cells[bridge]!;
    const free = cells.map((_, i) => i).filter((i) => !reason.has(i));
    // Best: a cell joining the two sides, which closes a cycle through the bridge at once.
    const joining = free.filter((i) => {
      const [r, c] = vertex(cells[i]!);
      return (one.has(r) && two.has(c)) || (two.has(r) && one.has(c));
    });
    const inLine = free.filter((i) => cells[i]!.row === b.row || cells[i]!.column === b.column);
    const pool = joining.length > 0 ? joining : inLine.length > 0 ? inLine : free;
    const pick = pool.sort(order)[0];
    if (pick !== undefined) reason.set(pick, 'secondary');
    else {
      rowOpen.set(b.row, false);
      colOpen.set(b.column, false);
    }
  }

  const total = (key: string, count: number, open: boolean): PublishedTotal =>
    open ? { key, count, suppressed: false } : { key, count: null, suppressed: true };
  const rowTotals = [...rowSums].map(([k, v]) => total(k, v, rowOpen.get(k)!));
  const columnTotals = [...columnSums].map(([k, v]) => total(k, v, colOpen.get(k)!));
  const grand = cells.reduce((s, c) => s + c.count, 0);
  // The grand total adds no equation when every row (or every column) total is published.
  const allRows = options.rowTotals !== false && [...rowOpen.values()].every(Boolean);
  const allColumns = options.columnTotals !== false && [...colOpen.values()].every(Boolean);
  const allOpen = (allRows || allColumns) && grand >= threshold;
  return {
    cells: cells.map((c, i) => {
      const why = reason.get(i);
      return why
        ? { row: c.row, column: c.column, value: null, count: null, suppressed: true, reason: why }
        : {
            row: c.row,
            column: c.column,
            value: c.value ?? c.count,
            count: c.count,
            suppressed: false,
          };
    }),
    rowTotals: options.rowTotals === false ? [] : rowTotals,
    columnTotals: options.columnTotals === false ? [] : columnTotals,
    grandTotal: total('', grand, allOpen),
  };
}
