import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { CheckboxField, Fieldset, TextAreaField } from '../actors/fields.tsx';
import { areasQuery } from '../actors/reference.ts';
import { memberOptionsQuery, useCreateRound } from './data.ts';

type Field = 'title' | 'intro' | 'opensOn' | 'closesOn' | 'reminderDays' | 'areaId';

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

/**
 * A new survey round (draft): title, introduction, period, reminder day, and its members — an
 * area (with its sub-areas) and/or actors ticked in the list.
 */
export function RoundForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateRound(slug);
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const { data: actors } = useSuspenseQuery(memberOptionsQuery(slug));
  const [chosen, setChosen] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const form = useForm<Field>({
    title: '',
    intro: '',
    opensOn: today(),
    closesOn: inDays(28),
    reminderDays: '7',
    areaId: '',
  });
  const specs: FieldSpecs<Field> = {
    title: { id: 'round-title', label: t('surveys.fields.title') },
    intro: { id: 'round-intro', label: t('surveys.fields.intro') },
    opensOn: { id: 'round-opens', label: t('surveys.fields.opensOn') },
    closesOn: { id: 'round-closes', label: t('surveys.fields.closesOn') },
    reminderDays: { id: 'round-reminder', label: t('surveys.fields.reminderDays') },
    areaId: { id: 'round-area', label: t('surveys.fields.area') },
  };
  const errors = form.errors(specs, create.error, t);
  const memberErrors = isApiProblem(create.error)
    ? create.error.errors.filter((e) => e.pointer.startsWith('/members'))
    : [];
  const shown = actors.filter((a) => a.name.toLowerCase().includes(filter.trim().toLowerCase()));
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const submit = form.onSubmit(
    (v) => requiredCodes(v, ['title', 'opensOn', 'closesOn']),
    (v) =>
      create.mutate(
        {
          title: v.title,
          intro: v.intro,
          opensOn: v.opensOn,
          closesOn: v.closesOn,
          reminderDays: Number(v.reminderDays) || 7,
          ...(v.areaId ? { areaId: v.areaId } : {}),
          members: chosen.map((actorId) => ({ actorId })),
        },
        {
          onSuccess: (round) =>
            void navigate({
              to: '/w/$slug/netwerkmetingen/$roundId',
              params: { slug, roundId: round.id },
            }),
        },
      ),
  );
  return (
    <form className="wd-form wd-form--wide" onSubmit={submit} noValidate>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <TextField spec={specs.title} error={errors.fields.title} {...form.field('title')} required />
      <TextAreaField
        spec={specs.intro}
        error={errors.fields.intro}
        description={t('surveys.fields.introHint')}
        value={form.values.intro}
        onChange={(e) => form.setValues((c) => ({ ...c, intro: e.target.value }))}
      />
      <TextField
        spec={specs.opensOn}
        type="date"
        error={errors.fields.opensOn}
        {...form.field('opensOn')}
      />
      <TextField
        spec={specs.closesOn}
        type="date"
        error={errors.fields.closesOn}
        {...form.field('closesOn')}
      />
      <TextField
        spec={specs.reminderDays}
        type="number"
        min={1}
        max={90}
        description={t('surveys.fields.reminderHint')}
        error={errors.fields.reminderDays}
        {...form.field('reminderDays')}
      />
      <SelectField
        spec={specs.areaId}
        description={t('surveys.fields.areaHint')}
        options={[
          { value: '', label: t('surveys.fields.noArea') },
          ...areas.map((a) => ({ value: a.id, label: a.name })),
        ]}
        error={errors.fields.areaId}
        {...form.field('areaId')}
      />
      <Fieldset
        id="round-members"
        legend={t('surveys.fields.members', { count: chosen.length })}
        description={t('surveys.fields.membersHint')}
        error={
          memberErrors.length
            ? t('surveys.fields.membersError', {
                names: memberErrors
                  .map((e) => {
                    const i = Number(e.pointer.split('/')[2]);
                    return names.get(chosen[i] ?? '') ?? '';
                  })
                  .filter(Boolean)
                  .join(', '),
              })
            : undefined
        }
      >
        <TextField
          spec={{ id: 'round-member-filter', label: t('surveys.fields.memberFilter') }}
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <ul className="wd-checkbox-list wd-checkbox-list--columns">
          {shown.map((a) => (
            <li key={a.id}>
              <CheckboxField
                id={`round-member-${a.id}`}
                label={a.name}
                checked={chosen.includes(a.id)}
                onChange={(on) =>
                  setChosen((c) => (on ? [...c, a.id] : c.filter((x) => x !== a.id)))
                }
              />
            </li>
          ))}
        </ul>
      </Fieldset>
      {/* Stays busy until the new page shows, so a second click cannot create it twice. */}
      <SubmitButton pending={create.isPending || create.isSuccess}>
        {t('surveys.create')}
      </SubmitButton>
    </form>
  );
}
