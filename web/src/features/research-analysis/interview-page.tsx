import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { TextLink } from '../../components/links.tsx';
import { Page } from '../../components/page.tsx';
import { useWorkspace } from '../../routes/workspace.tsx';
import { Attachments } from './attachments.tsx';
import { CodingPanel } from './coding-panel.tsx';
import { codesQuery, interviewQuery, useDeleteInterview } from './data.ts';
import { InterviewDetails } from './interview-details.tsx';
import { Memos } from './memos.tsx';
import { TranscriptUpload } from './transcript-upload.tsx';
import { Section } from './ui.tsx';
import './research-analysis.css';

const route = getRouteApi('/protected/w/$slug/onderzoek/$studyId/interviews/$interviewId');

/** One interview: details, transcript and its coding, attachments and memos. */
export function InterviewPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { studyId, interviewId } = route.useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: interview } = useSuspenseQuery(interviewQuery(slug, studyId, interviewId));
  const { data: codes } = useSuspenseQuery(codesQuery(slug, studyId));
  const remove = useDeleteInterview(slug, studyId);
  const feedback = useFeedback();
  const [confirming, setConfirming] = useState(false);

  return (
    <Page
      title={interview.title}
      lead={t('researchAnalysis.interview.lead', { pseudonym: interview.pseudonym })}
    >
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug/onderzoek/$studyId" params={{ slug, studyId }}>
          {t('researchAnalysis.interview.study')}
        </TextLink>
        {' · '}
        <TextLink to="/w/$slug/onderzoek/$studyId/interviews" params={{ slug, studyId }}>
          {t('researchAnalysis.interview.back')}
        </TextLink>
        {' · '}
        <TextLink to="/w/$slug/onderzoek/$studyId/codeboek" params={{ slug, studyId }}>
          {t('researchAnalysis.codebook.title')}
        </TextLink>
      </p>
      <FeedbackMessage feedback={feedback.feedback} />
      <InterviewDetails slug={slug} studyId={studyId} interview={interview} />

      <Section id="interview-transcript" title={t('researchAnalysis.transcript.title')}>
        {interview.transcript ? (
          <CodingPanel
            slug={slug}
            studyId={studyId}
            idPrefix="transcript"
            label={t('researchAnalysis.transcript.region', { title: interview.title })}
            text={interview.transcript}
            segments={interview.segments}
            codes={codes.items}
            source={{ interviewId }}
          />
        ) : (
          <p className="utrecht-paragraph">{t('researchAnalysis.transcript.none')}</p>
        )}
        <h3 className="utrecht-heading-3">
          {interview.hasTranscript
            ? t('researchAnalysis.transcript.replaceTitle')
            : t('researchAnalysis.transcript.uploadTitle')}
        </h3>
        <TranscriptUpload
          slug={slug}
          studyId={studyId}
          interviewId={interviewId}
          hasTranscript={interview.hasTranscript}
          coded={interview.segments.length > 0}
        />
      </Section>

      <Section id="interview-attachments" title={t('researchAnalysis.attachments.title')}>
        <Attachments
          slug={slug}
          studyId={studyId}
          interviewId={interviewId}
          attachments={interview.attachments}
        />
      </Section>

      <Section id="interview-memos" title={t('researchAnalysis.memos.title')}>
        <Memos
          slug={slug}
          studyId={studyId}
          idPrefix="interview-memos"
          filter={{ interviewId }}
          codes={codes.items}
        />
      </Section>

      <Section id="interview-delete" title={t('researchAnalysis.interview.deleteTitle')}>
        <p className="utrecht-paragraph">{t('researchAnalysis.interview.deleteText')}</p>
        <Button danger onClick={() => setConfirming(true)}>
          {t('researchAnalysis.interview.delete')}
        </Button>
      </Section>
      <ConfirmDialog
        open={confirming}
        title={t('researchAnalysis.interview.deleteConfirmTitle')}
        confirmLabel={t('researchAnalysis.interview.delete')}
        pending={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate(interviewId, {
            onSuccess: () =>
              void navigate({
                to: '/w/$slug/onderzoek/$studyId/interviews',
                params: { slug, studyId },
              }).then(() =>
                queryClient.removeQueries({
                  queryKey: interviewQuery(slug, studyId, interviewId).queryKey,
                }),
              ),
            onError: (error) => {
              setConfirming(false);
              feedback.fail(error);
            },
          })
        }
      >
        <p className="utrecht-paragraph">
          {t('researchAnalysis.interview.deleteConfirm', { title: interview.title })}
        </p>
      </ConfirmDialog>
    </Page>
  );
}
