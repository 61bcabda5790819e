import type { TFunction } from 'i18next';
import { useState } from 'react';
import { CheckboxField, Fieldset, TextAreaField } from '../actors/fields.tsx';
import { TextField } from '../../components/form-fields.tsx';
import {
  choiceLabel,
  filterCandidates,
  helpOf,
  likertScale,
  parseNumberAnswer,
  promptOf,
  type Lang,
} from './answers.ts';
import type { AnswerValue, QuestionnaireItem } from './types.ts';

/** The id of the control an error summary links to for this item. */
export const itemTargetId = (item: QuestionnaireItem): string => {
  const id = `ri-${item.id}`;
  switch (item.kind) {
    case 'likert':
    case 'single':
    case 'multiple':
      return `${id}-0`;
    case 'network':
      return `${id}-filter`;
    default:
      return id;
  }
};

interface ItemFieldProps {
  item: QuestionnaireItem;
  lang: Lang;
  t: TFunction;
  value: AnswerValue;
  error: string | undefined;
  /** A change that is saved at once (a choice, a tick). */
  onChange: (value: AnswerValue) => void;
  /** Typed text: kept locally while typing, saved on leaving the field. */
  onDraft: (value: AnswerValue) => void;
  onCommit: (value: AnswerValue) => void;
  /** A typed answer that cannot be saved (e.g. a number out of range), or null when fine. */
  onInvalid: (message: string | null) => void;
}

function Radios(props: {
  id: string;
  legend: string;
  description: string | null;
  error: string | undefined;
  options: { value: string; label: string }[];
  value: string | null;
  onChange: (value: string) => void;
}) {
  const { id, legend, description, error, options, value, onChange } = props;
  return (
    <Fieldset id={`${id}-group`} legend={legend} description={description} error={error}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.5rem' }}>
        {options.map((option, i) => (
          <div key={option.value} className="utrecht-form-field utrecht-form-field--radio-button">
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                id={`${id}-${i}`}
                name={id}
                value={option.value}
                className="utrecht-radio-button utrecht-radio-button--html-input"
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--radio-button">
              <label
                className="utrecht-form-label utrecht-form-label--radio-button"
                htmlFor={`${id}-${i}`}
              >
                {option.label}
              </label>
            </div>
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

/** One questionnaire item as an accessible form control, by kind. */
export function ItemField(props: ItemFieldProps) {
  const { item, lang, t, value, error, onChange, onDraft, onCommit, onInvalid } = props;
  const id = `ri-${item.id}`;
  const prompt = promptOf(item, lang);
  const legend = item.required ? `${prompt} ${t('research.q.requiredMark')}` : prompt;
  const help = helpOf(item, lang);
  const o = item.options;
  switch (item.kind) {
    case 'likert':
      return (
        <Radios
          id={id}
          legend={legend}
          description={help}
          error={error}
          options={likertScale(o, lang)}
          value={typeof value === 'number' ? String(value) : null}
          onChange={(v) => onChange(Number(v))}
        />
      );
    case 'single':
      return (
        <Radios
          id={id}
          legend={legend}
          description={help}
          error={error}
          options={(o.choices ?? []).map((c) => ({ value: c.value, label: choiceLabel(c, lang) }))}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
        />
      );
    case 'multiple': {
      const selected = Array.isArray(value) ? value : [];
      return (
        <Fieldset id={`${id}-group`} legend={legend} description={help} error={error}>
          <ul className="wd-checkbox-list">
            {(o.choices ?? []).map((c, i) => (
              <li key={c.value}>
                <CheckboxField
                  id={`${id}-${i}`}
                  label={choiceLabel(c, lang)}
                  checked={selected.includes(c.value)}
                  onChange={(on) =>
                    onChange(on ? [...selected, c.value] : selected.filter((v) => v !== c.value))
                  }
                />
              </li>
            ))}
          </ul>
        </Fieldset>
      );
    }
    case 'number':
      return <NumberItem {...props} id={id} legend={legend} help={help} />;
    case 'text':
      return (
        <TextAreaField
          spec={{ id, label: legend }}
          description={help}
          error={error}
          maxLength={o.maxLength ?? 5000}
          aria-required={item.required || undefined}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onDraft(e.target.value)}
          onBlur={(e) => {
            onInvalid(null);
            onCommit(e.target.value.trim() ? e.target.value : null);
          }}
          rows={5}
        />
      );
    case 'network':
      return <NetworkItem {...props} id={id} legend={legend} help={help} />;
  }
}

function NumberItem(props: ItemFieldProps & { id: string; legend: string; help: string | null }) {
  const { item, t, value, error, onCommit, onInvalid, id, legend, help } = props;
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  const o = item.options;
  const bounds =
    o.min !== undefined && o.max !== undefined
      ? t('research.q.between', { min: o.min, max: o.max })
      : o.min !== undefined
        ? t('research.q.atLeast', { min: o.min })
        : o.max !== undefined
          ? t('research.q.atMost', { max: o.max })
          : null;
  const description = [help, bounds, o.integer ? t('research.q.wholeNumber') : null]
    .filter(Boolean)
    .join(' ');
  return (
    <TextField
      spec={{ id, label: legend }}
      type="number"
      inputMode={o.integer ? 'numeric' : 'decimal'}
      description={description || undefined}
      error={error}
      min={o.min}
      max={o.max}
      step={o.integer ? 1 : 'any'}
      aria-required={item.required || undefined}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        const parsed = parseNumberAnswer(text, o);
        if ('problem' in parsed) {
          onInvalid(
            t(`research.q.number.${parsed.problem}`, {
              min: o.min ?? '',
              max: o.max ?? '',
            }),
          );
          return;
        }
        onInvalid(null);
        if (parsed.value !== value) onCommit(parsed.value);
      }}
    />
  );
}

function NetworkItem(props: ItemFieldProps & { id: string; legend: string; help: string | null }) {
  const { item, t, value, error, onChange, onInvalid, id, legend, help } = props;
  const [filter, setFilter] = useState('');
  const chosen = Array.isArray(value) ? value : [];
  const max = item.options.maxNames ?? 10;
  const candidates = item.candidates ?? [];
  const shown = filterCandidates(candidates, filter, chosen);
  const names = new Map(candidates.map((c) => [c.id, c.name]));
  return (
    <Fieldset
      id={`${id}-group`}
      legend={legend}
      description={[help, t('research.q.networkHint', { max })].filter(Boolean).join(' ')}
      error={error}
    >
      <TextField
        spec={{ id: `${id}-filter`, label: t('research.q.networkFilter') }}
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <p className="utrecht-paragraph" aria-live="polite">
        {t('research.q.networkChosen', { count: chosen.length, max })}
        {chosen.length > 0 ? `: ${chosen.map((c) => names.get(c) ?? '').join(', ')}` : ''}
      </p>
      {shown.length === 0 ? (
        <p className="utrecht-paragraph">{t('research.q.networkNone')}</p>
      ) : (
        <ul className="wd-checkbox-list wd-checkbox-list--columns">
          {shown.map((c) => {
            const on = chosen.includes(c.id);
            return (
              <li key={c.id}>
                <CheckboxField
                  id={`${id}-c-${c.id}`}
                  label={c.name}
                  checked={on}
                  onChange={(next) => {
                    if (next && chosen.length >= max) {
                      onInvalid(t('research.q.networkMax', { max }));
                      return;
                    }
                    onInvalid(null);
                    onChange(next ? [...chosen, c.id] : chosen.filter((x) => x !== c.id));
                  }}
                />
              </li>
            );
          })}
        </ul>
      )}
    </Fieldset>
  );
}
