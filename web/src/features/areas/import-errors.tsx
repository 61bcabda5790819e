import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Table, TableHead } from '../../components/table.tsx';
import type { ImportError } from './types.ts';

const reasonKeys = {
  invalid_json: 'areas.import.reasons.invalid_json',
  not_a_feature_collection: 'areas.import.reasons.not_a_feature_collection',
  no_features: 'areas.import.reasons.no_features',
  not_a_feature: 'areas.import.reasons.not_a_feature',
  unknown_columns: 'areas.import.reasons.unknown_columns',
  missing_code: 'areas.import.reasons.missing_code',
  invalid_code: 'areas.import.reasons.invalid_code',
  other_municipality: 'areas.import.reasons.other_municipality',
  duplicate_code: 'areas.import.reasons.duplicate_code',
  invalid_population: 'areas.import.reasons.invalid_population',
  missing_geometry: 'areas.import.reasons.missing_geometry',
  unsupported_geometry: 'areas.import.reasons.unsupported_geometry',
  empty_geometry: 'areas.import.reasons.empty_geometry',
  unclosed_ring: 'areas.import.reasons.unclosed_ring',
  invalid_ring: 'areas.import.reasons.invalid_ring',
  self_intersection: 'areas.import.reasons.self_intersection',
  self_intersecting: 'areas.import.reasons.self_intersection',
  unknown_crs: 'areas.import.reasons.unknown_crs',
  invalid_year: 'areas.import.reasons.invalid_year',
} as const;

type KnownReason = keyof typeof reasonKeys;
const known = (code: string): code is KnownReason =>
  Object.prototype.hasOwnProperty.call(reasonKeys, code);

/** A translated reason; server details are English and never shown. */
export const reasonText = (code: string, t: TFunction): string =>
  known(code) ? t(reasonKeys[code]) : t('areas.import.reasons.other');

const CODE = /^((?:GM|WK|BU)[0-9A-Z]{4,8}): /;

export interface ErrorRow {
  /** 1-based feature number, or null for the file as a whole. */
  feature: number | null;
  code: string | null;
  reason: string;
}

/** `/features/3` → feature 4; the area code is the prefix of the server's detail, when it has one. */
export function errorRows(errors: readonly ImportError[], t: TFunction): ErrorRow[] {
  return errors.map((error) => {
    const match = /^\/features\/(\d+)/.exec(error.pointer);
    return {
      feature: match ? Number(match[1]) + 1 : null,
      code: CODE.exec(error.detail)?.[1] ?? null,
      reason: reasonText(error.code, t),
    };
  });
}

/** Every bad feature of the file: which one, its code if known, and why. */
export function ImportErrors({ errors }: { errors: readonly ImportError[] }) {
  const { t } = useTranslation();
  const rows = errorRows(errors, t);
  const features = new Set(rows.flatMap((r) => (r.feature === null ? [] : [r.feature]))).size;
  return (
    <Table caption={t('areas.import.errorsCaption', { count: features })}>
      <TableHead
        columns={[t('areas.import.feature'), t('areas.import.code'), t('areas.import.reason')]}
      />
      <tbody className="utrecht-table__body">
        {rows.map((row, i) => (
          <tr key={i} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">
              {row.feature === null ? t('areas.import.wholeFile') : row.feature}
            </th>
            <td className="utrecht-table__cell wd-nowrap">{row.code ?? '–'}</td>
            <td className="utrecht-table__cell">{row.reason}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
