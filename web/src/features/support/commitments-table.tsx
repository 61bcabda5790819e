import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePerMonth, usePeriod } from './amount.ts';
import type { Commitment } from './types.ts';

/** Commitments as a table: provider → recipient, what, how much, period, status. */
export function CommitmentsTable({
  slug,
  caption,
  items,
}: {
  slug: string;
  caption: string;
  items: Commitment[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const perMonth = usePerMonth();
  const period = usePeriod();
  return (
    <Table caption={caption}>
      <TableHead
        columns={[
          t('support.columns.commitment'),
          t('support.columns.type'),
          t('support.columns.amount'),
          t('support.columns.period'),
          t('support.columns.status'),
        ]}
      />
      <tbody className="utrecht-table__body">
        {items.map((c) => (
          <tr key={c.id} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">
              <TextLink
                to="/w/$slug/steun/toezeggingen/$commitmentId"
                params={{ slug, commitmentId: c.id }}
              >
                {t('support.commitment.name', {
                  provider: c.providerName,
                  recipient: c.recipientName,
                })}
              </TextLink>
            </th>
            <td className="utrecht-table__cell">{t(`support.type.${c.type}`)}</td>
            <td className="utrecht-table__cell">{perMonth(c.amountPerMonth, c.unit)}</td>
            <td className="utrecht-table__cell">{period(format, c.startDate, c.endDate)}</td>
            <td className="utrecht-table__cell">{t(`support.commitmentStatus.${c.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
