import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton } from '../../components/form-fields.tsx';
import { focusMainHeading } from '../../lib/focus.ts';
import { useFormat } from '../../lib/format.ts';
import { problemErrors, type FieldSpecs } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { reIdentify } from './api.ts';
import type { Participant, ReIdentification } from './types.ts';

/**
 * The steward's re-identification: a reason first (stored encrypted with the audit event), then
 * the identity, shown in this dialog only and never cached. Closing forgets it.
 */
export function ReIdentifyDialog({
  slug,
  studyId,
  participant,
  onClose,
}: {
  slug: string;
  studyId: string;
  participant: Participant | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useRef<HTMLDialogElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [pending, setPending] = useState(false);
  const [identity, setIdentity] = useState<ReIdentification | null>(null);
  const open = participant !== null;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      document.getElementById('reidentify-reason')?.focus();
    }
    if (!open && dialog.open) {
      dialog.close();
      const active = document.activeElement;
      if (!active || active === document.body || dialog.contains(active)) focusMainHeading();
    }
  }, [open]);
  useEffect(() => {
    if (identity) resultRef.current?.focus();
  }, [identity]);

  const close = () => {
    setReason('');
    setError(null);
    setMissing(false);
    setIdentity(null);
    onClose();
  };
  const specs: FieldSpecs<'reason'> = {
    reason: { id: 'reidentify-reason', label: t('research.reidentify.reason') },
  };
  const errors = missing
    ? {
        fields: { reason: t('errors.field.required', { field: specs.reason.label }) },
        general: null,
      }
    : problemErrors(error, specs, t);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!participant) return;
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setPending(true);
    try {
      setIdentity(await reIdentify(slug, studyId, participant.id, reason.trim()));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  return (
    <dialog
      ref={ref}
      className="utrecht-alert-dialog wd-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <div className="utrecht-alert-dialog__message">
        <h2 className="utrecht-heading-2" id={titleId}>
          {t('research.reidentify.title', { pseudonym: participant?.pseudonym ?? '' })}
        </h2>
        {identity ? (
          <>
            <h3 className="utrecht-heading-3" tabIndex={-1} ref={resultRef}>
              {t('research.reidentify.identity')}
            </h3>
            <dl className="utrecht-data-list utrecht-data-list--rows">
              {[
                [t('research.reidentify.kind'), t(`research.participants.kind.${identity.kind}`)],
                [t('research.reidentify.name'), identity.name ?? '–'],
                [t('research.reidentify.email'), identity.email ?? '–'],
                [t('research.reidentify.auditedAt'), format.dateTime(identity.auditedAt)],
              ].map(([key, value]) => (
                <div key={key} className="utrecht-data-list__item">
                  <dt className="utrecht-data-list__item-key">{key}</dt>
                  <dd className="utrecht-data-list__item-value">{value}</dd>
                </div>
              ))}
            </dl>
            <p className="utrecht-paragraph">{t('research.reidentify.audited')}</p>
            <div className="utrecht-button-group">
              <Button onClick={close}>{t('research.reidentify.close')}</Button>
            </div>
          </>
        ) : (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <ErrorSummary key={attempt} errors={errors} specs={specs} />
            <p className="utrecht-paragraph">{t('research.reidentify.hint')}</p>
            <TextAreaField
              spec={specs.reason}
              error={errors.fields.reason}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              required
            />
            <div className="utrecht-button-group">
              <SubmitButton pending={pending}>{t('research.reidentify.show')}</SubmitButton>
              <Button variant="secondary" onClick={close}>
                {t('common.cancel')}
              </Button>
            </div>
          </form>
        )}
      </div>
    </dialog>
  );
}
