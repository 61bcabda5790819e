import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../api/types.ts';
import { Button } from '../../components/button.tsx';

/** The secret, shown once: a read-only field to select, a copy button and a clear warning. */
export function NewToken({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Once the secret is on screen, move focus to it, so screen-reader users know it appeared.
  useEffect(() => headingRef.current?.focus(), []);
  const copy = () => {
    navigator.clipboard.writeText(created.token).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <section
      className="utrecht-alert utrecht-alert--ok wd-stack-item"
      aria-labelledby="new-token-title"
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 ref={headingRef} className="utrecht-heading-2" id="new-token-title" tabIndex={-1}>
            {t('tokens.createdTitle', { name: created.name })}
          </h2>
          <p className="utrecht-paragraph" id="new-token-hint">
            {t('tokens.copyHint')}
          </p>
          <div className="utrecht-form-field utrecht-form-field--text">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="new-token-value">
                {t('tokens.secret')}
              </label>
            </div>
            <div className="utrecht-form-field__input">
              <input
                id="new-token-value"
                className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only wd-monospace"
                readOnly
                value={created.token}
                aria-describedby="new-token-hint"
                spellCheck={false}
                onFocus={(event) => event.currentTarget.select()}
              />
            </div>
          </div>
          <div className="utrecht-button-group">
            <Button onClick={copy}>{t('tokens.copy')}</Button>
            <Button variant="secondary" onClick={onDone}>
              {t('tokens.done')}
            </Button>
          </div>
          <p className="utrecht-paragraph" role="status">
            {copied === true ? t('tokens.copied') : null}
            {copied === false ? t('tokens.copyFailed') : null}
          </p>
        </div>
      </div>
    </section>
  );
}
