import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Direction = 'ascending' | 'descending';
export interface Sort<K extends string> {
  key: K;
  direction: Direction;
}

/**
 * Sort state of a table: a new column sorts highest first (names and other text A–Z first); a
 * click on the sorted column turns its direction.
 */
export function useSort<K extends string>(initial: Sort<K>, textKeys: readonly K[] = []) {
  const [sort, setSort] = useState(initial);
  const toggle = (key: K) =>
    setSort((current) => {
      if (current.key === key)
        return {
          key,
          direction: current.direction === 'descending' ? 'ascending' : 'descending',
        };
      return { key, direction: textKeys.includes(key) ? 'ascending' : 'descending' };
    });
  return { sort, toggle };
}

/** A column header that sorts (`aria-sort` on the sorted column, as the map's table). */
export function SortHeader<K extends string>({
  column,
  sort,
  onSort,
  numeric = false,
  children,
}: {
  column: K;
  sort: Sort<K>;
  onSort: (key: K) => void;
  numeric?: boolean;
  children: ReactNode;
}) {
  const active = sort.key === column;
  return (
    <th
      scope="col"
      className={`utrecht-table__header-cell${numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
      aria-sort={active ? sort.direction : undefined}
    >
      <button
        type="button"
        className="utrecht-table__header-cell-button wd-sort-button"
        onClick={() => onSort(column)}
      >
        {children}
        <span className="wd-sort-button__icon" aria-hidden="true">
          {!active ? '↕' : sort.direction === 'ascending' ? '↑' : '↓'}
        </span>
      </button>
    </th>
  );
}

/** Says how the table is sorted, politely, after each change. */
export function SortStatus({ column, direction }: { column: string; direction: Direction }) {
  const { t } = useTranslation();
  return (
    <p className="wd-visually-hidden" role="status">
      {t('network.table.sortedBy', { column, direction: t(`network.table.${direction}`) })}
    </p>
  );
}

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

/** Numbers by value (missing ones lowest), text by Dutch collation; ties broken by name. */
export function compareValues(
  a: number | string | null,
  b: number | string | null,
  nameA: string,
  nameB: string,
): number {
  if (typeof a === 'string' || typeof b === 'string')
    return collator.compare(String(a ?? ''), String(b ?? '')) || collator.compare(nameA, nameB);
  const av = a ?? Number.NEGATIVE_INFINITY;
  const bv = b ?? Number.NEGATIVE_INFINITY;
  return (av === bv ? 0 : av < bv ? -1 : 1) || collator.compare(nameA, nameB);
}

export function sorted<R>(
  rows: readonly R[],
  direction: Direction,
  compare: (a: R, b: R) => number,
): R[] {
  const out = [...rows].sort(compare);
  return direction === 'ascending' ? out : out.reverse();
}
