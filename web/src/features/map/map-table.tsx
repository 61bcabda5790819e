import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Table } from '../../components/table.tsx';
import { useNumberFormat } from '../areas/labels.ts';

export interface MapRow {
  id: string;
  code: string;
  name: string;
  value: number | null;
}

type SortKey = 'name' | 'code' | 'value';
type Direction = 'ascending' | 'descending';

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

function compare(a: MapRow, b: MapRow, key: SortKey): number {
  if (key === 'value') {
    // Missing values last in both directions would hide the order; treat them as the lowest.
    const av = a.value ?? Number.NEGATIVE_INFINITY;
    const bv = b.value ?? Number.NEGATIVE_INFINITY;
    return av - bv || collator.compare(a.name, b.name);
  }
  return collator.compare(a[key], b[key]) || collator.compare(a.code, b.code);
}

export function sortRows(rows: readonly MapRow[], key: SortKey, direction: Direction): MapRow[] {
  const sorted = [...rows].sort((a, b) => compare(a, b, key));
  return direction === 'ascending' ? sorted : sorted.reverse();
}

interface MapTableProps {
  slug: string;
  caption: string;
  valueHeading: string;
  rows: readonly MapRow[];
}

/** The map's data as a table, sortable by every column (`aria-sort` on the sorted column). */
export function MapTable({ slug, caption, valueHeading, rows }: MapTableProps) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: 'name',
    direction: 'ascending',
  });
  const headings: Record<SortKey, string> = {
    name: t('map.table.name'),
    code: t('map.table.code'),
    value: valueHeading,
  };
  const toggle = (key: SortKey) =>
    setSort((current) => ({
      key,
      direction:
        current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  const header = (key: SortKey, numeric = false) => (
    <th
      scope="col"
      className={`utrecht-table__header-cell${numeric ? ' utrecht-table__header-cell--numeric-column' : ''}`}
      aria-sort={sort.key === key ? sort.direction : undefined}
    >
      <button
        type="button"
        className="utrecht-table__header-cell-button wd-sort-button"
        onClick={() => toggle(key)}
      >
        {headings[key]}
        <span className="wd-sort-button__icon" aria-hidden="true">
          {sort.key !== key ? '↕' : sort.direction === 'ascending' ? '↑' : '↓'}
        </span>
      </button>
    </th>
  );
  const sorted = sortRows(rows, sort.key, sort.direction);
  return (
    <>
      <Table caption={caption}>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {header('name')}
            {header('code')}
            {header('value', true)}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {sorted.map((row) => (
            <tr key={row.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                <TextLink to="/w/$slug/gebieden/$areaId" params={{ slug, areaId: row.id }}>
                  {row.name}
                </TextLink>
              </th>
              <td className="utrecht-table__cell wd-nowrap">{row.code}</td>
              <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                {row.value === null ? t('map.table.noValue') : number(row.value)}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="wd-visually-hidden" role="status">
        {t('map.table.sortedBy', {
          column: headings[sort.key],
          direction: t(`map.table.${sort.direction}`),
        })}
      </p>
    </>
  );
}
