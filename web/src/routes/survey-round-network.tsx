import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { NetworkView } from '../features/network/network-view.tsx';
import { roundExportUrl, roundNetworkQuery, roundQuery } from '../features/surveys/data.ts';
import { useFormat } from '../lib/format.ts';
import { canExportNetwork } from '../lib/roles.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

const files = [
  ['network.gexf', 'gexf'],
  ['network.graphml', 'graphml'],
  ['network-nodes.csv', 'nodes'],
  ['network-edges.csv', 'edges'],
] as const;

/** The network of a closed survey round: its frozen ties with PARTNER trust and value. */
export const surveyRoundNetworkRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'netwerkmetingen/$roundId/netwerk',
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(roundQuery(params.slug, params.roundId)),
      context.queryClient.ensureQueryData(roundNetworkQuery(params.slug, params.roundId)),
    ]),
  component: SurveyRoundNetworkPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('surveys.network.crumb') },
});

function SurveyRoundNetworkPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const { roundId } = surveyRoundNetworkRoute.useParams();
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
