import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { problemMessage } from '../../lib/problems.ts';
import { areaImportRunQuery } from './data.ts';
import type { AreaImportRun } from './types.ts';

interface ImportProgressProps {
  slug: string;
  runId: string;
  onFinished: (run: AreaImportRun) => void;
}

/** Tenths only, so the live region speaks at most ten times, not on every poll. */
const tenths = (done: number, total: number) =>
  total > 0 ? Math.min(100, Math.floor((done / total) * 10) * 10) : 0;

/** Step 3: the running import, polled until it has finished. */
export function ImportProgress({ slug, runId, onFinished }: ImportProgressProps) {
  const { t } = useTranslation();
  const { data: run, error } = useQuery(areaImportRunQuery(slug, runId));
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const finished = run && run.status !== 'running' ? run : null;
  useEffect(() => {
    if (finished) onFinished(finished);
  }, [finished, onFinished]);

  const total = run?.total ?? null;
  const done = run?.done ?? 0;
  const status =
    total === null
      ? t('areas.import.reading')
      : t('areas.import.progressText', { percent: tenths(done, total) });
  return (
    <section className="wd-section" aria-labelledby="import-progress-title">
      <h2 className="utrecht-heading-2" id="import-progress-title" ref={headingRef} tabIndex={-1}>
        {t('areas.import.progressTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('areas.import.progressLead')}</p>
      <div className="utrecht-form-field">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor="import-progress">
            {t('areas.import.progress')}
          </label>
        </div>
        <div className="utrecht-form-field__input">
          {total === null ? (
            <progress id="import-progress" className="wd-progress" />
          ) : (
            <progress
              id="import-progress"
              className="wd-progress"
              max={Math.max(total, 1)}
              value={Math.min(done, total)}
            />
          )}
        </div>
      </div>
      <p className="utrecht-paragraph" role="status" aria-live="polite">
        {status}
      </p>
      {error ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(error, t)}</p>
        </Alert>
      ) : null}
    </section>
  );
}
