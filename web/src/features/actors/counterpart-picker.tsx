import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import type { FieldSpec } from '../../lib/form.ts';
import { counterpartQuery } from './data.ts';
import type { ActorKind } from './types.ts';
import '../../styles/activities.css';

/** The value typed, once typing has paused: one search per pause, not per key. */
function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface Counterpart {
  id: string;
  name: string;
}

interface CounterpartPickerProps {
  slug: string;
  /** Only actors of this kind are offered: the other side of an affiliation. */
  kind: ActorKind;
  /** The select (its id is where the error summary sends focus). */
  spec: FieldSpec;
  searchLabel: string;
  emptyLabel: string;
  description?: ReactNode;
  value: Counterpart | null;
  onChange: (picked: Counterpart | null) => void;
  error?: string | undefined;
}

/**
 * Picks a person or an organisation out of possibly thousands, as the record picker of the
 * activity forms does but limited to one actor kind (GET W/search?type=actor&actorKind=…): a
 * search field narrows a native select. Typing never changes the choice itself (WCAG 3.2.2); the
 * number of matches is announced politely.
 */
export function CounterpartPicker(props: CounterpartPickerProps) {
  const { slug, kind, spec, searchLabel, emptyLabel, description, value, onChange, error } = props;
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useSettled(query.trim().slice(0, 200));
  const { data, isFetching, isError } = useQuery(counterpartQuery(slug, kind, q));
  const hits = (data?.items ?? []).filter((hit) => hit.type === 'actor' && hit.actorKind === kind);
  const options = [
    { value: '', label: emptyLabel },
    ...(value && !hits.some((hit) => hit.id === value.id)
      ? [{ value: value.id, label: value.name }]
      : []),
    ...hits.map((hit) => ({ value: hit.id, label: hit.title })),
  ];
  const status = isError
    ? t('activities.picker.failed')
    : !data
      ? t('common.loading')
      : data.total > hits.length
        ? t('activities.picker.more', { shown: hits.length, total: data.total })
        : t('activities.picker.found', { count: data.total });

  return (
    <div className="wd-picker">
      <TextField
        spec={{ id: `${spec.id}-search`, label: searchLabel }}
        type="search"
        autoComplete="off"
        spellCheck={false}
        description={t('activities.picker.searchHint')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          // Enter in the search field searches; it must not submit the whole form.
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <p className="utrecht-paragraph wd-picker__status" role="status" aria-busy={isFetching}>
        {status}
      </p>
      <SelectField
        spec={spec}
        description={description}
        error={error}
        options={options}
        value={value?.id ?? ''}
        onChange={(event) => {
          const id = event.target.value;
          const hit = hits.find((h) => h.id === id);
          if (!id) onChange(null);
          else if (hit) onChange({ id, name: hit.title });
          else if (value && value.id === id) onChange(value);
        }}
      />
    </div>
  );
}
