import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { SubmitButton } from '../../components/form-fields.tsx';
import { problemMessage } from '../../lib/problems.ts';
import { useUploadTranscript } from './data.ts';
import { base64Of, TRANSCRIPT_TYPES, transcriptFormatOf, UPLOAD_LIMIT } from './files.ts';
import { FileField } from './ui.tsx';

/** Upload or replace the transcript (.txt, .md, .docx); refused once passages are coded. */
export function TranscriptUpload(props: {
  slug: string;
  studyId: string;
  interviewId: string;
  hasTranscript: boolean;
  coded: boolean;
}) {
  const { slug, studyId, interviewId, hasTranscript, coded } = props;
  const { t } = useTranslation();
  const upload = useUploadTranscript(slug, studyId, interviewId);
  const feedback = useFeedback();
  const [file, setFile] = useState<File | null>(null);
  const [client, setClient] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [reading, setReading] = useState(false);
  const specs = {
    file: { id: 'transcript-file', label: t('researchAnalysis.fields.transcriptFile') },
  };

  if (coded) {
    return <p className="utrecht-paragraph">{t('researchAnalysis.transcript.locked')}</p>;
  }

  let fileError: string | null = client;
  if (!fileError && upload.error) {
    fileError =
      isApiProblem(upload.error) && upload.error.status === 400
        ? t('researchAnalysis.transcript.rejected', { reason: upload.error.detail })
        : problemMessage(upload.error, t);
  }

  const submit = async () => {
    setAttempt((n) => n + 1);
    feedback.clear();
    const format = file ? transcriptFormatOf(file.name) : null;
    if (!file) return setClient(t('researchAnalysis.errors.fileRequired'));
    if (!format) return setClient(t('researchAnalysis.errors.transcriptType'));
    if (file.size > UPLOAD_LIMIT) return setClient(t('researchAnalysis.errors.tooLarge'));
    setClient(null);
    setReading(true);
    try {
      const contentBase64 = await base64Of(file);
      await upload.mutateAsync({ filename: file.name, format, contentBase64 });
      feedback.ok((tt) => tt('researchAnalysis.transcript.saved', { file: file.name }));
    } catch {
      // Shown as the field's error.
    } finally {
      setReading(false);
    }
  };

  return (
    <>
      <ErrorSummary
        key={attempt}
        errors={{ fields: fileError ? { file: fileError } : {}, general: null }}
        specs={specs}
      />
      <FeedbackMessage feedback={feedback.feedback} />
      <form
        className="wd-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reading) void submit();
        }}
      >
        <FileField
          spec={specs.file}
          error={fileError ?? undefined}
          description={
            hasTranscript
              ? t('researchAnalysis.transcript.replaceHint')
              : t('researchAnalysis.interviews.fileHint')
          }
          accept={TRANSCRIPT_TYPES}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <SubmitButton pending={reading} variant="secondary">
          {hasTranscript
            ? t('researchAnalysis.transcript.replace')
            : t('researchAnalysis.transcript.upload')}
        </SubmitButton>
      </form>
    </>
  );
}
