import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import { areasQuery, groupAreas, termsQuery, useTermLabel } from '../actors/reference.ts';
import { tieTypes, type NetworkFilter, type TieType } from './types.ts';

export interface FilterValues extends NetworkFilter {
  /** The network page's day. */
  asOf?: string | undefined;
  /** The comparison's two days. */
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The filter bar of the network and comparison pages, applied with a button. One row of
 * selects; a survey-round ("meting") select joins them when the API offers rounds.
 */
export function NetworkFilters({
  slug,
  values,
  dates,
  onApply,
}: {
  slug: string;
  values: FilterValues;
  /** One day (network page) or two (comparison). */
  dates: 'asOf' | 'fromTo';
  onApply: (values: FilterValues) => void;
}) {
  const { t } = useTranslation();
  const termLabel = useTermLabel();
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const { data: terms } = useSuspenseQuery(termsQuery(slug));
  const [v, setV] = useState<FilterValues>(values);
  const [orderError, setOrderError] = useState(false);
  const set = (patch: FilterValues) => setV((current) => ({ ...current, ...patch }));
  const { gemeenten, wijken, loose } = groupAreas(areas);
  const ordered = [
    ...gemeenten,
    ...wijken.flatMap((g) => (g.head ? [g.head, ...g.members] : g.members)),
    ...loose,
  ];
  const domains = terms.filter(
    (term) => term.kind === 'domain' && (!term.archived || term.id === v.domainId),
  );
  const date = (key: 'asOf' | 'from' | 'to') => (
    <TextField
      spec={{ id: `network-${key}`, label: t(`network.filter.${key}`) }}
      type="date"
      value={v[key] ?? ''}
      onChange={(e) => set({ [key]: e.target.value || undefined })}
      error={key === 'to' && orderError ? t('network.filter.toBeforeFrom') : undefined}
    />
  );
  return (
    <form
      className="wd-row-form wd-filter-form wd-network-filters"
      role="search"
      aria-label={t('network.filter.label')}
      onSubmit={(event) => {
        event.preventDefault();
        // The API refuses a second day before the first; say so at the field instead.
        const wrongOrder = dates === 'fromTo' && Boolean(v.from && v.to && v.from > v.to);
        setOrderError(wrongOrder);
        if (wrongOrder) document.getElementById('network-to')?.focus();
        else onApply(v);
      }}
    >
      <SelectField
        spec={{ id: 'network-area', label: t('network.filter.area') }}
        value={v.areaId ?? ''}
        onChange={(e) => set({ areaId: e.target.value || undefined })}
        options={[
          { value: '', label: t('network.filter.allAreas') },
          ...ordered.map((a) => ({
            value: a.id,
            label: `${a.name} (${t(`support.areaLevel.${a.level}`)})`,
          })),
        ]}
      />
      <SelectField
        spec={{ id: 'network-domain', label: t('network.filter.domain') }}
        value={v.domainId ?? ''}
        onChange={(e) => set({ domainId: e.target.value || undefined })}
        options={[
          { value: '', label: t('network.filter.allDomains') },
          ...domains.map((term) => ({ value: term.id, label: termLabel(term) })),
        ]}
      />
      <SelectField
        spec={{ id: 'network-type', label: t('network.filter.type') }}
        value={v.type ?? ''}
        onChange={(e) => set({ type: (e.target.value || undefined) as TieType | undefined })}
        options={[
          { value: '', label: t('network.filter.allTypes') },
          ...tieTypes.map((type) => ({ value: type, label: t(`network.tieType.${type}`) })),
        ]}
      />
      {dates === 'asOf' ? (
        date('asOf')
      ) : (
        <>
          {date('from')}
          {date('to')}
        </>
      )}
      <Button type="submit" variant="secondary">
        {t('network.filter.apply')}
      </Button>
    </form>
  );
}
