import { useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { ScoreCharts } from './charts.tsx';
import { checkInAggregatesQuery } from './data.ts';
import { useCheckInFormat } from './format.ts';
import {
  scoreKeys,
  scoreValues,
  type CheckInAggregates as Aggregates,
  type PeriodKind,
  type ScoreKey,
} from './types.ts';
import type { ScorePoint } from './score-chart.tsx';

/**
 * Check-ins in totals only: per period the number of carriers and the mean of each score, as
 * charts and a table of the same numbers; distributions where the server gives them. Periods
 * with too few carriers are named but hidden, with the reason.
 */
export function CheckInAggregates({ slug, period }: { slug: string; period: PeriodKind }) {
  const { t } = useTranslation();
  const number = useFormat().number;
  const format = useCheckInFormat();
  const { data } = useSuspenseQuery(checkInAggregatesQuery(slug, period));
  const hidden = t('checkIns.aggregates.suppressed', { threshold: data.threshold });
  const points = useMemo(
    () =>
      Object.fromEntries(
        scoreKeys.map((key) => [
          key,
          data.periods.map((p) => ({
            key: p.period,
            label: format.period(p.period),
            value: p.measures[key].mean,
          })),
        ]),
      ) as Record<ScoreKey, ScorePoint[]>,
    [data.periods, format],
  );
  return (
    <>
      <p className="utrecht-paragraph">
        {t('checkIns.aggregates.explain', { threshold: data.threshold })}
      </p>
      <p className="utrecht-paragraph">
        {t('checkIns.aggregates.through', { date: format.date(data.publishedThrough) })}
      </p>
      {data.periods.length === 0 ? (
        <p className="utrecht-paragraph">{t('checkIns.aggregates.empty')}</p>
      ) : (
        <>
          <h2 className="utrecht-heading-2">{t('checkIns.aggregates.meansTitle')}</h2>
          <ScoreCharts points={points} />
          <Table caption={t('checkIns.aggregates.meansTitle')} captionHidden>
            <TableHead
              columns={[
                t(`checkIns.aggregates.periodColumn.${period}`),
                t('checkIns.aggregates.carriers'),
                ...scoreKeys.map((key) => t(`checkIns.aggregates.mean.${key}`)),
              ]}
            />
            <tbody className="utrecht-table__body">
              {data.periods.map((p) => (
                <tr key={p.period} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell wd-nowrap">
                    {format.period(p.period)}
                  </th>
                  {p.suppressed || p.carriers === null ? (
                    <td className="utrecht-table__cell" colSpan={1 + scoreKeys.length}>
                      {hidden}
                    </td>
                  ) : (
                    <>
                      <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                        {number(p.carriers)}
                      </td>
                      {scoreKeys.map((key) => {
                        const mean = p.measures[key].mean;
                        return (
                          <td
                            key={key}
                            className="utrecht-table__cell utrecht-table__cell--numeric-data"
                          >
                            {mean === null ? hidden : number(mean)}
                          </td>
                        );
                      })}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
          <Distributions data={data} />
        </>
      )}
    </>
  );
}

/** Carriers per score, only where every chosen score has enough carriers (else not shown). */
function Distributions({ data }: { data: Aggregates }) {
  const { t } = useTranslation();
  const number = useFormat().number;
  const format = useCheckInFormat();
  const rows = data.periods.flatMap((p) =>
    scoreKeys.flatMap((key) => {
      const distribution = p.measures[key].distribution;
      return distribution ? [{ period: p.period, key, distribution }] : [];
    }),
  );
  return (
    <>
      <h2 className="utrecht-heading-2">{t('checkIns.aggregates.distributionTitle')}</h2>
      <p className="utrecht-paragraph">
        {t('checkIns.aggregates.distributionLead', { threshold: data.threshold })}
      </p>
      {rows.length === 0 ? (
        <p className="utrecht-paragraph">{t('checkIns.aggregates.noDistributions')}</p>
      ) : (
        <Table caption={t('checkIns.aggregates.distributionTitle')} captionHidden>
          <TableHead
            columns={[
              t(`checkIns.aggregates.periodColumn.${data.period}`),
              t('checkIns.aggregates.measure'),
              ...scoreValues.map((v) => t('checkIns.aggregates.scoreColumn', { value: v })),
            ]}
          />
          <tbody className="utrecht-table__body">
            {rows.map((r) => (
              <tr key={`${r.period}-${r.key}`} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell wd-nowrap">
                  {format.period(r.period)}
                </th>
                <td className="utrecht-table__cell">{t(`checkIns.score.${r.key}.label`)}</td>
                {scoreValues.map((v, i) => (
                  <td key={v} className="utrecht-table__cell utrecht-table__cell--numeric-data">
                    {number(r.distribution[i] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
