import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import type { DeltaBar } from './delta-chart.tsx';
import { useMetricFormat } from './labels.ts';
import type { Change, NetworkComparison } from './types.ts';

const DeltaChart = lazy(() => import('./delta-chart.tsx'));

/** Each chart shows the actors whose score changed most; the table lists every scored actor. */
const CHART_NODES = 15;

const none: Change = { before: null, after: null, delta: null };

/** Actors with a trust or value score in either round, largest trust change first. */
function scoredNodes(data: NetworkComparison) {
  return data.nodes
    .map((n) => ({
      id: n.id,
      label: n.label,
      trust: n.changes.trust ?? none,
      value: n.changes.value ?? none,
    }))
    .filter((n) => [n.trust, n.value].some((c) => c.before !== null || c.after !== null))
    .sort(
      (a, b) =>
        Math.abs(b.trust.delta ?? 0) - Math.abs(a.trust.delta ?? 0) ||
        Math.abs(b.value.delta ?? 0) - Math.abs(a.value.delta ?? 0) ||
        a.label.localeCompare(b.label, 'nl'),
    );
}

/**
 * PARTNER trust and value per actor in two survey rounds: a chart of the largest changes of each
 * and a table of every actor with a score (suppressed scores are empty, see the lead).
 */
export function PartnerDeltas({
  slug,
  data,
  rounds,
}: {
  slug: string;
  data: NetworkComparison;
  rounds: { from: string; to: string };
}) {
  const { t } = useTranslation();
  const format = useMetricFormat();
  const nodes = scoredNodes(data);
  const withDelta = nodes.map((n) => ({
    ...n,
    delta: (key: 'trust' | 'value') => n[key].delta ?? 0,
  }));
  const chart = (key: 'trust' | 'value') => {
    const bars = withDelta
      .filter((n) => n[key].delta !== null && n[key].delta !== 0)
      .sort((a, b) => Math.abs(b.delta(key)) - Math.abs(a.delta(key)))
      .slice(0, CHART_NODES)
      .map((n): DeltaBar => ({ label: n.label, value: n.delta(key) }));
    return bars.length ? (
      <Suspense fallback={null}>
        <DeltaChart
          bars={bars}
          label={t(`network.comparison.rounds.${key}Chart`, { count: bars.length })}
        />
      </Suspense>
    ) : (
      <p className="utrecht-paragraph">
        {t(
          key === 'trust'
            ? 'network.comparison.rounds.noTrustChange'
            : 'network.comparison.rounds.noValueChange',
        )}
      </p>
    );
  };
  const cell = (text: string) => (
    <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{text}</td>
  );
  return (
    <section className="wd-section" aria-labelledby="comparison-partner">
      <h2 className="utrecht-heading-2" id="comparison-partner">
        {t('network.comparison.rounds.partnerTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('network.comparison.rounds.partnerLead')}</p>
      {nodes.length === 0 ? (
        <p className="utrecht-paragraph">{t('network.comparison.rounds.noScores')}</p>
      ) : (
        <>
          {chart('trust')}
          {chart('value')}
          <Table caption={t('network.comparison.rounds.partnerCaption', rounds)}>
            <TableHead
              columns={[
                t('network.table.actor'),
                t('network.comparison.rounds.trustBefore'),
                t('network.comparison.rounds.trustAfter'),
                t('network.comparison.rounds.trustDelta'),
                t('network.comparison.rounds.valueBefore'),
                t('network.comparison.rounds.valueAfter'),
                t('network.comparison.rounds.valueDelta'),
              ]}
            />
            <tbody className="utrecht-table__body">
              {nodes.map((n) => (
                <tr key={n.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: n.id }}>
                      {n.label}
                    </TextLink>
                  </th>
                  {cell(format.value(n.trust.before))}
                  {cell(format.value(n.trust.after))}
                  {cell(format.delta(n.trust.delta))}
                  {cell(format.value(n.value.before))}
                  {cell(format.value(n.value.after))}
                  {cell(format.delta(n.value.delta))}
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </section>
  );
}
