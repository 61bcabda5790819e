import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/problems.ts';
import { Alert, StatusMessage } from './alert.tsx';

/** The outcome of the last action on a page: a confirmation or a problem. */
export type Feedback =
  { kind: 'ok'; text: (t: TFunction) => string } | { kind: 'error'; error: unknown } | null;

export function useFeedback() {
  const [feedback, setFeedback] = useState<Feedback>(null);
  return {
    feedback,
    ok: (text: (t: TFunction) => string) => setFeedback({ kind: 'ok', text }),
    fail: (error: unknown) => setFeedback({ kind: 'error', error }),
    clear: () => setFeedback(null),
  };
}

/** Confirmations go to a polite live region, problems to an alert. Texts follow the language. */
export function FeedbackMessage({ feedback }: { feedback: Feedback }) {
  const { t } = useTranslation();
  return (
    <>
      <StatusMessage message={feedback?.kind === 'ok' ? feedback.text(t) : null} />
      {feedback?.kind === 'error' ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(feedback.error, t)}</p>
        </Alert>
      ) : null}
    </>
  );
}
