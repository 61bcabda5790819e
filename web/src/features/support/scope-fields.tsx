import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../actors/fields.tsx';
import { termsQuery, useTermLabel } from '../actors/reference.ts';

export interface Scope {
  domainIds: string[];
  targetGroupIds: string[];
}

/** Domains and target groups to tick, for offers (eligible) and needs (what it is about). */
export function ScopeFields({
  slug,
  idPrefix,
  value,
  onChange,
  hint,
}: {
  slug: string;
  idPrefix: string;
  value: Scope;
  onChange: (value: Scope) => void;
  hint?: string;
}) {
  const { t } = useTranslation();
  const { data: terms } = useSuspenseQuery(termsQuery(slug));
  const termLabel = useTermLabel();
  const options = (kind: 'domain' | 'target_group') =>
    terms
      .filter((term) => term.kind === kind && !term.archived)
      .map((term) => ({ value: term.id, label: termLabel(term) }));
  return (
    <>
      <CheckboxGroup
        idPrefix={`${idPrefix}-domain`}
        legend={t('support.fields.domains')}
        description={hint}
        options={options('domain')}
        selected={value.domainIds}
        onChange={(domainIds) => onChange({ ...value, domainIds })}
      />
      <CheckboxGroup
        idPrefix={`${idPrefix}-target`}
        legend={t('support.fields.targetGroups')}
        description={hint}
        options={options('target_group')}
        selected={value.targetGroupIds}
        onChange={(targetGroupIds) => onChange({ ...value, targetGroupIds })}
      />
    </>
  );
}
