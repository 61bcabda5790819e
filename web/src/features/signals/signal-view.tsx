import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { TextLink } from '../../components/links.tsx';
import { useFormat } from '../../lib/format.ts';
import { Fact, Facts } from '../actors/facts.tsx';
import { SignalActions } from './actions.tsx';
import { signalQuery } from './data.ts';
import { SignalExplanation } from './explanation.tsx';
import { Party, useScore } from './labels.tsx';
import { SignalNotes } from './notes.tsx';

/** One signal: the parties, state and score, why they overlap, what to do, notes and history. */
export function SignalView({
  slug,
  id,
  canFormAlliance,
}: {
  slug: string;
  id: string;
  canFormAlliance: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const score = useScore();
  const { data: s } = useSuspenseQuery(signalQuery(slug, id));
  return (
    <>
      {s.stale ? <Alert type="info">{t('signals.staleNotice')}</Alert> : null}
      <Facts>
        {s.actors.map((a, i) => (
          <Fact key={a.id} label={t('signals.detail.party', { n: i + 1 })}>
            {a.name ? (
              <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: a.id }}>
                <Party actor={a} />
              </TextLink>
            ) : (
              <Party actor={a} />
            )}
          </Fact>
        ))}
        <Fact label={t('signals.detail.state')}>{t(`signals.state.${s.state}`)}</Fact>
        <Fact label={t('signals.detail.score')}>
          {score(s.score)} — {t('signals.detail.scoreHint')}
        </Fact>
        <Fact label={t('signals.detail.detected')}>{format.date(s.firstDetectedAt)}</Fact>
        <Fact label={t('signals.detail.dismissReason')}>{s.dismissReason}</Fact>
        <Fact label={t('signals.detail.alliance')}>
          {s.allianceId ? (
            <TextLink
              to="/w/$slug/bondgenootschappen/$allianceId"
              params={{ slug, allianceId: s.allianceId }}
            >
              {t('signals.detail.allianceLink')}
            </TextLink>
          ) : null}
        </Fact>
      </Facts>
      <SignalExplanation slug={slug} signal={s} />
      <SignalActions slug={slug} signal={s} canFormAlliance={canFormAlliance} />
      <SignalNotes slug={slug} signal={s} canAdd />
      <section aria-labelledby="signal-history">
        <h2 className="utrecht-heading-2" id="signal-history">
          {t('signals.history.title')}
        </h2>
        <ol className="utrecht-ordered-list">
          {s.history.map((h) => (
            <li key={h.id} className="utrecht-ordered-list__item">
              {format.dateTime(h.at)} ·{' '}
              {h.by ? (h.by.name ?? t('signals.history.hidden')) : t('signals.history.system')}:{' '}
              {t(`signals.history.event.${h.event as 'detected'}`, {
                from: h.fromState ? t(`signals.state.${h.fromState}`) : '',
                to: t(`signals.state.${h.toState}`),
              })}
              {h.reason ? ` — ${h.reason}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
