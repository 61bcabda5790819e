import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { SelectField, SubmitButton } from '../../components/form-fields.tsx';
import { problemMessage } from '../../lib/problems.ts';
import type { Wave } from './types.ts';

/** "Copy items from wave": every item of an earlier wave, with the same codes. */
export function CopyItemsForm({
  waves,
  pending,
  error,
  onCopy,
}: {
  waves: Wave[];
  pending: boolean;
  error: unknown;
  onCopy: (fromWaveId: string, title: string) => void;
}) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(waves[0]?.id ?? '');
  if (waves.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wave = waves.find((w) => w.id === from) ?? waves[0]!;
    onCopy(wave.id, wave.title);
  };
  return (
    <section aria-labelledby="copy-items-title">
      <h3 className="utrecht-heading-3" id="copy-items-title">
        {t('research.builder.copyTitle')}
      </h3>
      <p className="utrecht-paragraph">{t('research.builder.copyHint')}</p>
      {error ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(error, t)}</p>
        </Alert>
      ) : null}
      <form className="wd-form" onSubmit={submit} noValidate>
        <SelectField
          spec={{ id: 'copy-items-from', label: t('research.builder.copyFrom') }}
          options={waves.map((w) => ({
            value: w.id,
            label: t('research.builder.copyOption', { title: w.title, count: w.itemCount }),
          }))}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <SubmitButton pending={pending}>{t('research.builder.copy')}</SubmitButton>
      </form>
    </section>
  );
}
