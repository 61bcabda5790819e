import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableHead } from '../../components/table.tsx';
import { changeBins, changeSummary, distributionRows } from './comparison.ts';
import type { ComparedItem, Comparison } from './types.ts';

const GroupedShares = lazy(() =>
  import('./charts.tsx').then((m) => ({ default: m.GroupedShares })),
);
const ChangeHistogram = lazy(() =>
  import('./charts.tsx').then((m) => ({ default: m.ChangeHistogram })),
);

const numericCell = 'utrecht-table__cell utrecht-table__cell--numeric-data';

function useNumbers() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'nl-NL';
  return useMemo(() => {
    const two = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const signed = new Intl.NumberFormat(locale, {
      maximumFractionDigits: 2,
      signDisplay: 'exceptZero',
    });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return {
      value: (n: number | null) => (n === null ? '–' : two.format(n)),
      change: (n: number | null) => (n === null ? '–' : signed.format(n)),
      percent: (n: number | null) => (n === null ? '–' : percent.format(n)),
    };
  }, [locale]);
}

/** One item across the waves: statistics, the distribution per wave and the paired change. */
export function ComparisonItem({
  item,
  waves,
}: {
  item: ComparedItem;
  waves: Comparison['waves'];
}) {
  const { t, i18n } = useTranslation();
  const n = useNumbers();
  const titleOf = (id: string) => waves.find((w) => w.id === id)?.title ?? '';
  const prompt = i18n.resolvedLanguage === 'en' && item.promptEn ? item.promptEn : item.promptNl;
  const rows = useMemo(() => distributionRows(item), [item]);
  const waveTitles = useMemo(
    () => item.waves.map((w) => waves.find((x) => x.id === w.waveId)?.title ?? ''),
    [item.waves, waves],
  );
  const shareBars = useMemo(
    () =>
      rows.flatMap((r) =>
        r.cells.map((c, i) => ({ label: r.label, wave: waveTitles[i] ?? '', value: c.share ?? 0 })),
      ),
    [rows, waveTitles],
  );
  const paired = item.paired;
  const bins = useMemo(() => (paired ? changeBins(paired.changes) : []), [paired]);
  const numeric = item.kind === 'likert' || item.kind === 'number';
  const id = `item-${item.code}`;
  return (
    <section className="wd-section" aria-labelledby={id}>
      <h2 className="utrecht-heading-2" id={id}>
        <code className="utrecht-code">{item.code}</code> {prompt}
      </h2>
      <p className="utrecht-paragraph">{t(`researchAnalysis.kind.${item.kind}`)}</p>
      <Table caption={t('researchAnalysis.comparison.statsCaption', { code: item.code })}>
        <TableHead
          columns={[
            t('researchAnalysis.fields.wave'),
            t('researchAnalysis.comparison.n'),
            ...(numeric
              ? [
                  t('researchAnalysis.comparison.mean'),
                  t('researchAnalysis.comparison.median'),
                  t('researchAnalysis.comparison.sd'),
                ]
              : []),
          ]}
        />
        <tbody className="utrecht-table__body">
          {item.waves.map((w) => (
            <tr key={w.waveId} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {titleOf(w.waveId)}
              </th>
              <td className={numericCell}>{w.n}</td>
              {numeric ? (
                <>
                  <td className={numericCell}>{n.value(w.mean)}</td>
                  <td className={numericCell}>{n.value(w.median)}</td>
                  <td className={numericCell}>{n.value(w.sd)}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>

      {rows.length > 0 ? (
        <>
          <h3 className="utrecht-heading-3">{t('researchAnalysis.comparison.distribution')}</h3>
          <Suspense fallback={null}>
            <GroupedShares
              bars={shareBars}
              waves={waveTitles}
              label={t('researchAnalysis.comparison.distributionChart', { code: item.code })}
            />
          </Suspense>
          <Table
            caption={t('researchAnalysis.comparison.distributionCaption', { code: item.code })}
          >
            <TableHead
              columns={[
                t('researchAnalysis.comparison.value'),
                ...waveTitles.flatMap((title) => [
                  t('researchAnalysis.comparison.count', { wave: title }),
                  t('researchAnalysis.comparison.share', { wave: title }),
                ]),
              ]}
            />
            <tbody className="utrecht-table__body">
              {rows.map((r) => (
                <tr key={r.value} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {r.label}
                  </th>
                  {r.cells.flatMap((c, i) => [
                    <td key={`${i}-c`} className={numericCell}>
                      {c.count}
                    </td>,
                    <td key={`${i}-s`} className={numericCell}>
                      {n.percent(c.share)}
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}

      {paired ? (
        <>
          <h3 className="utrecht-heading-3">
            {t('researchAnalysis.comparison.pairedTitle', {
              from: titleOf(paired.fromWaveId),
              to: titleOf(paired.toWaveId),
            })}
          </h3>
          <p className="utrecht-paragraph">
            {t('researchAnalysis.comparison.pairedSummary', {
              count: paired.n,
              mean: n.change(paired.meanChange),
              ...changeSummary(paired.changes),
            })}
          </p>
          {bins.length > 0 ? (
            <Suspense fallback={null}>
              <ChangeHistogram
                bins={bins}
                label={t('researchAnalysis.comparison.changeChart', { code: item.code })}
              />
            </Suspense>
          ) : null}
          {paired.changes.length > 0 ? (
            <details className="wd-stack-item">
              <summary>
                {t('researchAnalysis.comparison.perParticipant', { count: paired.changes.length })}
              </summary>
              <Table caption={t('researchAnalysis.comparison.pairedCaption', { code: item.code })}>
                <TableHead
                  columns={[
                    t('researchAnalysis.fields.participant'),
                    titleOf(paired.fromWaveId),
                    titleOf(paired.toWaveId),
                    t('researchAnalysis.comparison.change'),
                  ]}
                />
                <tbody className="utrecht-table__body">
                  {paired.changes.map((c) => (
                    <tr key={c.pseudonym} className="utrecht-table__row">
                      <th scope="row" className="utrecht-table__header-cell wd-monospace">
                        {c.pseudonym}
                      </th>
                      <td className={numericCell}>{c.from ?? '–'}</td>
                      <td className={numericCell}>{c.to ?? '–'}</td>
                      <td className={numericCell}>{n.change(c.change)}</td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
