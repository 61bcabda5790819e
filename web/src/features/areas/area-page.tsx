import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Page } from '../../components/page.tsx';
import { useWorkspace } from '../../routes/workspace.tsx';
import { AreaCarriers, AreaInitiatives, SubAreas } from './area-lists.tsx';
import { areaOverviewQuery } from './data.ts';
import { IndicatorSection } from './indicator-section.tsx';
import { levelLabel, levelLowerLabel, useNumberFormat } from './labels.ts';
import { WhoDoesWhat } from './who-does-what.tsx';
import { OverlapSection } from '../signals/overlap-section.tsx';

const route = getRouteApi('/protected/w/$slug/gebieden/$areaId');

/** The area page: key figures, who does what, initiatives, carriers and sub-areas. */
export function AreaPage() {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const { areaId } = route.useParams();
  const { data: overview } = useSuspenseQuery(areaOverviewQuery(slug, areaId));
  const { area } = overview;
  const level = levelLabel(area.level, t);
  return (
    <Page title={area.name} lead={t('areas.page.lead', { level, code: area.code })}>
      <dl className="utrecht-data-list utrecht-data-list--rows">
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('areas.page.level')}</dt>
          <dd className="utrecht-data-list__item-value">{level}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('areas.page.code')}</dt>
          <dd className="utrecht-data-list__item-value">{area.code}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('areas.page.cbsYear')}</dt>
          <dd className="utrecht-data-list__item-value">{area.cbsYear}</dd>
        </div>
        <div className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{t('areas.page.population')}</dt>
          <dd className="utrecht-data-list__item-value">
            {area.population === null ? t('areas.page.unknown') : number(area.population)}
          </dd>
        </div>
      </dl>
      {area.level !== 'gemeente' ? (
        <p className="utrecht-paragraph">
          <TextLink to="/w/$slug/kaart" params={{ slug }} search={{ level: area.level }}>
            {t('areas.page.mapLink', { level: levelLowerLabel(area.level, t) })}
          </TextLink>
        </p>
      ) : null}
      <IndicatorSection indicators={overview.indicators} />
      <WhoDoesWhat slug={slug} areaId={area.id} areaName={area.name} matrix={overview.matrix} />
      <AreaInitiatives slug={slug} overview={overview} />
      <AreaCarriers slug={slug} overview={overview} />
      <SubAreas slug={slug} overview={overview} />
      <OverlapSection slug={slug} areaId={area.id} />
    </Page>
  );
}
