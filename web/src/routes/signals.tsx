import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { actorQuery } from '../features/actors/data.ts';
import { areasQuery } from '../features/actors/reference.ts';
import { signalsQuery } from '../features/signals/data.ts';
import {
  SignalFilters,
  validateSignalSearch,
  type SignalSearch,
} from '../features/signals/filters.tsx';
import { SignalsTable } from '../features/signals/signals-table.tsx';
import type { SignalFilter } from '../features/signals/types.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

const filterOf = (s: SignalSearch): SignalFilter => ({
  areaId: s.gebied,
  state: s.status,
  actorId: s.actor,
});

/** "Overlapsignalen": pairs of parties doing the same thing in the same place at the same time. */
export const signalsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'overlapsignalen',
  validateSearch: validateSignalSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(areasQuery(params.slug)),
      context.queryClient.ensureQueryData(
        signalsQuery(params.slug, deps.page ?? 1, filterOf(deps)),
      ),
    ]),
  component: SignalsPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('signals.title') },
});

function SignalsPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const search = signalsRoute.useSearch();
  const page = search.page ?? 1;
  const { data } = useSuspenseQuery(signalsQuery(slug, page, filterOf(search)));
  const actor = useQuery({ ...actorQuery(slug, search.actor ?? ''), enabled: !!search.actor });
  const actorName = actor.data?.name ?? null;
  return (
    <Page title={t('signals.title')} lead={t('signals.lead')}>
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug/bondgenootschappen" params={{ slug }}>
          {t('alliances.title')}
        </TextLink>
      </p>
      <SignalFilters
        key={`${search.gebied ?? ''}|${search.status ?? ''}|${search.actor ?? ''}|${actorName ?? ''}`}
        slug={slug}
        search={search}
        actorLabel={actorName}
      />
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('signals.empty')}</p>
      ) : (
        <SignalsTable
          slug={slug}
          items={data.items}
          caption={t('signals.caption', { count: data.total })}
        />
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, props) => (
          <Link
            to="/w/$slug/overlapsignalen"
            params={{ slug }}
            search={{ ...search, page: target }}
            {...props}
          />
        )}
      />
    </Page>
  );
}
