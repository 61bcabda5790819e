import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AreaPicker } from '../actors/area-picker.tsx';
import { CheckboxGroup } from '../actors/fields.tsx';
import { areasQuery, termsQuery, useTermLabel, type Term } from '../actors/reference.ts';

export interface LinkValues {
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
}

/** Focus targets of the three pickers (the first checkbox of each), for the error summary. */
export const linkFieldIds = (form: string) => ({
  areas: `${form}-area-0`,
  domains: `${form}-domain-0`,
  targetGroups: `${form}-target-group-0`,
});

/** Live terms of a kind, plus archived ones the record already has (never silently dropped). */
function offered(terms: readonly Term[], kind: Term['kind'], selected: readonly string[]) {
  return terms.filter((t) => t.kind === kind && (!t.archived || selected.includes(t.id)));
}

interface LinksFieldsProps {
  slug: string;
  form: string;
  /** What the areas are for ("where does this activity take place?"). */
  areasHint: string;
  values: LinkValues;
  onChange: (changes: Partial<LinkValues>) => void;
  errors: {
    areas?: string | undefined;
    domains?: string | undefined;
    targetGroups?: string | undefined;
  };
}

/** Where (areas) and on what (domains, target groups) an activity or initiative works. */
export function LinksFields(props: LinksFieldsProps) {
  const { slug, form, areasHint, values, onChange, errors } = props;
  const { t } = useTranslation();
  const label = useTermLabel();
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const { data: terms } = useSuspenseQuery(termsQuery(slug));
  const options = (kind: Term['kind'], selected: readonly string[]) =>
    offered(terms, kind, selected).map((term) => ({ value: term.id, label: label(term) }));
  return (
    <>
      <AreaPicker
        idPrefix={`${form}-area`}
        description={areasHint}
        areas={areas}
        selected={values.areaIds}
        onChange={(areaIds) => onChange({ areaIds })}
        error={errors.areas}
      />
      <CheckboxGroup
        idPrefix={`${form}-domain`}
        legend={t('actors.fields.domains')}
        error={errors.domains}
        options={options('domain', values.domainIds)}
        selected={values.domainIds}
        onChange={(domainIds) => onChange({ domainIds })}
        emptyText={t('actors.noTerms')}
      />
      <CheckboxGroup
        idPrefix={`${form}-target-group`}
        legend={t('actors.fields.targetGroups')}
        error={errors.targetGroups}
        options={options('target_group', values.targetGroupIds)}
        selected={values.targetGroupIds}
        onChange={(targetGroupIds) => onChange({ targetGroupIds })}
        emptyText={t('actors.noTerms')}
      />
    </>
  );
}
