import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import type { FieldSpec } from '../../lib/form.ts';
import { specOf, useRecordForm } from '../activities/form-state.ts';
import { RecordPicker, type Picked } from '../activities/record-picker.tsx';
import { useAddAffiliation, useUpdateAffiliation } from './data.ts';
import { Fieldset } from './fields.tsx';
import type { Codes } from './form-errors.ts';
import type { ActorDetail, ActorKind, Affiliation } from './types.ts';
import { checkPeriod, checkText, orNull } from './validation.ts';

/** As the server: the role is free text of 1 to 100 characters. */
const ROLE_MAX = 100;

interface PeriodValues {
  role: string;
  startDate: string;
  endDate: string;
}

interface AddValues extends PeriodValues {
  counterpart: Picked | null;
}

function checkRoleAndPeriod(codes: Codes, values: PeriodValues): Codes {
  checkText(codes, '/role', values.role, ROLE_MAX, true);
  checkPeriod(codes, { start: '/startDate', end: '/endDate' }, values.startDate, values.endDate);
  return codes;
}

/** Field specs by the pointers the server uses in `errors[]`; ids start with `form`. */
function periodSpecs(form: string, t: TFunction): Record<string, FieldSpec> {
  return {
    '/role': { id: `${form}-role`, label: t('actors.affiliations.role') },
    '/startDate': { id: `${form}-start`, label: t('actors.affiliations.startDate') },
    '/endDate': { id: `${form}-end`, label: t('actors.affiliations.endDate') },
  };
}

/** Role and period, shared by the add and the edit form. */
function RoleAndPeriodFields(props: {
  form: string;
  specs: Record<string, FieldSpec>;
  values: PeriodValues;
  errors: Partial<Record<string, string>>;
  set: (changes: Partial<PeriodValues>) => void;
}) {
  const { form, specs, values, errors, set } = props;
  const { t } = useTranslation();
  return (
    <>
      <TextField
        spec={specOf(specs, '/role')}
        description={t('actors.affiliations.roleHint')}
        error={errors['/role']}
        required
        autoComplete="off"
        maxLength={ROLE_MAX}
        value={values.role}
        onChange={(e) => set({ role: e.target.value })}
      />
      <Fieldset
        id={`${form}-period`}
        legend={t('actors.affiliations.period')}
        description={t('actors.affiliations.periodHint')}
      >
        <TextField
          spec={specOf(specs, '/startDate')}
          type="date"
          error={errors['/startDate']}
          value={values.startDate}
          onChange={(e) => set({ startDate: e.target.value })}
        />
        <TextField
          spec={specOf(specs, '/endDate')}
          type="date"
          description={t('actors.affiliations.endDateHint')}
          error={errors['/endDate']}
          value={values.endDate}
          onChange={(e) => set({ endDate: e.target.value })}
        />
      </Fieldset>
    </>
  );
}

const ADD = 'affiliation-add';
const EDIT = 'affiliation-edit';

/** The other side of an affiliation: a person's organisations, an organisation's people. */
export const counterpartKind = (kind: ActorKind): ActorKind =>
  kind === 'person' ? 'organisation' : 'person';

const emptyAdd = (): AddValues => ({ counterpart: null, role: '', startDate: '', endDate: '' });

