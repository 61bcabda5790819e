import { useTranslation } from 'react-i18next';
import type { DirectorySearch } from '../directory/search-params.ts';
import { TextLink } from '../../components/links.tsx';
import { useDates } from '../actors/dates.ts';
import { levelLabel } from './labels.ts';
import type { AreaOverview } from './types.ts';

/**
 * "Showing the first 30 of 230" when the server sent only part of a list, with a link to the
 * directory that lists them all.
 */
interface PartialProps {
  slug: string;
  shown: number;
  total: number;
  search: DirectorySearch;
}

function Partial({ slug, shown, total, search }: PartialProps) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <p className="utrecht-paragraph">
      {t('areas.page.partial', { shown, total })}{' '}
      <TextLink to="/w/$slug/zoeken" params={{ slug }} search={search}>
        {t('areas.page.showAll')}
      </TextLink>
    </p>
  );
}

export function AreaInitiatives({ slug, overview }: { slug: string; overview: AreaOverview }) {
  const { t } = useTranslation();
  const dates = useDates();
  const { initiatives, initiativeCount } = overview;
  return (
    <section className="wd-section" aria-labelledby="initiatives-title">
      <h2 className="utrecht-heading-2" id="initiatives-title">
        {t('areas.page.initiativesTitle', { count: initiativeCount })}
      </h2>
      {initiatives.length === 0 ? (
        <p className="utrecht-paragraph">{t('areas.page.noInitiatives')}</p>
      ) : (
        <>
          <ul className="utrecht-unordered-list wd-columns-list">
            {initiatives.map((initiative) => {
              const period = dates.period(initiative.startDate, initiative.endDate);
              return (
                <li key={initiative.id} className="utrecht-unordered-list__item">
                  <TextLink
                    to="/w/$slug/initiatieven/$initiativeId"
                    params={{ slug, initiativeId: initiative.id }}
                  >
                    {initiative.name}
                  </TextLink>
                  {period ? <span>{` (${period})`}</span> : null}
                </li>
              );
            })}
          </ul>
          <Partial
            slug={slug}
            shown={initiatives.length}
            total={initiativeCount}
            search={{ type: 'initiative', areaId: overview.area.id }}
          />
        </>
      )}
    </section>
  );
}

export function AreaCarriers({ slug, overview }: { slug: string; overview: AreaOverview }) {
  const { t } = useTranslation();
  const { carriers, carrierCount } = overview;
  return (
    <section className="wd-section" aria-labelledby="carriers-title">
      <h2 className="utrecht-heading-2" id="carriers-title">
        {t('areas.page.carriersTitle', { count: carrierCount })}
      </h2>
      {carriers.length === 0 ? (
        <p className="utrecht-paragraph">{t('areas.page.noCarriers')}</p>
      ) : (
        <>
          <ul className="utrecht-unordered-list wd-columns-list">
            {carriers.map((carrier) => (
              <li key={carrier.id} className="utrecht-unordered-list__item">
                <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: carrier.id }}>
                  {carrier.name}
                </TextLink>
              </li>
            ))}
          </ul>
          <Partial
            slug={slug}
            shown={carriers.length}
            total={carrierCount}
            search={{ type: 'actor', actorKind: 'person', areaId: overview.area.id }}
          />
        </>
      )}
    </section>
  );
}

export function SubAreas({ slug, overview }: { slug: string; overview: AreaOverview }) {
  const { t } = useTranslation();
  const { subAreas } = overview;
  if (subAreas.length === 0) return null;
  return (
    <section className="wd-section" aria-labelledby="subareas-title">
      <h2 className="utrecht-heading-2" id="subareas-title">
        {t('areas.page.subAreasTitle', { count: subAreas.length })}
      </h2>
      <ul className="utrecht-unordered-list wd-columns-list">
        {subAreas.map((area) => (
          <li key={area.id} className="utrecht-unordered-list__item">
            <TextLink to="/w/$slug/gebieden/$areaId" params={{ slug, areaId: area.id }}>
              {area.name}
            </TextLink>{' '}
            <span>
              {t('areas.page.subAreaMeta', { level: levelLabel(area.level, t), code: area.code })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
