import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/form-fields.tsx';
import { periodKinds, type PeriodKind } from './types.ts';

/** The `?per=` of the totals page: Dutch words in the URL, period kinds in the API. */
export const periodParam = { month: 'maand', quarter: 'kwartaal', year: 'jaar' } as const;
export type PeriodParam = (typeof periodParam)[PeriodKind];

export const periodFromParam = (value: unknown): PeriodKind =>
  periodKinds.find((kind) => periodParam[kind] === value) ?? 'month';

/** Month, quarter or year; applied with a button, not on change. */
export function PeriodChoice({ slug, period }: { slug: string; period: PeriodKind }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<PeriodKind>(period);
  return (
    <form
      className="wd-row-form wd-stack-item"
      aria-label={t('checkIns.aggregates.choose')}
      onSubmit={(event) => {
        event.preventDefault();
        void navigate({
          to: '/w/$slug/check-in/totalen',
          params: { slug },
          search: chosen === 'month' ? {} : { per: periodParam[chosen] },
        });
      }}
    >
      <SelectField
        spec={{ id: 'check-in-period', label: t('checkIns.aggregates.period') }}
        value={chosen}
        onChange={(e) => setChosen(periodKinds.find((k) => k === e.target.value) ?? 'month')}
        options={periodKinds.map((kind) => ({
          value: kind,
          label: t(`checkIns.aggregates.per.${kind}`),
        }))}
      />
      <Button type="submit" variant="secondary">
        {t('checkIns.aggregates.apply')}
      </Button>
    </form>
  );
}
