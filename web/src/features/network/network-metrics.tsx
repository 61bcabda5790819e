import { useTranslation } from 'react-i18next';
import { networkTerms, useMetricFormat } from './labels.ts';
import type { NetworkMetrics } from './types.ts';

/** The network-level metrics as a definition list, each with what it means. */
export function NetworkMetricsList({ metrics }: { metrics: NetworkMetrics }) {
  const { t } = useTranslation();
  const format = useMetricFormat();
  return (
    <section className="wd-section" aria-labelledby="network-metrics">
      <h2 className="utrecht-heading-2" id="network-metrics">
        {t('network.metrics.title')}
      </h2>
      <dl className="wd-network-metrics">
        {networkTerms.map((key) => {
          return (
            <div key={key} className="wd-network-metrics__item">
              <dt>{t(`network.networkMetric.${key}`)}</dt>
              <dd>
                {format.value(metrics[key])}
                <span className="wd-network-metrics__hint">
                  {' '}
                  {t(`network.networkMetricHint.${key}`)}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
      {metrics.betweennessSampled ? (
        <p className="utrecht-paragraph">
          {t('network.metrics.sampled', {
            pivots: metrics.betweennessSampled.pivots,
            epsilon: metrics.betweennessSampled.epsilon,
          })}
        </p>
      ) : null}
    </section>
  );
}
