import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { useForm, type FieldSpecs } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { RadioGroup } from '../surveys/radio-group.tsx';
import { consentQuery, useRecordConsent } from './api.ts';
import {
  consentMethods,
  consentPurposes,
  type ConsentDecision,
  type ConsentMethod,
  type ConsentPurpose,
} from './types.ts';

type Field = 'purpose' | 'method' | 'letterVersion' | 'date' | 'note';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * One participant's consent: the state per purpose, the append-only history and (the steward)
 * a form to record a decision. Withdrawing is the same single form as giving.
 */
export function ConsentPanel({
  slug,
  studyId,
  participantId,
  isSteward,
}: {
  slug: string;
  studyId: string;
  participantId: string;
  isSteward: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(consentQuery(slug, studyId, participantId));
  const record = useRecordConsent(slug, studyId, participantId);
  const [decision, setDecision] = useState<ConsentDecision>('given');
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<Field>({
    purpose: 'participation',
    method: 'written',
    letterVersion: '',
    date: today(),
    note: '',
  });
  const specs: FieldSpecs<Field> = {
    purpose: { id: 'consent-purpose', label: t('research.consent.fields.purpose') },
    method: { id: 'consent-method', label: t('research.consent.fields.method') },
    letterVersion: { id: 'consent-letter', label: t('research.consent.fields.letterVersion') },
    date: { id: 'consent-date', label: t('research.consent.fields.date') },
    note: { id: 'consent-note', label: t('research.consent.fields.note') },
  };
  const errors = form.errors(specs, record.error, t);
  const hasNotes = data.history.some((e) => e.note !== undefined);
  const submit = form.onSubmit(
    (v) => {
      const codes: Partial<Record<Field, string>> = {};
      if (decision === 'given' && !v.letterVersion.trim()) codes.letterVersion = 'required';
      if (!v.date) codes.date = 'required';
      return codes;
    },
    (v) =>
      record.mutate(
        {
          purpose: v.purpose as ConsentPurpose,
          decision,
          method: v.method as ConsentMethod,
          ...(v.letterVersion.trim() ? { letterVersion: v.letterVersion.trim() } : {}),
          date: v.date,
          ...(v.note.trim() ? { note: v.note.trim() } : {}),
        },
        {
          onSuccess: (e) => {
            form.setValues((c) => ({ ...c, note: '' }));
            setMessage(
              t(`research.consent.recorded.${e.decision}`, {
                purpose: t(`research.purpose.${e.purpose}`),
                pseudonym: data.pseudonym,
              }),
            );
          },
        },
      ),
  );
  return (
    <>
      <StatusMessage message={message} />
      <dl className="utrecht-data-list utrecht-data-list--rows">
        {consentPurposes.map((p) => (
          <div key={p} className="utrecht-data-list__item">
            <dt className="utrecht-data-list__item-key">{t(`research.purpose.${p}`)}</dt>
            <dd className="utrecht-data-list__item-value">
              {t(`research.consentState.${data.consent[p]}`)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="utrecht-paragraph">
        {data.mayCollect ? t('research.consent.mayCollect') : t('research.consent.mayNotCollect')}{' '}
        {data.exportable ? t('research.consent.exportable') : t('research.consent.notExportable')}
      </p>
      <h3 className="utrecht-heading-3" id={`consent-history-${participantId}`}>
        {t('research.consent.history')}
      </h3>
      {data.history.length === 0 ? (
        <p className="utrecht-paragraph">{t('research.consent.noHistory')}</p>
      ) : (
        <Table caption={t('research.consent.historyCaption', { pseudonym: data.pseudonym })}>
          <TableHead
            columns={[
              t('research.consent.fields.date'),
              t('research.consent.fields.purpose'),
              t('research.consent.fields.decision'),
              t('research.consent.fields.method'),
              t('research.consent.fields.letterVersion'),
              t('research.consent.recordedAt'),
              ...(hasNotes ? [t('research.consent.fields.note')] : []),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.history.map((e) => (
              <tr key={e.id} className="utrecht-table__row">
                <td className="utrecht-table__cell">{format.date(e.date)}</td>
                <td className="utrecht-table__cell">{t(`research.purpose.${e.purpose}`)}</td>
                <td className="utrecht-table__cell">{t(`research.consentState.${e.decision}`)}</td>
                <td className="utrecht-table__cell">{t(`research.method.${e.method}`)}</td>
                <td className="utrecht-table__cell">{e.letterVersion ?? '–'}</td>
                <td className="utrecht-table__cell">{format.dateTime(e.recordedAt)}</td>
                {hasNotes ? <td className="utrecht-table__cell">{e.note ?? ''}</td> : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {isSteward ? (
        <>
          <h3 className="utrecht-heading-3">{t('research.consent.recordTitle')}</h3>
          <p className="utrecht-paragraph">{t('research.consent.recordHint')}</p>
          <form className="wd-form" onSubmit={submit} noValidate>
            <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
            <SelectField
              spec={specs.purpose}
              options={consentPurposes.map((p) => ({
                value: p,
                label: t(`research.purpose.${p}`),
              }))}
              error={errors.fields.purpose}
              {...form.field('purpose')}
            />
            <RadioGroup
              id="consent-decision"
              legend={t('research.consent.fields.decision')}
              options={[
                { value: 'given', label: t('research.consent.give') },
                { value: 'withdrawn', label: t('research.consent.withdraw') },
              ]}
              value={decision}
              onChange={(v) => setDecision(v === 'withdrawn' ? 'withdrawn' : 'given')}
            />
            <SelectField
              spec={specs.method}
              options={consentMethods.map((m) => ({ value: m, label: t(`research.method.${m}`) }))}
              error={errors.fields.method}
              {...form.field('method')}
            />
            <TextField
              spec={specs.letterVersion}
              description={t('research.consent.fields.letterVersionHint')}
              error={errors.fields.letterVersion}
              {...form.field('letterVersion')}
            />
            <TextField
              spec={specs.date}
              type="date"
              error={errors.fields.date}
              {...form.field('date')}
            />
            <TextAreaField
              spec={specs.note}
              description={t('research.consent.fields.noteHint')}
              error={errors.fields.note}
              value={form.values.note}
              onChange={(e) => form.setValues((c) => ({ ...c, note: e.target.value }))}
            />
            <SubmitButton pending={record.isPending}>
              {decision === 'given'
                ? t('research.consent.recordGiven')
                : t('research.consent.recordWithdrawn')}
            </SubmitButton>
          </form>
        </>
      ) : null}
    </>
  );
}
