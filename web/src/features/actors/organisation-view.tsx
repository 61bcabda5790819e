import { useTranslation } from 'react-i18next';
import { ActorActivities } from '../activities/actor-activities.tsx';
import { Affiliations } from './affiliations.tsx';
import { Fact, Facts, WhereFacts } from './facts.tsx';
import { budgetBandLabel, orgKindLabel, sizeClassLabel, visibilityLabel } from './labels.ts';
import type { ActorDetail } from './types.ts';

/** An organisation's page: kind, size class, registration, where, activities and people. */
export function OrganisationView({
  slug,
  actor,
  showVisibility,
  canEdit,
  canManage,
}: {
  slug: string;
  actor: ActorDetail;
  showVisibility: boolean;
  /** Managers: activities. */
  canEdit: boolean;
  /** Coordinators and admins: affiliations. */
  canManage: boolean;
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
      <ActorActivities slug={slug} actorId={actor.id} actorName={actor.name} canEdit={canEdit} />
      <Affiliations slug={slug} actor={actor} canManage={canManage} />
    </>
  );
}
