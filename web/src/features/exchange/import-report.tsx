import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextLink } from '../../components/links.tsx';
import { countsOf, linesOfReport, type ReportLine } from './report.ts';
import { ReportTable } from './report-table.tsx';
import type { ActorImportReport } from './types.ts';

/** A heading that takes focus when it appears, so screen-reader users hear the new step. */
function StepHeading({ id, children }: { id: string; children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h3 className="utrecht-heading-3" id={id} ref={ref} tabIndex={-1}>
      {children}
    </h3>
  );
}

interface CheckedProps {
  report: ActorImportReport;
  fileName: string;
  pending: boolean;
  onImport: () => void;
}

/** Step 2: the dry run's report; "Importeren" only when every row can be imported. */
export function CheckedReport({ report, fileName, pending, onImport }: CheckedProps) {
  const { t } = useTranslation();
  const counts = countsOf(report);
  return (
    <section className="wd-exchange-section" aria-labelledby="import-report-title">
      <StepHeading id="import-report-title">
        {t('exchange.import.reportTitle', { file: fileName })}
      </StepHeading>
      {report.valid ? (
        <>
          <p className="utrecht-paragraph">
            {t('exchange.import.summaryValid', { count: counts.ok })}{' '}
            {t('exchange.import.summaryKinds', {
              organisations: counts.organisations,
              persons: counts.persons,
            })}
          </p>
          <p className="utrecht-paragraph">{t('exchange.import.notYet')}</p>
        </>
      ) : (
        <Alert type="error">
          <p className="utrecht-paragraph">
            {counts.fileProblems
              ? t('exchange.import.summaryFileProblem')
              : t('exchange.import.summaryInvalid', { bad: counts.bad, count: counts.rows })}
          </p>
          <p className="utrecht-paragraph">{t('exchange.import.fixAndRetry')}</p>
        </Alert>
      )}
      <ReportTable lines={linesOfReport(report)} />
      {report.valid ? (
        <div className="utrecht-button-group wd-stack-item">
          <Button pending={pending} onClick={onImport}>
            {t('exchange.import.confirm')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

/** The import itself was refused (the workspace changed since the check): nothing was written. */
export function RejectedReport({ lines }: { lines: readonly ReportLine[] }) {
  const { t } = useTranslation();
  return (
    <section className="wd-exchange-section" aria-labelledby="import-rejected-title">
      <StepHeading id="import-rejected-title">{t('exchange.import.rejectedTitle')}</StepHeading>
      <Alert type="error">
        <p className="utrecht-paragraph">{t('exchange.import.rejectedText')}</p>
      </Alert>
      <ReportTable lines={lines} />
    </section>
  );
}

interface DoneProps {
  slug: string;
  report: ActorImportReport;
  fileName: string;
  onAgain: () => void;
}

/** Step 3: what was imported, and where to find it. */
export function DoneReport({ slug, report, fileName, onAgain }: DoneProps) {
  const { t } = useTranslation();
  const counts = countsOf(report);
  return (
    <section className="wd-exchange-section" aria-labelledby="import-done-title">
      <StepHeading id="import-done-title">
        {t('exchange.import.doneTitle', { count: report.created })}
      </StepHeading>
      <Alert type="ok">
        <p className="utrecht-paragraph">
          {t('exchange.import.doneText', { file: fileName })}{' '}
          {t('exchange.import.summaryKinds', {
            organisations: counts.organisations,
            persons: counts.persons,
          })}
        </p>
        {counts.persons > 0 ? (
          <p className="utrecht-paragraph">{t('exchange.import.personsPrivateDone')}</p>
        ) : null}
      </Alert>
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug/zoeken" params={{ slug }}>
          {t('exchange.import.toDirectory')}
        </TextLink>
      </p>
      <ReportTable lines={linesOfReport(report)} />
      <div className="utrecht-button-group wd-stack-item">
        <Button variant="secondary" onClick={onAgain}>
          {t('exchange.import.again')}
        </Button>
      </div>
    </section>
  );
}
