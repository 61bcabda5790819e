import type { TFunction } from 'i18next';
import { useRef, useState, type FormEvent } from 'react';
import { isApiProblem } from '../../api/client.ts';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton } from '../../components/form-fields.tsx';
import { useFormat } from '../../lib/format.ts';
import type { FieldSpecs, FormErrors } from '../../lib/form.ts';
import { problemMessage } from '../../lib/problems.ts';
import { saveResearchAnswer, submitResearchQuestionnaire } from './api.ts';
import { isAnswered, missingRequired, promptOf, type Lang } from './answers.ts';
import { ItemField, itemTargetId } from './item-field.tsx';
import type { AnswerValue, ResearchQuestionnaire as Q } from './types.ts';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'error'; message: string };

/**
 * The questionnaire behind a research invitation link, in the invitation's language. Every answer
 * is saved as soon as it is given (choices at once, typed answers on leaving the field), one save
 * after another; a status line says so. Submitting lists every required item still missing.
 */
export function ResearchQuestionnaireForm({
  token,
  questionnaire,
  t,
  lang,
  onSubmitted,
}: {
  token: string;
  questionnaire: Q;
  t: TFunction;
  lang: Lang;
  onSubmitted: () => void;
}) {
  const format = useFormat();
  const items = questionnaire.items;
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(() => ({
    ...questionnaire.answers,
  }));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // Item id → why its answer is not saved (a typed value out of range, a failed save).
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [attempted, setAttempted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // The error summary as of the last submit (inline errors stay live; the summary does not jump).
  const [summary, setSummary] = useState<FormErrors<string>>({ fields: {}, general: null });
  const [submitting, setSubmitting] = useState(false);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // What the server holds per item (JSON), so an unchanged field is not saved again.
  const saved = useRef(
    new Map(Object.entries(questionnaire.answers).map(([k, v]) => [k, JSON.stringify(v)])),
  );
  const failed = useRef(new Map<string, AnswerValue>());

  const setProblem = (itemId: string, message: string | null) =>
    setProblems((all) => {
      if (message === null) {
        if (!(itemId in all)) return all;
        const { [itemId]: _gone, ...rest } = all;
        return rest;
      }
      return all[itemId] === message ? all : { ...all, [itemId]: message };
    });

  const save = (itemId: string, value: AnswerValue) => {
    const json = JSON.stringify(value);
    if ((saved.current.get(itemId) ?? 'null') === json && !failed.current.has(itemId)) return;
    setState({ kind: 'saving' });
    queue.current = queue.current.then(() =>
      saveResearchAnswer(token, itemId, value).then(
        (res) => {
          saved.current.set(itemId, json);
          failed.current.delete(itemId);
          setProblem(itemId, null);
          setState(
            failed.current.size === 0
              ? { kind: 'saved', at: res.savedAt }
              : { kind: 'error', message: t('research.q.someUnsaved') },
          );
        },
        (error: unknown) => {
          const message = problemMessage(error, t);
          failed.current.set(itemId, value);
          setProblem(itemId, t('research.q.notSaved', { message }));
          setState({ kind: 'error', message });
        },
      ),
    );
  };
  const change = (itemId: string, value: AnswerValue) => {
    setAnswers((all) => ({ ...all, [itemId]: value }));
    save(itemId, value);
  };
  const retry = () => {
    for (const [itemId, value] of [...failed.current]) save(itemId, value);
  };

  const missing = new Set(missingRequired(items, answers).map((i) => i.id));
  const errorOf = (itemId: string, prompt: string): string | undefined =>
    problems[itemId] ??
    (attempted && missing.has(itemId) ? t('research.q.missing', { prompt }) : undefined);
  const specs: FieldSpecs<string> = Object.fromEntries(
    items.map((i) => [i.id, { id: itemTargetId(i), label: promptOf(i, lang) }]),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const fail = (fields: Record<string, string>, general: string | null = null) => {
      setSummary({ fields, general });
      setAttempt((n) => n + 1);
    };
    const now: Record<string, string> = {};
    for (const i of items) {
      const prompt = promptOf(i, lang);
      const e = problems[i.id] ?? (missing.has(i.id) ? t('research.q.missing', { prompt }) : null);
      if (e) now[i.id] = e;
    }
    if (Object.keys(now).length > 0) return fail(now);
    setSummary({ fields: {}, general: null });
    setSubmitting(true);
    try {
      await queue.current;
      if (failed.current.size > 0) return fail({}, t('research.q.someUnsaved'));
      await submitResearchQuestionnaire(token);
      onSubmitted();
    } catch (error) {
      // The server lists missing required items as /items/<code>.
      const codes = new Set(
        isApiProblem(error) && error.status === 400
          ? error.errors.map((e) => e.pointer.replace(/^\/items\//, ''))
          : [],
      );
      const extra = items.filter((i) => codes.has(i.code));
      if (extra.length > 0) {
        const fields = Object.fromEntries(
          extra.map((i) => [i.id, t('research.q.missing', { prompt: promptOf(i, lang) })]),
        );
        setProblems((all) => ({ ...all, ...fields }));
        return fail(fields);
      }
      fail({}, problemMessage(error, t));
    } finally {
      setSubmitting(false);
    }
  };

  const required = items.filter((i) => i.required).length;
  const answered = items.filter((i) => isAnswered(answers[i.id])).length;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="wd-form wd-form--wide">
      <div role="status" className="wd-status" aria-live="polite">
        <p className="utrecht-paragraph">
          {state.kind === 'saving'
            ? t('research.q.saving')
            : state.kind === 'saved'
              ? t('research.q.saved', { time: format.time(state.at) })
              : state.kind === 'error'
                ? t('research.q.saveFailed', { message: state.message })
                : t('research.q.savesAsYouGo')}
        </p>
      </div>
      {state.kind === 'error' ? (
        <p className="utrecht-paragraph">
          <Button variant="secondary" onClick={retry}>
            {t('research.q.retry')}
          </Button>
        </p>
      ) : null}
      <ErrorSummary key={attempt} errors={summary} specs={specs} />
      {required > 0 ? <p className="utrecht-paragraph">{t('research.q.requiredHint')}</p> : null}
      <p className="utrecht-paragraph">
        <label htmlFor="rq-progress">
          {t('research.q.progress', { done: answered, total: items.length })}
        </label>{' '}
        <progress id="rq-progress" max={Math.max(1, items.length)} value={answered} />
      </p>
      {items.map((item) => (
        <div key={item.id} className="wd-stack-item">
          <ItemField
            item={item}
            lang={lang}
            t={t}
            value={answers[item.id] ?? null}
            error={errorOf(item.id, promptOf(item, lang))}
            onChange={(v) => change(item.id, v)}
            onDraft={(v) => setAnswers((all) => ({ ...all, [item.id]: v }))}
            onCommit={(v) => change(item.id, v)}
            onInvalid={(message) => setProblem(item.id, message)}
          />
        </div>
      ))}
      <p className="utrecht-paragraph">{t('research.q.submitHint')}</p>
      <SubmitButton pending={submitting}>{t('research.q.submit')}</SubmitButton>
    </form>
  );
}
