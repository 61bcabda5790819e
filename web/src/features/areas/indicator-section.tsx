import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '../../components/table.tsx';
import { chartOrder, indicatorLabel, indicatorOrder, useNumberFormat } from './labels.ts';
import type { ChartPoint } from './indicator-chart.tsx';
import type { IndicatorSeries } from './types.ts';
import '../../styles/map.css';

// Observable Plot loads only on pages with charts, not with the first page.
const IndicatorChart = lazy(() => import('./indicator-chart.tsx'));

/** At most this many charts; every indicator is in the table. */
const MAX_CHARTS = 6;

const pointsOf = (series: IndicatorSeries): ChartPoint[] =>
  series.values.flatMap((v) => (v.value === null ? [] : [{ year: v.year, value: v.value }]));

/** Key indicators as charts, and all indicators over the years as a table. */
export function IndicatorSection({ indicators }: { indicators: readonly IndicatorSeries[] }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const sorted = useMemo(
    () => [...indicators].sort((a, b) => indicatorOrder(a.key, b.key)),
    [indicators],
  );
  const charted = useMemo(
    () =>
      [...indicators]
        .sort((a, b) => chartOrder(a.key, b.key))
        .map((series) => ({ series, points: pointsOf(series) }))
        .filter((c) => c.points.length > 0)
        .slice(0, MAX_CHARTS),
    [indicators],
  );
  const years = [...new Set(indicators.flatMap((s) => s.values.map((v) => v.year)))].sort(
    (a, b) => a - b,
  );

  if (indicators.length === 0) {
    return (
      <section className="wd-section" aria-labelledby="indicators-title">
        <h2 className="utrecht-heading-2" id="indicators-title">
          {t('areas.page.indicatorsTitle')}
        </h2>
        <p className="utrecht-paragraph">{t('areas.page.noIndicators')}</p>
      </section>
    );
  }

  const summary = (name: string, points: ChartPoint[]) => {
    const first = points[0] as ChartPoint;
    const last = points.at(-1) as ChartPoint;
    return points.length === 1
      ? t('areas.chart.one', { name, year: first.year, value: number(first.value) })
      : t('areas.chart.many', {
          name,
          from: first.year,
          to: last.year,
          first: number(first.value),
          last: number(last.value),
        });
  };

  return (
    <section className="wd-section" aria-labelledby="indicators-title">
      <h2 className="utrecht-heading-2" id="indicators-title">
        {t('areas.page.indicatorsTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('areas.page.indicatorsLead')}</p>
      <ul className="wd-charts">
        {charted.map(({ series, points }) => {
          const name = indicatorLabel(series.key, t);
          return (
            <li key={series.key}>
              <figure className="wd-chart">
                <Suspense
                  fallback={<p className="utrecht-paragraph">{t('areas.chart.loading')}</p>}
                >
                  <IndicatorChart points={points} label={summary(name, points)} format={number} />
                </Suspense>
                <figcaption className="utrecht-figure__caption">
                  {t('areas.chart.caption', { name })}
                </figcaption>
              </figure>
            </li>
          );
        })}
      </ul>
      <div className="wd-wide-table">
        <Table caption={t('areas.page.indicatorsCaption')}>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t('areas.page.indicator')}
              </th>
              {years.map((year) => (
                <th
                  key={year}
                  scope="col"
                  className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
                >
                  {year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {sorted.map((series) => (
              <tr key={series.key} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {indicatorLabel(series.key, t)}
                </th>
                {years.map((year) => {
                  const value = series.values.find((v) => v.year === year)?.value ?? null;
                  return (
                    <td
                      key={year}
                      className="utrecht-table__cell utrecht-table__cell--numeric-data"
                    >
                      {value === null ? t('areas.page.noValue') : number(value)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </section>
  );
}
