import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ButtonLink, TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useDates } from '../actors/dates.ts';
import { actorActivityListQuery } from './data.ts';
import { useHours } from './format.ts';
import '../../styles/activities.css';

export interface ActorActivitiesProps {
  slug: string;
  actorId: string;
  /** The actor's name, for the table caption and the hidden part of link names. */
  actorName: string;
  /** Managers and the carrier themself: edit links and "Activiteit toevoegen". */
  canEdit: boolean;
}

/**
 * What an actor does ("wie doet wat waar"): their activities as a table, newest start first, with
 * an edit link per activity and a link to add one. The page's loader should call
 * `ensureQueryData(actorActivityListQuery(slug, actorId))` so this never suspends.
 */
export function ActorActivities({ slug, actorId, actorName, canEdit }: ActorActivitiesProps) {
  const { t } = useTranslation();
  const dates = useDates();
  const hours = useHours();
  const { data } = useSuspenseQuery(actorActivityListQuery(slug, actorId));
  const headingId = `actor-activities-${actorId}`;
  return (
    // Not a named region: the host page may already have one called "Activiteiten".
    <section className="wd-section">
      <h2 className="utrecht-heading-2" id={headingId}>
        {t('activities.listTitle')}
      </h2>
      {canEdit ? (
        <p className="utrecht-paragraph">
          <ButtonLink to="/w/$slug/activiteiten/nieuw" params={{ slug }} search={{ actorId }}>
            {t('activities.add')}
          </ButtonLink>
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('activities.listEmpty')}</p>
      ) : (
        <Table caption={t('activities.listCaption', { name: actorName })} captionHidden>
          <TableHead
            columns={[
              t('activities.fields.title'),
              t('activities.fields.period'),
              t('activities.fields.hoursPerWeek'),
              t('activities.fields.initiative'),
              ...(canEdit ? [t('common.actions')] : []),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((activity) => (
              <tr key={activity.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {activity.title}
                  {activity.description ? (
                    <span className="wd-cell-note">{activity.description}</span>
                  ) : null}
                </th>
                <td className="utrecht-table__cell">
                  {dates.period(activity.startDate, activity.endDate)}
                </td>
                <td className="utrecht-table__cell">{hours(activity.hoursPerWeek)}</td>
                <td className="utrecht-table__cell">
                  {activity.initiativeId ? (
                    <TextLink
                      to="/w/$slug/initiatieven/$initiativeId"
                      params={{ slug, initiativeId: activity.initiativeId }}
                    >
                      {activity.initiativeName ?? t('activities.initiatives.unnamed')}
                    </TextLink>
                  ) : (
                    t('activities.none')
                  )}
                </td>
                {canEdit ? (
                  <td className="utrecht-table__cell">
                    <TextLink
                      to="/w/$slug/activiteiten/$activityId/bewerken"
                      params={{ slug, activityId: activity.id }}
                    >
                      {t('activities.edit')}
                      <span className="wd-visually-hidden"> {activity.title}</span>
                    </TextLink>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {data.total > data.items.length ? (
        <p className="utrecht-paragraph">
          {t('activities.listMore', { shown: data.items.length, total: data.total })}
        </p>
      ) : null}
    </section>
  );
}
