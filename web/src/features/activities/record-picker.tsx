import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import type { FieldSpec } from '../../lib/form.ts';
import { kindLabel } from '../actors/labels.ts';
import type { ActorKind } from '../actors/types.ts';
import { pickerQuery } from './data.ts';

/** The value typed, once typing has paused: one search per pause, not per key. */
function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface Picked {
  id: string;
  label: string;
  /** Actors: person or organisation, when known. */
  kind?: ActorKind | undefined;
}

interface RecordPickerProps {
  slug: string;
  type: 'actor' | 'initiative';
  /** Actors only: offer only this kind (the other side of an affiliation), without kind labels. */
  actorKind?: ActorKind;
  /** The select (its id is where the error summary sends focus). */
  spec: FieldSpec;
  searchLabel: string;
  description?: ReactNode;
  /** The current choice; kept as an option when the search does not list it. */
  value: Picked | null;
  onChange: (picked: Picked | null) => void;
  /** Text of the empty choice ("Kies …" or "Geen initiatief"). */
  emptyLabel: string;
  error?: string | undefined;
}

/**
 * Picks one actor or initiative out of possibly thousands: a search field narrows the list (by the
 * start of words, case and accents ignored), a native select holds the matches. Typing never
 * changes the choice itself (WCAG 3.2.2); the number of matches is announced politely.
 */
export function RecordPicker(props: RecordPickerProps) {
  const { slug, type, actorKind, spec, searchLabel, description, value, onChange } = props;
  const { emptyLabel, error } = props;
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = useSettled(query.trim().slice(0, 200));
  const { data, isFetching, isError } = useQuery(pickerQuery(slug, type, q, actorKind));
  const hits = (data?.items ?? []).filter(
    (hit) => hit.type === type && (actorKind === undefined || hit.actorKind === actorKind),
  );
  const label = (hit: (typeof hits)[number]) =>
    type === 'actor' && hit.actorKind && !actorKind
      ? `${hit.title} (${kindLabel(hit.actorKind, t)})`
      : hit.title;
  const options = [
    { value: '', label: emptyLabel },
    ...(value && !hits.some((hit) => hit.id === value.id)
      ? [{ value: value.id, label: value.label }]
      : []),
    ...hits.map((hit) => ({ value: hit.id, label: label(hit) })),
  ];
  const searchId = `${spec.id}-search`;
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
        spec={{ id: searchId, label: searchLabel }}
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
          else if (hit) onChange({ id, label: hit.title, kind: hit.actorKind ?? undefined });
          else if (value && value.id === id) onChange(value);
        }}
      />
    </div>
  );
}
