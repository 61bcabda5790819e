import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page.tsx';
import { useFormat } from '../../lib/format.ts';
import { canExportNetwork } from '../../lib/roles.ts';
import { useWorkspace } from '../../routes/workspace.tsx';
import { NetworkView } from '../network/network-view.tsx';
import { roundExportUrl, roundNetworkQuery, roundQuery } from './data.ts';

const route = getRouteApi('/protected/w/$slug/netwerkmetingen/$roundId/netwerk');

const files = [
  ['network.gexf', 'gexf'],
  ['network.graphml', 'graphml'],
  ['network-nodes.csv', 'nodes'],
  ['network-edges.csv', 'edges'],
] as const;

/**
 * The network of a closed survey round: its frozen ties with PARTNER trust and value (loaded with
 * the page, not with the first page of the app).
 */
export function SurveyRoundNetworkPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const { roundId } = route.useParams();
  const { data: round } = useSuspenseQuery(roundQuery(slug, roundId));
  const { data: network } = useSuspenseQuery(roundNetworkQuery(slug, roundId));
  const format = useFormat();
  const fmt = (x: number | null) => (x === null ? '–' : format.number(x));
  return (
    <Page
      title={t('surveys.network.title', { title: round.title })}
      lead={t('surveys.network.lead', { day: format.date(network.asOf) })}
    >
      <p className="utrecht-paragraph">
        {t('surveys.network.scores', {
          trust: fmt(network.network.trust),
          value: fmt(network.network.value),
        })}
      </p>
      <NetworkView slug={slug} network={network} />
      {canExportNetwork(workspace.role) ? (
        <section className="wd-section" aria-labelledby="round-exports">
          <h2 className="utrecht-heading-2" id="round-exports">
            {t('network.exports.title')}
          </h2>
          <ul className="utrecht-unordered-list">
            {files.map(([file, key]) => (
              <li key={file} className="utrecht-unordered-list__item">
                <a
                  className="utrecht-link utrecht-link--html-a"
                  href={roundExportUrl(slug, roundId, file)}
                  download
                >
                  {t(`network.exports.${key}`)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
