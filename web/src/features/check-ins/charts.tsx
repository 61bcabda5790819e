import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.ts';
import type { ScorePoint } from './score-chart.tsx';
import { scoreKeys, type ScoreKey } from './types.ts';

const ScoreChart = lazy(() => import('./score-chart.tsx'));

/**
 * The three scores (workload, energy, support felt) as three small line charts, each an image
 * named with its first and last value. The same numbers are in the table next to them.
 */
export function ScoreCharts({
  points,
}: {
  /** Per score, the points in time order. */
  points: Record<ScoreKey, ScorePoint[]>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const score = (v: number) => format.number(v);
  return (
    <ul className="wd-charts">
      {scoreKeys.map((key) => {
        const measure = t(`checkIns.score.${key}.label`);
        const known = points[key].filter((p) => p.value !== null);
        const first = known[0];
        const last = known[known.length - 1];
        if (!first || !last) return null;
        const summary = t('checkIns.chart.summary', {
          measure,
          from: first.label,
          to: last.label,
          first: score(first.value ?? 0),
          last: score(last.value ?? 0),
        });
        return (
          <li key={key}>
            <figure className="wd-chart">
              <Suspense fallback={<p className="utrecht-paragraph">{t('common.loading')}</p>}>
                <ScoreChart points={points[key]} label={summary} />
              </Suspense>
              <figcaption className="utrecht-figure__caption">
                {t('checkIns.chart.caption', {
                  measure,
                  low: t(`checkIns.score.${key}.low`),
                  high: t(`checkIns.score.${key}.high`),
                })}
              </figcaption>
            </figure>
          </li>
        );
      })}
    </ul>
  );
}
