import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ActorActivities } from '../activities/actor-activities.tsx';
import { Affiliations } from './affiliations.tsx';
import { useDates } from './dates.ts';
import { Fact, Facts, InlineList, WhereFacts } from './facts.tsx';
import { carrierRoleLabel, channelLabel, visibilityHelp, visibilityLabel } from './labels.ts';
import { TrackRecord } from './track-record.tsx';
import { SELF_MANAGED, type ActorDetail } from './types.ts';

function consentText(actor: ActorDetail, date: (iso: string) => string, t: TFunction): string {
  const consent = actor.consent;
  if (consent?.textVersion === SELF_MANAGED) {
    return t('actors.consentSelfGiven', { date: date(consent.givenOn) });
  }
  if (consent) {
    return t('actors.consentGiven', { date: date(consent.givenOn), version: consent.textVersion });
  }
  return actor.selfManaged ? t('actors.consentSelf') : t('actors.consentNone');
}

/** Consent and visibility: what coordinators need to know before sharing a carrier's record. */
function ConsentStatus({ actor }: { actor: ActorDetail }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <section className="wd-section">
      <h2 className="utrecht-heading-2" id="consent-title">
        {t('actors.consentTitle')}
      </h2>
      <Facts>
        <Fact label={t('actors.fields.visibility')}>
          {visibilityLabel(actor.visibility, t)}
          <span className="wd-fact-note">{visibilityHelp(actor.visibility, t)}</span>
        </Fact>
        <Fact label={t('actors.fields.consent')}>{consentText(actor, dates.date, t)}</Fact>
      </Facts>
    </section>
  );
}

function Contact({ actor }: { actor: ActorDetail }) {
  const { t } = useTranslation();
  const prefs = actor.contactPreferences;
  const has = actor.email || actor.phone || prefs?.channels.length || prefs?.note;
  if (!has) return null;
  return (
    <section className="wd-section">
      <h2 className="utrecht-heading-2" id="contact-title">
        {t('actors.contactTitle')}
      </h2>
      <Facts>
        <Fact label={t('fields.email')}>
          {actor.email ? (
            <a className="utrecht-link utrecht-link--html-a" href={`mailto:${actor.email}`}>
              {actor.email}
            </a>
          ) : null}
        </Fact>
        <Fact label={t('actors.fields.phone')}>{actor.phone}</Fact>
        <Fact label={t('actors.fields.channels')}>
          {prefs?.channels.length ? (
            <InlineList none="" items={prefs.channels.map((c) => channelLabel(c, t))} />
          ) : null}
        </Fact>
        <Fact label={t('actors.fields.contactNote')}>{prefs?.note}</Fact>
      </Facts>
    </section>
  );
}

/**
 * A carrier's page: what they carry, roles, where, activities, organisations, contact, consent
 * and track record.
 */
export function PersonView({
  slug,
  actor,
  showConsent,
  canEdit,
  canManage,
}: {
  slug: string;
  actor: ActorDetail;
  showConsent: boolean;
  /** Managers and the carrier themself: activities. */
  canEdit: boolean;
  /** Coordinators and admins: affiliations. */
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <>
      <Facts>
        <Fact label={t('actors.fields.carries')}>{actor.carries}</Fact>
        <Fact label={t('actors.fields.bio')} multiline>
          {actor.bio}
        </Fact>
        <Fact label={t('actors.fields.roles')}>
          <InlineList
            none={t('actors.none')}
            items={actor.roles.map((r) => {
              const period = dates.period(r.startDate, r.endDate);
              return period
                ? t('actors.roleWithPeriod', { role: carrierRoleLabel(r.role, t), period })
                : carrierRoleLabel(r.role, t);
            })}
          />
        </Fact>
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
      <Contact actor={actor} />
      {showConsent ? <ConsentStatus actor={actor} /> : null}
      <TrackRecord slug={slug} actorId={actor.id} />
    </>
  );
}
