import { Link } from '@tanstack/react-router';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Pagination } from '../../components/pagination.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { useMoney } from '../../lib/money.ts';
import { flowsQuery } from './data.ts';

/** The funding flows the viewer may see, newest first. */
export function FlowsList({
  slug,
  page,
  areaId,
}: {
  slug: string;
  page: number;
  areaId: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const { data } = useSuspenseQuery(flowsQuery(slug, page, areaId));
  const unknown = t('funding.flows.notVisible');
  return (
    <section aria-labelledby="funding-flows">
      <h2 className="utrecht-heading-2" id="funding-flows">
        {t('funding.flows.title')}
      </h2>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('funding.flows.empty')}</p>
      ) : (
        <Table caption={t('funding.flows.caption')} captionHidden>
          <TableHead
            columns={[
              t('funding.columns.flow'),
              t('funding.columns.funder'),
              t('funding.columns.recipient'),
              t('funding.columns.instrument'),
              t('funding.columns.amount'),
              t('funding.columns.period'),
              t('funding.columns.burden'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((f) => (
              <tr key={f.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {f.title ?? t(`funding.instrument.${f.instrument}`)}
                </th>
                <td className="utrecht-table__cell">{f.funderName ?? unknown}</td>
                <td className="utrecht-table__cell">{f.recipientName ?? unknown}</td>
                <td className="utrecht-table__cell">{t(`funding.instrument.${f.instrument}`)}</td>
                <td className="utrecht-table__cell">{money(f.amountCents)}</td>
                <td className="utrecht-table__cell">
                  {t('funding.flows.period', {
                    start: format.date(f.startDate),
                    end: format.date(f.endDate),
                  })}
                </td>
                <td className="utrecht-table__cell">
                  {t('funding.flows.burden', { hours: f.reportingHours, count: f.reports })}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, props) => (
          <Link
            to="/w/$slug/geldstromen"
            params={{ slug }}
            search={{ page: target, ...(areaId ? { gebied: areaId } : {}) }}
            {...props}
          />
        )}
      />
    </section>
  );
}
