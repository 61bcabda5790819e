import { useSuspenseQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableHead } from '../../components/table.tsx';
import { obstacleDashboardQuery, reportUrl } from './data.ts';
import type { DashboardCell, ObstacleCategory, ObstacleStatus } from './types.ts';

const CategoryChart = lazy(() => import('./category-chart.tsx'));

/** The policy dashboard: a chart with the same numbers in tables, and the yearly report. */
export function ObstacleDashboard({ slug, year }: { slug: string; year: number }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(obstacleDashboardQuery(slug));
  const threshold = data.threshold;
  const count = (n: number | null) =>
    n === null ? t('obstacles.dashboard.suppressed', { threshold }) : String(n);
  const days = (d: { medianDays: number | null }) =>
    d.medianDays === null
      ? t('obstacles.dashboard.tooFew')
      : t('obstacles.dashboard.days', { days: d.medianDays });
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
  return (
    <section aria-labelledby="obstacle-dashboard">
      <h2 className="utrecht-heading-2" id="obstacle-dashboard">
        {t('obstacles.dashboard.title')}
      </h2>
      <p className="utrecht-paragraph">{t('obstacles.dashboard.lead', { threshold })}</p>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          {t('obstacles.dashboard.total', { total: count(data.total) })}
        </li>
        <li className="utrecht-unordered-list__item">
          {t('obstacles.dashboard.firstResponse', { value: days(data.timeToFirstResponse) })}
        </li>
        <li className="utrecht-unordered-list__item">
          {t('obstacles.dashboard.resolution', { value: days(data.timeToResolution) })}
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
      <h3 className="utrecht-heading-3">{t('obstacles.dashboard.report', { year })}</h3>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          <a
            className="utrecht-link utrecht-link--html-a"
            href={reportUrl(slug, year, 'html')}
            download
          >
            {t('obstacles.dashboard.reportHtml', { year })}
          </a>
        </li>
        <li className="utrecht-unordered-list__item">
          <a
            className="utrecht-link utrecht-link--html-a"
            href={reportUrl(slug, year, 'csv')}
            download
          >
            {t('obstacles.dashboard.reportCsv', { year })}
          </a>
        </li>
      </ul>
    </section>
  );
}
