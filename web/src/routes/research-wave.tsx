import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, StatusMessage } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { Page } from '../components/page.tsx';
import { PendingPage, RouteError } from '../components/status-pages.tsx';
import {
  studyQuery,
  useUpdateWave,
  useWaveTransition,
  waveQuery,
  wavesQuery,
} from '../features/research/api.ts';
import { InvitationsSection } from '../features/research/invitations.tsx';
import { ItemBuilder } from '../features/research/item-builder.tsx';
import { WaveForm } from '../features/research/wave-form.tsx';
import { focusMainHeading } from '../lib/focus.ts';
import { useFormat } from '../lib/format.ts';
import { problemMessage } from '../lib/problems.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** One wave: details, open/close, the questionnaire builder and the invitations. */
export const researchWaveRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onderzoek/$studyId/golven/$waveId',
  loader: async ({ context, params }) => {
    await Promise.all([
      context.queryClient.ensureQueryData(studyQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(wavesQuery(params.slug, params.studyId)),
      context.queryClient.ensureQueryData(waveQuery(params.slug, params.studyId, params.waveId)),
    ]);
  },
  component: ResearchWavePage,
  errorComponent: RouteError,
  staticData: {
    crumb: ({ params, queryClient }) =>
      queryClient.getQueryData(
        waveQuery(params.slug ?? '', params.studyId ?? '', params.waveId ?? '').queryKey,
      )?.title ?? '',
  },
});

function ResearchWavePage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { studyId, waveId } = researchWaveRoute.useParams();
  const { data: study } = useSuspenseQuery(studyQuery(slug, studyId));
  const { data: wave } = useSuspenseQuery(waveQuery(slug, studyId, waveId));
  const { data: waves } = useSuspenseQuery(wavesQuery(slug, studyId));
  const transition = useWaveTransition(slug, studyId, waveId);
  const update = useUpdateWave(slug, studyId, waveId);
  const format = useFormat();
  const [confirmClose, setConfirmClose] = useState(false);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Opening and closing remove the clicked button: focus goes to the h1 once re-rendered.
  const focusHeading = useRef(false);
  useEffect(() => {
    if (!focusHeading.current || confirmClose) return;
    focusHeading.current = false;
    focusMainHeading();
  });
  const run = (to: 'open' | 'close') =>
    transition.mutate(to, {
      onSuccess: () => {
        setConfirmClose(false);
        focusHeading.current = true;
        setMessage(t(`research.wave.done.${to}`));
      },
      onError: () => setConfirmClose(false),
    });
  const canOpen = wave.status === 'draft' && wave.source === 'platform';
  const canClose = wave.status === 'open' || (wave.status === 'draft' && wave.source === 'import');
  return (
    <Page title={wave.title} lead={t(`research.wave.lead.${wave.source}`, { study: study.title })}>
      <StatusMessage message={message} />
      {transition.error ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(transition.error, t)}</p>
        </Alert>
      ) : null}
      {wave.description ? <p className="utrecht-paragraph">{wave.description}</p> : null}
      <dl className="utrecht-data-list utrecht-data-list--rows">
        {[
          [t('research.waves.columns.status'), t(`research.waveStatus.${wave.status}`)],
          [t('research.waves.columns.source'), t(`research.waveSource.${wave.source}`)],
          [
            t('research.waves.columns.period'),
            wave.endsOn
              ? t('research.waves.period', {
                  from: format.date(wave.startsOn),
                  to: format.date(wave.endsOn),
                })
              : format.date(wave.startsOn),
          ],
          [
            t('research.waves.columns.response'),
            t('research.wave.counts', {
              invited: wave.invitedCount,
              started: wave.startedCount,
              submitted: wave.submittedCount,
              respondents: wave.respondentCount,
            }),
          ],
        ].map(([key, value]) => (
          <div key={key} className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{key}</dt>
            <dd className="utrecht-data-list__item-value">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="utrecht-button-group">
        {canOpen ? (
          <Button pending={transition.isPending} onClick={() => run('open')}>
            {t('research.wave.open')}
          </Button>
        ) : null}
        {canClose ? (
          <Button variant="secondary" onClick={() => setConfirmClose(true)}>
            {t('research.wave.close')}
          </Button>
        ) : null}
        <Button
          variant="secondary"
          aria-expanded={editing}
          aria-controls={editing ? 'wave-edit-section' : undefined}
          onClick={() => {
            update.reset();
            setEditing(!editing);
          }}
        >
          {t('research.wave.edit')}
        </Button>
      </div>
      {canOpen ? <p className="utrecht-paragraph">{t('research.wave.openHint')}</p> : null}
      {wave.source === 'import' ? (
        <p className="utrecht-paragraph">
          <Link
            to="/w/$slug/onderzoek/$studyId/golven/$waveId/import"
            params={{ slug, studyId, waveId }}
            className="utrecht-link utrecht-link--html-a"
          >
            {t('research.wave.import')}
          </Link>
        </p>
      ) : null}
      {editing ? (
        <section className="wd-section" id="wave-edit-section" aria-labelledby="wave-edit">
          <h2 className="utrecht-heading-2" id="wave-edit">
            {t('research.wave.editTitle')}
          </h2>
          <WaveForm
            wave={wave}
            submitLabel={t('research.wave.save')}
            pending={update.isPending}
            error={update.error}
            onSubmit={(input) =>
              update.mutate(input, {
                onSuccess: () => {
                  setEditing(false);
                  focusHeading.current = true;
                  setMessage(t('research.wave.saved'));
                },
              })
            }
          />
        </section>
      ) : null}
      <ItemBuilder slug={slug} studyId={studyId} wave={wave} otherWaves={waves.items} />
      {wave.source === 'platform' && wave.status !== 'draft' ? (
        <Suspense fallback={<PendingPage />}>
          <InvitationsSection slug={slug} studyId={studyId} wave={wave} />
        </Suspense>
      ) : null}
      <ConfirmDialog
        open={confirmClose}
        title={t('research.wave.closeTitle')}
        confirmLabel={t('research.wave.close')}
        pending={transition.isPending}
        onConfirm={() => run('close')}
        onCancel={() => setConfirmClose(false)}
      >
        <p className="utrecht-paragraph">{t(`research.wave.closeBody.${wave.source}`)}</p>
      </ConfirmDialog>
    </Page>
  );
}
