import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import type { FieldSpec } from '../../lib/form.ts';
import { CheckboxField, Fieldset } from './fields.tsx';
import { visibilityHelp, visibilityOptions } from './labels.ts';
import { visibilities, type Visibility } from './types.ts';

export interface ConsentValues {
  visibility: Visibility;
  consentRecorded: boolean;
  consentGivenOn: string;
  consentTextVersion: string;
}

interface ConsentFieldsProps {
  form: string;
  values: ConsentValues;
  onChange: (changes: Partial<ConsentValues>) => void;
  specs: {
    consent: FieldSpec;
    givenOn: FieldSpec;
    textVersion: FieldSpec;
    visibility: FieldSpec;
  };
  errors: Partial<Record<'consent' | 'givenOn' | 'textVersion' | 'visibility', string>>;
  /** Coordinators record consent; a carrier managing their own record needs none. */
  recordsConsent: boolean;
}

/**
 * Consent and visibility of a carrier: private by default; visible to the workspace or the public
 * only once the person's consent is recorded (date and the version of the text they agreed to).
 */
export function ConsentFields({
  form,
  values,
  onChange,
  specs,
  errors,
  recordsConsent,
}: ConsentFieldsProps) {
  const { t } = useTranslation();
  const visibilityDescription = (
    <>
      <ul className="utrecht-unordered-list">
        {visibilities.map((v) => (
          <li key={v} className="utrecht-unordered-list__item">
            {visibilityHelp(v, t)}
          </li>
        ))}
      </ul>
      {recordsConsent ? t('actors.visibilityNeedsConsent') : t('actors.visibilityOwn')}
    </>
  );
  return (
    <Fieldset
      id={`${form}-consent-group`}
      legend={t('actors.fields.consentSection')}
      description={recordsConsent ? t('actors.fields.consentSectionHint') : undefined}
    >
      {recordsConsent ? (
        <>
          <CheckboxField
            id={specs.consent.id}
            label={specs.consent.label}
            description={t('actors.fields.consentHint')}
            checked={values.consentRecorded}
            error={errors.consent}
            onChange={(consentRecorded) => onChange({ consentRecorded })}
          />
          {values.consentRecorded ? (
            <>
              <TextField
                spec={specs.givenOn}
                type="date"
                required
                error={errors.givenOn}
                value={values.consentGivenOn}
                onChange={(e) => onChange({ consentGivenOn: e.target.value })}
              />
              <TextField
                spec={specs.textVersion}
                required
                description={t('actors.fields.consentTextVersionHint')}
                error={errors.textVersion}
                autoComplete="off"
                value={values.consentTextVersion}
                onChange={(e) => onChange({ consentTextVersion: e.target.value })}
              />
            </>
          ) : null}
        </>
      ) : null}
      <SelectField
        spec={specs.visibility}
        options={visibilityOptions(t)}
        description={visibilityDescription}
        error={errors.visibility}
        value={values.visibility}
        onChange={(e) => {
          const v = e.target.value;
          if ((visibilities as readonly string[]).includes(v))
            onChange({ visibility: v as Visibility });
        }}
      />
    </Fieldset>
  );
}
