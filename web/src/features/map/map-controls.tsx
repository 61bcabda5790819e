import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/form-fields.tsx';
import { Button } from '../../components/button.tsx';
import type { Term } from '../actors/reference.ts';
import { indicatorLabel, indicatorOrder, levelLabel } from '../areas/labels.ts';
import {
  mapLevels,
  mapMeasures,
  type IndicatorOption,
  type MapLevel,
  type MapMeasure,
  type MapSearch,
} from './data.ts';
import { measureLabel } from './labels.ts';

interface MapControlsProps {
  search: MapSearch;
  domains: readonly Term[];
  termLabel: (term: Term) => string;
  indicators: readonly IndicatorOption[];
  onShow: (search: MapSearch) => void;
}

/**
 * What the map shows: level, measure and, depending on the measure, a domain or an indicator and
 * year. Nothing moves until "Show" is pressed (WCAG 3.2.2: changing a field changes no context).
 */
export function MapControls({ search, domains, termLabel, indicators, onShow }: MapControlsProps) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<MapLevel>(search.level ?? 'buurt');
  const [measure, setMeasure] = useState<MapMeasure>(search.measure ?? 'carriers');
  const [domainId, setDomainId] = useState(search.domainId ?? '');
  const sortedIndicators = [...indicators].sort((a, b) => indicatorOrder(a.key, b.key));
  const [indicator, setIndicator] = useState(search.indicator ?? sortedIndicators[0]?.key ?? '');
  const years = indicators.find((i) => i.key === indicator)?.years ?? [];
  const [year, setYear] = useState(search.year ? String(search.year) : '');
  // A new search from outside (back button, a link) shows in the fields. Reset during render,
  // not by remounting: after "Show" the focus stays on the button.
  const searchKey = JSON.stringify(search);
  const [seenKey, setSeenKey] = useState(searchKey);
  if (seenKey !== searchKey) {
    setSeenKey(searchKey);
    setLevel(search.level ?? 'buurt');
    setMeasure(search.measure ?? 'carriers');
    setDomainId(search.domainId ?? '');
    setIndicator(search.indicator ?? sortedIndicators[0]?.key ?? '');
    setYear(search.year ? String(search.year) : '');
  }
  const measures = mapMeasures.filter((m) => m !== 'indicator' || indicators.length > 0);

  return (
    <form
      className="wd-map-controls"
      aria-labelledby="map-controls-title"
      onSubmit={(event) => {
        event.preventDefault();
        const next: MapSearch = { level, measure };
        if (measure === 'activities' && domainId) next.domainId = domainId;
        if (measure === 'indicator' && indicator) {
          next.indicator = indicator;
          if (year && years.includes(Number(year))) next.year = Number(year);
        }
        onShow(next);
      }}
    >
      <h2 className="utrecht-heading-2 wd-visually-hidden" id="map-controls-title">
        {t('map.controls.title')}
      </h2>
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wd-map-controls__levels">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {t('map.controls.level')}
        </legend>
        {mapLevels.map((value) => (
          <div key={value} className="utrecht-form-field utrecht-form-field--radio">
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                id={`map-level-${value}`}
                name="level"
                value={value}
                checked={level === value}
                onChange={() => setLevel(value)}
              />
            </div>
            <div className="utrecht-form-field__label">
              <label
                className="utrecht-form-label utrecht-form-label--radio"
                htmlFor={`map-level-${value}`}
              >
                {levelLabel(value, t)}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <SelectField
        spec={{ id: 'map-measure', label: t('map.controls.measure') }}
        options={measures.map((m) => ({ value: m, label: measureLabel(m, t) }))}
        value={measure}
        onChange={(event) => setMeasure(event.target.value as MapMeasure)}
      />
      {measure === 'activities' ? (
        <SelectField
          spec={{ id: 'map-domain', label: t('map.controls.domain') }}
          options={[
            { value: '', label: t('map.controls.allDomains') },
            ...domains.map((d) => ({ value: d.id, label: termLabel(d) })),
          ]}
          value={domainId}
          onChange={(event) => setDomainId(event.target.value)}
        />
      ) : null}
      {measure === 'indicator' ? (
        <>
          <SelectField
            spec={{ id: 'map-indicator', label: t('map.controls.indicator') }}
            options={sortedIndicators.map((i) => ({
              value: i.key,
              label: indicatorLabel(i.key, t),
            }))}
            value={indicator}
            onChange={(event) => {
              setIndicator(event.target.value);
              setYear('');
            }}
          />
          <SelectField
            spec={{ id: 'map-year', label: t('map.controls.year') }}
            options={[
              { value: '', label: t('map.controls.latestYear') },
              ...years.map((y) => ({ value: String(y), label: String(y) })),
            ]}
            value={year}
            onChange={(event) => setYear(event.target.value)}
          />
        </>
      ) : null}
      <div className="wd-map-controls__submit">
        <Button type="submit">{t('map.controls.show')}</Button>
      </div>
    </form>
  );
}
