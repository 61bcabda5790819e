import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/form-fields.tsx';
import { useFormat } from '../../lib/format.ts';
import type { SurveyRound } from '../surveys/types.ts';
import { isLater } from './round-comparison-data.ts';

/**
 * The choice of two closed survey rounds, applied with a button. The second must be later than
 * the first (by snapshot day); otherwise the error is shown at the second select, which gets focus.
 */
export function RoundComparisonForm({
  rounds,
  from,
  to,
  onApply,
}: {
  /** The closed rounds, earliest first. */
  rounds: readonly SurveyRound[];
  from: string;
  to: string;
  onApply: (from: string, to: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [v, setV] = useState({ from, to });
  const [orderError, setOrderError] = useState(false);
  const options = rounds.map((r) => ({
    value: r.id,
    label: t('network.comparison.rounds.option', {
      title: r.title,
      day: r.snapshotOn ? format.date(r.snapshotOn) : '–',
    }),
  }));
  const byId = (id: string) => rounds.find((r) => r.id === id);
  return (
    <form
      className="wd-row-form wd-filter-form"
      aria-label={t('network.comparison.rounds.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        const a = byId(v.from);
        const b = byId(v.to);
        const wrong = !a || !b || !isLater(b, a);
        setOrderError(wrong);
        if (wrong) document.getElementById('comparison-round-to')?.focus();
        else onApply(v.from, v.to);
      }}
    >
      <SelectField
        spec={{ id: 'comparison-round-from', label: t('network.comparison.rounds.from') }}
        value={v.from}
        onChange={(e) => setV((c) => ({ ...c, from: e.target.value }))}
        options={options}
      />
      <SelectField
        spec={{ id: 'comparison-round-to', label: t('network.comparison.rounds.to') }}
        value={v.to}
        onChange={(e) => setV((c) => ({ ...c, to: e.target.value }))}
        options={options}
        error={orderError ? t('network.comparison.rounds.toNotLater') : undefined}
      />
      <Button type="submit" variant="secondary">
        {t('network.comparison.rounds.apply')}
      </Button>
    </form>
  );
}
