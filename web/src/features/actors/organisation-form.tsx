import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { Fieldset, TextAreaField } from './fields.tsx';
import { useActorForm } from './form-errors.ts';
import {
  budgetBandOptions,
  orgKindOptions,
  sizeClassOptions,
  visibilityHelp,
  visibilityOptions,
} from './labels.ts';
import { LinksFields } from './links-fields.tsx';
import {
  organisationInitial,
  organisationSpecs,
  validateOrganisation,
  type OrganisationValues,
} from './organisation-values.ts';
import { includes, visibilities, type ActorDetail } from './types.ts';
import { limits } from './validation.ts';

interface OrganisationFormProps {
  slug: string;
  actor?: ActorDetail;
  pending: boolean;
  serverError: unknown;
  submitLabel: string;
  onSubmit: (values: OrganisationValues) => void;
}

const FORM = 'organisation';

/** An organisation: kind, size (budget band and staff, or a chosen class), KvK, website, where. */
export function OrganisationForm(props: OrganisationFormProps) {
  const { slug, actor, pending, serverError, submitLabel, onSubmit } = props;
  const { t } = useTranslation();
  const form = useActorForm<OrganisationValues>(organisationInitial(actor));
  const { values, set } = form;
  const specs = organisationSpecs(FORM, t);
  const errors = form.errors(specs, serverError, t);
  const err = (pointer: string) => errors.fields[pointer];
  const spec = (pointer: string) => {
    const found = specs[pointer];
    if (!found) throw new Error(`No field ${pointer}`);
    return found;
  };
  const none = (label: string) => [{ value: '', label }];

  return (
    <>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form
        className="wd-form wd-form--wide"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (form.check(validateOrganisation)) onSubmit(values);
        }}
      >
        <TextField
          spec={spec('/name')}
          error={err('/name')}
          required
          autoComplete="organization"
          maxLength={limits.name}
          value={values.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <SelectField
          spec={spec('/orgKind')}
          error={err('/orgKind')}
          required
          options={[...none(t('actors.chooseOrgKind')), ...orgKindOptions(t)]}
          value={values.orgKind}
          onChange={(e) => set({ orgKind: e.target.value })}
        />
        <TextAreaField
          spec={spec('/bio')}
          description={t('actors.fields.orgBioHint')}
          error={err('/bio')}
          value={values.bio}
          onChange={(e) => set({ bio: e.target.value })}
        />
        <Fieldset
          id={`${FORM}-size-group`}
          legend={t('actors.fields.sizeSection')}
          description={t('actors.sizeClassExplained')}
        >
          <SelectField
            spec={spec('/budgetBand')}
            error={err('/budgetBand')}
            options={[...none(t('actors.unknown')), ...budgetBandOptions(t)]}
            value={values.budgetBand}
            onChange={(e) => set({ budgetBand: e.target.value })}
          />
          <TextField
            spec={spec('/staffCount')}
            description={t('actors.fields.staffCountHint')}
            error={err('/staffCount')}
            inputMode="numeric"
            autoComplete="off"
            value={values.staffCount}
            onChange={(e) => set({ staffCount: e.target.value })}
          />
          <SelectField
            spec={spec('/sizeClassOverride')}
            description={t('actors.fields.sizeClassOverrideHint')}
            error={err('/sizeClassOverride')}
            options={[...none(t('actors.sizeDerived')), ...sizeClassOptions(t)]}
            value={values.sizeClassOverride}
            onChange={(e) => set({ sizeClassOverride: e.target.value })}
          />
        </Fieldset>
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
        <Fieldset id={`${FORM}-contact-group`} legend={t('actors.fields.orgContactSection')}>
          <TextField
            spec={spec('/kvkNumber')}
            description={t('actors.fields.kvkNumberHint')}
            error={err('/kvkNumber')}
            inputMode="numeric"
            autoComplete="off"
            value={values.kvkNumber}
            onChange={(e) => set({ kvkNumber: e.target.value })}
          />
          <TextField
            spec={spec('/website')}
            description={t('actors.fields.websiteHint')}
            error={err('/website')}
            type="url"
            autoComplete="url"
            spellCheck={false}
            value={values.website}
            onChange={(e) => set({ website: e.target.value })}
          />
          <TextField
            spec={spec('/email')}
            type="email"
            inputMode="email"
            autoComplete="email"
            spellCheck={false}
            error={err('/email')}
            value={values.email}
            onChange={(e) => set({ email: e.target.value })}
          />
          <TextField
            spec={spec('/phone')}
            type="tel"
            autoComplete="tel"
            error={err('/phone')}
            value={values.phone}
            onChange={(e) => set({ phone: e.target.value })}
          />
        </Fieldset>
        <SelectField
          spec={spec('/visibility')}
          options={visibilityOptions(t)}
          description={
            <ul className="utrecht-unordered-list">
              {visibilities.map((v) => (
                <li key={v} className="utrecht-unordered-list__item">
                  {v === 'private'
                    ? t('actors.visibilityHelpOrganisationPrivate')
                    : visibilityHelp(v, t)}
                </li>
              ))}
            </ul>
          }
          error={err('/visibility')}
          value={values.visibility}
          onChange={(e) => {
            if (includes(visibilities, e.target.value)) set({ visibility: e.target.value });
          }}
        />
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </form>
    </>
  );
}
