import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-fields.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { obstacleDashboardQuery, reportUrl } from './data.ts';
import { TrendSection } from './trend-section.tsx';
import type {
  DashboardCell,
  ObstacleCategory,
  ObstacleStatus,
  TrendBy,
  TrendPeriod,
} from './types.ts';

const CategoryChart = lazy(() => import('./category-chart.tsx'));

/** The last five years, newest first: what the year choice offers. */
const recentYears = (now: number) => Array.from({ length: 5 }, (_, i) => now - i);

/**
 * The policy dashboard of all years or one: charts with the same numbers in tables, response
 * times, and the yearly systeemleren report of the chosen year (this year when all are shown).
 */
export function ObstacleDashboard({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const thisYear = new Date().getUTCFullYear();
  const [chosen, setChosen] = useState('');
  const [trend, setTrend] = useState<{ by: TrendBy; period: TrendPeriod }>({
    by: 'category',
    period: 'month',
  });
  const year = chosen ? Number(chosen) : undefined;
  const reportYear = year ?? thisYear;
  const { data: loaded } = useQuery(obstacleDashboardQuery(slug, year, trend));
  // The route loader fetched all years; while another choice loads, those numbers stay.
  const { data: all } = useQuery({ ...obstacleDashboardQuery(slug), enabled: !loaded });
  const data = loaded ?? all;
  if (!data) return null;
  const threshold = data.threshold;
  const count = (n: number | null) =>
    n === null ? t('obstacles.dashboard.suppressed', { threshold }) : String(n);
  const days = (d: { medianDays: number | null }) =>
    d.medianDays === null
      ? t('obstacles.dashboard.tooFew')
      : t('obstacles.dashboard.days', { days: format.number(d.medianDays) });
  const table = (caption: string, cells: DashboardCell[], label: (c: DashboardCell) => string) =>
    cells.length ? (
      <Table caption={caption}>
        <TableHead
          columns={[
            t('obstacles.columns.group'),
            t('obstacles.columns.count'),
            t('obstacles.columns.endorsements'),
          ]}
        />
        <tbody className="utrecht-table__body">
          {cells.map((c) => (
            <tr key={c.key} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {label(c)}
              </th>
              <td className="utrecht-table__cell">{count(c.count)}</td>
              <td className="utrecht-table__cell">{count(c.endorsements)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    ) : null;
  const categoryLabel = (c: DashboardCell) => t(`obstacles.category.${c.key as ObstacleCategory}`);
  const bars = data.byCategory.flatMap((c) =>
    c.count === null ? [] : [{ label: categoryLabel(c), count: c.count }],
  );
  const n = (d: { n: number | null }) => (d.n === null ? '' : ` (n = ${d.n})`);
  return (
    <section aria-labelledby="obstacle-dashboard">
      <h2 className="utrecht-heading-2" id="obstacle-dashboard">
        {t('obstacles.dashboard.title')}
      </h2>
      <p className="utrecht-paragraph">{t('obstacles.dashboard.lead', { threshold })}</p>
      <SelectField
        spec={{ id: 'dashboard-year', label: t('obstacles.dashboard.year') }}
        options={[
          { value: '', label: t('obstacles.dashboard.allYears') },
          ...recentYears(thisYear).map((y) => ({ value: String(y), label: String(y) })),
        ]}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
      />
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          {t('obstacles.dashboard.total', { total: count(data.total) })}
        </li>
        <li className="utrecht-unordered-list__item">
          {t('obstacles.dashboard.firstResponse', { value: days(data.timeToFirstResponse) })}
          {n(data.timeToFirstResponse)}
        </li>
        <li className="utrecht-unordered-list__item">
          {t('obstacles.dashboard.resolution', { value: days(data.timeToResolution) })}
          {n(data.timeToResolution)}
        </li>
      </ul>
      {bars.length ? (
        <Suspense fallback={null}>
          <CategoryChart bars={bars} label={t('obstacles.dashboard.chart')} />
        </Suspense>
      ) : null}
      {table(t('obstacles.dashboard.byCategory'), data.byCategory, categoryLabel)}
      {table(t('obstacles.dashboard.byStatus'), data.byStatus, (c) =>
        t(`obstacles.status.${c.key as ObstacleStatus}`),
      )}
      {table(t('obstacles.dashboard.byOwner'), data.byOwner, (c) => c.label)}
      {table(t('obstacles.dashboard.byArea'), data.byArea, (c) => c.label)}
      {table(t('obstacles.dashboard.byDomain'), data.byDomain, (c) => c.label)}
      <TrendSection
        trend={data.trend}
        count={count}
        by={trend.by}
        period={trend.period}
        onChange={setTrend}
      />
      <h3 className="utrecht-heading-3">{t('obstacles.dashboard.report', { year: reportYear })}</h3>
      <ul className="utrecht-unordered-list">
        {(
          [
            ['html', 'obstacles.dashboard.reportHtml'],
            ['pdf', 'obstacles.dashboard.reportPdf'],
            ['csv', 'obstacles.dashboard.reportCsv'],
          ] as const
        ).map(([fmt, key]) => (
          <li key={fmt} className="utrecht-unordered-list__item">
            <a
              className="utrecht-link utrecht-link--html-a"
              href={reportUrl(slug, reportYear, fmt)}
              download
            >
              {t(key, { year: reportYear })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
