import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { actorTiesQuery, networkQuery } from './data.ts';
import { GraphFrame } from './graph-frame.tsx';
import { countMetrics, nodeColumns, useMetricFormat } from './labels.ts';
import type { GraphNode } from './sigma-graph.tsx';
import { tieIntensities, type NetworkNode } from './types.ts';

/**
 * "Netwerk" on an actor's page: its ties (a table: the other actor, type, intensity, direction,
 * period), a small ego graph, and its metrics in today's network. Loads on its own, so a failure
 * here leaves the rest of the page standing.
 */
export function ActorNetwork({ slug, actorId }: { slug: string; actorId: string }) {
  const { t } = useTranslation();
  const dates = useFormat();
  const format = useMetricFormat();
  const ties = useQuery(actorTiesQuery(slug, actorId));
  const network = useQuery(networkQuery(slug, undefined, {}));
  const [selected, setSelected] = useState<string | null>(null);
  const known = useMemo(
    () => new Map((network.data?.nodes ?? []).map((n) => [n.id, n])),
    [network.data],
  );
  const self: NetworkNode | undefined = known.get(actorId);
  const items = ties.data?.items;
  const graph = useMemo(() => {
    if (!items) return null;
    const nodes = new Map<string, GraphNode>();
    const add = (id: string, label: string) => {
      const n = known.get(id);
      nodes.set(id, {
        id,
        label,
        kind: n?.kind ?? 'organisation',
        sizeClass: n?.sizeClass ?? null,
        size: id === actorId ? 1 : 0,
      });
    };
    for (const tie of items) {
      add(tie.fromActorId, tie.fromActorName);
      add(tie.toActorId, tie.toActorName);
    }
    const edges = items.map((tie) => ({
      id: tie.id,
      source: tie.fromActorId,
      target: tie.toActorId,
      type: tie.type,
      directed: tie.directed,
      weight: tieIntensities.indexOf(tie.intensity) + 1,
    }));
    return { nodes: [...nodes.values()], edges };
  }, [items, known, actorId]);

  const heading = (
    <h2 className="utrecht-heading-2" id="actor-network">
      {t('network.ego.title')}
    </h2>
  );
  if (ties.isPending) {
    return (
      <section className="wd-section" aria-labelledby="actor-network">
        {heading}
        <p className="utrecht-paragraph">{t('network.ego.loading')}</p>
      </section>
    );
  }
  if (ties.isError || !items || !graph) {
    return (
      <section className="wd-section" aria-labelledby="actor-network">
        {heading}
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('network.ego.failed')}</p>
        </Alert>
      </section>
    );
  }
  const direction = (tie: (typeof items)[number]) =>
    !tie.directed
      ? t('network.direction.mutual')
      : tie.fromActorId === actorId
        ? t('network.direction.outgoing')
        : t('network.direction.incoming');
  return (
    <section className="wd-section" aria-labelledby="actor-network">
      {heading}
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{t('network.ego.none')}</p>
      ) : (
        <>
          <GraphFrame
            small
            nodes={graph.nodes}
            edges={graph.edges}
            summary={t('network.ego.summary', { count: graph.nodes.length - 1 })}
            selected={selected}
            onSelect={setSelected}
          />
          <Table caption={t('network.ego.caption', { count: ties.data.total })}>
            <TableHead
              columns={[
                t('network.ego.other'),
                t('network.ties.type'),
                t('network.ties.intensity'),
                t('network.ties.direction'),
                t('network.ties.period'),
              ]}
            />
            <tbody className="utrecht-table__body">
              {items.map((tie) => {
                const outgoing = tie.fromActorId === actorId;
                const otherId = outgoing ? tie.toActorId : tie.fromActorId;
                const otherName = outgoing ? tie.toActorName : tie.fromActorName;
                return (
                  <tr key={tie.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: otherId }}>
                        {otherName}
                      </TextLink>
                    </th>
                    <td className="utrecht-table__cell">{t(`network.tieType.${tie.type}`)}</td>
                    <td className="utrecht-table__cell">
                      {t(`network.intensity.${tie.intensity}`)}
                    </td>
                    <td className="utrecht-table__cell">{direction(tie)}</td>
                    <td className="utrecht-table__cell">
                      {tie.endDate
                        ? t('network.period.closed', {
                            from: dates.date(tie.startDate),
                            to: dates.date(tie.endDate),
                          })
                        : t('network.period.open', { from: dates.date(tie.startDate) })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          {ties.data.total > items.length ? (
            <p className="utrecht-paragraph">
              {t('network.ego.more', { shown: items.length, total: ties.data.total })}
            </p>
          ) : null}
        </>
      )}
      <h3 className="utrecht-heading-3">{t('network.ego.metricsTitle')}</h3>
      {self ? (
        <dl className="wd-network-metrics wd-network-metrics--compact">
          {nodeColumns.map((key) => (
            <div key={key} className="wd-network-metrics__item">
              <dt>{t(`network.nodeMetric.${key}`)}</dt>
              <dd>{countMetrics.has(key) ? String(self[key]) : format.value(self[key])}</dd>
            </div>
          ))}
        </dl>
      ) : network.isError ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('network.ego.metricsFailed')}</p>
        </Alert>
      ) : (
        <p className="utrecht-paragraph">
          {network.isPending ? t('network.ego.loading') : t('network.ego.notInNetwork')}
        </p>
      )}
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug/netwerk" params={{ slug }}>
          {t('network.ego.toNetwork')}
        </TextLink>
      </p>
    </section>
  );
}
