import { useSuspenseQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '../../components/table.tsx';
import { frequenciesQuery } from './data.ts';

const StackedWaveBars = lazy(() =>
  import('./charts.tsx').then((m) => ({ default: m.StackedWaveBars })),
);

/** Code frequencies per wave: segments and participants per code, a table and a chart. */
export function Frequencies({ slug, studyId }: { slug: string; studyId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(frequenciesQuery(slug, studyId));
  const waveTitle = (id: string | null, title: string) =>
    id === null ? t('researchAnalysis.frequencies.noWave') : title;
  const waves = useMemo(
    () =>
      data.waves.map((w) => (w.id === null ? t('researchAnalysis.frequencies.noWave') : w.title)),
    [data.waves, t],
  );
  const bars = useMemo(
    () =>
      data.rows.flatMap((r) =>
        r.counts
          .filter((c) => c.segments > 0)
          .map((c) => ({
            label: r.name,
            wave: waves[data.waves.findIndex((w) => w.id === c.waveId)] ?? '',
            value: c.segments,
          })),
      ),
    [data, waves],
  );
  if (data.rows.length === 0) {
    return <p className="utrecht-paragraph">{t('researchAnalysis.frequencies.empty')}</p>;
  }
  return (
    <>
      {bars.length ? (
        <Suspense fallback={null}>
          <StackedWaveBars
            bars={bars}
            waves={waves}
            label={t('researchAnalysis.frequencies.chart')}
          />
        </Suspense>
      ) : null}
      <Table caption={t('researchAnalysis.frequencies.caption')}>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" rowSpan={2} className="utrecht-table__header-cell">
              {t('researchAnalysis.coding.code')}
            </th>
            {data.waves.map((w) => (
              <th
                key={w.id ?? 'none'}
                scope="colgroup"
                colSpan={2}
                className="utrecht-table__header-cell"
              >
                {waveTitle(w.id, w.title)}
              </th>
            ))}
          </tr>
          <tr className="utrecht-table__row">
            {data.waves.flatMap((w) => [
              <th key={`${w.id}-s`} scope="col" className="utrecht-table__header-cell">
                {t('researchAnalysis.frequencies.segments')}
              </th>,
              <th key={`${w.id}-p`} scope="col" className="utrecht-table__header-cell">
                {t('researchAnalysis.frequencies.participants')}
              </th>,
            ])}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {data.rows.map((r) => (
            <tr key={r.codeId} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {'\u00a0\u00a0'.repeat(r.depth)}
                {r.name}
              </th>
              {data.waves.flatMap((w) => {
                const c = r.counts.find((x) => x.waveId === w.id);
                return [
                  <td
                    key={`${w.id}-s`}
                    className="utrecht-table__cell utrecht-table__cell--numeric-data"
                  >
                    {c?.segments ?? 0}
                  </td>,
                  <td
                    key={`${w.id}-p`}
                    className="utrecht-table__cell utrecht-table__cell--numeric-data"
                  >
                    {c?.participants ?? 0}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
