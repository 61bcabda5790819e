import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { useFormat } from '../../lib/format.ts';
import { obstacleQuery, useEndorse, useRespond } from './data.ts';
import type { ObstacleStatus } from './types.ts';

/** One obstacle: its text (rendered as text), "Ik herken dit", the owner's response and history. */
export function ObstacleView({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: o } = useSuspenseQuery(obstacleQuery(slug, id));
  const endorse = useEndorse(slug, id);
  const respond = useRespond(slug, id);
  const feedback = useFeedback();
  const [context, setContext] = useState('');
  const [next, setNext] = useState<ObstacleStatus | ''>('');
  const [explanation, setExplanation] = useState('');
  const nextStatus = next || o.viewer.nextStatuses[0];
  const open = ['reported', 'acknowledged', 'in_progress'].includes(o.status);
  return (
    <>
      <FeedbackMessage feedback={feedback.feedback} />
      <p className="utrecht-paragraph">
        {t(`obstacles.category.${o.category}`)} · {t(`obstacles.severity.${o.severity}`)} ·{' '}
        {t(`obstacles.status.${o.status}`)}
        {o.ownerName ? ` · ${o.ownerName}` : ''}
      </p>
      <p className="utrecht-paragraph">
        {o.reporterKind === 'anonymous' ? `${t('obstacles.detail.anonymousReport')} · ` : ''}
        {t('obstacles.detail.reportedOn', { date: format.date(o.createdAt) })}
        {o.dueDate
          ? ` · ${t('obstacles.detail.due', { date: format.date(`${o.dueDate}T12:00:00Z`) })}`
          : ''}
      </p>
      <p className="utrecht-paragraph">{o.description}</p>
      {o.whatWouldHelp ? (
        <>
          <h2 className="utrecht-heading-2">{t('obstacles.detail.whatWouldHelp')}</h2>
          <p className="utrecht-paragraph">{o.whatWouldHelp}</p>
        </>
      ) : null}
      <h2 className="utrecht-heading-2">
        {t('obstacles.detail.endorsements', { count: o.endorsementCount })}
      </h2>
      {o.endorsements.some((e) => e.context) ? (
        <ul className="utrecht-unordered-list">
          {o.endorsements
            .filter((e) => e.context)
            .map((e) => (
              <li key={e.id} className="utrecht-unordered-list__item">
                {e.context}
              </li>
            ))}
        </ul>
      ) : null}
      {o.viewer.hasEndorsed ? (
        <p className="utrecht-paragraph">{t('obstacles.detail.endorsed')}</p>
      ) : open && !o.viewer.isReporter ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            endorse.mutate(context, {
              onSuccess: () => feedback.ok((tt) => tt('obstacles.detail.endorsed')),
              onError: feedback.fail,
            });
          }}
        >
          <div className="utrecht-form-field utrecht-form-field--text">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="endorse-context">
                {t('obstacles.detail.endorseContext')}
              </label>
            </div>
            <div className="utrecht-form-field__input">
              <textarea
                id="endorse-context"
                className="utrecht-textarea utrecht-textarea--html-textarea"
                rows={3}
                value={context}
                onChange={(e) => setContext(e.target.value)}
              />
            </div>
          </div>
          <Button type="submit" pending={endorse.isPending}>
            {t('obstacles.detail.endorse')}
          </Button>
        </form>
      ) : null}
      {o.viewer.nextStatuses.length ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!nextStatus) return;
            respond.mutate(
              { status: nextStatus, explanation },
              {
                onSuccess: () => {
                  setNext('');
                  setExplanation('');
                  feedback.ok((tt) => tt('obstacles.detail.responded'));
                },
                onError: feedback.fail,
              },
            );
          }}
        >
          <h2 className="utrecht-heading-2">{t('obstacles.detail.respond')}</h2>
          <div className="utrecht-form-field utrecht-form-field--select">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="respond-status">
                {t('obstacles.detail.nextStatus')}
              </label>
            </div>
            <div className="utrecht-form-field__input">
              <select
                id="respond-status"
                className="utrecht-select utrecht-select--html-select"
                value={nextStatus}
                onChange={(e) => setNext(e.target.value as ObstacleStatus)}
              >
                {o.viewer.nextStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`obstacles.status.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="utrecht-form-field utrecht-form-field--text">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="respond-explanation">
                {t('obstacles.detail.explanation')}
              </label>
            </div>
            <div className="utrecht-form-field__input">
              <textarea
                id="respond-explanation"
                className="utrecht-textarea utrecht-textarea--html-textarea"
                rows={3}
                value={explanation}
                onChange={(e) => setExplanation(e.target.value)}
              />
            </div>
          </div>
          <Button type="submit" pending={respond.isPending}>
            {t('obstacles.detail.send')}
          </Button>
        </form>
      ) : null}
      {o.history ? (
        <>
          <h2 className="utrecht-heading-2">{t('obstacles.detail.history')}</h2>
          <ol className="utrecht-ordered-list">
            {o.history.map((h, i) => (
              <li key={i} className="utrecht-ordered-list__item">
                {format.date(h.createdAt)} · {t(`obstacles.detail.role.${h.actorRole}`)}:{' '}
                {h.kind === 'status' && h.status
                  ? t(`obstacles.status.${h.status}`)
                  : h.kind === 'assigned'
                    ? t('obstacles.detail.event.assigned', { note: h.note ?? '' })
                    : t(`obstacles.detail.event.${h.kind as 'reported'}`)}
                {h.note && h.kind !== 'assigned' && h.kind !== 'merged' ? ` — ${h.note}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}
