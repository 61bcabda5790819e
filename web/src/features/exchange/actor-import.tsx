import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { Alert } from '../../components/alert.tsx';
import { problemMessage } from '../../lib/problems.ts';
import { useActorImport, useCheckActorImport } from './data.ts';
import { ImportColumns } from './import-columns.tsx';
import { ImportForm } from './import-form.tsx';
import { CheckedReport, DoneReport, RejectedReport } from './import-report.tsx';
import { linesOfProblem, type ReportLine } from './report.ts';
import type { ActorImportInput, ActorImportReport } from './types.ts';

type Step =
  | { kind: 'form' }
  | { kind: 'checked'; input: ActorImportInput; fileName: string; report: ActorImportReport }
  | { kind: 'rejected'; lines: ReportLine[] }
  | { kind: 'done'; fileName: string; report: ActorImportReport };

/** A refused import: 400 with the file's problems (`/rows/<n>`, `/content`). */
const fileRefusal = (error: unknown) =>
  isApiProblem(error) && error.status === 400 && error.code === 'invalid_actor_file'
    ? error.errors
    : null;

/** Choose a list → check (dry run, per-row report) → import (all or nothing) → done. */
export function ActorImport({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const check = useCheckActorImport(slug);
  const run = useActorImport(slug);
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [restarted, setRestarted] = useState(false);

  const reset = () => {
    check.reset();
    run.reset();
    setStep({ kind: 'form' });
  };

  const importChecked = (checked: Extract<Step, { kind: 'checked' }>) =>
    run.mutate(checked.input, {
      onSuccess: (report) => setStep({ kind: 'done', fileName: checked.fileName, report }),
      onError: (error) => {
        const errors = fileRefusal(error);
        if (errors) setStep({ kind: 'rejected', lines: linesOfProblem(errors, checked.report) });
      },
    });

  if (step.kind === 'done') {
    return (
      <DoneReport
        slug={slug}
        report={step.report}
        fileName={step.fileName}
        onAgain={() => {
          reset();
          setRestarted(true);
        }}
      />
    );
  }

  return (
    <>
      <p className="utrecht-paragraph">{t('exchange.import.intro')}</p>
      <p className="utrecht-paragraph">{t('exchange.import.personsPrivate')}</p>
      <ImportColumns />
      <ImportForm
        pending={check.isPending}
        error={check.error}
        focusOnMount={restarted}
        onFileChange={reset}
        onCheck={(input, fileName) => {
          run.reset();
          check.mutate(input, {
            onSuccess: (report) => setStep({ kind: 'checked', input, fileName, report }),
          });
        }}
      />
      {step.kind === 'checked' ? (
        <>
          {run.error && !fileRefusal(run.error) ? (
            <Alert type="error" role="alert">
              <p className="utrecht-paragraph">{problemMessage(run.error, t)}</p>
            </Alert>
          ) : null}
          <CheckedReport
            key={`${step.fileName}-${check.submittedAt}`}
            report={step.report}
            fileName={step.fileName}
            pending={run.isPending}
            onImport={() => importChecked(step)}
          />
        </>
      ) : null}
      {step.kind === 'rejected' ? <RejectedReport lines={step.lines} /> : null}
    </>
  );
}
