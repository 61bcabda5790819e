import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useMoney } from '../../lib/money.ts';
import { balanceQuery } from './data.ts';
import { partyKindLabel } from './labels.ts';
import type { Balance, BalanceParts, BalanceReason } from './types.ts';

const TrendChart = lazy(() => import('./trend-chart.tsx'));

const partKeys = [
  'representation',
  'voteConcentration',
  'contributionConcentration',
  'majority',
  'perceivedPower',
] as const;

/** Scores with two decimals and shares as whole percentages, in the interface language. */
function useNumbers() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'nl-NL';
  return useMemo(() => {
    const two = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return {
      score: (n: number | null, none: string) => (n === null ? none : two.format(n)),
      pct: (n: number | null, none: string) => (n === null ? none : pct.format(n)),
    };
  }, [locale]);
}

/** The balance index of an alliance: the flag, every part in plain words, and the trend. */
export function BalanceSection({ slug, allianceId }: { slug: string; allianceId: string }) {
  const { t } = useTranslation();
  const { data, isError } = useQuery(balanceQuery(slug, allianceId));
  return (
    <section className="wd-section" aria-labelledby="alliance-balance">
      <h2 className="utrecht-heading-2" id="alliance-balance">
        {t('alliances.balance.title')}
      </h2>
      <p className="utrecht-paragraph">{t('alliances.balance.lead')}</p>
      {isError ? (
        <p className="utrecht-paragraph">{t('alliances.balance.failed')}</p>
      ) : !data ? (
        <p className="utrecht-paragraph">{t('common.loading')}</p>
      ) : (
        <BalanceView b={data} />
      )}
    </section>
  );
}

