import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CheckboxField, CheckboxGroup, Fieldset } from '../actors/fields.tsx';
import {
  areasQuery,
  groupAreas,
  termsQuery,
  useTermLabel,
  type AreaSummary,
  type Term,
} from '../actors/reference.ts';

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

interface AreasFieldsetProps {
  idPrefix: string;
  description: string;
  areas: readonly AreaSummary[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string | undefined;
}

/**
 * Areas as checkboxes in the CBS tree: the gemeente, then one group per wijk (the wijk itself and
 * its buurten), so a screen reader announces which wijk a buurt belongs to.
 */
function AreasFieldset(props: AreasFieldsetProps) {
  const { idPrefix, description, areas, selected, onChange, error } = props;
  const { t } = useTranslation();
  const { gemeenten, wijken, loose } = groupAreas(areas);
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...selected, id] : selected.filter((v) => v !== id));
  let index = 0;
  const box = (area: AreaSummary, label: string) => {
    const id = `${idPrefix}-${index++}`;
    return (
      <li key={area.id}>
        <CheckboxField
          id={id}
          label={label}
          checked={selected.includes(area.id)}
          onChange={(on) => toggle(area.id, on)}
        />
      </li>
    );
  };
  return (
    <Fieldset
      id={`${idPrefix}-group`}
      legend={t('actors.fields.areas')}
      description={description}
      error={error}
    >
      {areas.length === 0 ? <p className="utrecht-paragraph">{t('actors.noAreas')}</p> : null}
      {gemeenten.length > 0 ? (
        <ul className="wd-checkbox-list">
          {gemeenten.map((g) => box(g, t('actors.wholeGemeente', { name: g.name })))}
        </ul>
      ) : null}
      {wijken.map(({ head, members }) =>
        head ? (
          <Fieldset key={head.id} id={`${idPrefix}-wijk-${head.code}`} legend={head.name}>
            <ul className="wd-checkbox-list wd-checkbox-list--columns">
              {box(head, t('actors.wholeWijk', { name: head.name }))}
              {members.map((b) => box(b, b.name))}
            </ul>
          </Fieldset>
        ) : null,
      )}
      {loose.length > 0 ? (
        <Fieldset id={`${idPrefix}-other`} legend={t('actors.otherAreas')}>
          <ul className="wd-checkbox-list wd-checkbox-list--columns">
            {loose.map((b) => box(b, b.name))}
          </ul>
        </Fieldset>
      ) : null}
    </Fieldset>
  );
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
      <AreasFieldset
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
