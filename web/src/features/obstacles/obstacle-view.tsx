import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/obstacles.css';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { TextLink } from '../../components/links.tsx';
import { useFormat } from '../../lib/format.ts';
import { SelectField } from '../../components/form-fields.tsx';
import { Fact, Facts } from '../actors/facts.tsx';
import { TextAreaField } from '../actors/fields.tsx';
import { areasQuery, termsQuery, useTermLabel } from '../actors/reference.ts';
import { Coordination } from './coordination.tsx';
import { obstacleQuery, useEndorse, useRespond, useWithdraw } from './data.ts';
import type { ObstacleDetail, ObstacleStatus } from './types.ts';

/** Where and on what: area and domain names (loaded beside the obstacle, not blocking it). */
function Where({ slug, o }: { slug: string; o: ObstacleDetail }) {
  const { t } = useTranslation();
  const label = useTermLabel();
  const { data: areas } = useQuery({ ...areasQuery(slug), enabled: o.areaIds.length > 0 });
  const { data: terms } = useQuery({ ...termsQuery(slug), enabled: o.domainIds.length > 0 });
  const areaNames = (areas ?? []).filter((a) => o.areaIds.includes(a.id)).map((a) => a.name);
  const domainNames = (terms ?? []).filter((d) => o.domainIds.includes(d.id)).map(label);
  if (!areaNames.length && !domainNames.length) return null;
  return (
    <Facts>
      <Fact label={t('obstacles.detail.areas')}>{areaNames.join(', ')}</Fact>
      <Fact label={t('obstacles.detail.domains')}>{domainNames.join(', ')}</Fact>
    </Facts>
  );
}

/**
 * The named reporter withdraws an open report, after a confirmation. Stays mounted once the
 * report is closed, so the confirmation's callbacks still arrive.
 */
function Withdraw(props: { slug: string; id: string; open: boolean; onDone: () => void }) {
  const { slug, id, open, onDone } = props;
  const { t } = useTranslation();
  const withdraw = useWithdraw(slug, id);
  const [confirming, setConfirming] = useState(false);
  if (!open && !confirming) return null;
  return (
    <>
      <p className="utrecht-paragraph">
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('obstacles.detail.withdraw')}
        </Button>
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('obstacles.detail.withdrawTitle')}
        confirmLabel={t('obstacles.detail.withdraw')}
        pending={withdraw.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          withdraw.mutate(undefined, {
            onSettled: () => setConfirming(false),
            onSuccess: onDone,
          })
        }
      >
        <p className="utrecht-paragraph">{t('obstacles.detail.withdrawConfirm')}</p>
      </ConfirmDialog>
    </>
  );
}

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
      {o.hidden ? (
        <Alert type="warning">
          {t('obstacles.detail.hiddenNotice')}
          {o.hiddenReason ? ` ${o.hiddenReason}` : ''}
        </Alert>
      ) : null}
      {o.mergedIntoId ? (
        <p className="utrecht-paragraph">
          {t('obstacles.detail.mergedInto')}{' '}
          <TextLink
            to="/w/$slug/knelpunten/$obstacleId"
            params={{ slug, obstacleId: o.mergedIntoId }}
          >
            {t('obstacles.detail.mergedIntoLink')}
          </TextLink>
        </p>
      ) : null}
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
      <Where slug={slug} o={o} />
      <p className="utrecht-paragraph">{o.description}</p>
      {o.whatWouldHelp ? (
        <section className="wd-obstacle-part">
          <h2 className="utrecht-heading-2">{t('obstacles.detail.whatWouldHelp')}</h2>
          <p className="utrecht-paragraph">{o.whatWouldHelp}</p>
        </section>
      ) : null}
      <section className="wd-obstacle-part">
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
            className="wd-form"
            onSubmit={(e) => {
              e.preventDefault();
              endorse.mutate(context, {
                onSuccess: () => feedback.ok((tt) => tt('obstacles.detail.endorsed')),
                onError: feedback.fail,
              });
            }}
          >
            <TextAreaField
              spec={{ id: 'endorse-context', label: t('obstacles.detail.endorseContext') }}
              rows={3}
              value={context}
              onChange={(e) => setContext(e.target.value)}
            />
            <Button type="submit" pending={endorse.isPending}>
              {t('obstacles.detail.endorse')}
            </Button>
          </form>
        ) : null}
      </section>
      {o.viewer.nextStatuses.length ? (
        <form
          className="wd-form wd-obstacle-part"
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
          <SelectField
            spec={{ id: 'respond-status', label: t('obstacles.detail.nextStatus') }}
            options={o.viewer.nextStatuses.map((st) => ({
              value: st,
              label: t(`obstacles.status.${st}`),
            }))}
            value={nextStatus}
            onChange={(e) => setNext(e.target.value as ObstacleStatus)}
          />
          <TextAreaField
            spec={{ id: 'respond-explanation', label: t('obstacles.detail.explanation') }}
            rows={3}
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
          />
          <Button type="submit" pending={respond.isPending}>
            {t('obstacles.detail.send')}
          </Button>
        </form>
      ) : null}
      {o.viewer.isReporter ? (
        <Withdraw
          slug={slug}
          id={id}
          open={open}
          onDone={() => feedback.ok((tt) => tt('obstacles.detail.withdrawn'))}
        />
      ) : null}
      {o.viewer.canModerate ? <Coordination slug={slug} id={id} /> : null}
      {o.history ? (
        <section className="wd-obstacle-part">
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
        </section>
      ) : null}
    </>
  );
}
