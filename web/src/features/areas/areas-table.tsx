import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { areasPageQuery } from './data.ts';
import { levelLabel, useNumberFormat } from './labels.ts';

/** The areas the workspace has, a page at a time, each linking to its area page. */
export function AreasTable({ slug, page }: { slug: string; page: number }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const { data } = useSuspenseQuery(areasPageQuery(slug, page));
  return (
    <section className="wd-section" aria-labelledby="areas-list-title">
      <h2 className="utrecht-heading-2" id="areas-list-title">
        {t('areas.list.title')}
      </h2>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">
          {page > 1 ? (
            <TextLink to="/w/$slug/beheer/gebieden" params={{ slug }} search={{ page: 1 }}>
              {t('pagination.first')}
            </TextLink>
          ) : (
            t('areas.list.empty')
          )}
        </p>
      ) : (
        <Table caption={t('areas.list.caption', { count: data.total })}>
          <TableHead
            columns={[
              t('areas.list.name'),
              t('areas.list.code'),
              t('areas.list.level'),
              t('areas.list.cbsYear'),
              t('areas.list.population'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((area) => (
              <tr key={area.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <TextLink to="/w/$slug/gebieden/$areaId" params={{ slug, areaId: area.id }}>
                    {area.name}
                  </TextLink>
                </th>
                <td className="utrecht-table__cell wd-nowrap">{area.code}</td>
                <td className="utrecht-table__cell">{levelLabel(area.level, t)}</td>
                <td className="utrecht-table__cell">{area.cbsYear}</td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {area.population === null ? t('areas.page.unknown') : number(area.population)}
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
            to="/w/$slug/beheer/gebieden"
            params={{ slug }}
            search={{ page: target }}
            {...props}
          />
        )}
      />
    </section>
  );
}
