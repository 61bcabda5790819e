import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/form-fields.tsx';
import { areasQuery, groupAreas } from '../actors/reference.ts';

/** Choose the area the dashboard and list cover; applied with a button, not on change. */
export function AreaFilter({ slug, areaId }: { slug: string; areaId: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const [chosen, setChosen] = useState(areaId ?? '');
  const { gemeenten, wijken, loose } = groupAreas(areas);
  const ordered = [
    ...gemeenten,
    ...wijken.flatMap((g) => (g.head ? [g.head, ...g.members] : g.members)),
    ...loose,
  ];
  return (
    <form
      className="wd-row-form wd-filter-form"
      role="search"
      aria-label={t('funding.filter.label')}
      onSubmit={(event) => {
        event.preventDefault();
        void navigate({
          to: '/w/$slug/geldstromen',
          params: { slug },
          search: chosen ? { gebied: chosen } : {},
        });
      }}
    >
      <SelectField
        spec={{ id: 'funding-area', label: t('funding.filter.area') }}
        value={chosen}
        onChange={(e) => setChosen(e.target.value)}
        options={[
          { value: '', label: t('funding.filter.all') },
          ...ordered.map((a) => ({
            value: a.id,
            label: `${a.name} (${t(`support.areaLevel.${a.level}`)})`,
          })),
        ]}
      />
      <Button type="submit" variant="secondary">
        {t('funding.filter.apply')}
      </Button>
    </form>
  );
}
