import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import { TextLink } from '../../components/links.tsx';
import { Fieldset } from '../actors/fields.tsx';
import { useActorForm, type Codes } from '../actors/form-errors.ts';
import { kindOptions, orgKindOptions, sizeClassOptions } from '../actors/labels.ts';
import {
  areasQuery,
  groupAreas,
  termsQuery,
  useTermLabel,
  type Term,
} from '../actors/reference.ts';
import { checkPeriod } from '../actors/validation.ts';
import { GroupedSelectField, type OptionGroup } from './grouped-select.tsx';
import {
  filterKeys,
  hasFilters,
  Q_MAX,
  validateDirectorySearch,
  type DirectorySearch,
  type FilterKey,
} from './search-params.ts';

type Values = Record<'q' | FilterKey, string>;

const toValues = (search: DirectorySearch): Values => ({
  q: search.q ?? '',
  ...(Object.fromEntries(filterKeys.map((key) => [key, search[key] ?? ''])) as Record<
    FilterKey,
    string
  >),
});

const FORM = 'directory';
const specsOf = (t: TFunction) => ({
  '/q': { id: `${FORM}-q`, label: t('directory.query') },
  '/type': { id: `${FORM}-type`, label: t('directory.type') },
  '/areaId': { id: `${FORM}-area`, label: t('directory.area') },
  '/domainId': { id: `${FORM}-domain`, label: t('directory.domain') },
  '/targetGroupId': { id: `${FORM}-target-group`, label: t('directory.targetGroup') },
  '/actorKind': { id: `${FORM}-actor-kind`, label: t('directory.actorKind') },
  '/orgKind': { id: `${FORM}-org-kind`, label: t('directory.orgKind') },
  '/sizeClass': { id: `${FORM}-size`, label: t('directory.sizeClass') },
  '/activeFrom': { id: `${FORM}-from`, label: t('directory.activeFrom') },
  '/activeTo': { id: `${FORM}-to`, label: t('directory.activeTo') },
});

function validate(values: Values): Codes {
  const codes: Codes = {};
  checkPeriod(
    codes,
    { start: '/activeFrom', end: '/activeTo' },
    values.activeFrom,
    values.activeTo,
  );
  return codes;
}

/**
 * The search box and filters. Submitting writes them to the URL; the route loads the results. When
 * the URL changes (back, forward, a link), the fields follow it, without remounting the form: the
 * button that was pressed keeps focus while the count is announced.
 */
export function SearchForm({ slug, search }: { slug: string; search: DirectorySearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const termLabel = useTermLabel();
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const { data: terms } = useSuspenseQuery(termsQuery(slug));
  const form = useActorForm<Values>(toValues(search));
  const { values, set } = form;
  // Follow the URL during render (not in an effect), so the fields never show stale values.
  const searchKey = JSON.stringify(search);
  const [seenKey, setSeenKey] = useState(searchKey);
  if (seenKey !== searchKey) {
    setSeenKey(searchKey);
    set(toValues(search));
  }
  const specs = specsOf(t);
  const errors = form.errors(specs, null, t);

  const any = [{ value: '', label: t('directory.any') }];
  const termOptions = (kind: Term['kind'], selected: string) => [
    ...any,
    ...terms
      .filter((term) => term.kind === kind && (!term.archived || term.id === selected))
      .map((term) => ({ value: term.id, label: termLabel(term) })),
  ];
  const tree = groupAreas(areas);
  const areaGroups: OptionGroup[] = [
    { label: null, options: tree.gemeenten.map((g) => ({ value: g.id, label: g.name })) },
    ...tree.wijken.flatMap(({ head, members }) =>
      head
        ? [
            {
              label: head.name,
              options: [
                { value: head.id, label: t('directory.wholeWijk', { name: head.name }) },
                ...members.map((b) => ({ value: b.id, label: b.name })),
              ],
            },
          ]
        : [],
    ),
    ...(tree.loose.length
      ? [
          {
            label: t('directory.otherAreas'),
            options: tree.loose.map((b) => ({ value: b.id, label: b.name })),
          },
        ]
      : []),
  ];
  const field = (key: keyof Values) => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) => set({ [key]: event.target.value }),
  });

  return (
    <div className="wd-directory-search">
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form
        className="wd-directory-form"
        role="search"
        aria-label={t('directory.formLabel')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!form.check(validate)) return;
          void navigate({
            to: '/w/$slug/zoeken',
            params: { slug },
            search: validateDirectorySearch({ ...values }),
          });
        }}
      >
        <div className="wd-directory-form__query">
          <TextField
            spec={specs['/q']}
            type="search"
            description={t('directory.queryHint')}
            autoComplete="off"
            maxLength={Q_MAX}
            {...field('q')}
          />
          <Button type="submit">{t('directory.submit')}</Button>
        </div>
        <Fieldset id={`${FORM}-filters`} legend={t('directory.filters')}>
          <div className="wd-filter-grid">
            <SelectField
              spec={specs['/type']}
              options={[
                ...any,
                { value: 'actor', label: t('directory.types.actor') },
                { value: 'initiative', label: t('directory.types.initiative') },
                { value: 'activity', label: t('directory.types.activity') },
              ]}
              {...field('type')}
            />
            <GroupedSelectField
              spec={specs['/areaId']}
              description={t('directory.areaHint')}
              groups={areaGroups}
              {...field('areaId')}
            />
            <SelectField
              spec={specs['/domainId']}
              options={termOptions('domain', values.domainId)}
              {...field('domainId')}
            />
            <SelectField
              spec={specs['/targetGroupId']}
              options={termOptions('target_group', values.targetGroupId)}
              {...field('targetGroupId')}
            />
            <SelectField
              spec={specs['/actorKind']}
              options={[...any, ...kindOptions(t)]}
              {...field('actorKind')}
            />
            <SelectField
              spec={specs['/orgKind']}
              options={[...any, ...orgKindOptions(t)]}
              {...field('orgKind')}
            />
            <SelectField
              spec={specs['/sizeClass']}
              description={t('directory.sizeClassHint')}
              options={[...any, ...sizeClassOptions(t)]}
              {...field('sizeClass')}
            />
            <TextField
              spec={specs['/activeFrom']}
              type="date"
              error={errors.fields['/activeFrom']}
              {...field('activeFrom')}
            />
            <TextField
              spec={specs['/activeTo']}
              type="date"
              description={t('directory.activeHint')}
              error={errors.fields['/activeTo']}
              {...field('activeTo')}
            />
          </div>
          <div className="utrecht-button-group">
            <Button type="submit" variant="secondary">
              {t('directory.apply')}
            </Button>
            {search.q || hasFilters(search) ? (
              <TextLink to="/w/$slug/zoeken" params={{ slug }} className="wd-align-center">
                {t('directory.clear')}
              </TextLink>
            ) : null}
          </div>
        </Fieldset>
      </form>
    </div>
  );
}
