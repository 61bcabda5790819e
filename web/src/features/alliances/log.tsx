import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, StatusMessage } from '../../components/alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useFormat } from '../../lib/format.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { logQuery, useAddLog } from './data.ts';
import { todayIso } from './labels.ts';
import type { AllianceDetail } from './types.ts';

type Field = 'date' | 'kind' | 'title' | 'body';

/** The log of meetings (overleggen) and decisions (besluiten), newest first, and a form. */
export function LogSection({ slug, alliance }: { slug: string; alliance: AllianceDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, isError } = useQuery(logQuery(slug, alliance.id));
  const add = useAddLog(slug, alliance.id);
  const form = useForm<Field>({ date: todayIso(), kind: 'meeting', title: '', body: '' });
  const specs: FieldSpecs<Field> = {
    date: { id: 'log-date', label: t('alliances.log.date') },
    kind: { id: 'log-kind', label: t('alliances.log.kind') },
    title: { id: 'log-title', label: t('alliances.log.titleField') },
    body: { id: 'log-body', label: t('alliances.log.body') },
  };
  const errors = form.errors(specs, add.error, t);
  const items = data?.items ?? [];
  return (
    <section className="wd-section" aria-labelledby="alliance-log">
      <h2 className="utrecht-heading-2" id="alliance-log">
        {t('alliances.log.title')}
      </h2>
      {isError ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{t('alliances.log.failed')}</p>
        </Alert>
      ) : !data ? (
        <p className="utrecht-paragraph">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="utrecht-paragraph">{t('alliances.log.empty')}</p>
      ) : (
        <ol className="utrecht-ordered-list">
          {items.map((e) => (
            <li key={e.id} className="utrecht-ordered-list__item">
              <strong>
                {format.date(`${e.date}T12:00:00Z`)} · {t(`alliances.log.kinds.${e.kind}`)}:{' '}
                {e.title}
              </strong>
              {e.body ? <p className="utrecht-paragraph">{e.body}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {alliance.canContribute ? (
        <form
          className="wd-form"
          noValidate
          aria-labelledby="log-add"
          onSubmit={form.onSubmit(
            (v) => requiredCodes(v, ['date', 'title']),
            (v) =>
              add.mutate(
                {
                  date: v.date,
                  kind: v.kind as 'meeting' | 'decision',
                  title: v.title.trim(),
                  body: v.body.trim() || null,
                },
                { onSuccess: () => form.reset() },
              ),
          )}
        >
          <h3 className="utrecht-heading-3" id="log-add">
            {t('alliances.log.add')}
          </h3>
          <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
          <StatusMessage message={add.isSuccess ? t('alliances.log.added') : null} />
          <TextField
            spec={specs.date}
            error={errors.fields.date}
            type="date"
            {...form.field('date')}
          />
          <SelectField
            spec={specs.kind}
            error={errors.fields.kind}
            options={(['meeting', 'decision'] as const).map((k) => ({
              value: k,
              label: t(`alliances.log.kinds.${k}`),
            }))}
            {...form.field('kind')}
          />
          <TextField
            spec={specs.title}
            error={errors.fields.title}
            maxLength={200}
            {...form.field('title')}
          />
          <TextAreaField
            spec={specs.body}
            error={errors.fields.body}
            rows={3}
            value={form.values.body}
            onChange={(e) => form.setValues((v) => ({ ...v, body: e.target.value }))}
          />
          <SubmitButton pending={add.isPending}>{t('alliances.log.submit')}</SubmitButton>
        </form>
      ) : null}
    </section>
  );
}
