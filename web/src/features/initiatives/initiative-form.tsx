import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { Fieldset, TextAreaField } from '../actors/fields.tsx';
import { visibilityOptions } from '../actors/labels.ts';
import { includes, visibilities, type ActorDetail } from '../actors/types.ts';
import { specOf, useRecordForm } from '../activities/form-state.ts';
import { LinksFields } from '../activities/links-fields.tsx';
import {
  initiativeInitial,
  initiativeLimits,
  initiativeSpecs,
  validateInitiative,
  type InitiativeValues,
} from './initiative-values.ts';
import { statusOptions } from './labels.ts';
import { ParticipantsFields } from './participants-fields.tsx';
import { initiativeStatuses, type InitiativeDetail } from './types.ts';
import '../../styles/activities.css';

interface InitiativeFormProps {
  slug: string;
  initiative?: InitiativeDetail;
  /** Members who are no coordinator must list their own carrier as a carrier. */
  ownCarrier: ActorDetail | null;
  manager: boolean;
  pending: boolean;
  serverError: unknown;
  submitLabel: string;
  onSubmit: (values: InitiativeValues) => void;
}

const FORM = 'initiative';

/** An initiative or project: what, status, when, who sees it, where, and who carries it. */
export function InitiativeForm(props: InitiativeFormProps) {
  const { slug, initiative, ownCarrier, manager, pending, serverError } = props;
  const { t } = useTranslation();
  const form = useRecordForm<InitiativeValues>(() =>
    initiativeInitial(initiative, manager ? null : ownCarrier),
  );
  const { values, set } = form;
  const specs = initiativeSpecs(FORM, values, t);
  const errors = form.errors(specs, serverError, t);
  const err = (pointer: string) => errors.fields[pointer];
  const spec = (pointer: string) => specOf(specs, pointer);
  const ownCarrierId = manager ? null : (ownCarrier?.id ?? null);

  return (
    <>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form
        className="wd-form wd-form--wide"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (form.check((v) => validateInitiative(v, ownCarrierId))) props.onSubmit(values);
        }}
      >
        <TextField
          spec={spec('/name')}
          error={err('/name')}
          required
          autoComplete="off"
          maxLength={initiativeLimits.name}
          value={values.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <TextAreaField
          spec={spec('/description')}
          description={t('activities.initiatives.fields.descriptionHint')}
          error={err('/description')}
          value={values.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <SelectField
          spec={spec('/status')}
          error={err('/status')}
          options={statusOptions(t)}
          value={values.status}
          onChange={(e) => {
            if (includes(initiativeStatuses, e.target.value)) set({ status: e.target.value });
          }}
        />
        <Fieldset
          id={`${FORM}-period`}
          legend={t('activities.fields.period')}
          description={t('activities.initiatives.fields.periodHint')}
        >
          <TextField
            spec={spec('/startDate')}
            type="date"
            error={err('/startDate')}
            value={values.startDate}
            onChange={(e) => set({ startDate: e.target.value })}
          />
          <TextField
            spec={spec('/endDate')}
            type="date"
            error={err('/endDate')}
            value={values.endDate}
            onChange={(e) => set({ endDate: e.target.value })}
          />
        </Fieldset>
        <SelectField
          spec={spec('/visibility')}
          description={t('activities.initiatives.fields.visibilityHint')}
          error={err('/visibility')}
          options={visibilityOptions(t)}
          value={values.visibility}
          onChange={(e) => {
            if (includes(visibilities, e.target.value)) set({ visibility: e.target.value });
          }}
        />
        <LinksFields
          slug={slug}
          form={FORM}
          areasHint={t('activities.initiatives.fields.areasHint')}
          values={values}
          onChange={set}
          errors={{
            areas: err('/areaIds'),
            domains: err('/domainIds'),
            targetGroups: err('/targetGroupIds'),
          }}
        />
        <ParticipantsFields
          slug={slug}
          form={FORM}
          rows={values.participants}
          onChange={(participants) => set({ participants })}
          specs={specs}
          errors={errors.fields}
        />
        <SubmitButton pending={pending}>{props.submitLabel}</SubmitButton>
      </form>
    </>
  );
}
