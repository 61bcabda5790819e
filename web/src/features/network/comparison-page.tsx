import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Page } from '../../components/page.tsx';
import { useWorkspace } from '../../routes/workspace.tsx';
import { ComparisonView } from './comparison-view.tsx';
import { comparisonQuery } from './data.ts';
import { NetworkFilters } from './network-filters.tsx';
import { filterOf, searchOf } from './search.ts';

const route = getRouteApi('/protected/w/$slug/netwerk/vergelijking');

/** The comparison page (loaded with the page, not with the first page of the app). */
export function ComparisonPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const search = route.useSearch();
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
      <ComparisonView slug={slug} data={data} />
    </Page>
  );
}
