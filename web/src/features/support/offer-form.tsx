import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { RecordPicker, type Picked } from '../activities/record-picker.tsx';
import { AreaPicker } from '../actors/area-picker.tsx';
import { CheckboxField, TextAreaField } from '../actors/fields.tsx';
import { areasQuery } from '../actors/reference.ts';
import { amountInput, amountLabel, parseAmount } from './amount.ts';
import { useSaveOffer } from './data.ts';
import { ScopeFields, type Scope } from './scope-fields.tsx';
import {
  supportTypes,
  unitOf,
  visibilities,
  type Offer,
  type SupportType,
  type Visibility,
} from './types.ts';

type Field =
  | 'providerId'
  | 'type'
  | 'title'
  | 'capacityPerMonth'
  | 'startDate'
  | 'endDate'
  | 'conditions'
  | 'visibility';

/** Record (or change) an institution's offer: what, how much per month, when, for whom. */
export function OfferForm({ slug, offer }: { slug: string; offer?: Offer }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveOffer(slug, offer?.id);
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const [provider, setProvider] = useState<Picked | null>(
    offer ? { id: offer.providerId, label: offer.providerName } : null,
  );
  const [areaIds, setAreaIds] = useState<string[]>(offer?.areaIds ?? []);
  const [scope, setScope] = useState<Scope>({
    domainIds: offer?.domainIds ?? [],
    targetGroupIds: offer?.targetGroupIds ?? [],
  });
  const [persons, setPersons] = useState(offer?.personsEligible ?? true);
  const form = useForm<Field>({
    providerId: offer?.providerId ?? '',
    type: offer?.type ?? 'coaching',
    title: offer?.title ?? '',
    capacityPerMonth: offer
      ? amountInput(offer.capacityPerMonth, offer.unit, i18n.resolvedLanguage ?? 'nl')
      : '',
    startDate: offer?.startDate ?? '',
    endDate: offer?.endDate ?? '',
    conditions: offer?.conditions ?? '',
    visibility: offer?.visibility ?? 'workspace',
  });
  const unit = unitOf(form.values.type as SupportType);
  const specs: FieldSpecs<Field> = {
    providerId: { id: 'offer-provider', label: t('support.offer.provider') },
    type: { id: 'offer-type', label: t('support.fields.type') },
    title: { id: 'offer-title', label: t('support.offer.titleField') },
    capacityPerMonth: { id: 'offer-capacity', label: amountLabel(t, unit, 'capacity') },
    startDate: { id: 'offer-start', label: t('support.fields.startDate') },
    endDate: { id: 'offer-end', label: t('support.fields.endDate') },
    conditions: { id: 'offer-conditions', label: t('support.offer.conditions') },
    visibility: { id: 'offer-visibility', label: t('support.fields.visibility') },
  };
  const errors = form.errors(specs, save.error, t);
  const validate = (v: Record<Field, string>) => {
    const codes: Partial<Record<Field, string>> = requiredCodes(v, [
      'providerId',
      'title',
      'capacityPerMonth',
      'startDate',
    ]);
    if (!codes.capacityPerMonth && parseAmount(v.capacityPerMonth, unit) === null)
      codes.capacityPerMonth = 'invalid_format';
    if (v.endDate && v.startDate && v.endDate < v.startDate) codes.endDate = 'end_before_start';
    return codes;
  };
  return (
    <form
      className="wd-form wd-form--wide"
      noValidate
      onSubmit={form.onSubmit(validate, (v) =>
        save.mutate(
          {
            ...(offer ? {} : { providerId: v.providerId, type: v.type as SupportType }),
            title: v.title.trim(),
            capacityPerMonth: parseAmount(v.capacityPerMonth, unit) ?? 0,
            startDate: v.startDate,
            endDate: v.endDate || null,
            conditions: v.conditions.trim() || null,
            areaIds,
            ...scope,
            personsEligible: persons,
            visibility: v.visibility as Visibility,
          },
          {
            onSuccess: (saved) =>
              void navigate({
                to: '/w/$slug/steun/aanbod/$offerId',
                params: { slug, offerId: saved.id },
              }),
          },
        ),
      )}
    >
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      {offer ? null : (
        <>
          <RecordPicker
            slug={slug}
            type="actor"
            actorKind="organisation"
            spec={specs.providerId}
            searchLabel={t('support.offer.providerSearch')}
            value={provider}
            error={errors.fields.providerId}
            onChange={(picked) => {
              setProvider(picked);
              form.setValues((v) => ({ ...v, providerId: picked?.id ?? '' }));
            }}
            emptyLabel={t('support.offer.chooseProvider')}
          />
          <SelectField
            spec={specs.type}
            {...form.field('type')}
            error={errors.fields.type}
            options={supportTypes.map((s) => ({ value: s, label: t(`support.type.${s}`) }))}
          />
        </>
      )}
      <TextField
        spec={specs.title}
        {...form.field('title')}
        error={errors.fields.title}
        maxLength={200}
      />
      <TextField
        spec={specs.capacityPerMonth}
        {...form.field('capacityPerMonth')}
        error={errors.fields.capacityPerMonth}
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
        description={t('support.offer.endHint')}
      />
      <TextAreaField
        spec={specs.conditions}
        error={errors.fields.conditions}
        value={form.values.conditions}
        onChange={(e) => form.setValues((v) => ({ ...v, conditions: e.target.value }))}
      />
      <AreaPicker
        idPrefix="offer-area"
        areas={areas}
        selected={areaIds}
        onChange={setAreaIds}
        description={t('support.offer.areasHint')}
      />
      <ScopeFields
        slug={slug}
        idPrefix="offer"
        value={scope}
        onChange={setScope}
        hint={t('support.offer.scopeHint')}
      />
      <CheckboxField
        id="offer-persons"
        label={t('support.offer.personsEligible')}
        description={t('support.offer.personsHint')}
        checked={persons}
        onChange={setPersons}
      />
      <SelectField
        spec={specs.visibility}
        {...form.field('visibility')}
        options={visibilities.map((s) => ({ value: s, label: t(`support.visibility.${s}`) }))}
      />
      <SubmitButton pending={save.isPending}>
        {offer ? t('support.offer.save') : t('support.offer.submit')}
      </SubmitButton>
    </form>
  );
}
