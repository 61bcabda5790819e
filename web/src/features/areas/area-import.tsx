import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextLink } from '../../components/links.tsx';
import { problemMessage } from '../../lib/problems.ts';
import { useAreaImportPreview, useRefreshAreas, useStartAreaImport } from './data.ts';
import { ImportErrors } from './import-errors.tsx';
import { ImportForm } from './import-form.tsx';
import { FileFacts, ImportPreview } from './import-preview.tsx';
import { ImportProgress } from './import-progress.tsx';
import type { AreaImportInput, AreaImportPreview, AreaImportRun } from './types.ts';

type Step =
  | { kind: 'form' }
  | { kind: 'preview'; input: AreaImportInput; fileName: string; preview: AreaImportPreview }
  | { kind: 'running'; runId: string; fileName: string }
  | { kind: 'finished'; run: AreaImportRun; fileName: string };

/** The outcome of the background run: what was written, or why nothing was. */
function Finished({
  slug,
  run,
  fileName,
  onAgain,
}: {
  slug: string;
  run: AreaImportRun;
  fileName: string;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const ok = run.status === 'succeeded' && run.report;
  return (
    <section className="wd-section" aria-labelledby="import-done-title">
      <h2 className="utrecht-heading-2" id="import-done-title" ref={headingRef} tabIndex={-1}>
        {ok ? t('areas.import.doneTitle') : t('areas.import.failedTitle')}
      </h2>
      {ok && run.report ? (
        <>
          <Alert type="ok">
            <p className="utrecht-paragraph">
              {t('areas.import.doneSummary', {
                created: run.report.created,
                updated: run.report.updated,
              })}
            </p>
          </Alert>
          <FileFacts fileName={fileName} mapping={run.report.mapping} crs={run.report.crs} />
          <p className="utrecht-paragraph">
            <TextLink to="/w/$slug/kaart" params={{ slug }}>
              {t('areas.import.toMap')}
            </TextLink>
          </p>
        </>
      ) : (
        <>
          <Alert type="error">
            <p className="utrecht-paragraph">{t('areas.import.failedSummary')}</p>
          </Alert>
          {run.problem?.errors?.length ? <ImportErrors errors={run.problem.errors} /> : null}
        </>
      )}
      <Button variant="secondary" onClick={onAgain}>
        {t('areas.import.again')}
      </Button>
    </section>
  );
}

/** Upload → preview (dry run) → confirm → progress → done. */
export function AreaImport({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const preview = useAreaImportPreview(slug);
  const start = useStartAreaImport(slug);
  const refresh = useRefreshAreas(slug);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [restarted, setRestarted] = useState(false);

  const onFinished = useCallback(
    (run: AreaImportRun) => {
      setStep((current) =>
        current.kind === 'running'
          ? { kind: 'finished', run, fileName: current.fileName }
          : current,
      );
      if (run.status === 'succeeded') void refresh();
    },
    [refresh],
  );

  const again = () => {
    preview.reset();
    start.reset();
    setRestarted(true);
    setStep({ kind: 'form' });
  };

  switch (step.kind) {
    case 'form':
      return (
        <ImportForm
          pending={preview.isPending}
          error={preview.error}
          focusOnMount={restarted}
          onPreview={(input, fileName) =>
            preview.mutate(input, {
              onSuccess: (result) => setStep({ kind: 'preview', input, fileName, preview: result }),
            })
          }
        />
      );
    case 'preview':
      return (
        <>
          {start.error ? (
            <Alert type="error" role="alert">
              <p className="utrecht-paragraph">
                {isApiProblem(start.error) && start.error.code === 'import_running'
                  ? t('areas.import.busy')
                  : problemMessage(start.error, t)}
              </p>
            </Alert>
          ) : null}
          <ImportPreview
            preview={step.preview}
            fileName={step.fileName}
            pending={start.isPending}
            onConfirm={() =>
              start.mutate(step.input, {
                onSuccess: (run) =>
                  setStep({ kind: 'running', runId: run.id, fileName: step.fileName }),
              })
            }
            onCancel={again}
          />
        </>
      );
    case 'running':
      return <ImportProgress slug={slug} runId={step.runId} onFinished={onFinished} />;
    case 'finished':
      return <Finished slug={slug} run={step.run} fileName={step.fileName} onAgain={again} />;
  }
}
