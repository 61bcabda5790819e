import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { useEndCommitment, useRenewCommitment } from './data.ts';
import type { Commitment } from './types.ts';

type EndField = 'kind' | 'endDate' | 'reason';

/** End (it counts until the end date) or cancel (withdrawn) an active commitment, with a reason. */
export function EndForm({ slug, commitment }: { slug: string; commitment: Commitment }) {
  const { t } = useTranslation();
  const end = useEndCommitment(slug, commitment.id);
  const form = useForm<EndField>({ kind: 'end', endDate: '', reason: '' });
  const specs: FieldSpecs<EndField> = {
    kind: { id: 'end-kind', label: t('support.lifecycle.kind') },
    endDate: { id: 'end-date', label: t('support.lifecycle.lastDay') },
    reason: { id: 'end-reason', label: t('support.lifecycle.reason') },
  };
  const errors = form.errors(specs, end.error, t);
  return (
    <form
      className="wd-form"
      noValidate
      aria-labelledby="end-title"
      onSubmit={form.onSubmit(
        (v) => requiredCodes(v, ['reason']),
        (v) =>
          end.mutate({
            kind: v.kind as 'end' | 'cancel',
            ...(v.kind === 'end' && v.endDate ? { endDate: v.endDate } : {}),
            reason: v.reason.trim(),
          }),
      )}
    >
      <h3 className="utrecht-heading-3" id="end-title">
        {t('support.lifecycle.endTitle')}
      </h3>
      <StatusMessage message={end.isSuccess ? t('support.lifecycle.ended') : null} />
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <SelectField
        spec={specs.kind}
        {...form.field('kind')}
        options={[
          { value: 'end', label: t('support.lifecycle.end') },
          { value: 'cancel', label: t('support.lifecycle.cancel') },
        ]}
      />
      {form.values.kind === 'end' ? (
        <TextField
          spec={specs.endDate}
          type="date"
          {...form.field('endDate')}
          error={errors.fields.endDate}
          description={t('support.lifecycle.lastDayHint')}
        />
      ) : null}
      <TextAreaField
        spec={specs.reason}
        error={errors.fields.reason}
        rows={3}
        maxLength={2000}
        value={form.values.reason}
        onChange={(e) => form.setValues((v) => ({ ...v, reason: e.target.value }))}
      />
      <SubmitButton pending={end.isPending} variant="secondary">
        {t('support.lifecycle.endSubmit')}
      </SubmitButton>
    </form>
  );
}

type RenewField = 'endDate' | 'renewalNote';

/** Renew: a new commitment that starts the day after this one ends. */
export function RenewForm({ slug, commitment }: { slug: string; commitment: Commitment }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const renew = useRenewCommitment(slug, commitment.id);
  const form = useForm<RenewField>({ endDate: '', renewalNote: '' });
  const specs: FieldSpecs<RenewField> = {
    endDate: { id: 'renew-end', label: t('support.lifecycle.newEnd') },
    renewalNote: { id: 'renew-note', label: t('support.lifecycle.renewalNote') },
  };
  const errors = form.errors(specs, renew.error, t);
  return (
    <form
      className="wd-form"
      noValidate
      aria-labelledby="renew-title"
      onSubmit={form.onSubmit(
        () => ({}),
        (v) =>
          renew.mutate(
            { endDate: v.endDate || null, renewalNote: v.renewalNote.trim() || null },
            {
              onSuccess: (next) =>
                void navigate({
                  to: '/w/$slug/steun/toezeggingen/$commitmentId',
                  params: { slug, commitmentId: next.id },
                }),
            },
          ),
      )}
    >
      <h3 className="utrecht-heading-3" id="renew-title">
        {t('support.lifecycle.renewTitle')}
      </h3>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <TextField
        spec={specs.endDate}
        type="date"
        {...form.field('endDate')}
        error={errors.fields.endDate}
        description={t('support.lifecycle.newEndHint')}
      />
      <TextAreaField
        spec={specs.renewalNote}
        error={errors.fields.renewalNote}
        rows={3}
        value={form.values.renewalNote}
        onChange={(e) => form.setValues((v) => ({ ...v, renewalNote: e.target.value }))}
      />
      <SubmitButton pending={renew.isPending} variant="secondary">
        {t('support.lifecycle.renewSubmit')}
      </SubmitButton>
    </form>
  );
}
