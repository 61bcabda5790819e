import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-fields.tsx';
import { TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import type { DeltaBar } from './delta-chart.tsx';
import { networkTerms, useMetricFormat } from './labels.ts';
import type { NetworkComparison } from './types.ts';

const DeltaChart = lazy(() => import('./delta-chart.tsx'));

/** Node metrics the comparison offers (as analytics/network/compare.ts). */
const comparedNodeMetrics = [
  'degree',
  'strength',
  'betweenness',
  'closeness',
  'pageRank',
  'clustering',
  'brokerage',
  'trust',
  'value',
] as const;
type ComparedNodeMetric = (typeof comparedNodeMetrics)[number];

/** The chart shows the nodes that changed most; the table lists every node. */
const CHART_NODES = 15;

function chart(bars: DeltaBar[], label: string, percent: boolean, empty: string) {
  return bars.length ? (
    <Suspense fallback={null}>
      <DeltaChart bars={bars} label={label} percent={percent} />
    </Suspense>
  ) : (
    <p className="utrecht-paragraph">{empty}</p>
  );
}

/**
 * The network on two days, or in two survey rounds, side by side: network deltas, then per-node
 * deltas of one metric.
 */
export function ComparisonView({
  slug,
  data,
  rounds,
}: {
  slug: string;
  data: NetworkComparison;
  /** Two survey rounds: their titles name the columns instead of the two days. */
  rounds?: { from: string; to: string } | undefined;
}) {
  const { t } = useTranslation();
  const format = useMetricFormat();
  const dates = useFormat();
  const [metric, setMetric] = useState<ComparedNodeMetric>('degree');
  const days = rounds ?? { from: dates.date(data.from), to: dates.date(data.to) };
  const text = rounds
    ? ({
        networkLead: t('network.comparison.rounds.networkLead', {
          ...rounds,
          fromDay: dates.date(data.from),
          toDay: dates.date(data.to),
        }),
        networkChart: t('network.comparison.rounds.networkChart', rounds),
        networkCaption: t('network.comparison.rounds.networkCaption', rounds),
        before: t('network.comparison.rounds.before', rounds),
        after: t('network.comparison.rounds.after', rounds),
        presence: (p: 'both' | 'before' | 'after') =>
          t(`network.comparison.rounds.presenceValue.${p}`),
      } as const)
    : ({
        networkLead: t('network.comparison.networkLead', days),
        networkChart: t('network.comparison.networkChart', days),
        networkCaption: t('network.comparison.networkCaption', days),
        before: t('network.comparison.before', days),
        after: t('network.comparison.after', days),
        presence: (p: 'both' | 'before' | 'after') => t(`network.comparison.presenceValue.${p}`),
      } as const);

  const relative = (before: number | null, after: number | null) =>
    before === null || after === null || before === 0 ? null : (after - before) / Math.abs(before);
  const networkRows = networkTerms.map((key) => ({ key, ...data.network[key]! }));
  const networkBars = networkRows.flatMap((r) => {
    const rel = relative(r.before, r.after);
    return rel === null ? [] : [{ label: t(`network.networkMetric.${r.key}`), value: rel }];
  });

  const nodeRows = useMemo(
    () =>
      data.nodes
        .map((n) => ({ ...n, change: n.changes[metric]! }))
        .sort(
          (a, b) =>
            Math.abs(b.change.delta ?? 0) - Math.abs(a.change.delta ?? 0) ||
            a.label.localeCompare(b.label, 'nl'),
        ),
    [data.nodes, metric],
  );
  const nodeBars = nodeRows
    .filter((n) => n.change.delta !== null && n.change.delta !== 0)
    .slice(0, CHART_NODES)
    .map((n) => ({ label: n.label, value: n.change.delta! }));
  const metricLabel = t(`network.nodeMetric.${metric}`);

  return (
    <>
      <section className="wd-section" aria-labelledby="comparison-network">
        <h2 className="utrecht-heading-2" id="comparison-network">
          {t('network.comparison.networkTitle')}
        </h2>
        <p className="utrecht-paragraph">{text.networkLead}</p>
        {chart(networkBars, text.networkChart, true, t('network.comparison.noChange'))}
        <Table caption={text.networkCaption}>
          <TableHead
            columns={[
              t('network.comparison.measure'),
              text.before,
              text.after,
              t('network.comparison.delta'),
              t('network.comparison.relative'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {networkRows.map((r) => {
              const rel = relative(r.before, r.after);
              return (
                <tr key={r.key} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {t(`network.networkMetric.${r.key}`)}
                  </th>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {format.value(r.before)}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {format.value(r.after)}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {format.delta(r.delta)}
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {rel === null ? t('network.noValue') : format.percent(rel)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </section>

      <section className="wd-section" aria-labelledby="comparison-nodes">
        <h2 className="utrecht-heading-2" id="comparison-nodes">
          {t('network.comparison.nodesTitle')}
        </h2>
        <SelectField
          spec={{ id: 'comparison-metric', label: t('network.comparison.metric') }}
          value={metric}
          onChange={(e) => setMetric(e.target.value as ComparedNodeMetric)}
          options={comparedNodeMetrics.map((m) => ({
            value: m,
            label: t(`network.nodeMetric.${m}`),
          }))}
        />
        {chart(
          nodeBars,
          t('network.comparison.nodesChart', { metric: metricLabel, count: nodeBars.length }),
          false,
          t('network.comparison.noNodeChange', { metric: metricLabel }),
        )}
        <Table
          caption={t(
            rounds ? 'network.comparison.rounds.nodesCaption' : 'network.comparison.nodesCaption',
            { metric: metricLabel, ...days },
          )}
        >
          <TableHead
            columns={[
              t('network.table.actor'),
              t('network.comparison.presence'),
              text.before,
              text.after,
              t('network.comparison.delta'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {nodeRows.map((n) => (
              <tr key={n.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: n.id }}>
                    {n.label}
                  </TextLink>
                </th>
                <td className="utrecht-table__cell">{text.presence(n.presence)}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {format.value(n.change.before)}
                </td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {format.value(n.change.after)}
                </td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {format.delta(n.change.delta)}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="utrecht-paragraph">
          {t('network.comparison.joinedLeft', {
            joined: data.joined.length,
            left: data.left.length,
          })}
        </p>
      </section>
    </>
  );
}
