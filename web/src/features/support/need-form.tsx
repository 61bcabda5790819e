import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { RecordPicker, type Picked } from '../activities/record-picker.tsx';
import { TextAreaField } from '../actors/fields.tsx';
import { areasQuery } from '../actors/reference.ts';
import { amountInput, amountLabel, parseAmount } from './amount.ts';
import { useSaveNeed } from './data.ts';
import { ScopeFields, type Scope } from './scope-fields.tsx';
import {
  supportTypes,
  unitOf,
  urgencies,
  visibilities,
  type Need,
  type SupportType,
  type Urgency,
  type Visibility,
} from './types.ts';

type Field =
  | 'requesterId'
  | 'type'
  | 'description'
  | 'amountPerMonth'
  | 'startDate'
  | 'endDate'
  | 'urgency'
  | 'areaId'
  | 'visibility';

/** Ask for support (a carrier for themselves, or a coordinator for a carrier or small organisation). */
export function NeedForm({ slug, need }: { slug: string; need?: Need }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveNeed(slug, need?.id);
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const [requester, setRequester] = useState<Picked | null>(
    need ? { id: need.requesterId, label: need.requesterName } : null,
  );
  const [scope, setScope] = useState<Scope>({
    domainIds: need?.domainIds ?? [],
    targetGroupIds: need?.targetGroupIds ?? [],
  });
  const form = useForm<Field>({
    requesterId: need?.requesterId ?? '',
    type: need?.type ?? 'coaching',
    description: need?.description ?? '',
    amountPerMonth: need
      ? amountInput(need.amountPerMonth, need.unit, i18n.resolvedLanguage ?? 'nl')
      : '',
    startDate: need?.startDate ?? '',
    endDate: need?.endDate ?? '',
    urgency: need?.urgency ?? 'normal',
    areaId: need?.areaId ?? '',
    visibility: need?.visibility ?? 'workspace',
  });
  const unit = unitOf(form.values.type as SupportType);
  const specs: FieldSpecs<Field> = {
    requesterId: { id: 'need-requester', label: t('support.need.requester') },
    type: { id: 'need-type', label: t('support.fields.type') },
    description: { id: 'need-description', label: t('support.need.description') },
    amountPerMonth: { id: 'need-amount', label: amountLabel(t, unit, 'amount') },
    startDate: { id: 'need-start', label: t('support.fields.startDate') },
    endDate: { id: 'need-end', label: t('support.fields.endDate') },
    urgency: { id: 'need-urgency', label: t('support.need.urgency') },
    areaId: { id: 'need-area', label: t('support.need.area') },
    visibility: { id: 'need-visibility', label: t('support.fields.visibility') },
  };
  const errors = form.errors(specs, save.error, t);
  const validate = (v: Record<Field, string>) => {
    const codes: Partial<Record<Field, string>> = requiredCodes(v, [
      'requesterId',
      'description',
      'amountPerMonth',
      'startDate',
      'areaId',
    ]);
    if (!codes.amountPerMonth && parseAmount(v.amountPerMonth, unit) === null)
      codes.amountPerMonth = 'invalid_format';
    if (v.endDate && v.startDate && v.endDate < v.startDate) codes.endDate = 'end_before_start';
    return codes;
  };
  const areaOptions = [...areas]
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map((a) => ({ value: a.id, label: `${a.name} (${t(`support.areaLevel.${a.level}`)})` }));
  return (
    <form
      className="wd-form wd-form--wide"
      noValidate
      onSubmit={form.onSubmit(validate, (v) =>
        save.mutate(
          {
            ...(need ? {} : { requesterId: v.requesterId, type: v.type as SupportType }),
            description: v.description.trim(),
            amountPerMonth: parseAmount(v.amountPerMonth, unit) ?? 0,
            startDate: v.startDate,
            endDate: v.endDate || null,
            urgency: v.urgency as Urgency,
            areaId: v.areaId,
            ...scope,
            visibility: v.visibility as Visibility,
          },
          {
            onSuccess: (saved) =>
              void navigate({
                to: '/w/$slug/steun/hulpvragen/$needId',
                params: { slug, needId: saved.id },
              }),
          },
        ),
      )}
    >
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      {need ? null : (
        <>
          <RecordPicker
            slug={slug}
            type="actor"
            spec={specs.requesterId}
            searchLabel={t('support.need.requesterSearch')}
            description={t('support.need.requesterHint')}
            value={requester}
            error={errors.fields.requesterId}
            onChange={(picked) => {
              setRequester(picked);
              form.setValues((v) => ({ ...v, requesterId: picked?.id ?? '' }));
            }}
            emptyLabel={t('support.need.chooseRequester')}
          />
          <SelectField
            spec={specs.type}
            {...form.field('type')}
            error={errors.fields.type}
            options={supportTypes.map((s) => ({ value: s, label: t(`support.type.${s}`) }))}
          />
        </>
      )}
      <TextAreaField
        spec={specs.description}
        error={errors.fields.description}
        rows={5}
        maxLength={5000}
        value={form.values.description}
        onChange={(e) => form.setValues((v) => ({ ...v, description: e.target.value }))}
      />
      <TextField
        spec={specs.amountPerMonth}
        {...form.field('amountPerMonth')}
        error={errors.fields.amountPerMonth}
        inputMode={unit === 'cents' ? 'decimal' : 'numeric'}
        description={t(`support.amount.hint.${unit}`)}
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
        description={t('support.need.endHint')}
      />
      <SelectField
        spec={specs.urgency}
        {...form.field('urgency')}
        options={urgencies.map((u) => ({ value: u, label: t(`support.urgency.${u}`) }))}
      />
      <SelectField
        spec={specs.areaId}
        {...form.field('areaId')}
        error={errors.fields.areaId}
        options={[{ value: '', label: t('support.need.chooseArea') }, ...areaOptions]}
      />
      <ScopeFields slug={slug} idPrefix="need" value={scope} onChange={setScope} />
      <SelectField
        spec={specs.visibility}
        {...form.field('visibility')}
        options={visibilities.map((s) => ({ value: s, label: t(`support.visibility.${s}`) }))}
      />
      <SubmitButton pending={save.isPending}>
        {need ? t('support.need.save') : t('support.need.submit')}
      </SubmitButton>
    </form>
  );
}
