import type { ReactNode } from 'react';
import { Fieldset } from '../actors/fields.tsx';

interface RadioGroupProps {
  /** Prefix of the radio ids and the group's name. */
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string | null;
  onChange: (value: string) => void;
}

/** One question with its options as radio buttons in a fieldset whose legend is the question. */
export function RadioGroup({ id, legend, description, options, value, onChange }: RadioGroupProps) {
  return (
    <Fieldset id={id} legend={legend} description={description}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.5rem' }}>
        {options.map((option, i) => {
          const inputId = `${id}-${i}`;
          return (
            <div key={option.value} className="utrecht-form-field utrecht-form-field--radio-button">
              <div className="utrecht-form-field__input">
                <input
                  type="radio"
                  id={inputId}
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
                  htmlFor={inputId}
                >
                  {option.label}
                </label>
              </div>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
