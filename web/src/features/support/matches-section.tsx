import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { problemMessage } from '../../lib/problems.ts';
import { usePerMonth, usePeriod } from './amount.ts';
import { matchesQuery, needQuery, offerQuery, useDecideMatch } from './data.ts';
import type { Match } from './types.ts';

/** The other party of a match: the offer (title and provider) or the need's requester. */
function Party({ slug, match, show }: { slug: string; match: Match; show: 'offer' | 'need' }) {
  const { t } = useTranslation();
  const offer = useQuery({ ...offerQuery(slug, match.offerId), enabled: show === 'offer' });
  const need = useQuery({ ...needQuery(slug, match.needId), enabled: show === 'need' });
  if (show === 'offer')
    return offer.data ? (
      <TextLink to="/w/$slug/steun/aanbod/$offerId" params={{ slug, offerId: match.offerId }}>
        {`${offer.data.title} · ${offer.data.providerName}`}
      </TextLink>
    ) : (
      <>{t(`support.type.${match.type}`)}</>
    );
  return need.data ? (
    <TextLink to="/w/$slug/steun/hulpvragen/$needId" params={{ slug, needId: match.needId }}>
      {need.data.requesterName}
    </TextLink>
  ) : (
    <>{t(`support.type.${match.type}`)}</>
  );
}

/**
 * The proposed and decided matches of a need or an offer: who accepted, and buttons to accept (for
 * the side the viewer may act for) or decline. The second acceptance makes the commitment.
 */
export function MatchesSection({
  slug,
  filter,
}: {
  slug: string;
  /** A need's matches show their offers; an offer's matches show their needs. */
  filter: { needId: string } | { offerId: string };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const perMonth = usePerMonth();
  const period = usePeriod();
  const { data } = useSuspenseQuery(matchesQuery(slug, filter));
  const decide = useDecideMatch(slug);
  const accepted = (at: string | null) =>
    at ? t('support.match.acceptedOn', { date: format.date(at) }) : t('support.match.waiting');
  const done = decide.data
    ? decide.data.commitmentId
      ? t('support.match.committed')
      : decide.data.status === 'declined'
        ? t('support.match.declinedMessage')
        : t('support.match.acceptedMessage')
    : null;
  return (
    <section aria-labelledby="matches-title">
      <h2 className="utrecht-heading-2" id="matches-title">
        {t('support.match.listTitle')}
      </h2>
      <StatusMessage message={done} />
      {decide.isError ? (
        <p className="utrecht-paragraph" role="alert">
          {problemMessage(decide.error, t)}
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('support.match.noneProposed')}</p>
      ) : (
        <Table caption={t('support.match.tableCaption')} captionHidden>
          <TableHead
            columns={[
              t('support.columns.with'),
              t('support.columns.amount'),
              t('support.columns.status'),
              t('support.match.provider'),
              t('support.match.recipient'),
              t('support.columns.actions'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((m) => (
              <tr key={m.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <Party slug={slug} match={m} show={'needId' in filter ? 'offer' : 'need'} />
                </th>
                <td className="utrecht-table__cell">
                  {perMonth(m.amountPerMonth, m.unit)}
                  <br />
                  {period(format, m.startDate, m.endDate)}
                </td>
                <td className="utrecht-table__cell">{t(`support.matchStatus.${m.status}`)}</td>
                <td className="utrecht-table__cell">{accepted(m.providerAcceptedAt)}</td>
                <td className="utrecht-table__cell">{accepted(m.recipientAcceptedAt)}</td>
                <td className="utrecht-table__cell">
                  {m.commitmentId ? (
                    <TextLink
                      to="/w/$slug/steun/toezeggingen/$commitmentId"
                      params={{ slug, commitmentId: m.commitmentId }}
                    >
                      {t('support.match.toCommitment')}
                    </TextLink>
                  ) : m.status === 'proposed' ? (
                    <span className="utrecht-button-group">
                      {m.canAcceptFor.map((side) => (
                        <Button
                          key={side}
                          pending={decide.isPending}
                          onClick={() => decide.mutate({ id: m.id, side })}
                        >
                          {t(`support.match.acceptAs.${side}`)}
                        </Button>
                      ))}
                      {m.canAcceptFor.length ? (
                        <Button
                          variant="secondary"
                          pending={decide.isPending}
                          onClick={() => decide.mutate({ id: m.id, side: 'reject' })}
                        >
                          {t('support.match.decline')}
                        </Button>
                      ) : null}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
