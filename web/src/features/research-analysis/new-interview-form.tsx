import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiProblem } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { problemErrors, type FieldSpecs, type FormErrors } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { participantsQuery, studyPath, useCreateInterview, wavesQuery } from './data.ts';
import { base64Of, TRANSCRIPT_TYPES, transcriptFormatOf, UPLOAD_LIMIT } from './files.ts';
import type { Interview } from './types.ts';
import { FileField } from './ui.tsx';

type Field = 'participantId' | 'waveId' | 'heldOn' | 'title' | 'transcript' | 'file';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A new interview: participant (by pseudonym; only those who consent to take part), wave, date,
 * title and a transcript typed here or uploaded (.txt, .md, .docx).
 */
export function NewInterviewForm({ slug, studyId }: { slug: string; studyId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: participants } = useSuspenseQuery(participantsQuery(slug, studyId));
  const { data: waves } = useSuspenseQuery(wavesQuery(slug, studyId));
  const create = useCreateInterview(slug, studyId);
  const [values, setValues] = useState({
    participantId: '',
    waveId: '',
    heldOn: '',
    title: '',
    transcript: '',
    transcriptFormat: 'txt' as 'txt' | 'md',
  });
  const [file, setFile] = useState<File | null>(null);
  const [client, setClient] = useState<Partial<Record<Field, string>> | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const specs: FieldSpecs<Field> = {
    participantId: { id: 'interview-participant', label: t('researchAnalysis.fields.participant') },
    waveId: { id: 'interview-wave', label: t('researchAnalysis.fields.wave') },
    heldOn: { id: 'interview-held-on', label: t('researchAnalysis.fields.heldOn') },
    title: { id: 'interview-title', label: t('researchAnalysis.fields.title') },
    transcript: { id: 'interview-transcript', label: t('researchAnalysis.fields.transcriptText') },
    file: { id: 'interview-file', label: t('researchAnalysis.fields.transcriptFile') },
  };
  let errors: FormErrors<Field>;
  if (client) errors = { fields: client, general: null };
  else if (isApiProblem(create.error) && create.error.status === 409)
    errors = { fields: {}, general: t('researchAnalysis.interviews.noConsent') };
  else errors = problemErrors(create.error, specs, t);

  const eligible = participants.filter((p) => p.mayCollect);
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  const submit = async () => {
    setAttempt((n) => n + 1);
    const found: Partial<Record<Field, string>> = {};
    if (!values.participantId) found.participantId = t('researchAnalysis.errors.participant');
    if (!DAY.test(values.heldOn)) found.heldOn = t('researchAnalysis.errors.date');
    if (!values.title.trim()) found.title = t('researchAnalysis.errors.title');
    const format = file ? transcriptFormatOf(file.name) : null;
    if (file && !format) found.file = t('researchAnalysis.errors.transcriptType');
    if (file && file.size > UPLOAD_LIMIT) found.file = t('researchAnalysis.errors.tooLarge');
    if (Object.keys(found).length > 0) {
      setClient(found);
      return;
    }
    setClient(null);
    setUploadError(null);
    setBusy(true);
    try {
      const created = await create.mutateAsync({
        participantId: values.participantId,
        heldOn: values.heldOn,
        title: values.title.trim(),
        ...(values.waveId ? { waveId: values.waveId } : {}),
        ...(!file && values.transcript.trim()
          ? { transcript: values.transcript, transcriptFormat: values.transcriptFormat }
          : {}),
      });
      if (file && format) {
        try {
          await api.put<Interview>(
            `${studyPath(slug, studyId)}/interviews/${encodeURIComponent(created.id)}/transcript`,
            { filename: file.name, format, contentBase64: await base64Of(file) },
          );
        } catch (error) {
          // The interview exists; its page offers the upload again and says why it failed.
          setUploadError(error);
        }
      }
      await navigate({
        to: '/w/$slug/onderzoek/$studyId/interviews/$interviewId',
        params: { slug, studyId, interviewId: created.id },
      });
    } catch {
      // Shown through create.error.
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary key={attempt} errors={errors} specs={specs} />
      {uploadError ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.interviews.uploadLater')}</p>
      ) : null}
      <form
        className="wd-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
      >
        <SelectField
          spec={specs.participantId}
          error={errors.fields.participantId}
          description={t('researchAnalysis.interviews.participantHint')}
          value={values.participantId}
          onChange={set('participantId')}
          required
          options={[
            { value: '', label: t('researchAnalysis.choose') },
            ...eligible.map((p) => ({ value: p.id, label: p.pseudonym })),
          ]}
        />
        <SelectField
          spec={specs.waveId}
          error={errors.fields.waveId}
          value={values.waveId}
          onChange={set('waveId')}
          options={[
            { value: '', label: t('researchAnalysis.noWave') },
            ...waves.items.map((w) => ({ value: w.id, label: w.title })),
          ]}
        />
        <TextField
          spec={specs.heldOn}
          error={errors.fields.heldOn}
          type="date"
          required
          value={values.heldOn}
          onChange={set('heldOn')}
        />
        <TextField
          spec={specs.title}
          error={errors.fields.title}
          required
          maxLength={200}
          autoComplete="off"
          value={values.title}
          onChange={set('title')}
        />
        <TextAreaField
          spec={specs.transcript}
          error={errors.fields.transcript}
          description={t('researchAnalysis.interviews.transcriptHint')}
          rows={8}
          value={values.transcript}
          onChange={set('transcript')}
        />
        <SelectField
          spec={{ id: 'interview-format', label: t('researchAnalysis.fields.transcriptFormat') }}
          value={values.transcriptFormat}
          onChange={set('transcriptFormat')}
          options={[
            { value: 'txt', label: t('researchAnalysis.format.txt') },
            { value: 'md', label: t('researchAnalysis.format.md') },
          ]}
        />
        <FileField
          spec={specs.file}
          error={errors.fields.file}
          description={t('researchAnalysis.interviews.fileHint')}
          accept={TRANSCRIPT_TYPES}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <SubmitButton pending={busy}>{t('researchAnalysis.interviews.create')}</SubmitButton>
      </form>
    </>
  );
}
