import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, StatusMessage } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import {
  participantsQuery,
  studyQuery,
  teamQuery,
  useChangeStudyStatus,
  wavesQuery,
} from '../features/research/api.ts';
import { StudyLinks } from '../features/research/study-links.tsx';
import { TeamSection } from '../features/research/team.tsx';
import { useFormat } from '../lib/format.ts';
import { problemMessage } from '../lib/problems.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** One study: status, team, counts and links to its pages. */
export const researchStudyRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onderzoek/$studyId',
  loader: async ({ context, params }) => {
    await Promise.all([
      context.queryClient.ensureQueryData(studyQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(teamQuery(params.slug, params.studyId)),
    ]);
  },
  component: ResearchStudyPage,
  errorComponent: RouteError,
  staticData: {
    crumb: ({ params, queryClient }) =>
      queryClient.getQueryData(studyQuery(params.slug ?? '', params.studyId ?? '').queryKey)
        ?.title ?? '',
  },
});

function ResearchStudyPage() {
  const { t } = useTranslation();
  const { slug, role } = useWorkspace();
  const { studyId } = researchStudyRoute.useParams();
  const { data: study } = useSuspenseQuery(studyQuery(slug, studyId));
  const format = useFormat();
  const onTeam = study.myRole !== null;
  // Participants and waves are the team's: admins outside the team see neither.
  const participants = useQuery({ ...participantsQuery(slug, studyId), enabled: onTeam });
  const waves = useQuery({ ...wavesQuery(slug, studyId), enabled: onTeam });
  const status = useChangeStudyStatus(slug, studyId);
  const [message, setMessage] = useState<string | null>(null);
  const next = study.status === 'draft' ? 'active' : study.status === 'active' ? 'closed' : null;
  const count = (n: number | undefined) => (n === undefined ? '–' : format.number(n));
  const rows: [string, string][] = [
    [t('research.study.status'), t(`research.studyStatus.${study.status}`)],
    [t('research.study.steward'), study.steward?.displayName ?? t('research.study.noSteward')],
    [
      t('research.study.myRole'),
      study.myRole ? t(`research.role.${study.myRole}`) : t('research.role.none'),
    ],
    [t('research.study.created'), format.date(study.createdAt)],
  ];
  if (onTeam) {
    const list = participants.data;
    rows.push(
      [t('research.study.participants'), count(list?.length)],
      [t('research.study.consenting'), count(list?.filter((p) => p.mayCollect).length)],
      [t('research.study.waves'), count(waves.data?.items.length)],
      [
        t('research.study.responses'),
        count(waves.data?.items.reduce((sum, w) => sum + w.respondentCount, 0)),
      ],
    );
  }
  return (
    <Page title={study.title} lead={study.description ?? undefined}>
      <StatusMessage message={message} />
      {status.error ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(status.error, t)}</p>
        </Alert>
      ) : null}
      <dl className="utrecht-data-list utrecht-data-list--rows">
        {rows.map(([key, value]) => (
          <div key={key} className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{key}</dt>
            <dd className="utrecht-data-list__item-value">{value}</dd>
          </div>
        ))}
      </dl>
      {role === 'admin' && next ? (
        <p className="utrecht-paragraph">
          <Button
            variant="secondary"
            pending={status.isPending}
            onClick={() =>
              status.mutate(next, {
                onSuccess: () => setMessage(t(`research.study.statusChanged.${next}`)),
              })
            }
          >
            {t(`research.study.toStatus.${next}`)}
          </Button>
        </p>
      ) : null}
      {onTeam ? (
        <StudyLinks slug={slug} studyId={studyId} />
      ) : (
        <p className="utrecht-paragraph">{t('research.study.notOnTeam')}</p>
      )}
      <TeamSection slug={slug} study={study} isAdmin={role === 'admin'} />
    </Page>
  );
}
