import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Table } from '../../components/table.tsx';
import {
  countMetrics,
  nodeClassOf,
  nodeColumns,
  useMetricFormat,
  type NodeColumn,
} from './labels.ts';
import { compareValues, SortHeader, SortStatus, sorted, useSort } from './sortable.tsx';
import type { NetworkNode } from './types.ts';

type Key = 'label' | 'class' | NodeColumn;

/**
 * Every node with its metrics: sortable by each column, each name a link to the actor's page,
 * and a button that selects the node in the graph (and shows its details).
 */
export function NodeTable({
  slug,
  nodes,
  selected,
  onSelect,
}: {
  slug: string;
  nodes: readonly NetworkNode[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const format = useMetricFormat();
  const { sort, toggle } = useSort<Key>({ key: 'degree', direction: 'descending' }, [
    'label',
    'class',
  ]);
  const heading = (key: Key) =>
    key === 'label'
      ? t('network.table.actor')
      : key === 'class'
        ? t('network.table.class')
        : t(`network.nodeMetric.${key}`);
  const valueOf = (n: NetworkNode, key: Key) =>
    key === 'label' ? n.label : key === 'class' ? t(`network.nodeClass.${nodeClassOf(n)}`) : n[key];
  const rows = sorted(nodes, sort.direction, (a, b) =>
    compareValues(valueOf(a, sort.key), valueOf(b, sort.key), a.label, b.label),
  );
  return (
    <section className="wd-section" aria-labelledby="network-nodes">
      <h2 className="utrecht-heading-2" id="network-nodes">
        {t('network.table.nodesTitle')}
      </h2>
      <Table caption={t('network.table.nodesCaption', { count: nodes.length })}>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {(['label', 'class'] as const).map((key) => (
              <SortHeader key={key} column={key} sort={sort} onSort={toggle}>
                {heading(key)}
              </SortHeader>
            ))}
            {nodeColumns.map((key) => (
              <SortHeader key={key} column={key} sort={sort} onSort={toggle} numeric>
                {heading(key)}
              </SortHeader>
            ))}
            <th scope="col" className="utrecht-table__header-cell">
              {t('network.table.graph')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((n) => (
            <tr
              key={n.id}
              className={`utrecht-table__row${n.id === selected ? ' wd-network-row--selected' : ''}`}
            >
              <th scope="row" className="utrecht-table__header-cell">
                <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: n.id }}>
                  {n.label}
                </TextLink>
              </th>
              <td className="utrecht-table__cell">{t(`network.nodeClass.${nodeClassOf(n)}`)}</td>
              {nodeColumns.map((key) => (
                <td key={key} className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {countMetrics.has(key) ? String(n[key]) : format.value(n[key])}
                </td>
              ))}
              <td className="utrecht-table__cell">
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle wd-network-show"
                  aria-pressed={n.id === selected}
                  data-node={n.id}
                  onClick={() => onSelect(n.id)}
                >
                  {t('network.table.show')}
                  <span className="wd-visually-hidden"> {n.label}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <SortStatus column={heading(sort.key)} direction={sort.direction} />
    </section>
  );
}
