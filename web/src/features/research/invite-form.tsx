import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useForm, type FieldSpecs } from '../../lib/form.ts';
import { CheckboxField, Fieldset } from '../actors/fields.tsx';
import { RadioGroup } from '../surveys/radio-group.tsx';
import { participantsQuery } from './api.ts';
import type { InviteInput } from './types.ts';

type Field = 'expiresInDays' | 'language' | 'participants';

/**
 * Invite participants to an open wave: everyone, or the ones ticked; the link's lifetime and the
 * language of email and questionnaire. Participants without consent are skipped by the server.
 */
export function InviteForm({
  slug,
  studyId,
  pending,
  error,
  onInvite,
}: {
  slug: string;
  studyId: string;
  pending: boolean;
  error: unknown;
  onInvite: (input: InviteInput) => void;
}) {
  const { t } = useTranslation();
  const { data: participants } = useSuspenseQuery(participantsQuery(slug, studyId));
  const [who, setWho] = useState<'all' | 'selected'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [filter, setFilter] = useState('');
  const form = useForm<Field>({ expiresInDays: '30', language: 'nl', participants: '' });
  const specs: FieldSpecs<Field> = {
    expiresInDays: { id: 'invite-days', label: t('research.invite.fields.expiresInDays') },
    language: { id: 'invite-language', label: t('research.invite.fields.language') },
    participants: { id: 'invite-filter', label: t('research.invite.fields.participants') },
  };
  const errors = form.errors(specs, error, t);
  const shown = participants.filter((p) =>
    p.pseudonym.toLowerCase().includes(filter.trim().toLowerCase()),
  );
  const submit = form.onSubmit(
    (v) => {
      const codes: Partial<Record<Field, string>> = {};
      const days = Number(v.expiresInDays);
      if (!Number.isInteger(days) || days < 1 || days > 90) codes.expiresInDays = 'invalid_value';
      if (who === 'selected' && chosen.length === 0) codes.participants = 'required';
      return codes;
    },
    (v) =>
      onInvite({
        ...(who === 'selected' ? { participantIds: chosen } : {}),
        expiresInDays: Number(v.expiresInDays),
        language: v.language === 'en' ? 'en' : 'nl',
      }),
  );
  return (
    <form className="wd-form wd-form--wide" onSubmit={submit} noValidate>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <RadioGroup
        id="invite-who"
        legend={t('research.invite.fields.who')}
        options={[
          { value: 'all', label: t('research.invite.all', { count: participants.length }) },
          { value: 'selected', label: t('research.invite.selected') },
        ]}
        value={who}
        onChange={(v) => setWho(v === 'selected' ? 'selected' : 'all')}
      />
      {who === 'selected' ? (
        <Fieldset
          id="invite-participants"
          legend={t('research.invite.fields.participantsCount', { count: chosen.length })}
          description={t('research.invite.fields.participantsHint')}
          error={errors.fields.participants}
        >
          <TextField
            spec={{ id: 'invite-filter', label: t('research.invite.fields.filter') }}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <ul className="wd-checkbox-list wd-checkbox-list--columns">
            {shown.map((p) => (
              <li key={p.id}>
                <CheckboxField
                  id={`invite-participant-${participants.indexOf(p)}`}
                  label={
                    p.mayCollect
                      ? p.pseudonym
                      : t('research.invite.noConsentLabel', { pseudonym: p.pseudonym })
                  }
                  checked={chosen.includes(p.id)}
                  onChange={(on) =>
                    setChosen((c) => (on ? [...c, p.id] : c.filter((x) => x !== p.id)))
                  }
                />
              </li>
            ))}
          </ul>
        </Fieldset>
      ) : null}
      <TextField
        spec={specs.expiresInDays}
        type="number"
        inputMode="numeric"
        min={1}
        max={90}
        description={t('research.invite.fields.expiresInDaysHint')}
        error={errors.fields.expiresInDays}
        {...form.field('expiresInDays')}
      />
      <SelectField
        spec={specs.language}
        description={t('research.invite.fields.languageHint')}
        options={[
          { value: 'nl', label: t('language.nl') },
          { value: 'en', label: t('language.en') },
        ]}
        error={errors.fields.language}
        {...form.field('language')}
      />
      <SubmitButton pending={pending}>{t('research.invite.send')}</SubmitButton>
    </form>
  );
}
