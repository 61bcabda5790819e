import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Affiliations } from './affiliations.tsx';
import { actorActivitiesQuery } from './data.ts';
import { useDates } from './dates.ts';
import { Fact, Facts, WhereFacts } from './facts.tsx';
import { budgetBandLabel, orgKindLabel, sizeClassLabel, visibilityLabel } from './labels.ts';
import type { ActorDetail } from './types.ts';

function Activities({
  slug,
  actorId,
  canEdit,
}: {
  slug: string;
  actorId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const { data } = useSuspenseQuery(actorActivitiesQuery(slug, actorId));
  return (
    <section className="wd-section">
      <h2 className="utrecht-heading-2" id="activities-title">
        {t('actors.activitiesTitle')}
      </h2>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('actors.activitiesEmpty')}</p>
      ) : (
        <ul className="wd-plain-list">
          {data.items.map((activity) => (
            <li key={activity.id} className="wd-plain-list__item">
              <h3 className="utrecht-heading-3">{activity.title}</h3>
              <p className="utrecht-paragraph">
                {dates.period(activity.startDate, activity.endDate)}
                {activity.hoursPerWeek != null
                  ? ` · ${t('actors.hoursPerWeek', { count: activity.hoursPerWeek })}`
                  : ''}
              </p>
              {activity.description ? (
                <p className="utrecht-paragraph">{activity.description}</p>
              ) : null}
              {activity.initiativeId ? (
                <p className="utrecht-paragraph">
                  {t('actors.track.within')}{' '}
                  <TextLink
                    to="/w/$slug/initiatieven/$initiativeId"
                    params={{ slug, initiativeId: activity.initiativeId }}
                  >
                    {activity.initiativeName ?? t('actors.track.initiative')}
                  </TextLink>
                </p>
              ) : null}
              {canEdit ? (
                <p className="utrecht-paragraph">
                  <TextLink
                    to="/w/$slug/activiteiten/$activityId/bewerken"
                    params={{ slug, activityId: activity.id }}
                  >
                    {t('actors.editActivity')}
                    <span className="wd-visually-hidden"> {activity.title}</span>
                  </TextLink>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {data.total > data.items.length ? (
        <p className="utrecht-paragraph">
          {t('actors.activitiesMore', { shown: data.items.length, total: data.total })}
        </p>
      ) : null}
    </section>
  );
}

/** An organisation's page: kind, size class, registration, where, people and activities. */
export function OrganisationView({
  slug,
  actor,
  showVisibility,
  canEdit,
}: {
  slug: string;
  actor: ActorDetail;
  showVisibility: boolean;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const size = actor.sizeClass ? sizeClassLabel(actor.sizeClass, t) : null;
  return (
    <>
      <Facts>
        <Fact label={t('actors.fields.orgKind')}>
          {actor.orgKind ? orgKindLabel(actor.orgKind, t) : null}
        </Fact>
        <Fact label={t('actors.fields.sizeClass')}>
          {size ? (
            <>
              {size}
              <span className="wd-fact-note">
                {actor.sizeClassOverride ? t('actors.sizeChosen') : t('actors.sizeFromFigures')}{' '}
                {t('actors.sizeClassExplained')}
              </span>
            </>
          ) : (
            t('actors.sizeUnknown')
          )}
        </Fact>
        <Fact label={t('actors.fields.budgetBand')}>
          {actor.budgetBand ? budgetBandLabel(actor.budgetBand, t) : null}
        </Fact>
        <Fact label={t('actors.fields.staffCount')}>
          {actor.staffCount != null ? String(actor.staffCount) : null}
        </Fact>
        <Fact label={t('actors.fields.kvkNumber')}>{actor.kvkNumber}</Fact>
        <Fact label={t('actors.fields.website')}>
          {actor.website ? (
            <a
              className="utrecht-link utrecht-link--html-a"
              href={actor.website}
              rel="noopener noreferrer external"
            >
              {actor.website}
            </a>
          ) : null}
        </Fact>
        <Fact label={t('fields.email')}>
          {actor.email ? (
            <a className="utrecht-link utrecht-link--html-a" href={`mailto:${actor.email}`}>
              {actor.email}
            </a>
          ) : null}
        </Fact>
        <Fact label={t('actors.fields.phone')}>{actor.phone}</Fact>
        <Fact label={t('actors.fields.orgBio')} multiline>
          {actor.bio}
        </Fact>
        {showVisibility ? (
          <Fact label={t('actors.fields.visibility')}>{visibilityLabel(actor.visibility, t)}</Fact>
        ) : null}
      </Facts>
      <section className="wd-section">
        <h2 className="utrecht-heading-2" id="where-title">
          {t('actors.whereTitle')}
        </h2>
        <WhereFacts
          slug={slug}
          areaIds={actor.areaIds}
          domainIds={actor.domainIds}
          targetGroupIds={actor.targetGroupIds}
        />
      </section>
      <Affiliations slug={slug} items={actor.affiliations} side="person" />
      <Activities slug={slug} actorId={actor.id} canEdit={canEdit} />
    </>
  );
}
