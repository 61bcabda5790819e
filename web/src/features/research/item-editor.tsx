import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { problemErrors, type FieldSpecs, type FormErrors } from '../../lib/form.ts';
import { CheckboxField, Fieldset, TextAreaField } from '../actors/fields.tsx';
import { choiceInputId, ChoicesEditor } from './choices-editor.tsx';
import {
  draftFromItem,
  validateDraft,
  type DraftErrors,
  type DraftField,
  type ItemDraft,
} from './item-draft.ts';
import { itemKinds, type Item, type ItemInput, type ItemKind } from './types.ts';

type Field = DraftField | 'kind' | 'promptEn' | 'helpNl' | 'helpEn';

/**
 * Adds or edits one questionnaire item: code, kind, Dutch and English prompt and help, required,
 * and the options of its kind. Every problem is listed before anything is sent.
 */
export function ItemEditor({
  prefix,
  item,
  takenCodes,
  pending,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  prefix: string;
  item?: Item;
  takenCodes: readonly string[];
  pending: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (input: ItemInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ItemDraft>(() => draftFromItem(item));
  const [clientErrors, setClientErrors] = useState<DraftErrors | null>(null);
  const [attempt, setAttempt] = useState(0);
  const set = (change: Partial<ItemDraft>) => setDraft((d) => ({ ...d, ...change }));
  const firstBadChoice = Object.entries(clientErrors?.choices ?? {})[0];
  const specs: FieldSpecs<Field> = {
    code: { id: `${prefix}-code`, label: t('research.item.fields.code') },
    kind: { id: `${prefix}-kind`, label: t('research.item.fields.kind') },
    promptNl: { id: `${prefix}-prompt-nl`, label: t('research.item.fields.promptNl') },
    promptEn: { id: `${prefix}-prompt-en`, label: t('research.item.fields.promptEn') },
    helpNl: { id: `${prefix}-help-nl`, label: t('research.item.fields.helpNl') },
    helpEn: { id: `${prefix}-help-en`, label: t('research.item.fields.helpEn') },
    points: { id: `${prefix}-points`, label: t('research.item.fields.points') },
    anchorsNl: { id: `${prefix}-anchor-low-nl`, label: t('research.item.fields.anchorsNl') },
    anchorsEn: { id: `${prefix}-anchor-low-en`, label: t('research.item.fields.anchorsEn') },
    choices: {
      id: firstBadChoice
        ? choiceInputId(
            prefix,
            Number(firstBadChoice[0]),
            firstBadChoice[1]?.value ? 'value' : 'labelNl',
          )
        : `${prefix}-choice-add`,
      label: t('research.item.fields.choices'),
    },
    min: { id: `${prefix}-min`, label: t('research.item.fields.min') },
    max: { id: `${prefix}-max`, label: t('research.item.fields.max') },
    maxLength: { id: `${prefix}-max-length`, label: t('research.item.fields.maxLength') },
    maxNames: { id: `${prefix}-max-names`, label: t('research.item.fields.maxNames') },
  };
  const message = (code: string, label: string) =>
    t(`research.item.errors.${code as 'required'}`, { field: label });
  const errors: FormErrors<Field> = clientErrors
    ? {
        fields: Object.fromEntries(
          Object.entries(clientErrors.fields).map(([k, code]) => [
            k,
            message(code, specs[k as Field].label),
          ]),
        ),
        general: null,
      }
    : problemErrors(error, specs, t);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const result = validateDraft(draft, takenCodes);
    if (!result.input) {
      setClientErrors(result.errors);
      return;
    }
    setClientErrors(null);
    onSubmit(result.input);
  };
  const text = (field: 'code' | 'points' | 'min' | 'max' | 'maxLength' | 'maxNames') => ({
    spec: specs[field],
    error: errors.fields[field],
    value: draft[field],
    onChange: (e: { target: { value: string } }) => set({ [field]: e.target.value }),
  });
  const area = (field: 'promptNl' | 'promptEn' | 'helpNl' | 'helpEn', rows: number) => ({
    spec: specs[field],
    error: errors.fields[field],
    rows,
    value: draft[field],
    onChange: (e: { target: { value: string } }) => set({ [field]: e.target.value }),
  });
  return (
    <form className="wd-form wd-form--wide" onSubmit={submit} noValidate>
      <ErrorSummary key={attempt} errors={errors} specs={specs} />
      <TextField
        {...text('code')}
        description={t('research.item.fields.codeHint')}
        autoComplete="off"
        spellCheck={false}
        required
      />
      <SelectField
        spec={specs.kind}
        options={itemKinds.map((k) => ({ value: k, label: t(`research.itemKind.${k}`) }))}
        value={draft.kind}
        onChange={(e) => set({ kind: e.target.value as ItemKind })}
      />
      <TextAreaField {...area('promptNl', 2)} required />
      <TextAreaField
        {...area('promptEn', 2)}
        description={t('research.item.fields.promptEnHint')}
      />
      <TextAreaField {...area('helpNl', 2)} />
      <TextAreaField {...area('helpEn', 2)} />
      <CheckboxField
        id={`${prefix}-required`}
        label={t('research.item.fields.required')}
        checked={draft.required}
        onChange={(required) => set({ required })}
      />
      {draft.kind === 'likert' ? (
        <>
          <TextField {...text('points')} type="number" inputMode="numeric" min={2} max={11} />
          {(['Nl', 'En'] as const).map((lang) => (
            <Fieldset
              key={lang}
              id={`${prefix}-anchors-${lang}`}
              legend={specs[`anchors${lang}`].label}
              description={t('research.item.fields.anchorsHint')}
              error={errors.fields[`anchors${lang}`]}
            >
              <TextField
                spec={{
                  id: `${prefix}-anchor-low-${lang.toLowerCase()}`,
                  label: t('research.item.fields.anchorLow'),
                }}
                value={draft[`anchorLow${lang}`]}
                onChange={(e) => set({ [`anchorLow${lang}`]: e.target.value })}
              />
              <TextField
                spec={{
                  id: `${prefix}-anchor-high-${lang.toLowerCase()}`,
                  label: t('research.item.fields.anchorHigh'),
                }}
                value={draft[`anchorHigh${lang}`]}
                onChange={(e) => set({ [`anchorHigh${lang}`]: e.target.value })}
              />
            </Fieldset>
          ))}
        </>
      ) : null}
      {draft.kind === 'single' || draft.kind === 'multiple' ? (
        <Fieldset
          id={`${prefix}-choices`}
          legend={specs.choices.label}
          description={t('research.item.fields.choicesHint')}
          error={errors.fields.choices}
        >
          <ChoicesEditor
            prefix={prefix}
            choices={draft.choices}
            errors={clientErrors?.choices ?? {}}
            message={message}
            onChange={(choices) => set({ choices })}
          />
        </Fieldset>
      ) : null}
      {draft.kind === 'number' ? (
        <>
          <TextField {...text('min')} inputMode="decimal" />
          <TextField {...text('max')} inputMode="decimal" />
          <CheckboxField
            id={`${prefix}-integer`}
            label={t('research.item.fields.integer')}
            checked={draft.integer}
            onChange={(integer) => set({ integer })}
          />
        </>
      ) : null}
      {draft.kind === 'text' ? (
        <TextField
          {...text('maxLength')}
          inputMode="numeric"
          description={t('research.item.fields.maxLengthHint')}
        />
      ) : null}
      {draft.kind === 'network' ? (
        <TextField
          {...text('maxNames')}
          inputMode="numeric"
          description={t('research.item.fields.maxNamesHint')}
        />
      ) : null}
      <div className="utrecht-button-group">
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
