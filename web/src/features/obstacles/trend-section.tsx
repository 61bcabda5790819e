import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-fields.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import {
  trendDimensions,
  trendPeriods,
  type Dashboard,
  type ObstacleCategory,
  type ObstacleStatus,
  type TrendBy,
  type TrendPeriod,
} from './types.ts';

const TrendChart = lazy(() => import('./trend-chart.tsx'));

interface TrendSectionProps {
  trend: Dashboard['trend'];
  /** A count as shown: the number, or "< 5" when suppressed. */
  count: (n: number | null) => string;
  by: TrendBy;
  period: TrendPeriod;
  onChange: (next: { by: TrendBy; period: TrendPeriod }) => void;
}

/**
 * Reports per month or quarter, grouped by kind, status, area, domain or owner: a chart of the
 * cells that are shown and a table of all of them ("< 5" where suppressed, 0 where none).
 */
export function TrendSection({ trend, count, by, period, onChange }: TrendSectionProps) {
  const { t } = useTranslation();
  const label = (key: string, fallback: string) =>
    trend.by === 'category'
      ? t(`obstacles.category.${key as ObstacleCategory}`)
      : trend.by === 'status'
        ? t(`obstacles.status.${key as ObstacleStatus}`)
        : fallback;
  const groups = [...new Map(trend.cells.map((c) => [c.key, label(c.key, c.label)]))].sort(
    ([, a], [, b]) => a.localeCompare(b, 'nl'),
  );
  const periods = [...new Set(trend.cells.map((c) => c.period))].sort();
  const bars = trend.cells.flatMap((c) =>
    c.count === null ? [] : [{ period: c.period, label: label(c.key, c.label), count: c.count }],
  );
  const by_ = t(`obstacles.dashboard.trendBy.${trend.by}`);
  const per = t(`obstacles.dashboard.period.${trend.period}`);
  return (
    <section aria-labelledby="obstacle-trend" className="wd-obstacle-part">
      <h3 className="utrecht-heading-3" id="obstacle-trend">
        {t('obstacles.dashboard.trend')}
      </h3>
      <div className="wd-row-form">
        <SelectField
          spec={{ id: 'trend-by', label: t('obstacles.dashboard.trendByLabel') }}
          options={trendDimensions.map((d) => ({
            value: d,
            label: t(`obstacles.dashboard.trendBy.${d}`),
          }))}
          value={by}
          onChange={(e) => onChange({ by: e.target.value as TrendBy, period })}
        />
        <SelectField
          spec={{ id: 'trend-period', label: t('obstacles.dashboard.periodLabel') }}
          options={trendPeriods.map((p) => ({
            value: p,
            label: t(`obstacles.dashboard.period.${p}`),
          }))}
          value={period}
          onChange={(e) => onChange({ by, period: e.target.value as TrendPeriod })}
        />
      </div>
      {bars.length ? (
        <Suspense fallback={null}>
          <TrendChart bars={bars} label={t('obstacles.dashboard.trendChart', { by: by_, per })} />
        </Suspense>
      ) : null}
      {periods.length ? (
        <Table caption={t('obstacles.dashboard.trendTable', { by: by_, per })}>
          <TableHead
            columns={[t(`obstacles.columns.${trend.period}`), ...groups.map(([, l]) => l)]}
          />
          <tbody className="utrecht-table__body">
            {periods.map((p) => (
              <tr key={p} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {p}
                </th>
                {groups.map(([key]) => {
                  const cell = trend.cells.find((c) => c.period === p && c.key === key);
                  return (
                    <td key={key} className="utrecht-table__cell">
                      {cell ? count(cell.count) : '0'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="utrecht-paragraph">{t('obstacles.dashboard.noTrend')}</p>
      )}
    </section>
  );
}
