import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { CheckboxField, Fieldset, TextAreaField } from '../actors/fields.tsx';
import type { ActorDetail } from '../actors/types.ts';
import {
  activityInitial,
  activityLimits,
  activitySpecs,
  validateActivity,
  type ActivityValues,
} from './activity-values.ts';
import { specOf, useRecordForm } from './form-state.ts';
import { LinksFields } from './links-fields.tsx';
import { RecordPicker, type Picked } from './record-picker.tsx';
import type { ActivityDetail } from './types.ts';
import '../../styles/activities.css';

interface ActivityFormProps {
  slug: string;
  /** The activity being edited; absent for a new one. */
  activity?: ActivityDetail;
  /** Coordinators and admins pick any actor; other members record for their own carrier. */
  manager: boolean;
  ownCarrier: ActorDetail | null;
  /** Preset actor and initiative of a new activity (from the page it was started on). */
  defaults: { actor: Picked | null; initiative: Picked | null };
  pending: boolean;
  serverError: unknown;
  submitLabel: string;
  onSubmit: (values: ActivityValues) => void;
}

const FORM = 'activity';

/** "Wie doet wat waar": who, what, where, on what, for whom, when and how much. */
export function ActivityForm(props: ActivityFormProps) {
  const { slug, activity, manager, ownCarrier, defaults, pending, serverError } = props;
  const { t } = useTranslation();
  const form = useRecordForm<ActivityValues>(() => activityInitial(activity, defaults));
  const { values, set } = form;
  const specs = activitySpecs(FORM, t);
  const errors = form.errors(specs, serverError, t);
  const err = (pointer: string) => errors.fields[pointer];
  const spec = (pointer: string) => specOf(specs, pointer);

  // Members record only for their own carrier (and keep the one an activity already has).
  const ownOptions = [
    ...(values.actor && values.actor.id !== ownCarrier?.id ? [values.actor] : []),
    ...(ownCarrier ? [{ id: ownCarrier.id, label: ownCarrier.name }] : []),
  ];

  return (
    <>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form
        className="wd-form wd-form--wide"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (form.check(validateActivity)) props.onSubmit(values);
        }}
      >
        {manager ? (
          <RecordPicker
            slug={slug}
            type="actor"
            spec={spec('/actorId')}
            searchLabel={t('activities.fields.actorSearch')}
            emptyLabel={t('activities.fields.chooseActor')}
            value={values.actor}
            onChange={(actor) => set({ actor })}
            error={err('/actorId')}
          />
        ) : (
          <SelectField
            spec={spec('/actorId')}
            description={t('activities.fields.actorOwnHint')}
            error={err('/actorId')}
            options={ownOptions.map((o) => ({ value: o.id, label: o.label }))}
            value={values.actor?.id ?? ''}
            onChange={(event) =>
              set({ actor: ownOptions.find((o) => o.id === event.target.value) ?? null })
            }
          />
        )}
        <TextField
          spec={spec('/title')}
          description={t('activities.fields.titleHint')}
          error={err('/title')}
          required
          autoComplete="off"
          maxLength={activityLimits.title}
          value={values.title}
          onChange={(e) => set({ title: e.target.value })}
        />
        <TextAreaField
          spec={spec('/description')}
          description={t('activities.fields.descriptionHint')}
          error={err('/description')}
          value={values.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <LinksFields
          slug={slug}
          form={FORM}
          areasHint={t('activities.fields.areasHint')}
          values={values}
          onChange={set}
          errors={{
            areas: err('/areaIds'),
            domains: err('/domainIds'),
            targetGroups: err('/targetGroupIds'),
          }}
        />
        <Fieldset id={`${FORM}-period`} legend={t('activities.fields.period')}>
          <TextField
            spec={spec('/startDate')}
            type="date"
            required
            error={err('/startDate')}
            value={values.startDate}
            onChange={(e) => set({ startDate: e.target.value })}
          />
          <CheckboxField
            id={`${FORM}-ongoing`}
            label={t('activities.fields.ongoing')}
            description={t('activities.fields.ongoingHint')}
            checked={values.ongoing}
            onChange={(ongoing) => set({ ongoing })}
          />
          {values.ongoing ? null : (
            <TextField
              spec={spec('/endDate')}
              type="date"
              required
              error={err('/endDate')}
              value={values.endDate}
              onChange={(e) => set({ endDate: e.target.value })}
            />
          )}
        </Fieldset>
        <TextField
          spec={spec('/hoursPerWeek')}
          description={t('activities.fields.hoursHint')}
          error={err('/hoursPerWeek')}
          inputMode="decimal"
          autoComplete="off"
          value={values.hoursPerWeek}
          onChange={(e) => set({ hoursPerWeek: e.target.value })}
        />
        <RecordPicker
          slug={slug}
          type="initiative"
          spec={spec('/initiativeId')}
          searchLabel={t('activities.fields.initiativeSearch')}
          description={t('activities.fields.initiativeHint')}
          emptyLabel={t('activities.fields.noInitiative')}
          value={values.initiative}
          onChange={(initiative) => set({ initiative })}
          error={err('/initiativeId')}
        />
        <SubmitButton pending={pending}>{props.submitLabel}</SubmitButton>
      </form>
    </>
  );
}
