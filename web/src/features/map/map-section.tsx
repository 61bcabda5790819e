import { useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { levelLowerLabel, useNumberFormat } from '../areas/labels.ts';
import { classOf, colourClass, quantileClasses } from './classes.ts';
import type { MapFeature, MapLayer } from './data.ts';
import { MapLegend } from './map-legend.tsx';
import { MapTable, type MapRow } from './map-table.tsx';
import '../../styles/map.css';

// Leaflet and the map code load only when a map is shown, not with the first page.
const AreaMap = lazy(() => import('./area-map.tsx'));

interface MapSectionProps {
  slug: string;
  layer: MapLayer;
  /** What the values are ("Actieve dragers", "Bevolkingsdichtheid (2017)"). */
  valueLabel: string;
  canManage: boolean;
}

export function MapSection({ slug, layer, valueLabel, canManage }: MapSectionProps) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const navigate = useNavigate();
  const level = levelLowerLabel(layer.level, t);
  const classes = useMemo(
    () => quantileClasses(layer.features.map((f) => f.properties.value)),
    [layer.features],
  );
  const rows: MapRow[] = useMemo(
    () => layer.features.map(({ properties: p }) => ({ ...p })),
    [layer.features],
  );
  const missing = rows.filter((r) => r.value === null).length;
  const drawable = layer.features.filter((f) => f.geometry !== null).length;
  const valueText = useCallback(
    (value: number | null) => (value === null ? t('map.table.noValue') : number(value)),
    [t, number],
  );
  const describe = useCallback(
    (f: MapFeature) =>
      t('map.map.areaLabel', { name: f.properties.name, value: valueText(f.properties.value) }),
    [t, valueText],
  );
  const colourOf = useCallback(
    (f: MapFeature) => colourClass(classOf(classes, f.properties.value)),
    [classes],
  );
  const openArea = useCallback(
    (areaId: string) =>
      void navigate({ to: '/w/$slug/gebieden/$areaId', params: { slug, areaId } }),
    [navigate, slug],
  );
  const title = t('map.section.title', { value: valueLabel, level });

  if (layer.features.length === 0) {
    return (
      <section className="wd-section" aria-labelledby="map-section-title">
        <h2 className="utrecht-heading-2" id="map-section-title">
          {title}
        </h2>
        <p className="utrecht-paragraph">{t('map.section.empty', { level })}</p>
        {canManage ? (
          <p className="utrecht-paragraph">
            <TextLink to="/w/$slug/beheer/gebieden" params={{ slug }}>
              {t('map.section.importLink')}
            </TextLink>
          </p>
        ) : null}
      </section>
    );
  }

  return (
    <section className="wd-section" aria-labelledby="map-section-title">
      <h2 className="utrecht-heading-2" id="map-section-title">
        {title}
      </h2>
      <p className="utrecht-paragraph" role="status">
        {t('map.section.summary', { count: rows.length, level, value: valueLabel })}
      </p>
      <div className="wd-map-layout">
        <div className="wd-map-layout__map">
          {drawable > 0 ? (
            <>
              <p className="utrecht-paragraph utrecht-paragraph--small" id="map-instructions">
                {t('map.map.instructions')}
              </p>
              <Suspense
                fallback={
                  <p className="utrecht-paragraph wd-map wd-map--loading">{t('map.map.loading')}</p>
                }
              >
                <AreaMap
                  features={layer.features}
                  colourOf={colourOf}
                  describe={describe}
                  label={t('map.map.label', { title })}
                  instructionsId="map-instructions"
                  tileUrl={layer.tileUrl}
                  tileAttribution={layer.tileAttribution}
                  onOpen={openArea}
                />
              </Suspense>
            </>
          ) : (
            <p className="utrecht-paragraph">{t('map.map.noGeometry')}</p>
          )}
        </div>
        <MapLegend title={valueLabel} classes={classes} missing={missing} />
      </div>
      <MapTable
        slug={slug}
        caption={t('map.table.caption', { value: valueLabel, level })}
        valueHeading={valueLabel}
        rows={rows}
      />
    </section>
  );
}
