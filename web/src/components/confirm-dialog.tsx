import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { focusMainHeading } from '../lib/focus.ts';
import { Button } from './button.tsx';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal confirmation on the native <dialog>: it traps focus, closes on Escape and returns focus
 * to the button that opened it.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, pending, onConfirm, onCancel } = props;
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Start on the harmless choice; the destructive one is a deliberate Tab away.
      cancelRef.current?.focus();
    }
    if (!open && dialog.open) {
      dialog.close();
      // The opener may be gone (a removed row); then focus the page heading, not <body>.
      const active = document.activeElement;
      if (!active || active === document.body || dialog.contains(active)) focusMainHeading();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="utrecht-alert-dialog utrecht-alert-dialog--warning wd-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <div className="utrecht-alert-dialog__message">
        <h2 className="utrecht-heading-2" id={titleId}>
          {title}
        </h2>
        <div id={bodyId}>{children}</div>
        <div className="utrecht-button-group">
          <Button danger pending={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
          <Button ref={cancelRef} variant="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
