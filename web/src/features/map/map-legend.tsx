import { useTranslation } from 'react-i18next';
import { useNumberFormat } from '../areas/labels.ts';
import { colourClass, type ValueClass } from './classes.ts';

interface MapLegendProps {
  title: string;
  classes: readonly ValueClass[];
  /** Areas without a value (missing, secret, or no figures). */
  missing: number;
}

/** The colour classes with their value ranges and how many areas fall in each. */
export function MapLegend({ title, classes, missing }: MapLegendProps) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const range = (c: ValueClass) =>
    c.min === c.max
      ? number(c.min)
      : t('map.legend.range', { min: number(c.min), max: number(c.max) });
  return (
    <section className="wd-map-legend" aria-labelledby="map-legend-title">
      <h3 className="utrecht-heading-3" id="map-legend-title">
        {t('map.legend.title')}
      </h3>
      <p className="utrecht-paragraph">{title}</p>
      <ul className="wd-map-legend__list">
        {classes.map((c) => (
          <li key={c.index} className="wd-map-legend__item">
            <span className={`wd-map-swatch ${colourClass(c)}`} aria-hidden="true" />
            <span>
              {range(c)}{' '}
              <span className="wd-map-legend__count">
                {t('map.legend.areas', { count: c.count })}
              </span>
            </span>
          </li>
        ))}
        {missing > 0 ? (
          <li className="wd-map-legend__item">
            <span className={`wd-map-swatch ${colourClass(null)}`} aria-hidden="true" />
            <span>
              {t('map.legend.missing')}{' '}
              <span className="wd-map-legend__count">
                {t('map.legend.areas', { count: missing })}
              </span>
            </span>
          </li>
        ) : null}
      </ul>
      {classes.length > 1 ? (
        <p className="utrecht-paragraph utrecht-paragraph--small">{t('map.legend.quantiles')}</p>
      ) : null}
    </section>
  );
}
