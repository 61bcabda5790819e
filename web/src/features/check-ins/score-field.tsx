import { useTranslation } from 'react-i18next';
import { scoreValues, type ScoreKey } from './types.ts';

/** The id of a score's first option: where the error summary sends focus. */
export const scoreFieldId = (score: ScoreKey) => `check-in-${score}-1`;

/**
 * One score as a group of five radio buttons, 1 to 5, with the meaning of both ends in the labels
 * and in the group's description. Arrow keys move within the group, Tab moves past it.
 */
export function ScoreField({
  score,
  value,
  onChange,
  error,
}: {
  score: ScoreKey;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const name = `check-in-${score}`;
  const low = t(`checkIns.score.${score}.low`);
  const high = t(`checkIns.score.${score}.high`);
  const describedBy = [error ? `${name}-error` : null, `${name}-description`]
    .filter(Boolean)
    .join(' ');
  const optionLabel = (v: number) =>
    v === 1 || v === 5 ? t('checkIns.form.optionEnd', { value: v, end: v === 1 ? low : high }) : v;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wd-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {t(`checkIns.score.${score}.label`)}
      </legend>
      <p
        className="utrecht-form-field-description utrecht-paragraph wd-score-description"
        id={`${name}-description`}
      >
        {t(`checkIns.score.${score}.question`, { low, high })}
      </p>
      {error ? (
        <p className="utrecht-form-field-error-message" id={`${name}-error`}>
          <span className="wd-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <ul className="wd-score-options">
        {scoreValues.map((v) => {
          const id = `${name}-${v}`;
          return (
            <li key={v} className="utrecht-form-field utrecht-form-field--radio">
              <div className="utrecht-form-field__input">
                <input
                  type="radio"
                  id={id}
                  name={name}
                  value={v}
                  checked={value === String(v)}
                  onChange={() => onChange(String(v))}
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                />
              </div>
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                  {optionLabel(v)}
                </label>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
