import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { StatusMessage } from '../../components/alert.tsx';
import { useFormat } from '../../lib/format.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { useAddNote } from './data.ts';
import type { SignalDetail } from './types.ts';

/** Notes on a signal (seen by its parties and the coordinators only), and a form to add one. */
export function SignalNotes({
  slug,
  signal,
  canAdd,
}: {
  slug: string;
  signal: SignalDetail;
  canAdd: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const add = useAddNote(slug, signal.id);
  const form = useForm<'text'>({ text: '' });
  const specs: FieldSpecs<'text'> = { text: { id: 'signal-note', label: t('signals.notes.text') } };
  const errors = form.errors(specs, add.error, t);
  return (
    <section aria-labelledby="signal-notes">
      <h2 className="utrecht-heading-2" id="signal-notes">
        {t('signals.notes.title')}
      </h2>
      <p className="utrecht-paragraph">{t('signals.notes.privacy')}</p>
      {signal.notes.length === 0 ? (
        <p className="utrecht-paragraph">{t('signals.notes.empty')}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {signal.notes.map((n) => (
            <li key={n.id} className="utrecht-unordered-list__item">
              <strong>
                {n.author?.name ?? t('signals.notes.unknownAuthor')}, {format.dateTime(n.createdAt)}
                :
              </strong>{' '}
              {n.text}
            </li>
          ))}
        </ul>
      )}
      <StatusMessage message={add.isSuccess ? t('signals.notes.added') : null} />
      {canAdd ? (
        <form
          className="wd-form"
          noValidate
          onSubmit={form.onSubmit(
            (v) => requiredCodes(v, ['text']),
            (v) => add.mutate(v.text.trim(), { onSuccess: () => form.reset() }),
          )}
        >
          <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
          <TextAreaField
            spec={specs.text}
            error={errors.fields.text}
            rows={3}
            maxLength={4000}
            value={form.values.text}
            onChange={(e) => form.setValues({ text: e.target.value })}
          />
          <Button type="submit" pending={add.isPending}>
            {t('signals.notes.add')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
