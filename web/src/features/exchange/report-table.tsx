import { useTranslation } from 'react-i18next';
import { Table, TableHead } from '../../components/table.tsx';
import { reasonText } from './reasons.ts';
import type { ReportLine } from './report.ts';
import type { ImportOutcome } from './types.ts';

const outcomeKeys = {
  would_create: 'exchange.outcomes.would_create',
  created: 'exchange.outcomes.created',
  error: 'exchange.outcomes.error',
} as const satisfies Record<ImportOutcome, string>;

const badgeClass: Record<ImportOutcome, string> = {
  would_create: 'utrecht-status-badge--success',
  created: 'utrecht-status-badge--success',
  error: 'utrecht-status-badge--danger',
};

function Reasons({ line }: { line: ReportLine }) {
  const { t } = useTranslation();
  const texts = [
    ...line.errors.map((r) => reasonText(r, t)),
    ...line.warnings.map((r) => `${t('exchange.report.warningPrefix')} ${reasonText(r, t)}`),
  ];
  if (texts.length === 0) return <>{t('exchange.report.noReasons')}</>;
  if (texts.length === 1) return <>{texts[0]}</>;
  return (
    <ul className="utrecht-unordered-list wd-exchange-reasons">
      {texts.map((text, i) => (
        <li key={i} className="utrecht-unordered-list__item">
          {text}
        </li>
      ))}
    </ul>
  );
}

/** The outcome of every row of the file (and of the file itself): row, name, outcome, reasons. */
export function ReportTable({ lines }: { lines: readonly ReportLine[] }) {
  const { t } = useTranslation();
  return (
    <Table caption={t('exchange.report.caption')}>
      <TableHead
        columns={[
          t('exchange.report.row'),
          t('exchange.report.name'),
          t('exchange.report.outcome'),
          t('exchange.report.reasons'),
        ]}
      />
      <tbody className="utrecht-table__body">
        {lines.map((line) => (
          <tr key={line.row ?? 'file'} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell wd-nowrap">
              {line.row === null ? t('exchange.report.wholeFile') : line.row}
            </th>
            <td className="utrecht-table__cell">{line.name ?? t('exchange.report.noName')}</td>
            <td className="utrecht-table__cell wd-nowrap">
              <span className={`utrecht-status-badge ${badgeClass[line.outcome]}`}>
                {t(outcomeKeys[line.outcome])}
              </span>
            </td>
            <td className="utrecht-table__cell">
              <Reasons line={line} />
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
