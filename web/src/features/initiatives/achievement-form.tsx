import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import type { FieldSpec } from '../../lib/form.ts';
import { isIsoDate, today } from '../actors/dates.ts';
import { CheckboxGroup, TextAreaField } from '../actors/fields.tsx';
import type { Codes } from '../actors/form-errors.ts';
import { includes } from '../actors/types.ts';
import { checkText, orNull } from '../actors/validation.ts';
import { specOf, useRecordForm } from '../activities/form-state.ts';
import { useCreateAchievement } from './data.ts';
import { achievementTypeOptions, participantRoleLabel } from './labels.ts';
import { achievementTypes, type AchievementType, type InitiativeDetail } from './types.ts';

interface AchievementValues {
  type: AchievementType;
  title: string;
  occurredOn: string;
  description: string;
  evidence: string;
  source: string;
  credited: string[];
}

const FORM = 'achievement';
const limits = { title: 200, source: 200, text: 5000 } as const;

const initial = (): AchievementValues => ({
  type: 'result',
  title: '',
  occurredOn: today(),
  description: '',
  evidence: '',
  source: '',
  credited: [],
});

function achievementSpecs(t: TFunction): Record<string, FieldSpec> {
  return {
    '/type': { id: `${FORM}-type`, label: t('activities.achievements.fields.type') },
    '/title': { id: `${FORM}-title`, label: t('activities.achievements.fields.title') },
    '/occurredOn': { id: `${FORM}-date`, label: t('activities.achievements.fields.occurredOn') },
    '/description': { id: `${FORM}-description`, label: t('activities.fields.description') },
    '/evidence': { id: `${FORM}-evidence`, label: t('activities.achievements.fields.evidence') },
    '/source': { id: `${FORM}-source`, label: t('activities.achievements.fields.source') },
    '/creditedActorIds': {
      id: `${FORM}-credit-0`,
      label: t('activities.achievements.fields.credited'),
    },
  };
}

function validate(values: AchievementValues): Codes {
  const codes: Codes = {};
  checkText(codes, '/title', values.title, limits.title, true);
  if (!values.occurredOn) codes['/occurredOn'] = 'required';
  else if (!isIsoDate(values.occurredOn)) codes['/occurredOn'] = 'invalid_format';
  checkText(codes, '/description', values.description, limits.text);
  if (values.type === 'result') checkText(codes, '/evidence', values.evidence, limits.text);
  else checkText(codes, '/source', values.source, limits.source);
  if (values.credited.length === 0) codes['/creditedActorIds'] = 'required';
  return codes;
}

/** Add a result (with evidence) or a recognition (with its source), credited to participants. */
export function AchievementForm(props: {
  slug: string;
  initiative: InitiativeDetail;
  onAdded: (title: string) => void;
}) {
  const { slug, initiative, onAdded } = props;
  const { t } = useTranslation();
  const create = useCreateAchievement(slug);
  const form = useRecordForm<AchievementValues>(initial);
  const { values, set } = form;
  const specs = achievementSpecs(t);
  const errors = form.errors(specs, create.error, t);
  const err = (pointer: string) => errors.fields[pointer];
  const spec = (pointer: string) => specOf(specs, pointer);
  const result = values.type === 'result';
  // One checkbox per actor, even when it is both a carrier and a partner (carriers come first).
  const credits = initiative.participants
    .filter((p, i, all) => all.findIndex((q) => q.actorId === p.actorId) === i)
    .map((p) => ({
      value: p.actorId,
      label: t('activities.achievements.creditOption', {
        name: p.name,
        role: participantRoleLabel(p.role, t).toLowerCase(),
      }),
    }));

  return (
    <section className="wd-section" aria-labelledby="achievement-form-title">
      <h3 className="utrecht-heading-3" id="achievement-form-title">
        {t('activities.achievements.addTitle')}
      </h3>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form
        className="wd-form wd-form--wide"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!form.check(validate)) return;
          const title = values.title.trim();
          create.mutate(
            {
              initiativeId: initiative.id,
              type: values.type,
              title,
              description: orNull(values.description),
              occurredOn: values.occurredOn,
              evidence: result ? orNull(values.evidence) : null,
              source: result ? null : orNull(values.source),
              creditedActorIds: values.credited,
            },
            {
              onSuccess: () => {
                form.reset(initial());
                create.reset();
                onAdded(title);
              },
            },
          );
        }}
      >
        <SelectField
          spec={spec('/type')}
          description={t('activities.achievements.fields.typeHint')}
          error={err('/type')}
          options={achievementTypeOptions(t)}
          value={values.type}
          onChange={(e) => {
            if (includes(achievementTypes, e.target.value)) set({ type: e.target.value });
          }}
        />
        <TextField
          spec={spec('/title')}
          description={
            result
              ? t('activities.achievements.fields.titleHintResult')
              : t('activities.achievements.fields.titleHintRecognition')
          }
          error={err('/title')}
          required
          autoComplete="off"
          maxLength={limits.title}
          value={values.title}
          onChange={(e) => set({ title: e.target.value })}
        />
        <TextField
          spec={spec('/occurredOn')}
          type="date"
          required
          error={err('/occurredOn')}
          value={values.occurredOn}
          onChange={(e) => set({ occurredOn: e.target.value })}
        />
        {result ? (
          <TextAreaField
            spec={spec('/evidence')}
            description={t('activities.achievements.fields.evidenceHint')}
            error={err('/evidence')}
            rows={3}
            value={values.evidence}
            onChange={(e) => set({ evidence: e.target.value })}
          />
        ) : (
          <TextField
            spec={spec('/source')}
            description={t('activities.achievements.fields.sourceHint')}
            error={err('/source')}
            autoComplete="off"
            maxLength={limits.source}
            value={values.source}
            onChange={(e) => set({ source: e.target.value })}
          />
        )}
        <TextAreaField
          spec={spec('/description')}
          error={err('/description')}
          rows={3}
          value={values.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <CheckboxGroup
          idPrefix={`${FORM}-credit`}
          legend={t('activities.achievements.fields.credited')}
          description={t('activities.achievements.fields.creditedHint')}
          error={err('/creditedActorIds')}
          options={credits}
          selected={values.credited}
          onChange={(credited) => set({ credited })}
          emptyText={t('activities.achievements.noParticipants')}
        />
        <SubmitButton pending={create.isPending}>{t('activities.achievements.add')}</SubmitButton>
      </form>
    </section>
  );
}
