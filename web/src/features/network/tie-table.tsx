import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Table } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { tieIntensities, type NetworkEdge } from './types.ts';
import { compareValues, SortHeader, SortStatus, sorted, useSort } from './sortable.tsx';

type Key = 'source' | 'target' | 'type' | 'intensity' | 'startDate';

/** Every tie of the network: its ends (links), type, intensity, direction and period. */
export function TieTable({
  slug,
  edges,
  names,
}: {
  slug: string;
  edges: readonly NetworkEdge[];
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { sort, toggle } = useSort<Key>({ key: 'intensity', direction: 'descending' }, [
    'source',
    'target',
    'type',
  ]);
  const name = (id: string) => names.get(id) ?? id;
  const valueOf = (e: NetworkEdge, key: Key): string | number =>
    key === 'source' || key === 'target'
      ? name(e[key])
      : key === 'intensity'
        ? tieIntensities.indexOf(e.intensity)
        : key === 'type'
          ? t(`network.tieType.${e.type}`)
          : e.startDate;
  const rows = sorted(edges, sort.direction, (a, b) =>
    compareValues(valueOf(a, sort.key), valueOf(b, sort.key), a.id, b.id),
  );
  const headings: Record<Key, string> = {
    source: t('network.ties.from'),
    target: t('network.ties.to'),
    type: t('network.ties.type'),
    intensity: t('network.ties.intensity'),
    startDate: t('network.ties.period'),
  };
  const end = (id: string) => (
    <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: id }}>
      {name(id)}
    </TextLink>
  );
  return (
    <section className="wd-section" aria-labelledby="network-ties">
      <h2 className="utrecht-heading-2" id="network-ties">
        {t('network.ties.title')}
      </h2>
      <Table caption={t('network.ties.caption', { count: edges.length })}>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {(['source', 'target', 'type', 'intensity'] as const).map((key) => (
              <SortHeader key={key} column={key} sort={sort} onSort={toggle}>
                {headings[key]}
              </SortHeader>
            ))}
            <th scope="col" className="utrecht-table__header-cell">
              {t('network.ties.direction')}
            </th>
            <SortHeader column="startDate" sort={sort} onSort={toggle}>
              {headings.startDate}
            </SortHeader>
            <th scope="col" className="utrecht-table__header-cell">
              {t('network.ties.inMetrics')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((e) => (
            <tr key={e.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">{end(e.source)}</td>
              <td className="utrecht-table__cell">{end(e.target)}</td>
              <td className="utrecht-table__cell">{t(`network.tieType.${e.type}`)}</td>
              <td className="utrecht-table__cell">{t(`network.intensity.${e.intensity}`)}</td>
              <td className="utrecht-table__cell">
                {t(e.directed ? 'network.direction.directed' : 'network.direction.mutual')}
              </td>
              <td className="utrecht-table__cell">
                {e.endDate
                  ? t('network.period.closed', {
                      from: format.date(e.startDate),
                      to: format.date(e.endDate),
                    })
                  : t('network.period.open', { from: format.date(e.startDate) })}
              </td>
              <td className="utrecht-table__cell">
                {e.inMetrics ? t('network.yes') : t('network.no')}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <SortStatus column={headings[sort.key]} direction={sort.direction} />
    </section>
  );
}
