import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { parseEuros } from '../../lib/money.ts';
import { RecordPicker, type Picked } from '../activities/record-picker.tsx';
import { AreaPicker } from '../actors/area-picker.tsx';
import { areasQuery } from '../actors/reference.ts';
import { alliancesQuery } from '../support/data.ts';
import { fundingInstruments, type FundingInstrument, type Visibility } from './types.ts';
import { useCreateFlow } from './data.ts';

type Field =
  | 'funderId'
  | 'recipientType'
  | 'recipientId'
  | 'title'
  | 'amountCents'
  | 'startDate'
  | 'endDate'
  | 'instrument'
  | 'reportingHours'
  | 'reports'
  | 'visibility';

const wholeNumber = (s: string) => /^\d{1,7}$/.test(s.trim());

const flowRecipientTypes = ['actor', 'initiative', 'alliance'] as const;
type FlowRecipientType = (typeof flowRecipientTypes)[number];

/**
 * Record a funding flow (coordinators): funder → recipient (a carrier or organisation, an
 * initiative or an alliance), amount, period, instrument, burden.
 */
export function FlowForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const create = useCreateFlow(slug);
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const [funder, setFunder] = useState<Picked | null>(null);
  const [recipient, setRecipient] = useState<Picked | null>(null);
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const form = useForm<Field>({
    funderId: '',
    recipientType: 'actor',
    recipientId: '',
    title: '',
    amountCents: '',
    startDate: '',
    endDate: '',
    instrument: 'core_funding',
    reportingHours: '0',
    reports: '0',
    visibility: 'private',
  });
  const kind = form.values.recipientType as FlowRecipientType;
  const alliances = useQuery({ ...alliancesQuery(slug), enabled: kind === 'alliance' });
  const specs: FieldSpecs<Field> = {
    funderId: { id: 'flow-funder', label: t('funding.form.funder') },
    recipientType: { id: 'flow-recipient-type', label: t('funding.form.recipientType') },
    recipientId: { id: 'flow-recipient', label: t('funding.form.recipient') },
    title: { id: 'flow-title', label: t('funding.form.titleField') },
    amountCents: { id: 'flow-amount', label: t('funding.form.amount') },
    startDate: { id: 'flow-start', label: t('funding.form.startDate') },
    endDate: { id: 'flow-end', label: t('funding.form.endDate') },
    instrument: { id: 'flow-instrument', label: t('funding.columns.instrument') },
    reportingHours: { id: 'flow-hours', label: t('funding.form.reportingHours') },
    reports: { id: 'flow-reports', label: t('funding.form.reports') },
    visibility: { id: 'flow-visibility', label: t('support.fields.visibility') },
  };
  const errors = form.errors(specs, create.error, t);
  const validate = (v: Record<Field, string>) => {
    const codes: Partial<Record<Field, string>> = requiredCodes(v, [
      'funderId',
      'recipientId',
      'amountCents',
      'startDate',
      'endDate',
    ]);
    if (!codes.amountCents && parseEuros(v.amountCents) === null)
      codes.amountCents = 'invalid_format';
    if (!codes.endDate && v.endDate < v.startDate) codes.endDate = 'end_before_start';
    if (!wholeNumber(v.reportingHours)) codes.reportingHours = 'invalid_format';
    if (!wholeNumber(v.reports)) codes.reports = 'invalid_format';
    return codes;
  };
  return (
    <section aria-labelledby="flow-form-title">
      <h2 className="utrecht-heading-2" id="flow-form-title">
        {t('funding.form.title')}
      </h2>
      <StatusMessage message={create.isSuccess ? t('funding.form.saved') : null} />
      <form
        className="wd-form wd-form--wide"
        noValidate
        onSubmit={form.onSubmit(validate, (v) =>
          create.mutate(
            {
              funderId: v.funderId,
              recipientType: kind,
              recipientId: v.recipientId,
              title: v.title.trim() || null,
              amountCents: parseEuros(v.amountCents) ?? 0,
              startDate: v.startDate,
              endDate: v.endDate,
              instrument: v.instrument as FundingInstrument,
              reportingHours: Number(v.reportingHours.trim()),
              reports: Number(v.reports.trim()),
              areaIds,
              visibility: v.visibility as Visibility,
            },
            {
              onSuccess: () => {
                form.reset();
                setFunder(null);
                setRecipient(null);
                setAreaIds([]);
              },
            },
          ),
        )}
      >
        <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
        <RecordPicker
          slug={slug}
          type="actor"
          actorKind="organisation"
          spec={specs.funderId}
          searchLabel={t('funding.form.funderSearch')}
          value={funder}
          error={errors.fields.funderId}
          onChange={(picked) => {
            setFunder(picked);
            form.setValues((v) => ({ ...v, funderId: picked?.id ?? '' }));
          }}
          emptyLabel={t('funding.form.chooseFunder')}
        />
        <SelectField
          spec={specs.recipientType}
          {...form.field('recipientType')}
          onChange={(e) => {
            setRecipient(null);
            form.setValues((v) => ({ ...v, recipientType: e.target.value, recipientId: '' }));
          }}
          options={flowRecipientTypes.map((k) => ({
            value: k,
            label: t(`funding.form.type.${k}`),
          }))}
        />
        {kind === 'alliance' ? (
          <SelectField
            spec={specs.recipientId}
            {...form.field('recipientId')}
            error={errors.fields.recipientId}
            options={[
              { value: '', label: t('funding.form.chooseAlliance') },
              ...(alliances.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
            ]}
          />
        ) : (
          <RecordPicker
            key={kind}
            slug={slug}
            type={kind}
            spec={specs.recipientId}
            searchLabel={t(
              kind === 'actor' ? 'funding.form.recipientSearch' : 'funding.form.initiativeSearch',
            )}
            value={recipient}
            error={errors.fields.recipientId}
            onChange={(picked) => {
              setRecipient(picked);
              form.setValues((v) => ({ ...v, recipientId: picked?.id ?? '' }));
            }}
            emptyLabel={t(
              kind === 'actor' ? 'funding.form.chooseRecipient' : 'funding.form.chooseInitiative',
            )}
          />
        )}
        <TextField spec={specs.title} {...form.field('title')} maxLength={200} />
        <TextField
          spec={specs.amountCents}
          {...form.field('amountCents')}
          error={errors.fields.amountCents}
          inputMode="decimal"
          description={t('funding.form.amountHint')}
        />
        <TextField
          spec={specs.startDate}
          type="date"
          {...form.field('startDate')}
          error={errors.fields.startDate}
        />
        <TextField
          spec={specs.endDate}
          type="date"
          {...form.field('endDate')}
          error={errors.fields.endDate}
        />
        <SelectField
          spec={specs.instrument}
          {...form.field('instrument')}
          error={errors.fields.instrument}
          options={fundingInstruments.map((i) => ({
            value: i,
            label: t(`funding.instrument.${i}`),
          }))}
        />
        <TextField
          spec={specs.reportingHours}
          {...form.field('reportingHours')}
          error={errors.fields.reportingHours}
          inputMode="numeric"
          description={t('funding.form.burdenHint')}
        />
        <TextField
          spec={specs.reports}
          {...form.field('reports')}
          error={errors.fields.reports}
          inputMode="numeric"
        />
        <AreaPicker
          idPrefix="flow-area"
          areas={areas}
          selected={areaIds}
          onChange={setAreaIds}
          description={t('funding.form.areasHint')}
        />
        <SelectField
          spec={specs.visibility}
          {...form.field('visibility')}
          options={(['private', 'workspace', 'public'] as const).map((s) => ({
            value: s,
            label: t(`support.visibility.${s}`),
          }))}
        />
        <SubmitButton pending={create.isPending}>{t('funding.form.submit')}</SubmitButton>
      </form>
    </section>
  );
}
