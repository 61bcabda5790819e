import type { ReactNode } from 'react';

interface AlertProps {
  type: 'info' | 'ok' | 'warning' | 'error';
  /** `alert` interrupts (errors), `status` waits (confirmations); omit for static notices. */
  role?: 'alert' | 'status';
  children: ReactNode;
}

export function Alert({ type, role, children }: AlertProps) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type} wd-stack-item`} role={role}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

/**
 * A polite live region that exists before its message does, so screen readers announce changes.
 */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" className="wd-status">
      {message ? (
        <div className="utrecht-alert utrecht-alert--ok wd-stack-item">
          <div className="utrecht-alert__content">
            <p className="utrecht-alert__message utrecht-paragraph">{message}</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
