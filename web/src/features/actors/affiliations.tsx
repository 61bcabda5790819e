import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useDates } from './dates.ts';
import type { Affiliation } from './types.ts';

/** A person's organisations, or an organisation's people, with role and period. */
export function Affiliations({
  slug,
  items,
  side,
}: {
  slug: string;
  items: Affiliation[];
  /** Which party the table lists: the organisations of a person or the persons of one. */
  side: 'organisation' | 'person';
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const title =
    side === 'organisation' ? t('actors.affiliations.title') : t('actors.affiliations.people');
  return (
    <section className="wd-section">
      <h2 className="utrecht-heading-2" id="affiliations-title">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{t('actors.affiliations.empty')}</p>
      ) : (
        <Table caption={title} captionHidden>
          <TableHead
            columns={[
              side === 'organisation' ? t('actors.kind.organisation') : t('actors.kind.person'),
              t('actors.affiliations.role'),
              t('actors.affiliations.period'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {items.map((a) => {
              const otherId = side === 'organisation' ? a.organisationId : a.personId;
              const otherName = side === 'organisation' ? a.organisationName : a.personName;
              return (
                <tr key={a.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: otherId }}>
                      {otherName}
                    </TextLink>
                  </th>
                  <td className="utrecht-table__cell">{a.role}</td>
                  <td className="utrecht-table__cell">
                    {dates.period(a.startDate, a.endDate) ?? t('actors.none')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </section>
  );
}
