import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/form-fields.tsx';
import { TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { useWorkspace } from '../../routes/workspace.tsx';
import { interviewsQuery, participantsQuery, wavesQuery } from './data.ts';
import { NewInterviewForm } from './new-interview-form.tsx';
import { Section, StudyPage } from './ui.tsx';

const route = getRouteApi('/protected/w/$slug/onderzoek/$studyId/interviews');

function InterviewFilter({ slug, studyId }: { slug: string; studyId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = route.useSearch();
  const { data: waves } = useSuspenseQuery(wavesQuery(slug, studyId));
  const { data: participants } = useSuspenseQuery(participantsQuery(slug, studyId));
  const [wave, setWave] = useState(search.golf ?? '');
  const [participant, setParticipant] = useState(search.deelnemer ?? '');
  return (
    <form
      className="wd-row-form wd-filter-form"
      role="search"
      aria-label={t('researchAnalysis.interviews.filter')}
      onSubmit={(e) => {
        e.preventDefault();
        void navigate({
          to: '/w/$slug/onderzoek/$studyId/interviews',
          params: { slug, studyId },
          search: {
            ...(wave ? { golf: wave } : {}),
            ...(participant ? { deelnemer: participant } : {}),
          },
        });
      }}
    >
      <SelectField
        spec={{ id: 'interviews-wave', label: t('researchAnalysis.fields.wave') }}
        value={wave}
        onChange={(e) => setWave(e.target.value)}
        options={[
          { value: '', label: t('researchAnalysis.interviews.allWaves') },
          ...waves.items.map((w) => ({ value: w.id, label: w.title })),
        ]}
      />
      <SelectField
        spec={{ id: 'interviews-participant', label: t('researchAnalysis.fields.participant') }}
        value={participant}
        onChange={(e) => setParticipant(e.target.value)}
        options={[
          { value: '', label: t('researchAnalysis.interviews.allParticipants') },
          ...participants.map((p) => ({ value: p.id, label: p.pseudonym })),
        ]}
      />
      <Button type="submit" variant="secondary">
        {t('researchAnalysis.interviews.apply')}
      </Button>
    </form>
  );
}

/** The interviews of a study, filtered by wave and participant, and a form for a new one. */
export function InterviewsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { slug } = useWorkspace();
  const { studyId } = route.useParams();
  const search = route.useSearch();
  const { data: waves } = useSuspenseQuery(wavesQuery(slug, studyId));
  const { data } = useSuspenseQuery(
    interviewsQuery(slug, studyId, { waveId: search.golf, participantId: search.deelnemer }),
  );
  const waveTitle = new Map(waves.items.map((w) => [w.id, w.title]));
  return (
    <StudyPage slug={slug} studyId={studyId} title={t('researchAnalysis.interviews.title')}>
      <p className="utrecht-paragraph">{t('researchAnalysis.interviews.lead')}</p>
      <InterviewFilter key={JSON.stringify(search)} slug={slug} studyId={studyId} />
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.interviews.empty')}</p>
      ) : (
        <Table caption={t('researchAnalysis.interviews.caption', { count: data.items.length })}>
          <TableHead
            columns={[
              t('researchAnalysis.fields.title'),
              t('researchAnalysis.fields.heldOn'),
              t('researchAnalysis.fields.participant'),
              t('researchAnalysis.fields.wave'),
              t('researchAnalysis.fields.interviewer'),
              t('researchAnalysis.fields.transcript'),
              t('researchAnalysis.fields.segments'),
              t('researchAnalysis.fields.attachments'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((i) => (
              <tr key={i.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <TextLink
                    to="/w/$slug/onderzoek/$studyId/interviews/$interviewId"
                    params={{ slug, studyId, interviewId: i.id }}
                  >
                    {i.title}
                  </TextLink>
                </th>
                <td className="utrecht-table__cell wd-nowrap">{format.date(i.heldOn)}</td>
                <td className="utrecht-table__cell wd-monospace">{i.pseudonym}</td>
                <td className="utrecht-table__cell">
                  {i.waveId ? (waveTitle.get(i.waveId) ?? '') : t('researchAnalysis.noWave')}
                </td>
                <td className="utrecht-table__cell">{i.interviewerName ?? ''}</td>
                <td className="utrecht-table__cell">
                  {i.hasTranscript ? t('researchAnalysis.yes') : t('researchAnalysis.no')}
                </td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {i.segmentCount}
                </td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {i.attachmentCount}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Section id="interview-new-title" title={t('researchAnalysis.interviews.newTitle')}>
        <NewInterviewForm slug={slug} studyId={studyId} />
      </Section>
    </StudyPage>
  );
}
