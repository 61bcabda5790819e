import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Page } from '../../components/page.tsx';
import { useFormat } from '../../lib/format.ts';
import { canCoordinate, canExportNetwork } from '../../lib/roles.ts';
import { useWorkspace } from '../../routes/workspace.tsx';
import { networkQuery } from './data.ts';
import { NetworkExports } from './network-exports.tsx';
import { NetworkFilters } from './network-filters.tsx';
import { NetworkView } from './network-view.tsx';
import { filterOf, searchOf } from './search.ts';

const route = getRouteApi('/protected/w/$slug/netwerk');

/** The network page (loaded with the page, not with the first page of the app). */
export function NetworkPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const search = route.useSearch();
  const navigate = useNavigate();
  const format = useFormat();
  const slug = workspace.slug;
  const filter = filterOf(search);
  const { data } = useSuspenseQuery(networkQuery(slug, search.peildatum, filter));
  return (
    <Page title={t('network.title')} lead={t('network.lead')}>
      <NetworkFilters
        key={JSON.stringify(search)}
        slug={slug}
        values={{ ...filter, asOf: search.peildatum }}
        dates="asOf"
        onApply={(v) =>
          void navigate({
            to: '/w/$slug/netwerk',
            params: { slug },
            search: { ...searchOf(v), ...(v.asOf ? { peildatum: v.asOf } : {}) },
          })
        }
      />
      <p className="utrecht-paragraph">
        {t('network.asOf', { day: format.date(data.asOf) })}{' '}
        <TextLink to="/w/$slug/netwerk/vergelijking" params={{ slug }} search={searchOf(filter)}>
          {t('network.compareLink')}
        </TextLink>
        {canCoordinate(workspace.role) ? (
          <>
            {' · '}
            <TextLink
              to="/w/$slug/netwerk/vergelijking"
              params={{ slug }}
              search={{ vergelijk: 'metingen' }}
            >
              {t('network.compareRoundsLink')}
            </TextLink>
          </>
        ) : null}
      </p>
      {canCoordinate(workspace.role) ? (
        <p className="utrecht-paragraph">
          <TextLink to="/w/$slug/netwerkmetingen" params={{ slug }}>
            {t('network.surveysLink')}
          </TextLink>
        </p>
      ) : null}
      <NetworkView slug={slug} network={data} />
      {canExportNetwork(workspace.role) ? (
        <NetworkExports
          slug={slug}
          asOf={search.peildatum}
          filter={filter}
          pseudonymised={workspace.role === 'researcher'}
        />
      ) : null}
    </Page>
  );
}
