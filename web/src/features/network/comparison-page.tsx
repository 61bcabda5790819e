import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Page } from '../../components/page.tsx';
import { canCoordinate } from '../../lib/roles.ts';
import type { ComparisonSearch } from '../../routes/network-comparison.tsx';
import { useWorkspace } from '../../routes/workspace.tsx';
import { ComparisonView } from './comparison-view.tsx';
import { comparisonQuery } from './data.ts';
import { NetworkFilters } from './network-filters.tsx';
import { comparesRounds } from './round-comparison-data.ts';
import { RoundComparisonPage } from './round-comparison-page.tsx';
import { filterOf, searchOf } from './search.ts';

const route = getRouteApi('/protected/w/$slug/netwerk/vergelijking');

/**
 * The comparison page (loaded with the page, not with the first page of the app): two days, or
 * two survey rounds (`vergelijk=metingen`).
 */
export function ComparisonPage() {
  const workspace = useWorkspace();
  const search = route.useSearch();
  return comparesRounds(search) ? (
    <RoundComparisonPage slug={workspace.slug} fromId={search.vanMeting} toId={search.totMeting} />
  ) : (
    <DayComparisonPage search={search} />
  );
}

function DayComparisonPage({ search }: { search: ComparisonSearch }) {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const slug = workspace.slug;
  const filter = filterOf(search);
  const { data } = useSuspenseQuery(comparisonQuery(slug, search.van, search.tot, filter));
  return (
    <Page title={t('network.comparison.title')} lead={t('network.comparison.lead')}>
      <NetworkFilters
        key={JSON.stringify(search)}
        slug={slug}
        values={{ ...filter, from: data.from, to: data.to }}
        dates="fromTo"
        onApply={(v) =>
          void navigate({
            to: '/w/$slug/netwerk/vergelijking',
            params: { slug },
            search: {
              ...searchOf(v),
              ...(v.from ? { van: v.from } : {}),
              ...(v.to ? { tot: v.to } : {}),
            },
          })
        }
      />
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug/netwerk" params={{ slug }} search={searchOf(filter)}>
          {t('network.backToNetwork')}
        </TextLink>
      </p>
      {/* Choosing rounds needs the list of rounds (surveys.read: coordinators and admins). */}
      {canCoordinate(workspace.role) ? (
        <p className="utrecht-paragraph">
          <TextLink
            to="/w/$slug/netwerk/vergelijking"
            params={{ slug }}
            search={{ vergelijk: 'metingen' }}
          >
            {t('network.compareRoundsLink')}
          </TextLink>
        </p>
      ) : null}
      <ComparisonView slug={slug} data={data} />
    </Page>
  );
}
