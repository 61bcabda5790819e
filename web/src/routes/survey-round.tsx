import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, StatusMessage } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { ButtonLink, TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { Table, TableHead } from '../components/table.tsx';
import { roundQuery, useRoundAction } from '../features/surveys/data.ts';
import { useRate } from '../features/surveys/format.ts';
import { focusMainHeading } from '../lib/focus.ts';
import { useFormat } from '../lib/format.ts';
import { problemMessage } from '../lib/problems.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** One survey round: status, response rate, members' progress; open, remind, close. */
export const surveyRoundRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'netwerkmetingen/$roundId',
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(roundQuery(params.slug, params.roundId)),
  component: SurveyRoundPage,
  errorComponent: RouteError,
  staticData: {
    crumb: ({ params, queryClient }) =>
      queryClient.getQueryData(roundQuery(params.slug ?? '', params.roundId ?? '').queryKey)
        ?.title ?? '',
  },
});

function SurveyRoundPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { roundId } = surveyRoundRoute.useParams();
  const { data: round } = useSuspenseQuery(roundQuery(slug, roundId));
  const action = useRoundAction(slug, roundId);
  const format = useFormat();
  const rate = useRate();
  const [confirmClose, setConfirmClose] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Opening and closing remove the clicked button: focus goes to the h1 once the page re-rendered.
  const focusHeading = useRef(false);
  useEffect(() => {
    if (!focusHeading.current || confirmClose) return;
    focusHeading.current = false;
    focusMainHeading();
  });
  const run = (what: 'opening' | 'closing' | 'reminders') =>
    action.mutate(what, {
      onSuccess: (result) => {
        setConfirmClose(false);
        if (what !== 'reminders') focusHeading.current = true;
        setMessage(
          'reminded' in result
            ? t('surveys.round.reminded', { count: result.reminded })
            : t(`surveys.round.done.${what}`),
        );
      },
      onError: () => setConfirmClose(false),
    });
  return (
    <Page title={round.title} lead={t(`surveys.round.lead.${round.status}`)}>
      <StatusMessage message={message} />
      {action.error ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(action.error, t)}</p>
        </Alert>
      ) : null}
      <dl className="utrecht-data-list utrecht-data-list--rows">
        {[
          [t('surveys.columns.status'), t(`surveys.status.${round.status}`)],
          [
            t('surveys.columns.period'),
            t('surveys.period', {
              from: format.date(round.opensOn),
              to: format.date(round.closesOn),
            }),
          ],
          [
            t('surveys.columns.response'),
            t('surveys.round.response', {
              invited: round.invited,
              started: round.started,
              submitted: round.submitted,
              rate: rate(round.responseRate),
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
        {round.status === 'draft' ? (
          <Button pending={action.isPending} onClick={() => run('opening')}>
            {t('surveys.round.open')}
          </Button>
        ) : null}
        {round.status === 'open' ? (
          <>
            <Button variant="secondary" pending={action.isPending} onClick={() => run('reminders')}>
              {t('surveys.round.remind')}
            </Button>
            <Button onClick={() => setConfirmClose(true)}>{t('surveys.round.close')}</Button>
          </>
        ) : null}
        {round.status === 'closed' ? (
          <>
            <ButtonLink to="/w/$slug/netwerkmetingen/$roundId/netwerk" params={{ slug, roundId }}>
              {t('surveys.round.network')}
            </ButtonLink>
            <TextLink
              to="/w/$slug/netwerk/vergelijking"
              params={{ slug }}
              search={{ vergelijk: 'metingen', totMeting: roundId }}
            >
              {t('surveys.round.compare')}
            </TextLink>
          </>
        ) : null}
      </div>
      <section className="wd-section" aria-labelledby="round-members">
        <h2 className="utrecht-heading-2" id="round-members">
          {t('surveys.round.members')}
        </h2>
        <p className="utrecht-paragraph">{t('surveys.round.privacy')}</p>
        <Table caption={t('surveys.round.membersCaption')} captionHidden>
          <TableHead columns={[t('surveys.round.member'), t('surveys.round.progress')]} />
          <tbody className="utrecht-table__body">
            {round.members.map((m) => (
              <tr key={m.actorId} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {m.name}
                </th>
                <td className="utrecht-table__cell">{t(`surveys.progress.${m.progress}`)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
      <ConfirmDialog
        open={confirmClose}
        title={t('surveys.round.closeTitle')}
        confirmLabel={t('surveys.round.close')}
        pending={action.isPending}
        onConfirm={() => run('closing')}
        onCancel={() => setConfirmClose(false)}
      >
        <p className="utrecht-paragraph">{t('surveys.round.closeBody')}</p>
      </ConfirmDialog>
    </Page>
  );
}
