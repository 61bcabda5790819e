import { useSuspenseQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { today, useDates } from './dates.ts';
import { trackRecordQuery } from './data.ts';
import { carrierRoleLabel, trackKindLabel } from './labels.ts';
import type { TrackRecordItem } from './types.ts';

const achievementKeys = {
  result: 'actors.track.achievement.result',
  award: 'actors.track.achievement.award',
  press: 'actors.track.achievement.press',
  thanks: 'actors.track.achievement.thanks',
} as const;

const participantKeys = {
  carrier: 'actors.track.participant.carrier',
  partner: 'actors.track.participant.partner',
} as const;

function roleText(item: TrackRecordItem, t: TFunction): string | null {
  if (!item.role) return null;
  if (item.kind === 'initiative' && item.role in participantKeys) {
    return t(participantKeys[item.role as keyof typeof participantKeys]);
  }
  // Affiliation roles are free text ("bestuurslid"); known carrier roles get their label.
  return carrierRoleLabel(item.role, t);
}

const typeText = (item: TrackRecordItem, t: TFunction): string =>
  item.kind === 'achievement' && item.type
    ? t(achievementKeys[item.type])
    : trackKindLabel(item.kind, t);

const UNDATED = 'undated';

/** Items by the year they started, in the server's order (newest first, undated last). */
export function byYear(items: readonly TrackRecordItem[]): Array<[string, TrackRecordItem[]]> {
  const years = new Map<string, TrackRecordItem[]>();
  for (const item of items) {
    const year = item.startDate?.slice(0, 4) ?? UNDATED;
    years.set(year, [...(years.get(year) ?? []), item]);
  }
  return [...years];
}

/** The title, linked to where it lives: the initiative's page or the other party's page. */
function Title({ slug, item }: { slug: string; item: TrackRecordItem }): ReactNode {
  if (item.kind === 'initiative') {
    return (
      <TextLink to="/w/$slug/initiatieven/$initiativeId" params={{ slug, initiativeId: item.id }}>
        {item.title}
      </TextLink>
    );
  }
  if (item.kind === 'affiliation' && item.relatedActorId) {
    return (
      <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: item.relatedActorId }}>
        {item.title}
      </TextLink>
    );
  }
  return item.title;
}

function Item({ slug, item }: { slug: string; item: TrackRecordItem }) {
  const { t } = useTranslation();
  const dates = useDates();
  const period =
    item.kind === 'achievement'
      ? item.startDate && dates.date(item.startDate)
      : dates.period(item.startDate, item.endDate);
  const ended = item.status === 'ended' || (item.endDate !== null && item.endDate < today());
  const role = roleText(item, t);
  return (
    <li className="wd-timeline__item">
      <p className="utrecht-paragraph wd-timeline__kind">
        <span className="wd-badge">{typeText(item, t)}</span>
        {ended ? <span className="wd-timeline__ended">{t('actors.track.ended')}</span> : null}
      </p>
      <h4 className="utrecht-heading-4 wd-timeline__title">
        <Title slug={slug} item={item} />
      </h4>
      <p className="utrecht-paragraph wd-timeline__meta">
        {period ? <span>{period}</span> : null}
        {role ? <span>{t('actors.track.as', { role })}</span> : null}
        {item.initiativeId && item.kind !== 'initiative' ? (
          <span>
            {t('actors.track.within')}{' '}
            <TextLink
              to="/w/$slug/initiatieven/$initiativeId"
              params={{ slug, initiativeId: item.initiativeId }}
            >
              {item.initiativeName ?? t('actors.track.initiative')}
            </TextLink>
          </span>
        ) : null}
      </p>
    </li>
  );
}

/**
 * A carrier's history across initiatives and years, as an ordered list per year (newest first):
 * projects end, the carrier's history stays. Activities are edited from the activities table on
 * the same page, so the history carries no edit links of its own.
 */
export function TrackRecord({ slug, actorId }: { slug: string; actorId: string }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(trackRecordQuery(slug, actorId));
  const years = byYear(data.items);
  return (
    <section className="wd-section">
      <h2 className="utrecht-heading-2" id="track-record-title">
        {t('actors.track.title')}
      </h2>
      <p className="utrecht-paragraph">{t('actors.track.lead')}</p>
      {years.length === 0 ? (
        <p className="utrecht-paragraph">{t('actors.track.empty')}</p>
      ) : (
        <ol className="wd-timeline" aria-labelledby="track-record-title">
          {years.map(([year, items]) => (
            <li key={year} className="wd-timeline__year">
              <h3 className="utrecht-heading-3" id={`track-year-${year}`}>
                {year === UNDATED ? t('actors.track.undated') : year}
              </h3>
              <ol className="wd-timeline__items" aria-labelledby={`track-year-${year}`}>
                {items.map((item, i) => (
                  <Item key={`${item.kind}-${item.id}-${i}`} slug={slug} item={item} />
                ))}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
