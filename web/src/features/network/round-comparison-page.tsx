import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Page } from '../../components/page.tsx';
import type { SurveyRound } from '../surveys/types.ts';
import { ComparisonView } from './comparison-view.tsx';
import { PartnerDeltas } from './partner-deltas.tsx';
import { closedRoundsQuery, roundComparisonQuery, roundPair } from './round-comparison-data.ts';
import { RoundComparisonForm } from './round-comparison-form.tsx';

/**
 * Two closed survey rounds compared: the choice of rounds, the network and per-actor deltas of
 * their frozen snapshots, and the PARTNER trust and value deltas.
 */
export function RoundComparisonPage({
  slug,
  fromId,
  toId,
}: {
  slug: string;
  fromId: string | undefined;
  toId: string | undefined;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: rounds } = useSuspenseQuery(closedRoundsQuery(slug));
  const pair = roundPair(rounds, fromId, toId);
  return (
    <Page title={t('network.comparison.rounds.title')} lead={t('network.comparison.rounds.lead')}>
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug/netwerk/vergelijking" params={{ slug }} search={{}}>
          {t('network.compareLink')}
        </TextLink>
      </p>
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug/netwerkmetingen" params={{ slug }}>
          {t('network.comparison.rounds.roundsLink')}
        </TextLink>
      </p>
      {pair ? (
        <>
          <RoundComparisonForm
            key={`${pair.from.id}|${pair.to.id}`}
            rounds={rounds}
            from={pair.from.id}
            to={pair.to.id}
            onApply={(vanMeting, totMeting) =>
              void navigate({
                to: '/w/$slug/netwerk/vergelijking',
                params: { slug },
                search: { vergelijk: 'metingen', vanMeting, totMeting },
              })
            }
          />
          <RoundDeltas slug={slug} from={pair.from} to={pair.to} />
        </>
      ) : (
        <p className="utrecht-paragraph">{t('network.comparison.rounds.tooFew')}</p>
      )}
    </Page>
  );
}

function RoundDeltas({ slug, from, to }: { slug: string; from: SurveyRound; to: SurveyRound }) {
  const { data } = useSuspenseQuery(roundComparisonQuery(slug, from.id, to.id));
  const titles = { from: from.title, to: to.title };
  return (
    <>
      <ComparisonView slug={slug} data={data} rounds={titles} />
      <PartnerDeltas slug={slug} data={data} rounds={titles} />
    </>
  );
}
