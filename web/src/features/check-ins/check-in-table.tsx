import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableHead } from '../../components/table.tsx';
import { useCheckInFormat } from './format.ts';
import { scoreKeys, type CheckIn } from './types.ts';

/**
 * Check-ins as a table: the day, the three scores (1–5) and the texts. Used for one's own history
 * (with a delete button per row) and for what others share (with the carrier's name).
 */
export function CheckInTable<C extends CheckIn>({
  items,
  caption,
  captionHidden = false,
  actions,
}: {
  items: readonly C[];
  caption: string;
  captionHidden?: boolean;
  actions?: (item: C) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useCheckInFormat();
  return (
    <Table caption={caption} captionHidden={captionHidden}>
      <TableHead
        columns={[
          t('checkIns.columns.date'),
          ...scoreKeys.map((key) => t(`checkIns.columns.${key}`)),
          t('checkIns.columns.developmentWishes'),
          t('checkIns.columns.note'),
          ...(actions ? [t('common.actions')] : []),
        ]}
      />
      <tbody className="utrecht-table__body">
        {items.map((item) => (
          <tr key={item.id} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell wd-nowrap">
              <time dateTime={item.date}>{format.date(item.date)}</time>
            </th>
            {scoreKeys.map((key) => (
              <td key={key} className="utrecht-table__cell utrecht-table__cell--numeric-data">
                {item[key]}
              </td>
            ))}
            <td className="utrecht-table__cell">{item.developmentWishes}</td>
            <td className="utrecht-table__cell wd-check-in-note">{item.note}</td>
            {actions ? <td className="utrecht-table__cell">{actions(item)}</td> : null}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
