import { formatCsv, type CsvValue, type Delimiter } from '../exchange/csv.ts';
import type { Flow, FundingDashboard } from './schema.ts';

// The funding CSV files, with the conventions of modules/exchange: UTF-8 with BOM, `;` by
// default (Excel NL, decimal comma), RFC 4180 quoting, CRLF, and text that a spreadsheet would
// run as a formula starting with '. Headers are the API's field names. Cents stay whole numbers;
// the euro column is written from them exactly (never through a float).

/** 123456 cents as "1234,56" (semicolon files) or "1234.56" (comma files). */
export function euros(cents: number | string | null, delimiter: Delimiter): string | null {
  if (cents === null) return null;
  const n = BigInt(cents);
  const whole = n / 100n;
  const rest = (n % 100n).toString().padStart(2, '0');
  return `${whole}${delimiter === ';' ? ',' : '.'}${rest}`;
}

export const flowColumns = [
  'id',
  'title',
  'funderId',
  'funderName',
  'recipientType',
  'recipientId',
  'recipientName',
  'recipientKind',
  'initiativeId',
  'initiativeName',
  'instrument',
  'amountCents',
  'amountEuro',
  'startDate',
  'endDate',
  'durationDays',
  'reportingHours',
  'reports',
  'areaCodes',
  'domains',
  'visibility',
  'createdAt',
  'updatedAt',
];

export function flowsCsv(
  flows: readonly Flow[],
  names: { areaCode: ReadonlyMap<string, string>; termLabel: ReadonlyMap<string, string> },
  delimiter: Delimiter,
): string {
  const rows = flows.map((f): CsvValue[] => [
    f.id,
    f.title,
    f.funderId,
    f.funderName,
    f.recipientType,
    f.recipientId,
    f.recipientName,
    f.recipientKind,
    f.initiativeId,
    f.initiativeName,
    f.instrument,
    f.amountCents,
    euros(f.amountCents, delimiter),
    f.startDate,
    f.endDate,
    f.durationDays,
    f.reportingHours,
    f.reports,
    f.areaIds.map((id) => names.areaCode.get(id) ?? id).join('; '),
    f.domainIds.map((id) => names.termLabel.get(id) ?? id).join('; '),
    f.visibility,
    f.createdAt,
    f.updatedAt,
  ]);
  return formatCsv(flowColumns, rows, delimiter);
}

export const dashboardColumns = [
  'table',
  'key',
  'recipients',
  'flows',
  'amountCents',
  'amountEuro',
  'share',
  'medianDurationDays',
  'meanInstruments',
  'hoursPer1000Euro',
  'reportsPer10000Euro',
  'suppressed',
];

/** The dashboard as one long table: the summary, then a row per instrument, kind and count. */
export function dashboardCsv(d: FundingDashboard, delimiter: Delimiter): string {
  const yes = (b: boolean) => (b ? 'true' : 'false');
  const rows: CsvValue[][] = [
    [
      'summary',
      'all',
      d.recipients,
      d.flows,
      d.totalCents,
      euros(d.totalCents, delimiter),
      null,
      d.medianDurationDays,
      d.fragmentation.meanInstruments,
      d.hoursPer1000Euro,
      d.reportsPer10000Euro,
      yes(d.suppressed),
    ],
    ...d.byInstrument.map((c): CsvValue[] => [
      'instrument',
      c.instrument,
      c.recipients,
      c.flows,
      c.cents,
      euros(c.cents, delimiter),
      c.share,
      c.medianDurationDays,
      null,
      c.hoursPer1000Euro,
      c.reportsPer10000Euro,
      yes(c.suppressed),
    ]),
    ...d.byRecipientKind.map((c): CsvValue[] => [
      'recipientKind',
      c.kind,
      c.recipients,
      c.flows,
      c.cents,
      euros(c.cents, delimiter),
      c.share,
      null,
      null,
      null,
      null,
      yes(c.suppressed),
    ]),
    ...d.fragmentation.distribution.map((c): CsvValue[] => [
      'instrumentsPerRecipient',
      String(c.instruments),
      c.recipients,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      yes(c.suppressed),
    ]),
  ];
  return formatCsv(dashboardColumns, rows, delimiter);
}
