import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/alert.tsx';
import { TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { myCarrierQuery } from '../features/activities/data.ts';
import { CheckInForm } from '../features/check-ins/check-in-form.tsx';
import { CheckInNav } from '../features/check-ins/check-in-nav.tsx';
import {
  checkInSettingsQuery,
  checkInSharesQuery,
  myCheckInsQuery,
} from '../features/check-ins/data.ts';
import { CheckInHistory } from '../features/check-ins/history.tsx';
import { ReminderSettings } from '../features/check-ins/reminder-settings.tsx';
import { SharingSection } from '../features/check-ins/sharing.tsx';
import '../styles/check-ins.css';
import { validatePageSearch, type PageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/**
 * "Mijn check-in" (the page reminder emails link to): a carrier's short check-in, their own
 * history, reminders and sharing. Members without a carrier record of their own get an
 * explanation instead.
 */
export const checkInRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'check-in',
  validateSearch: (search: Record<string, unknown>): PageSearch => validatePageSearch(search),
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: async ({ context, params, deps }) => {
    const { queryClient } = context;
    const carrier = await queryClient.ensureQueryData(myCarrierQuery(params.slug));
    if (carrier?.kind !== 'person') return;
    await Promise.all([
      queryClient.ensureQueryData(myCheckInsQuery(params.slug, deps.page)),
      queryClient.ensureQueryData(checkInSettingsQuery(params.slug)),
      queryClient.ensureQueryData(checkInSharesQuery(params.slug)),
    ]);
  },
  component: CheckInPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('checkIns.title') },
});

function CheckInPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const { page = 1 } = checkInRoute.useSearch();
  const { data: carrier } = useSuspenseQuery(myCarrierQuery(slug));
  const isCarrier = carrier?.kind === 'person';
  return (
    <Page title={t('checkIns.title')} lead={t('checkIns.lead')}>
      <CheckInNav slug={slug} role={workspace.role} />
      <section aria-labelledby="check-in-privacy-title" className="wd-check-in-privacy">
        <h2 className="utrecht-heading-2" id="check-in-privacy-title">
          {t('checkIns.privacy.title')}
        </h2>
        <p className="utrecht-paragraph">{t('checkIns.privacy.text')}</p>
      </section>
      {isCarrier ? (
        <>
          <CheckInForm slug={slug} />
          <CheckInHistory slug={slug} page={page} />
          <ReminderSettings slug={slug} />
          <SharingSection slug={slug} />
        </>
      ) : (
        <Alert type="info">
          <p className="utrecht-paragraph">{t('checkIns.noCarrier')}</p>
          <p className="utrecht-paragraph">
            <TextLink to="/w/$slug/check-in/gedeeld" params={{ slug }}>
              {t('checkIns.nav.shared')}
            </TextLink>
          </p>
        </Alert>
      )}
    </Page>
  );
}
