import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { Page } from '../components/page.tsx';
import { PendingPage, RouteError } from '../components/status-pages.tsx';
import { Table, TableHead } from '../components/table.tsx';
import { participantsQuery, personOptionsQuery, studyQuery } from '../features/research/api.ts';
import { ConsentPanel } from '../features/research/consent-panel.tsx';
import { ParticipantForm } from '../features/research/participant-form.tsx';
import { ReIdentifyDialog } from '../features/research/reidentify-dialog.tsx';
import { consentPurposes, type Participant } from '../features/research/types.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** "Deelnemers": participants by pseudonym with consent per purpose; the steward's actions. */
export const researchParticipantsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'onderzoek/$studyId/deelnemers',
  loader: async ({ context, params }) => {
    const study = await context.queryClient.ensureQueryData(
      studyQuery(params.slug, params.studyId),
    );
    await Promise.all([
      context.queryClient.ensureQueryData(participantsQuery(params.slug, params.studyId)),
      study.myRole === 'steward'
        ? context.queryClient.ensureQueryData(personOptionsQuery(params.slug))
        : null,
    ]);
  },
  component: ResearchParticipantsPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('research.participants.title') },
});

function ResearchParticipantsPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { studyId } = researchParticipantsRoute.useParams();
  const { data: study } = useSuspenseQuery(studyQuery(slug, studyId));
  const { data: participants } = useSuspenseQuery(participantsQuery(slug, studyId));
  const isSteward = study.myRole === 'steward';
  const [selected, setSelected] = useState<string | null>(null);
  const [identifying, setIdentifying] = useState<Participant | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const current = participants.find((p) => p.id === selected) ?? null;
  // Opening a participant's consent moves focus to its heading.
  useEffect(() => {
    if (selected) document.getElementById('participant-consent')?.focus();
  }, [selected]);
  return (
    <Page
      title={t('research.participants.title')}
      lead={t('research.participants.lead', { study: study.title })}
    >
      <StatusMessage message={message} />
      <p className="utrecht-paragraph">{t('research.participants.privacy')}</p>
      {participants.length === 0 ? (
        <p className="utrecht-paragraph">{t('research.participants.empty')}</p>
      ) : (
        <Table caption={t('research.participants.caption', { count: participants.length })}>
          <TableHead
            columns={[
              t('research.participants.pseudonym'),
              ...consentPurposes.map((p) => t(`research.purpose.${p}`)),
              t('research.participants.exportable'),
              t('common.actions'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {participants.map((p) => (
              <tr key={p.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <code>{p.pseudonym}</code>
                </th>
                {consentPurposes.map((purpose) => (
                  <td key={purpose} className="utrecht-table__cell">
                    {t(`research.consentState.${p.consent[purpose]}`)}
                  </td>
                ))}
                <td className="utrecht-table__cell">
                  {p.exportable ? t('research.yes') : t('research.no')}
                </td>
                <td className="utrecht-table__cell">
                  <div className="utrecht-button-group">
                    <Button
                      variant="secondary"
                      aria-expanded={selected === p.id}
                      aria-controls={selected === p.id ? 'participant-consent-section' : undefined}
                      onClick={() => setSelected(selected === p.id ? null : p.id)}
                    >
                      {t('research.participants.consentOf', { pseudonym: p.pseudonym })}
                    </Button>
                    {isSteward ? (
                      <Button variant="secondary" onClick={() => setIdentifying(p)}>
                        {t('research.participants.reidentify', { pseudonym: p.pseudonym })}
                      </Button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {current ? (
        <section
          className="wd-section"
          id="participant-consent-section"
          aria-labelledby="participant-consent"
        >
          <h2 className="utrecht-heading-2" id="participant-consent" tabIndex={-1}>
            {t('research.consent.title', { pseudonym: current.pseudonym })}
          </h2>
          <Suspense fallback={<PendingPage />}>
            <ConsentPanel
              key={current.id}
              slug={slug}
              studyId={studyId}
              participantId={current.id}
              isSteward={isSteward}
            />
          </Suspense>
        </section>
      ) : null}
      {isSteward ? (
        <section className="wd-section" aria-labelledby="participant-new">
          <h2 className="utrecht-heading-2" id="participant-new">
            {t('research.participants.new')}
          </h2>
          <p className="utrecht-paragraph">{t('research.participants.newHint')}</p>
          <ParticipantForm
            slug={slug}
            studyId={studyId}
            onAdded={(p) => {
              setMessage(t('research.participants.added', { pseudonym: p.pseudonym }));
              setSelected(p.id);
            }}
          />
        </section>
      ) : null}
      <ReIdentifyDialog
        slug={slug}
        studyId={studyId}
        participant={identifying}
        onClose={() => setIdentifying(null)}
      />
    </Page>
  );
}
