import { useSuspenseQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { useMoney } from '../../lib/money.ts';
import { dashboardCsvUrl, flowsCsvUrl, fundingDashboardQuery } from './data.ts';

const BarChart = lazy(() => import('./bar-chart.tsx'));

/**
 * Where the money goes, for the workspace or one area: the headline figures, then per instrument,
 * per kind of recipient and by fragmentation a chart with a table of the same numbers. Figures
 * resting on fewer recipients than the threshold come back empty and say so.
 */
export function FundingDashboard({
  slug,
  areaId,
  canExportFlows,
}: {
  slug: string;
  areaId: string | undefined;
  canExportFlows: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const { data } = useSuspenseQuery(fundingDashboardQuery(slug, areaId));
  const hidden = t('funding.dashboard.suppressed', { threshold: data.threshold });
  const show = <T,>(value: T | null, as: (v: T) => string): ReactNode =>
    value === null ? <span className="wd-cell-note">{hidden}</span> : as(value);
  const count = (n: number) => format.number(n);
  const pct = (share: number) => `${format.number(Math.round(share * 1000) / 10)}%`;
  const cents = (c: string) => money(c);
  const days = (d: number) => t('funding.dashboard.days', { days: format.number(d) });
  const num = (n: number) => format.number(n);
  const instrumentBars = data.byInstrument.flatMap((c) =>
    c.share === null ? [] : [{ label: t(`funding.instrument.${c.instrument}`), value: c.share }],
  );
  const kindBars = data.byRecipientKind.flatMap((c) =>
    c.share === null ? [] : [{ label: t(`funding.kind.${c.kind}`), value: c.share }],
  );
  const fragBars = data.fragmentation.distribution.flatMap((c) =>
    c.recipients === null
      ? []
      : [
          {
            label: t('funding.dashboard.instruments', { count: c.instruments }),
            value: c.recipients,
          },
        ],
  );
  const chart = (bars: { label: string; value: number }[], label: string, percent: boolean) =>
    bars.length ? (
      <Suspense fallback={null}>
        <BarChart bars={bars} label={label} percent={percent} />
      </Suspense>
    ) : null;
  return (
    <section aria-labelledby="funding-dashboard">
      <h2 className="utrecht-heading-2" id="funding-dashboard">
        {t('funding.dashboard.title')}
      </h2>
      <p className="utrecht-paragraph">
        {t('funding.dashboard.lead', { threshold: data.threshold })}
      </p>
      {data.suppressed ? (
        <p className="utrecht-paragraph">{t('funding.dashboard.allSuppressed')}</p>
      ) : null}
      <Table caption={t('funding.dashboard.summary')}>
        <TableHead columns={[t('funding.columns.measure'), t('funding.columns.value')]} />
        <tbody className="utrecht-table__body">
          {(
            [
              ['total', show(data.totalCents, cents)],
              ['flows', show(data.flows, count)],
              ['recipients', show(data.recipients, count)],
              ['shareToCarriers', show(data.shareToCarriers, pct)],
              ['shareCore', show(data.shareCore, pct)],
              ['shareProject', show(data.shareProject, pct)],
              ['medianDuration', show(data.medianDurationDays, days)],
              ['meanInstruments', show(data.fragmentation.meanInstruments, num)],
              ['hoursPer1000', show(data.hoursPer1000Euro, num)],
              ['reportsPer10000', show(data.reportsPer10000Euro, num)],
            ] as const
          ).map(([key, value]) => (
            <tr key={key} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {t(`funding.measure.${key}`)}
              </th>
              <td className="utrecht-table__cell">{value}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h3 className="utrecht-heading-3">{t('funding.dashboard.byInstrument')}</h3>
      {chart(instrumentBars, t('funding.dashboard.byInstrumentChart'), true)}
      <Table caption={t('funding.dashboard.byInstrument')} captionHidden>
        <TableHead
          columns={[
            t('funding.columns.instrument'),
            t('funding.columns.amount'),
            t('funding.columns.share'),
            t('funding.columns.flows'),
            t('funding.columns.recipients'),
            t('funding.columns.medianDuration'),
            t('funding.columns.hoursPer1000'),
          ]}
        />
        <tbody className="utrecht-table__body">
          {data.byInstrument.map((c) => (
            <tr key={c.instrument} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {t(`funding.instrument.${c.instrument}`)}
              </th>
              <td className="utrecht-table__cell">{show(c.cents, cents)}</td>
              <td className="utrecht-table__cell">{show(c.share, pct)}</td>
              <td className="utrecht-table__cell">{show(c.flows, count)}</td>
              <td className="utrecht-table__cell">{show(c.recipients, count)}</td>
              <td className="utrecht-table__cell">{show(c.medianDurationDays, days)}</td>
              <td className="utrecht-table__cell">{show(c.hoursPer1000Euro, num)}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h3 className="utrecht-heading-3">{t('funding.dashboard.byKind')}</h3>
      {chart(kindBars, t('funding.dashboard.byKindChart'), true)}
      <Table caption={t('funding.dashboard.byKind')} captionHidden>
        <TableHead
          columns={[
            t('funding.columns.kind'),
            t('funding.columns.amount'),
            t('funding.columns.share'),
            t('funding.columns.flows'),
            t('funding.columns.recipients'),
          ]}
        />
        <tbody className="utrecht-table__body">
          {data.byRecipientKind.map((c) => (
            <tr key={c.kind} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {t(`funding.kind.${c.kind}`)}
              </th>
              <td className="utrecht-table__cell">{show(c.cents, cents)}</td>
              <td className="utrecht-table__cell">{show(c.share, pct)}</td>
              <td className="utrecht-table__cell">{show(c.flows, count)}</td>
              <td className="utrecht-table__cell">{show(c.recipients, count)}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h3 className="utrecht-heading-3">{t('funding.dashboard.fragmentation')}</h3>
      <p className="utrecht-paragraph">{t('funding.dashboard.fragmentationLead')}</p>
      {chart(fragBars, t('funding.dashboard.fragmentationChart'), false)}
      <Table caption={t('funding.dashboard.fragmentation')} captionHidden>
        <TableHead
          columns={[t('funding.columns.instrumentCount'), t('funding.columns.recipients')]}
        />
        <tbody className="utrecht-table__body">
          {data.fragmentation.distribution.map((c) => (
            <tr key={c.instruments} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {t('funding.dashboard.instruments', { count: c.instruments })}
              </th>
              <td className="utrecht-table__cell">{show(c.recipients, count)}</td>
            </tr>
          ))}
        </tbody>
      </Table>

      <h3 className="utrecht-heading-3">{t('funding.dashboard.downloads')}</h3>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          <a
            className="utrecht-link utrecht-link--html-a"
            href={dashboardCsvUrl(slug, areaId)}
            download
          >
            {t('funding.dashboard.csv')}
          </a>
        </li>
        {canExportFlows ? (
          <li className="utrecht-unordered-list__item">
            <a className="utrecht-link utrecht-link--html-a" href={flowsCsvUrl(slug)} download>
              {t('funding.dashboard.flowsCsv')}
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
