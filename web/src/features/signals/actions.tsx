import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { useTransition } from './data.ts';
import type { SignalDetail, SignalState } from './types.ts';

const simpleMoves: readonly SignalState[] = ['seen', 'in_dialogue', 'resolved'];

/**
 * The moves the caller may make now (the server says which): mark seen, start a dialogue,
 * resolve, dismiss with a reason, or form an alliance (coordinators: the new-alliance form,
 * prefilled with the two parties).
 */
export function SignalActions({
  slug,
  signal,
  canFormAlliance,
}: {
  slug: string;
  signal: SignalDetail;
  canFormAlliance: boolean;
}) {
  const { t } = useTranslation();
  const move = useTransition(slug, signal.id);
  const feedback = useFeedback();
  const allowed = signal.allowedTransitions;
  const form = useForm<'reason'>({ reason: '' });
  const [dismissing, setDismissing] = useState(false);
  const specs: FieldSpecs<'reason'> = {
    reason: { id: 'signal-dismiss-reason', label: t('signals.actions.reason') },
  };
  const errors = form.errors(specs, dismissing ? move.error : null, t);
  const moves = simpleMoves.filter((s) => allowed.includes(s));
  // After a move the clicked button may be gone: focus goes to the heading, which always stays.
  const done = (to: SignalState) => () => {
    feedback.ok((tt) => tt('signals.actions.moved', { state: tt(`signals.state.${to}`) }));
    document.getElementById('signal-actions')?.focus();
  };
  // The section (and its live region) stays when no moves are left, so the outcome is announced.
  return (
    <section aria-labelledby="signal-actions">
      <h2 className="utrecht-heading-2" id="signal-actions" tabIndex={-1}>
        {t('signals.actions.title')}
      </h2>
      <FeedbackMessage feedback={feedback.feedback} />
      {allowed.length === 0 ? (
        <p className="utrecht-paragraph">{t('signals.actions.none')}</p>
      ) : null}
      {moves.length ? (
        <p className="utrecht-paragraph wd-row-form">
          {moves.map((to) => (
            <Button
              key={to}
              variant={to === 'in_dialogue' ? 'primary' : 'secondary'}
              pending={move.isPending}
              onClick={() => {
                setDismissing(false);
                move.mutate({ to }, { onSuccess: done(to), onError: feedback.fail });
              }}
            >
              {t(`signals.actions.to.${to as 'seen'}`)}
            </Button>
          ))}
        </p>
      ) : null}
      {allowed.includes('alliance_formed') ? (
        canFormAlliance ? (
          <p className="utrecht-paragraph">
            <ButtonLink
              to="/w/$slug/bondgenootschappen/nieuw"
              params={{ slug }}
              search={{ signaal: signal.id }}
            >
              {t('signals.actions.formAlliance')}
            </ButtonLink>
          </p>
        ) : (
          <p className="utrecht-paragraph">{t('signals.actions.formAllianceAsk')}</p>
        )
      ) : null}
      {allowed.includes('dismissed') ? (
        <form
          className="wd-form"
          noValidate
          aria-labelledby="signal-dismiss"
          onSubmit={form.onSubmit(
            (v) => requiredCodes(v, ['reason']),
            (v) => {
              setDismissing(true);
              move.mutate(
                { to: 'dismissed', reason: v.reason.trim() },
                { onSuccess: done('dismissed'), onError: feedback.clear },
              );
            },
          )}
        >
          <h3 className="utrecht-heading-3" id="signal-dismiss">
            {t('signals.actions.dismissTitle')}
          </h3>
          <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
          <TextAreaField
            spec={specs.reason}
            description={t('signals.actions.reasonHint')}
            error={errors.fields.reason}
            rows={3}
            maxLength={2000}
            value={form.values.reason}
            onChange={(e) => form.setValues({ reason: e.target.value })}
          />
          <Button type="submit" variant="secondary" pending={move.isPending}>
            {t('signals.actions.dismiss')}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
