import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { ConsentFields } from './consent-fields.tsx';
import { CheckboxGroup, Fieldset, TextAreaField } from './fields.tsx';
import { useActorForm } from './form-errors.ts';
import { channelOptions } from './labels.ts';
import { LinksFields } from './links-fields.tsx';
import { personInitial, personSpecs, validatePerson, type PersonValues } from './person-values.ts';
import { RolesFields } from './roles-fields.tsx';
import { contactChannels, includes, type ActorDetail } from './types.ts';
import { limits } from './validation.ts';

interface PersonFormProps {
  slug: string;
  /** The carrier being edited; absent for a new one. */
  actor?: ActorDetail;
  /** Coordinators and admins record consent; a carrier editing their own record does not. */
  recordsConsent: boolean;
  /** Visibility beyond private needs recorded consent, except when carriers edit themselves. */
  consentNeeded: boolean;
  pending: boolean;
  serverError: unknown;
  submitLabel: string;
  onSubmit: (values: PersonValues) => void;
}

const FORM = 'person';

/** A carrier ("drager"): who they are, what they carry, where, their roles, contact and consent. */
export function PersonForm(props: PersonFormProps) {
  const {
    slug,
    actor,
    recordsConsent,
    consentNeeded,
    pending,
    serverError,
    submitLabel,
    onSubmit,
  } = props;
  const { t } = useTranslation();
  const form = useActorForm<PersonValues>(personInitial(actor));
  const { values, set } = form;
  const specs = personSpecs(FORM, values, t);
  const errors = form.errors(specs, serverError, t);
  const err = (pointer: string) => errors.fields[pointer];
  const spec = (pointer: string) => {
    const found = specs[pointer];
    if (!found) throw new Error(`No field ${pointer}`);
    return found;
  };

  return (
    <>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form
        className="wd-form wd-form--wide"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (form.check((v) => validatePerson(v, consentNeeded))) onSubmit(values);
        }}
      >
        <TextField
          spec={spec('/name')}
          error={err('/name')}
          required
          autoComplete="off"
          maxLength={limits.name}
          value={values.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <TextAreaField
          spec={spec('/carries')}
          description={t('actors.fields.carriesHint')}
          error={err('/carries')}
          rows={3}
          value={values.carries}
          onChange={(e) => set({ carries: e.target.value })}
        />
        <TextAreaField
          spec={spec('/bio')}
          description={t('actors.fields.bioHint')}
          error={err('/bio')}
          value={values.bio}
          onChange={(e) => set({ bio: e.target.value })}
        />
        <RolesFields
          form={FORM}
          rows={values.roles}
          onChange={(roles) => set({ roles })}
          specs={specs}
          errors={errors.fields}
        />
        <LinksFields
          slug={slug}
          form={FORM}
          values={values}
          onChange={set}
          errors={{
            areas: err('/areaIds'),
            domains: err('/domainIds'),
            targetGroups: err('/targetGroupIds'),
          }}
        />
        <Fieldset
          id={`${FORM}-contact-group`}
          legend={t('actors.fields.contactSection')}
          description={t('actors.fields.contactSectionHint')}
        >
          <TextField
            spec={spec('/email')}
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            error={err('/email')}
            value={values.email}
            onChange={(e) => set({ email: e.target.value })}
          />
          <TextField
            spec={spec('/phone')}
            type="tel"
            autoComplete="off"
            error={err('/phone')}
            value={values.phone}
            onChange={(e) => set({ phone: e.target.value })}
          />
          <CheckboxGroup
            idPrefix={`${FORM}-channel`}
            legend={t('actors.fields.channels')}
            error={err('/contactPreferences/channels')}
            options={channelOptions(t)}
            selected={values.channels}
            onChange={(selected) =>
              set({ channels: contactChannels.filter((c) => includes(selected, c)) })
            }
          />
          <TextField
            spec={spec('/contactPreferences/note')}
            description={t('actors.fields.contactNoteHint')}
            error={err('/contactPreferences/note')}
            autoComplete="off"
            value={values.contactNote}
            onChange={(e) => set({ contactNote: e.target.value })}
          />
        </Fieldset>
        <ConsentFields
          form={FORM}
          values={values}
          onChange={set}
          recordsConsent={recordsConsent}
          specs={{
            consent: spec('/consent'),
            givenOn: spec('/consent/givenOn'),
            textVersion: spec('/consent/textVersion'),
            visibility: spec('/visibility'),
          }}
          errors={{
            consent: err('/consent'),
            givenOn: err('/consent/givenOn'),
            textVersion: err('/consent/textVersion'),
            visibility: err('/visibility'),
          }}
        />
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </form>
    </>
  );
}
