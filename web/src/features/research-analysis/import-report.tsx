import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableHead } from '../../components/table.tsx';
import type { RowProblem } from './columns.ts';

/** Reason codes the page translates; any other code shows the server's (English) detail. */
const knownReasons = [
  'duplicate_column',
  'duplicate_item',
  'duplicate_participant',
  'empty_file',
  'invalid_email',
  'invalid_type',
  'missing_participant',
  'no_rows',
  'not_a_number',
  'not_integer',
  'out_of_range',
  'too_long',
  'unknown_choice',
  'unknown_column',
  'unknown_item',
  'unknown_participant',
  'unsupported_item',
] as const;

/**
 * Every problem of a refused import (nothing was written): row, column and reason, in a table
 * under an alert that takes focus, so the summary is read first.
 */
export function ImportErrors({ problems }: { problems: readonly RowProblem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [problems]);
  // Known reasons in the page's language (with the cell they quote); others as the server says.
  const reason = (p: RowProblem) =>
    (knownReasons as readonly string[]).includes(p.code)
      ? `${t(`researchAnalysis.import.reason.${p.code as (typeof knownReasons)[number]}`)}${
          p.value === null ? '' : ` (“${p.value}”)`
        }`
      : p.reason || p.code;
  return (
    <div
      ref={ref}
      className="utrecht-alert utrecht-alert--error wd-stack-item"
      role="alert"
      tabIndex={-1}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 className="utrecht-heading-2">
            {t('researchAnalysis.import.errorsTitle', { count: problems.length })}
          </h2>
          <p className="utrecht-paragraph">{t('researchAnalysis.import.errorsLead')}</p>
          <Table caption={t('researchAnalysis.import.errorsCaption')} captionHidden>
            <TableHead
              columns={[
                t('researchAnalysis.import.row'),
                t('researchAnalysis.import.column'),
                t('researchAnalysis.import.reasonTitle'),
              ]}
            />
            <tbody className="utrecht-table__body">
              {problems.map((p, i) => (
                <tr key={i} className="utrecht-table__row">
                  <th
                    scope="row"
                    className="utrecht-table__header-cell utrecht-table__cell--numeric-data"
                  >
                    {p.row ?? t('researchAnalysis.import.wholeFile')}
                  </th>
                  <td className="utrecht-table__cell">{p.column ?? '–'}</td>
                  <td className="utrecht-table__cell">{reason(p)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </div>
    </div>
  );
}