function BalanceView({ b }: { b: Balance }) {
  const { t } = useTranslation();
  const n = useNumbers();
  const money = useMoney();
  const none = t('alliances.balance.none');
  const nameOf = (memberId: string | null | undefined) =>
    b.members.find((m) => m.memberId === memberId)?.actorName ?? t('alliances.members.hidden');
  const reason = (r: BalanceReason) =>
    t(`alliances.balance.reason.${r.code}`, {
      value:
        r.code.includes('underrepresented') || r.code === 'single-majority'
          ? n.pct(r.value, none)
          : n.score(r.value, none),
      limit:
        r.code.includes('underrepresented') || r.code === 'single-majority'
          ? n.pct(r.limit, none)
          : n.score(r.limit, none),
      name: nameOf(r.memberId),
    });
  const explain = (key: (typeof partKeys)[number], p: BalanceParts) => {
    switch (key) {
      case 'representation':
        return t('alliances.balance.explain.representation', {
          members: n.pct(p.representation.memberShare, none),
          seats: n.pct(p.representation.seatShare, none),
          votes: n.pct(p.representation.voteShare, none),
        });
      case 'voteConcentration':
        return t('alliances.balance.explain.voteConcentration', {
          hhi: n.score(p.voteConcentration.hhi, none),
          gini: n.score(p.voteConcentration.gini, none),
        });
      case 'contributionConcentration':
        return t('alliances.balance.explain.contributionConcentration', {
          total: money(p.contributionConcentration.totalCents),
          hhi: n.score(p.contributionConcentration.hhi, none),
          gini: n.score(p.contributionConcentration.gini, none),
        });
      case 'majority':
        return p.majority.memberId
          ? t('alliances.balance.explain.majority', {
              name: nameOf(p.majority.memberId),
              share: n.pct(p.majority.share, none),
            })
          : t('alliances.balance.explain.noMajority');
      case 'perceivedPower':
        return b.perceivedPowerAvailable && p.perceivedPower.score !== null
          ? t('alliances.balance.explain.perceivedPower', {
              small: n.score(p.perceivedPower.meanSmall, none),
              large: n.score(p.perceivedPower.meanLarge, none),
            })
          : t('alliances.balance.explain.perceivedPowerLater');
    }
  };
  const points = b.trend.map((p) => ({ period: p.period, index: p.index }));
  return (
    <>
      <p className="utrecht-paragraph">
        <strong>
          {t('alliances.balance.index', {
            index: n.score(b.index, none),
            threshold: n.score(b.threshold, none),
          })}
        </strong>{' '}
        <span className="wd-badge">
          {b.index === null
            ? t('alliances.balance.unknown')
            : b.unbalanced
              ? t('alliances.balance.unbalanced')
              : t('alliances.balance.balanced')}
        </span>
      </p>
      {b.unbalanced ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('alliances.balance.flagLead')}</p>
          <ul className="utrecht-unordered-list">
            {b.reasons.map((r, i) => (
              <li key={i} className="utrecht-unordered-list__item">
                {reason(r)}
              </li>
            ))}
          </ul>
        </Alert>
      ) : b.reasons.length ? (
        <ul className="utrecht-unordered-list">
          {b.reasons.map((r, i) => (
            <li key={i} className="utrecht-unordered-list__item">
              {reason(r)}
            </li>
          ))}
        </ul>
      ) : null}
      <Table caption={t('alliances.balance.partsCaption')}>
        <TableHead
          columns={[
            t('alliances.balance.columns.part'),
            t('alliances.balance.columns.score'),
            t('alliances.balance.columns.weight'),
            t('alliances.balance.columns.meaning'),
          ]}
        />
        <tbody className="utrecht-table__body">
          {partKeys.map((key) => (
            <tr key={key} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {t(`alliances.balance.part.${key}`)}
              </th>
              <td className="utrecht-table__cell">{n.score(b.parts[key].score, none)}</td>
              <td className="utrecht-table__cell">{n.pct(b.parts[key].weight, none)}</td>
              <td className="utrecht-table__cell">
                {t(`alliances.balance.question.${key}`)} {explain(key, b.parts)}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {b.members.length ? (
        <Table caption={t('alliances.balance.membersCaption')}>
          <TableHead
            columns={[
              t('alliances.members.actor'),
              t('alliances.members.kind'),
              t('alliances.members.seats'),
              t('alliances.members.votes'),
              t('alliances.balance.columns.contributed'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {b.members.map((m) => (
              <tr key={m.memberId} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {m.actorName ?? t('alliances.members.hidden')}
                </th>
                <td className="utrecht-table__cell">{partyKindLabel(m.kind, t)}</td>
                <td className="utrecht-table__cell">{m.seats}</td>
                <td className="utrecht-table__cell">{m.votes}</td>
                <td className="utrecht-table__cell">{money(m.contributionCents)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      <h3 className="utrecht-heading-3">{t('alliances.balance.trendTitle')}</h3>
      {b.trend.length === 0 ? (
        <p className="utrecht-paragraph">{t('alliances.balance.trendEmpty')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('alliances.balance.trendLead')}</p>
          <Suspense fallback={null}>
            <TrendChart
              points={points}
              threshold={b.threshold}
              label={t('alliances.balance.trendChart', {
                from: b.trend[0]?.period ?? '',
                to: b.trend.at(-1)?.period ?? '',
              })}
            />
          </Suspense>
          <Table caption={t('alliances.balance.trendCaption')}>
            <TableHead
              columns={[
                t('alliances.balance.columns.period'),
                t('alliances.balance.columns.index'),
                t('alliances.balance.part.contributionConcentration'),
                t('alliances.balance.columns.contributed'),
                t('alliances.balance.columns.flag'),
              ]}
            />
            <tbody className="utrecht-table__body">
              {b.trend.map((p) => (
                <tr key={p.period} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {p.period}
                  </th>
                  <td className="utrecht-table__cell">{n.score(p.index, none)}</td>
                  <td className="utrecht-table__cell">
                    {n.score(p.parts.contributionConcentration.score, none)}
                  </td>
                  <td className="utrecht-table__cell">
                    {money(p.parts.contributionConcentration.totalCents)}
                  </td>
                  <td className="utrecht-table__cell">
                    {p.unbalanced
                      ? t('alliances.balance.unbalanced')
                      : t('alliances.balance.balanced')}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </>
  );
}
