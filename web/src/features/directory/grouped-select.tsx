import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from '../../lib/form.ts';

export interface OptionGroup {
  label: string | null;
  options: ReadonlyArray<{ value: string; label: string }>;
}

type GroupedSelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> & {
  spec: FieldSpec;
  groups: readonly OptionGroup[];
  description?: string;
};

/** A labelled select whose options come in groups (`<optgroup>`), e.g. buurten per wijk. */
export function GroupedSelectField({
  spec,
  groups,
  description,
  ...select
}: GroupedSelectFieldProps) {
  const { t } = useTranslation();
  const descriptionId = `${spec.id}-description`;
  return (
    <div className="utrecht-form-field utrecht-form-field--select">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={spec.id}>
          {spec.label}
        </label>
      </div>
      {description ? (
        <div
          className="utrecht-form-field__description utrecht-form-field-description"
          id={descriptionId}
        >
          {description}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <select
          className="utrecht-select utrecht-select--html-select"
          {...select}
          id={spec.id}
          aria-describedby={description ? descriptionId : undefined}
        >
          <option value="">{t('directory.any')}</option>
          {groups.map((group, i) =>
            group.label ? (
              <optgroup key={`${group.label}-${i}`} label={group.label}>
                {group.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ) : (
              group.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))
            ),
          )}
        </select>
      </div>
    </div>
  );
}
