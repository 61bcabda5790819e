import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { CheckboxField, TextAreaField } from '../actors/fields.tsx';
import { partyName } from '../signals/labels.tsx';
import type { SignalDetail } from '../signals/types.ts';
import { useSaveAlliance } from './data.ts';
import { todayIso } from './labels.ts';
import {
  allianceStatuses,
  decisionRules,
  type AllianceDetail,
  type AllianceStatus,
  type DecisionRule,
} from './types.ts';

type Field = 'name' | 'description' | 'status' | 'decisionRule';

/**
 * New or changed alliance: name, description, status and decision rule. Formed from an overlap
 * signal, its two parties become the first members (one seat and one vote each, from today) and
 * the signal moves to "alliance formed".
 */
export function AllianceForm({
  slug,
  alliance,
  signal,
}: {
  slug: string;
  alliance?: AllianceDetail;
  signal?: SignalDetail;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveAlliance(slug, alliance?.id);
  const [addParties, setAddParties] = useState(true);
  const parties = signal ? signal.actors.map((a) => partyName(a, t)) : [];
  const form = useForm<Field>({
    name:
      alliance?.name ??
      (signal ? t('alliances.form.nameFromSignal', { a: parties[0], b: parties[1] }) : ''),
    description: alliance?.description ?? '',
    status: alliance?.status ?? 'exploring',
    decisionRule: alliance?.decisionRule ?? 'consensus',
  });
  const specs: FieldSpecs<Field> = {
    name: { id: 'alliance-name', label: t('alliances.fields.name') },
    description: { id: 'alliance-description', label: t('alliances.fields.description') },
    status: { id: 'alliance-status', label: t('alliances.fields.status') },
    decisionRule: { id: 'alliance-rule', label: t('alliances.fields.decisionRule') },
  };
  const errors = form.errors(specs, save.error, t);
  return (
    <form
      className="wd-form wd-form--wide"
      noValidate
      onSubmit={form.onSubmit(
        (v) => requiredCodes(v, ['name']),
        (v) => {
          const start = todayIso();
          save.mutate(
            {
              name: v.name.trim(),
              description: v.description.trim() || null,
              status: v.status as AllianceStatus,
              decisionRule: v.decisionRule as DecisionRule,
              ...(signal
                ? {
                    signalId: signal.id,
                    members: addParties
                      ? signal.actors.map((a) => ({
                          actorId: a.id,
                          role: 'member' as const,
                          seats: 1,
                          votes: 1,
                          startDate: start,
                        }))
                      : [],
                  }
                : {}),
            },
            {
              onSuccess: (saved) =>
                void navigate({
                  to: '/w/$slug/bondgenootschappen/$allianceId',
                  params: { slug, allianceId: saved.id },
                }),
            },
          );
        },
      )}
    >
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      {signal ? (
        <p className="utrecht-paragraph">
          {t('alliances.form.fromSignal', { a: parties[0], b: parties[1] })}
        </p>
      ) : null}
      <TextField
        spec={specs.name}
        error={errors.fields.name}
        maxLength={200}
        autoComplete="off"
        {...form.field('name')}
      />
      <TextAreaField
        spec={specs.description}
        error={errors.fields.description}
        rows={4}
        value={form.values.description}
        onChange={(e) => form.setValues((v) => ({ ...v, description: e.target.value }))}
      />
      <SelectField
        spec={specs.status}
        description={t('alliances.form.statusHint')}
        error={errors.fields.status}
        options={allianceStatuses.map((s) => ({ value: s, label: t(`alliances.status.${s}`) }))}
        {...form.field('status')}
      />
      <SelectField
        spec={specs.decisionRule}
        error={errors.fields.decisionRule}
        options={decisionRules.map((r) => ({ value: r, label: t(`alliances.rule.${r}`) }))}
        {...form.field('decisionRule')}
      />
      {signal ? (
        <CheckboxField
          id="alliance-add-parties"
          label={t('alliances.form.addParties', { a: parties[0], b: parties[1] })}
          description={t('alliances.form.addPartiesHint')}
          checked={addParties}
          onChange={setAddParties}
        />
      ) : null}
      {/* Stays busy until the alliance's page shows, so a second click cannot save twice. */}
      <SubmitButton pending={save.isPending || save.isSuccess}>
        {alliance ? t('alliances.form.save') : t('alliances.form.create')}
      </SubmitButton>
    </form>
  );
}
