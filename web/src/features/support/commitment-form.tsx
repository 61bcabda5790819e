import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { RecordPicker, type Picked } from '../activities/record-picker.tsx';
import { TextAreaField } from '../actors/fields.tsx';
import { amountLabel, parseAmount } from './amount.ts';
import { alliancesQuery, offerChoicesQuery, useRecordCommitment } from './data.ts';
import {
  commitmentRecipientTypes,
  renewalTerms,
  type CommitmentRecipientType,
  type RenewalTerm,
} from './types.ts';

type Field =
  | 'offerId'
  | 'recipientType'
  | 'recipientId'
  | 'recipientInitiativeId'
  | 'recipientAllianceId'
  | 'amountPerMonth'
  | 'startDate'
  | 'endDate'
  | 'renewal'
  | 'renewalNote';

/** The field that holds the recipient of each kind (the API's pointer names). */
const idField = {
  actor: 'recipientId',
  initiative: 'recipientInitiativeId',
  alliance: 'recipientAllianceId',
} as const satisfies Record<CommitmentRecipientType, Field>;

/**
 * Record a commitment directly (coordinators): from an offer to a carrier or organisation, an
 * initiative or an alliance, with an amount per month, a period and renewal terms.
 */
export function CommitmentForm({
  slug,
  initiative = null,
}: {
  slug: string;
  /** A preset initiative (the form was opened from its page). */
  initiative?: Picked | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const record = useRecordCommitment(slug);
  const { data: offers } = useSuspenseQuery(offerChoicesQuery(slug));
  const [picked, setPicked] = useState<Picked | null>(initiative);
  const form = useForm<Field>({
    offerId: '',
    recipientType: 'initiative',
    recipientId: '',
    recipientInitiativeId: initiative?.id ?? '',
    recipientAllianceId: '',
    amountPerMonth: '',
    startDate: '',
    endDate: '',
    renewal: 'none',
    renewalNote: '',
  });
  const kind = form.values.recipientType as CommitmentRecipientType;
  const alliances = useQuery({ ...alliancesQuery(slug), enabled: kind === 'alliance' });
  const offer = offers.items.find((o) => o.id === form.values.offerId);
  const unit = offer?.unit ?? 'cents';
  const specs: FieldSpecs<Field> = {
    offerId: { id: 'commitment-offer', label: t('support.commitment.offer') },
    recipientType: { id: 'commitment-kind', label: t('support.commitment.recipientKind') },
    recipientId: { id: 'commitment-actor', label: t('support.recipientType.actor') },
    recipientInitiativeId: {
      id: 'commitment-initiative',
      label: t('support.recipientType.initiative'),
    },
    recipientAllianceId: { id: 'commitment-alliance', label: t('support.recipientType.alliance') },
    amountPerMonth: { id: 'commitment-amount', label: amountLabel(t, unit, 'amount') },
    startDate: { id: 'commitment-start', label: t('support.fields.startDate') },
    endDate: { id: 'commitment-end', label: t('support.fields.endDate') },
    renewal: { id: 'commitment-renewal', label: t('support.commitment.renewal') },
    renewalNote: { id: 'commitment-renewal-note', label: t('support.commitment.renewalNote') },
  };
  const errors = form.errors(specs, record.error, t);
  const validate = (v: Record<Field, string>) => {
    const codes: Partial<Record<Field, string>> = requiredCodes(v, [
      'offerId',
      idField[kind],
      'amountPerMonth',
      'startDate',
    ]);
    if (!codes.amountPerMonth && parseAmount(v.amountPerMonth, unit) === null)
      codes.amountPerMonth = 'invalid_format';
    if (v.endDate && v.startDate && v.endDate < v.startDate) codes.endDate = 'end_before_start';
    return codes;
  };
  const pick = (p: Picked | null) => {
    setPicked(p);
    form.setValues((v) => ({ ...v, [idField[kind]]: p?.id ?? '' }));
  };
  return (
    <form
      className="wd-form wd-form--wide"
      noValidate
      onSubmit={form.onSubmit(validate, (v) =>
        record.mutate(
          {
            offerId: v.offerId,
            recipientType: kind,
            [idField[kind]]: v[idField[kind]],
            amountPerMonth: parseAmount(v.amountPerMonth, unit) ?? 0,
            startDate: v.startDate,
            endDate: v.endDate || null,
            renewal: v.renewal as RenewalTerm,
            renewalNote: v.renewalNote.trim() || null,
          },
          {
            onSuccess: (saved) =>
              void navigate({
                to: '/w/$slug/steun/toezeggingen/$commitmentId',
                params: { slug, commitmentId: saved.id },
              }),
          },
        ),
      )}
    >
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <SelectField
        spec={specs.offerId}
        {...form.field('offerId')}
        error={errors.fields.offerId}
        options={[
          { value: '', label: t('support.commitment.chooseOffer') },
          ...offers.items.map((o) => ({
            value: o.id,
            label: `${o.title} (${o.providerName}, ${t(`support.type.${o.type}`)})`,
          })),
        ]}
      />
      <SelectField
        spec={specs.recipientType}
        {...form.field('recipientType')}
        onChange={(e) => {
          setPicked(null);
          form.setValues((v) => ({
            ...v,
            recipientType: e.target.value,
            recipientId: '',
            recipientInitiativeId: '',
            recipientAllianceId: '',
          }));
        }}
        options={commitmentRecipientTypes.map((k) => ({
          value: k,
          label: t(`support.recipientType.${k}`),
        }))}
      />
      {kind === 'alliance' ? (
        <SelectField
          spec={specs.recipientAllianceId}
          {...form.field('recipientAllianceId')}
          error={errors.fields.recipientAllianceId}
          description={alliances.isError ? t('support.commitment.alliancesFailed') : undefined}
          options={[
            { value: '', label: t('support.commitment.chooseAlliance') },
            ...(alliances.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
      ) : (
        <RecordPicker
          key={kind}
          slug={slug}
          type={kind}
          spec={specs[idField[kind]]}
          searchLabel={t(`support.commitment.search.${kind}`)}
          value={picked}
          error={errors.fields[idField[kind]]}
          onChange={pick}
          emptyLabel={t(`support.commitment.choose.${kind}`)}
        />
      )}
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
        description={t('support.commitment.endHint')}
      />
      <SelectField
        spec={specs.renewal}
        {...form.field('renewal')}
        options={renewalTerms.map((r) => ({ value: r, label: t(`support.renewal.${r}`) }))}
      />
      <TextAreaField
        spec={specs.renewalNote}
        error={errors.fields.renewalNote}
        value={form.values.renewalNote}
        onChange={(e) => form.setValues((v) => ({ ...v, renewalNote: e.target.value }))}
      />
      {/* Stays busy until the new page shows, so a second click cannot record it twice. */}
      <SubmitButton pending={record.isPending || record.isSuccess}>
        {t('support.commitment.submit')}
      </SubmitButton>
    </form>
  );
}
