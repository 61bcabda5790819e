import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { useFormat } from '../../lib/format.ts';
import { problemMessage } from '../../lib/problems.ts';
import { CheckboxField, CheckboxGroup, Fieldset } from '../actors/fields.tsx';
import { saveAnswer, submitQuestionnaire } from './data.ts';
import { RadioGroup } from './radio-group.tsx';
import {
  emptyAnswer,
  ratingItems,
  surveyFrequencies,
  surveyIntensities,
  surveyResources,
  type Questionnaire as Q,
  type SurveyAnswer,
} from './types.ts';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

/** Complete: chosen with an intensity (what submitting requires), or not chosen. */
const complete = (a: SurveyAnswer) => !a.chosen || a.intensity !== null;

/**
 * The questionnaire behind a survey link: first whom the respondent works with (the name
 * generator), then per chosen member the intensity, frequency, trust and value items (1–4) and
 * what they bring. Every change is saved at once, in order; a status line says so. While an answer
 * failed to save, submitting is refused and the answer can be saved again.
 */
export function Questionnaire({
  token,
  questionnaire,
  onSubmitted,
}: {
  token: string;
  questionnaire: Q;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [answers, setAnswers] = useState<Record<string, SurveyAnswer>>(() =>
    Object.fromEntries(
      questionnaire.alters.map((a) => [
        a.actorId,
        questionnaire.answers.find((x) => x.alterId === a.actorId) ?? emptyAnswer(a.actorId),
      ]),
    ),
  );
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [confirm, setConfirm] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  // Saves run one after another, so the last change is the one stored.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // Partners whose last save failed (alter id → message): submitting waits until they are saved.
  const failed = useRef(new Map<string, string>());
  const submitRef = useRef<HTMLButtonElement>(null);

  const save = (next: SurveyAnswer) => {
    setState({ kind: 'saving' });
    queue.current = queue.current.then(() =>
      saveAnswer(token, next).then(
        () => {
          failed.current.delete(next.alterId);
          const left = [...failed.current.values()][0];
          setState(
            left === undefined
              ? { kind: 'saved', at: new Date().toISOString() }
              : { kind: 'error', message: left },
          );
        },
        (error: unknown) => {
          const message = problemMessage(error, t);
          failed.current.set(next.alterId, message);
          setState({ kind: 'error', message });
        },
      ),
    );
  };
  const update = (alterId: string, change: Partial<SurveyAnswer>) => {
    const next = { ...answers[alterId]!, ...change };
    setAnswers((all) => ({ ...all, [alterId]: next }));
    save(next);
  };
  // Saves the failed answers again as they are now; focus waits on the submit button meanwhile.
  const retry = () => {
    setSubmitError(null);
    for (const alterId of [...failed.current.keys()]) save(answers[alterId]!);
    submitRef.current?.focus();
  };
  const unsaved = (message: string) => t('surveys.q.unsaved', { message });

  const alters = questionnaire.alters;
  const chosen = alters.filter((a) => answers[a.actorId]!.chosen);
  const done = chosen.filter((a) => complete(answers[a.actorId]!)).length;
  const submit = async () => {
    if (done < chosen.length) {
      setConfirm(false);
      setSubmitError(t('surveys.q.incomplete'));
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    try {
      await queue.current;
      const left = [...failed.current.values()][0];
      if (left !== undefined) {
        setConfirm(false);
        setSubmitError(unsaved(left));
        return;
      }
      await submitQuestionnaire(token);
      setConfirm(false);
      onSubmitted();
    } catch (error) {
      setConfirm(false);
      setSubmitError(problemMessage(error, t));
    } finally {
      setSubmitting(false);
    }
  };
  const levels = (prefix: 'trust' | 'value') =>
    ([1, 2, 3, 4] as const).map((n) => ({
      value: String(n),
      label: t(`surveys.scale.${prefix}${n}`),
    }));

  return (
    <>
      <div role="status" className="wd-status" aria-live="polite">
        <p className="utrecht-paragraph">
          {state.kind === 'saving'
            ? t('surveys.q.saving')
            : state.kind === 'saved'
              ? t('surveys.q.saved', { time: format.time(state.at) })
              : state.kind === 'error'
                ? t('surveys.q.saveFailed', { message: state.message })
                : t('surveys.q.savesAsYouGo')}
        </p>
      </div>

      <section className="wd-section" aria-labelledby="q-partners">
        <h2 className="utrecht-heading-2" id="q-partners">
          {t('surveys.q.step1')}
        </h2>
        <Fieldset
          id="q-partners-group"
          legend={t('surveys.q.whoLegend')}
          description={t('surveys.q.whoHint')}
        >
          <ul className="wd-checkbox-list wd-checkbox-list--columns">
            {alters.map((a, i) => (
              <li key={a.actorId}>
                <CheckboxField
                  id={`q-partner-${i}`}
                  label={a.name}
                  checked={answers[a.actorId]!.chosen}
                  onChange={(on) =>
                    update(a.actorId, on ? { chosen: true } : emptyAnswer(a.actorId))
                  }
                />
              </li>
            ))}
          </ul>
        </Fieldset>
      </section>

      <section className="wd-section" aria-labelledby="q-details">
        <h2 className="utrecht-heading-2" id="q-details">
          {t('surveys.q.step2')}
        </h2>
        <p className="utrecht-paragraph">
          <label htmlFor="q-progress">
            {t('surveys.q.progress', { done, total: chosen.length })}
          </label>{' '}
          <progress id="q-progress" max={Math.max(1, chosen.length)} value={done} />
        </p>
        {chosen.length === 0 ? (
          <p className="utrecht-paragraph">{t('surveys.q.noneChosen')}</p>
        ) : null}
        {chosen.map((a) => {
          const answer = answers[a.actorId]!;
          const id = `q-${a.actorId}`;
          return (
            <section key={a.actorId} className="wd-section" aria-labelledby={`${id}-h`}>
              <h3 className="utrecht-heading-3" id={`${id}-h`}>
                {a.name}
              </h3>
              <RadioGroup
                id={`${id}-intensity`}
                legend={t('surveys.q.intensity', { name: a.name })}
                options={surveyIntensities.map((v) => ({
                  value: v,
                  label: t(`surveys.intensity.${v}`),
                }))}
                value={answer.intensity}
                onChange={(v) => update(a.actorId, { intensity: v as SurveyAnswer['intensity'] })}
              />
              <RadioGroup
                id={`${id}-frequency`}
                legend={t('surveys.q.frequency', { name: a.name })}
                options={surveyFrequencies.map((v) => ({
                  value: v,
                  label: t(`surveys.frequency.${v}`),
                }))}
                value={answer.frequency}
                onChange={(v) => update(a.actorId, { frequency: v as SurveyAnswer['frequency'] })}
              />
              {ratingItems.map((item) => (
                <RadioGroup
                  key={item}
                  id={`${id}-${item}`}
                  legend={t(`surveys.item.${item}`, { name: a.name })}
                  description={t(`surveys.itemHint.${item}`)}
                  options={levels(
                    item === 'reliability' || item === 'mission' || item === 'openness'
                      ? 'trust'
                      : 'value',
                  )}
                  value={answer[item] === null ? null : String(answer[item])}
                  onChange={(v) => update(a.actorId, { [item]: Number(v) })}
                />
              ))}
              <CheckboxGroup
                idPrefix={`${id}-brings`}
                legend={t('surveys.q.brings', { name: a.name })}
                options={surveyResources.map((v) => ({
                  value: v,
                  label: t(`surveys.resource.${v}`),
                }))}
                selected={answer.brings}
                onChange={(v) => update(a.actorId, { brings: v as SurveyAnswer['brings'] })}
              />
            </section>
          );
        })}
      </section>

      <section className="wd-section" aria-labelledby="q-submit">
        <h2 className="utrecht-heading-2" id="q-submit">
          {t('surveys.q.step3')}
        </h2>
        {submitError ? (
          <Alert type="error" role="alert">
            <p className="utrecht-paragraph">{submitError}</p>
          </Alert>
        ) : null}
        {state.kind === 'error' ? (
          <p className="utrecht-paragraph">
            <Button variant="secondary" onClick={retry}>
              {t('surveys.q.retry')}
            </Button>
          </p>
        ) : null}
        <p className="utrecht-paragraph">{t('surveys.q.submitHint')}</p>
        <Button
          ref={submitRef}
          onClick={() => {
            // An answer that did not save would be missing: refuse until it is saved again.
            if (state.kind === 'error') {
              setSubmitError(unsaved(state.message));
              return;
            }
            setConfirm(true);
          }}
        >
          {t('surveys.q.submit')}
        </Button>
      </section>
      <ConfirmDialog
        open={confirm}
        title={t('surveys.q.confirmTitle')}
        confirmLabel={t('surveys.q.confirmSubmit')}
        pending={submitting}
        onConfirm={() => void submit()}
        onCancel={() => setConfirm(false)}
      >
        <p className="utrecht-paragraph">{t('surveys.q.confirmBody', { count: chosen.length })}</p>
      </ConfirmDialog>
    </>
  );
}
