import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useForm, type FieldSpecs } from '../../lib/form.ts';
import { RadioGroup } from '../surveys/radio-group.tsx';
import { personOptionsQuery, useAddParticipant } from './api.ts';
import type { Participant } from './types.ts';

type Field = 'actorId' | 'name' | 'email';

/**
 * The steward adds a participant: a carrier from the directory, or an external person (name and
 * email, stored encrypted). The answer is the pseudonym only; adding the same person again gives
 * the same participant.
 */
export function ParticipantForm({
  slug,
  studyId,
  onAdded,
}: {
  slug: string;
  studyId: string;
  onAdded: (participant: Participant) => void;
}) {
  const { t } = useTranslation();
  const { data: persons } = useSuspenseQuery(personOptionsQuery(slug));
  const add = useAddParticipant(slug, studyId);
  const [kind, setKind] = useState<'actor' | 'external'>('actor');
  const form = useForm<Field>({ actorId: '', name: '', email: '' });
  const specs: FieldSpecs<Field> = {
    actorId: { id: 'participant-actor', label: t('research.participants.fields.actor') },
    name: { id: 'participant-name', label: t('research.participants.fields.name') },
    email: { id: 'participant-email', label: t('research.participants.fields.email') },
  };
  const errors = form.errors(specs, add.error, t);
  const submit = form.onSubmit(
    (v) => {
      const codes: Partial<Record<Field, string>> = {};
      if (kind === 'actor' && !v.actorId) codes.actorId = 'required';
      if (kind === 'external') {
        if (!v.name.trim()) codes.name = 'required';
        if (!v.email.trim()) codes.email = 'required';
        else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email.trim())) codes.email = 'invalid_email';
      }
      return codes;
    },
    (v) =>
      add.mutate(
        kind === 'actor'
          ? { kind: 'actor', actorId: v.actorId }
          : { kind: 'external', name: v.name.trim(), email: v.email.trim() },
        {
          onSuccess: (p) => {
            form.reset();
            onAdded(p);
          },
        },
      ),
  );
  return (
    <form className="wd-form" onSubmit={submit} noValidate>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <RadioGroup
        id="participant-kind"
        legend={t('research.participants.fields.kind')}
        options={[
          { value: 'actor', label: t('research.participants.kind.actor') },
          { value: 'external', label: t('research.participants.kind.external') },
        ]}
        value={kind}
        onChange={(v) => setKind(v === 'external' ? 'external' : 'actor')}
      />
      {kind === 'actor' ? (
        <SelectField
          spec={specs.actorId}
          description={t('research.participants.fields.actorHint')}
          options={[
            { value: '', label: t('research.participants.fields.chooseActor') },
            ...persons.map((p) => ({ value: p.id, label: p.name })),
          ]}
          error={errors.fields.actorId}
          {...form.field('actorId')}
        />
      ) : (
        <>
          <TextField
            spec={specs.name}
            autoComplete="off"
            error={errors.fields.name}
            {...form.field('name')}
            required
          />
          <TextField
            spec={specs.email}
            type="email"
            autoComplete="off"
            description={t('research.participants.fields.emailHint')}
            error={errors.fields.email}
            {...form.field('email')}
            required
          />
        </>
      )}
      <SubmitButton pending={add.isPending}>{t('research.participants.add')}</SubmitButton>
    </form>
  );
}