/** Links a person and an organisation: pick the other party, the role and the period. */
export function AffiliationAddForm(props: {
  slug: string;
  actor: ActorDetail;
  onAdded: (affiliation: Affiliation, counterpart: Picked) => void;
}) {
  const { slug, actor, onAdded } = props;
  const { t } = useTranslation();
  const add = useAddAffiliation(slug, actor.id);
  const form = useRecordForm<AddValues>(emptyAdd);
  const { values, set } = form;
  const kind = counterpartKind(actor.kind);
  const organisation = kind === 'organisation';
  const specs: Record<string, FieldSpec> = {
    '/counterpartId': {
      id: `${ADD}-counterpart`,
      label: organisation ? t('actors.affiliations.organisation') : t('actors.affiliations.person'),
    },
    ...periodSpecs(ADD, t),
  };
  const errors = form.errors(specs, add.error, t);
  const validate = (v: AddValues): Codes => {
    const codes: Codes = {};
    if (!v.counterpart) codes['/counterpartId'] = 'required';
    return checkRoleAndPeriod(codes, v);
  };

  return (
    <section className="wd-section" aria-labelledby={`${ADD}-title`}>
      <h3 className="utrecht-heading-3" id={`${ADD}-title`}>
        {t('actors.affiliations.addTitle')}
      </h3>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form
        className="wd-form wd-form--wide"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const counterpart = values.counterpart;
          if (!form.check(validate) || !counterpart) return;
          add.mutate(
            {
              counterpartId: counterpart.id,
              role: values.role.trim(),
              startDate: orNull(values.startDate),
              endDate: orNull(values.endDate),
            },
            {
              onSuccess: (affiliation) => {
                form.reset(emptyAdd());
                add.reset();
                onAdded(affiliation, counterpart);
              },
            },
          );
        }}
      >
        <Fieldset
          id={`${ADD}-who`}
          legend={
            organisation
              ? t('actors.affiliations.whichOrganisation')
              : t('actors.affiliations.whichPerson')
          }
        >
          <RecordPicker
            slug={slug}
            type="actor"
            actorKind={kind}
            spec={specOf(specs, '/counterpartId')}
            searchLabel={
              organisation
                ? t('actors.affiliations.searchOrganisation')
                : t('actors.affiliations.searchPerson')
            }
            emptyLabel={
              organisation
                ? t('actors.affiliations.chooseOrganisation')
                : t('actors.affiliations.choosePerson')
            }
            value={values.counterpart}
            onChange={(counterpart) => set({ counterpart })}
            error={errors.fields['/counterpartId']}
          />
        </Fieldset>
        <RoleAndPeriodFields
          form={ADD}
          specs={specs}
          values={values}
          errors={errors.fields}
          set={set}
        />
        <SubmitButton pending={add.isPending}>{t('actors.affiliations.add')}</SubmitButton>
      </form>
    </section>
  );
}

/** The first field of the edit form, which takes focus when the form opens. */
export const editFormFirstField = `${EDIT}-role`;

/** Changes the role or period of an affiliation; an end date ends it (it stays on record). */
export function AffiliationEditForm(props: {
  slug: string;
  affiliation: Affiliation;
  /** The other party's name, as the table shows it. */
  name: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { slug, affiliation, name, onSaved, onCancel } = props;
  const { t } = useTranslation();
  const update = useUpdateAffiliation(slug);
  const form = useRecordForm<PeriodValues>(() => ({
    role: affiliation.role,
    startDate: affiliation.startDate ?? '',
    endDate: affiliation.endDate ?? '',
  }));
  const { values, set } = form;
  const specs = periodSpecs(EDIT, t);
  const errors = form.errors(specs, update.error, t);

  return (
    <section className="wd-section" aria-labelledby={`${EDIT}-title`}>
      <h3 className="utrecht-heading-3" id={`${EDIT}-title`}>
        {t('actors.affiliations.editTitle', { name })}
      </h3>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form
        className="wd-form wd-form--wide"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!form.check((v) => checkRoleAndPeriod({}, v))) return;
          update.mutate(
            {
              id: affiliation.id,
              changes: {
                role: values.role.trim(),
                startDate: orNull(values.startDate),
                endDate: orNull(values.endDate),
              },
            },
            { onSuccess: onSaved },
          );
        }}
      >
        <RoleAndPeriodFields
          form={EDIT}
          specs={specs}
          values={values}
          errors={errors.fields}
          set={set}
        />
        <div className="utrecht-button-group">
          <SubmitButton pending={update.isPending}>{t('actors.affiliations.save')}</SubmitButton>
          <Button variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
