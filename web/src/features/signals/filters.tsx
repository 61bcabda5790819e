import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/form-fields.tsx';
import { RecordPicker, type Picked } from '../activities/record-picker.tsx';
import { areasQuery, groupAreas } from '../actors/reference.ts';
import { signalStates, type SignalState } from './types.ts';

export interface SignalSearch {
  page?: number;
  /** Area id (its sub-areas count too). */
  gebied?: string;
  status?: SignalState;
  /** Actor id. */
  actor?: string;
}

/** Area (with sub-areas), state and actor; applied with a button, not on change (WCAG 3.2.2). */
export function SignalFilters({
  slug,
  search,
  actorLabel,
}: {
  slug: string;
  search: SignalSearch;
  /** The name of the actor in the current filter, when known. */
  actorLabel: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const [area, setArea] = useState(search.gebied ?? '');
  const [state, setState] = useState<string>(search.status ?? '');
  const [actor, setActor] = useState<Picked | null>(
    search.actor ? { id: search.actor, label: actorLabel ?? search.actor } : null,
  );
  const { gemeenten, wijken, loose } = groupAreas(areas);
  const ordered = [
    ...gemeenten,
    ...wijken.flatMap((g) => (g.head ? [g.head, ...g.members] : g.members)),
    ...loose,
  ];
  return (
    <form
      className="wd-form"
      role="search"
      aria-label={t('signals.filter.label')}
      onSubmit={(event) => {
        event.preventDefault();
        void navigate({
          to: '/w/$slug/overlapsignalen',
          params: { slug },
          search: {
            ...(area ? { gebied: area } : {}),
            ...(state ? { status: state as SignalState } : {}),
            ...(actor ? { actor: actor.id } : {}),
          },
        });
      }}
    >
      <SelectField
        spec={{ id: 'signals-area', label: t('signals.filter.area') }}
        description={t('signals.filter.areaHint')}
        value={area}
        onChange={(e) => setArea(e.target.value)}
        options={[
          { value: '', label: t('signals.filter.allAreas') },
          ...ordered.map((a) => ({
            value: a.id,
            label: `${a.name} (${t(`support.areaLevel.${a.level}`)})`,
          })),
        ]}
      />
      <SelectField
        spec={{ id: 'signals-state', label: t('signals.filter.state') }}
        value={state}
        onChange={(e) => setState(e.target.value)}
        options={[
          { value: '', label: t('signals.filter.allStates') },
          ...signalStates.map((s) => ({ value: s, label: t(`signals.state.${s}`) })),
        ]}
      />
      <RecordPicker
        slug={slug}
        type="actor"
        spec={{ id: 'signals-actor', label: t('signals.filter.actor') }}
        searchLabel={t('signals.filter.actorSearch')}
        value={actor}
        onChange={setActor}
        emptyLabel={t('signals.filter.allActors')}
      />
      <Button type="submit" variant="secondary">
        {t('signals.filter.apply')}
      </Button>
    </form>
  );
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateSignalSearch(search: Record<string, unknown>): SignalSearch {
  const page = Number(search.page);
  const id = (v: unknown) => (typeof v === 'string' && uuid.test(v) ? v : undefined);
  const gebied = id(search.gebied);
  const actor = id(search.actor);
  const status = (signalStates as readonly unknown[]).includes(search.status)
    ? (search.status as SignalState)
    : undefined;
  return {
    ...(Number.isInteger(page) && page > 1 ? { page } : {}),
    ...(gebied ? { gebied } : {}),
    ...(status ? { status } : {}),
    ...(actor ? { actor } : {}),
  };
}
