import { useSuspenseQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { areasQuery, termsQuery, useTermLabel } from './reference.ts';

/** Key–value rows (Utrecht data list); rows without a value are left out. */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="utrecht-data-list utrecht-data-list--rows wd-facts">{children}</dl>;
}

export function Fact({
  label,
  children,
  multiline = false,
}: {
  label: ReactNode;
  children: ReactNode;
  /** Keep the line breaks of a longer text (a bio). */
  multiline?: boolean;
}) {
  if (children === null || children === undefined || children === '') return null;
  const lines = multiline ? ' utrecht-data-list__item-value--multiline' : '';
  return (
    <div className="utrecht-data-list__item">
      <dt className="utrecht-data-list__item-key">{label}</dt>
      <dd
        className={`utrecht-data-list__item-value utrecht-data-list__item-value--html-dd${lines}`}
      >
        {children}
      </dd>
    </div>
  );
}

/** A short inline list, or the "none" text. */
export function InlineList({ items, none }: { items: ReactNode[]; none: string }) {
  if (items.length === 0) return <>{none}</>;
  return (
    <ul className="wd-inline-list wd-inline-list--commas">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** Names of areas and terms by id; ids the viewer cannot resolve are skipped. */
export function useNames(slug: string) {
  const label = useTermLabel();
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const { data: terms } = useSuspenseQuery(termsQuery(slug));
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const termById = new Map(terms.map((t) => [t.id, t]));
  return {
    areas: (ids: readonly string[]) =>
      ids.flatMap((id) => {
        const area = areaById.get(id);
        return area ? [area] : [];
      }),
    terms: (ids: readonly string[]) =>
      ids.flatMap((id) => {
        const term = termById.get(id);
        return term ? [label(term)] : [];
      }),
  };
}

/** Where and on what: areas (linked to their area pages), domains and target groups. */
export function WhereFacts({
  slug,
  areaIds,
  domainIds,
  targetGroupIds,
}: {
  slug: string;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
}) {
  const { t } = useTranslation();
  const names = useNames(slug);
  const none = t('actors.none');
  return (
    <Facts>
      <Fact label={t('actors.fields.areas')}>
        <InlineList
          none={none}
          items={names.areas(areaIds).map((area) => (
            <TextLink
              key={area.id}
              to="/w/$slug/gebieden/$areaId"
              params={{ slug, areaId: area.id }}
            >
              {area.name}
            </TextLink>
          ))}
        />
      </Fact>
      <Fact label={t('actors.fields.domains')}>
        <InlineList none={none} items={names.terms(domainIds)} />
      </Fact>
      <Fact label={t('actors.fields.targetGroups')}>
        <InlineList none={none} items={names.terms(targetGroupIds)} />
      </Fact>
    </Facts>
  );
}
