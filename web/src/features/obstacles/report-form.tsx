import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { RecordPicker, type Picked } from '../activities/record-picker.tsx';
import { AreaPicker } from '../actors/area-picker.tsx';
import { CheckboxGroup, TextAreaField } from '../actors/fields.tsx';
import { areasQuery, termsQuery, useTermLabel } from '../actors/reference.ts';
import { useReportObstacle } from './data.ts';
import {
  obstacleCategories,
  obstacleSeverities,
  obstacleSubcategories,
  type ObstacleCategory,
  type ObstacleSeverity,
  type ObstacleSubcategory,
} from './types.ts';

type Field = 'category' | 'subcategory' | 'severity' | 'title' | 'description' | 'whatWouldHelp';

/** Report an obstacle, by name or anonymously (with what anonymity does and does not mean). */
export function ReportForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useReportObstacle(slug);
  const [anonymous, setAnonymous] = useState(false);
  const [areaIds, setAreaIds] = useState<string[]>([]);
  const [domainIds, setDomainIds] = useState<string[]>([]);
  const [initiative, setInitiative] = useState<Picked | null>(null);
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const { data: terms } = useSuspenseQuery(termsQuery(slug));
  const termLabel = useTermLabel();
  const form = useForm<Field>({
    category: 'funding',
    subcategory: '',
    severity: 'medium',
    title: '',
    description: '',
    whatWouldHelp: '',
  });
  const specs: FieldSpecs<Field> = {
    category: { id: 'obstacle-category', label: t('obstacles.form.category') },
    subcategory: { id: 'obstacle-subcategory', label: t('obstacles.form.subcategory') },
    severity: { id: 'obstacle-severity', label: t('obstacles.form.severity') },
    title: { id: 'obstacle-title', label: t('obstacles.form.knelpuntTitle') },
    description: { id: 'obstacle-description', label: t('obstacles.form.description') },
    whatWouldHelp: { id: 'obstacle-help', label: t('obstacles.form.whatWouldHelp') },
  };
  const errors = form.errors(specs, save.error, t);
  const subcategories: readonly ObstacleSubcategory[] =
    obstacleSubcategories[form.values.category as ObstacleCategory];
  const textarea = (name: 'description' | 'whatWouldHelp') => (
    <TextAreaField
      spec={specs[name]}
      error={errors.fields[name]}
      rows={5}
      value={form.values[name]}
      onChange={(e) => form.setValues((v) => ({ ...v, [name]: e.target.value }))}
    />
  );
  const radio = (value: boolean, label: string, help: string, id: string) => (
    <div className="utrecht-form-field utrecht-form-field--radio">
      <div className="utrecht-form-field__input">
        <input
          type="radio"
          id={id}
          name="obstacle-anonymous"
          className="utrecht-radio-button utrecht-radio-button--html-input"
          checked={anonymous === value}
          onChange={() => setAnonymous(value)}
          aria-describedby={`${id}-help`}
        />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
          {label}
        </label>
      </div>
      <div
        className="utrecht-form-field__description utrecht-form-field-description"
        id={`${id}-help`}
      >
        {help}
      </div>
    </div>
  );
  return (
    <form
      className="wd-form wd-form--wide"
      noValidate
      onSubmit={form.onSubmit(
        (v) => requiredCodes(v, ['title', 'description']),
        (v) =>
          save.mutate(
            {
              category: v.category as ObstacleCategory,
              subcategory: subcategories.includes(v.subcategory as ObstacleSubcategory)
                ? (v.subcategory as ObstacleSubcategory)
                : null,
              initiativeId: initiative?.id ?? null,
              severity: v.severity as ObstacleSeverity,
              title: v.title,
              description: v.description,
              whatWouldHelp: v.whatWouldHelp.trim() || null,
              areaIds,
              domainIds,
              anonymous,
            },
            {
              onSuccess: (o) =>
                void navigate({
                  to: '/w/$slug/knelpunten/$obstacleId',
                  params: { slug, obstacleId: o.id },
                }),
            },
          ),
      )}
    >
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <SelectField
        spec={specs.category}
        {...form.field('category')}
        options={obstacleCategories.map((c) => ({ value: c, label: t(`obstacles.category.${c}`) }))}
      />
      {subcategories.length ? (
        <SelectField
          spec={specs.subcategory}
          {...form.field('subcategory')}
          options={[
            { value: '', label: t('obstacles.form.noSubcategory') },
            ...subcategories.map((c) => ({ value: c, label: t(`obstacles.subcategory.${c}`) })),
          ]}
        />
      ) : null}
      <SelectField
        spec={specs.severity}
        {...form.field('severity')}
        options={obstacleSeverities.map((s) => ({ value: s, label: t(`obstacles.severity.${s}`) }))}
      />
      <TextField
        spec={specs.title}
        {...form.field('title')}
        error={errors.fields.title}
        maxLength={200}
      />
      {textarea('description')}
      {textarea('whatWouldHelp')}
      <AreaPicker
        idPrefix="obstacle-area"
        areas={areas}
        selected={areaIds}
        onChange={setAreaIds}
        description={t('obstacles.form.areasHint')}
      />
      <CheckboxGroup
        idPrefix="obstacle-domain"
        legend={t('obstacles.form.domains')}
        options={terms
          .filter((term) => term.kind === 'domain' && !term.archived)
          .map((term) => ({ value: term.id, label: termLabel(term) }))}
        selected={domainIds}
        onChange={setDomainIds}
      />
      <RecordPicker
        slug={slug}
        type="initiative"
        spec={{ id: 'obstacle-initiative', label: t('obstacles.form.initiative') }}
        searchLabel={t('obstacles.form.initiativeSearch')}
        value={initiative}
        onChange={setInitiative}
        emptyLabel={t('obstacles.form.noInitiative')}
      />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('obstacles.form.how')}
        </legend>
        {radio(false, t('obstacles.form.named'), t('obstacles.form.namedHelp'), 'obstacle-named')}
        {radio(
          true,
          t('obstacles.form.anonymous'),
          t('obstacles.form.anonymousHelp'),
          'obstacle-anon',
        )}
      </fieldset>
      <SubmitButton pending={save.isPending}>{t('obstacles.form.submit')}</SubmitButton>
    </form>
  );
}
