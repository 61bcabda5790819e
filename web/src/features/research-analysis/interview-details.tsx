import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useFormat } from '../../lib/format.ts';
import { problemErrors, type FieldSpecs, type FormErrors } from '../../lib/form.ts';
import { Fact, Facts } from '../actors/facts.tsx';
import { useUpdateInterview, wavesQuery } from './data.ts';
import type { Interview } from './types.ts';

type Field = 'title' | 'heldOn' | 'waveId';

function EditForm(props: {
  slug: string;
  studyId: string;
  interview: Interview;
  onDone: () => void;
}) {
  const { slug, studyId, interview, onDone } = props;
  const { t } = useTranslation();
  const { data: waves } = useSuspenseQuery(wavesQuery(slug, studyId));
  const update = useUpdateInterview(slug, studyId, interview.id);
  const [values, setValues] = useState({
    title: interview.title,
    heldOn: interview.heldOn.slice(0, 10),
    waveId: interview.waveId ?? '',
  });
  const [client, setClient] = useState<Partial<Record<Field, string>> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const specs: FieldSpecs<Field> = {
    title: { id: 'interview-edit-title', label: t('researchAnalysis.fields.title') },
    heldOn: { id: 'interview-edit-held-on', label: t('researchAnalysis.fields.heldOn') },
    waveId: { id: 'interview-edit-wave', label: t('researchAnalysis.fields.wave') },
  };
  const errors: FormErrors<Field> = client
    ? { fields: client, general: null }
    : problemErrors(update.error, specs, t);
  return (
    <>
      <ErrorSummary key={attempt} errors={errors} specs={specs} />
      <form
        className="wd-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (update.isPending) return;
          setAttempt((n) => n + 1);
          const found: Partial<Record<Field, string>> = {};
          if (!values.title.trim()) found.title = t('researchAnalysis.errors.title');
          if (!/^\d{4}-\d{2}-\d{2}$/.test(values.heldOn))
            found.heldOn = t('researchAnalysis.errors.date');
          if (Object.keys(found).length) return setClient(found);
          setClient(null);
          update.mutate(
            { title: values.title.trim(), heldOn: values.heldOn, waveId: values.waveId || null },
            { onSuccess: onDone },
          );
        }}
      >
        <TextField
          spec={specs.title}
          error={errors.fields.title}
          maxLength={200}
          autoComplete="off"
          value={values.title}
          onChange={(e) => setValues((v) => ({ ...v, title: e.target.value }))}
        />
        <TextField
          spec={specs.heldOn}
          error={errors.fields.heldOn}
          type="date"
          value={values.heldOn}
          onChange={(e) => setValues((v) => ({ ...v, heldOn: e.target.value }))}
        />
        <SelectField
          spec={specs.waveId}
          error={errors.fields.waveId}
          value={values.waveId}
          onChange={(e) => setValues((v) => ({ ...v, waveId: e.target.value }))}
          options={[
            { value: '', label: t('researchAnalysis.noWave') },
            ...waves.items.map((w) => ({ value: w.id, label: w.title })),
          ]}
        />
        <SubmitButton pending={update.isPending}>{t('researchAnalysis.save')}</SubmitButton>
      </form>
    </>
  );
}

/** The interview's facts (participant by pseudonym, never an identity) and editing them. */
export function InterviewDetails(props: { slug: string; studyId: string; interview: Interview }) {
  const { slug, studyId, interview } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const { data: waves } = useSuspenseQuery(wavesQuery(slug, studyId));
  const [editing, setEditing] = useState(false);
  const wave = waves.items.find((w) => w.id === interview.waveId);
  return (
    <>
      <Facts>
        <Fact label={t('researchAnalysis.fields.participant')}>
          <span className="wd-monospace">{interview.pseudonym}</span>
        </Fact>
        <Fact label={t('researchAnalysis.fields.heldOn')}>{format.date(interview.heldOn)}</Fact>
        <Fact label={t('researchAnalysis.fields.wave')}>
          {wave?.title ?? t('researchAnalysis.noWave')}
        </Fact>
        <Fact label={t('researchAnalysis.fields.interviewer')}>{interview.interviewerName}</Fact>
        <Fact label={t('researchAnalysis.fields.transcriptFormat')}>
          {interview.transcriptFormat
            ? t(`researchAnalysis.format.${interview.transcriptFormat}`)
            : null}
        </Fact>
      </Facts>
      <Button variant="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
        {editing ? t('researchAnalysis.cancel') : t('researchAnalysis.interview.edit')}
      </Button>
      {editing ? (
        <EditForm
          slug={slug}
          studyId={studyId}
          interview={interview}
          onDone={() => setEditing(false)}
        />
      ) : null}
    </>
  );
}
