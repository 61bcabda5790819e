import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/button.tsx';
import { FeedbackMessage, useFeedback } from '../components/feedback.tsx';
import { Page } from '../components/page.tsx';
import { Pagination } from '../components/pagination.tsx';
import { RouteError } from '../components/status-pages.tsx';
import {
  notificationsQuery,
  unreadCountQuery,
  useReadAllNotifications,
} from '../features/notifications/data.ts';
import { NotificationList } from '../features/notifications/notification-list.tsx';
import { validatePageSearch, type PageSearch } from '../lib/search.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** `/w/<slug>/meldingen`: the signed-in user's own notifications in the workspace. */
export const notificationsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'meldingen',
  validateSearch: (search: Record<string, unknown>): PageSearch => validatePageSearch(search),
  loaderDeps: ({ search }) => ({ page: search.page ?? 1 }),
  loader: ({ context, params, deps }) =>
    Promise.all([
      context.queryClient.ensureQueryData(notificationsQuery(params.slug, deps.page)),
      context.queryClient.ensureQueryData(unreadCountQuery(params.slug)),
    ]),
  component: NotificationsPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('notifications.title') },
});

function NotificationsPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { page = 1 } = notificationsRoute.useSearch();
  const { data } = useSuspenseQuery(notificationsQuery(slug, page));
  const { data: count } = useSuspenseQuery(unreadCountQuery(slug));
  const readAll = useReadAllNotifications(slug);
  const { feedback, ok, fail } = useFeedback();
  const markAllRead = () =>
    readAll.mutate(undefined, {
      onSuccess: () => ok((tr) => tr('notifications.readAllDone')),
      onError: fail,
    });
  return (
    <Page title={t('notifications.title')} lead={t('notifications.lead')}>
      <FeedbackMessage feedback={feedback} />
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('notifications.empty')}</p>
      ) : (
        <>
          {/* Stays after use, so keyboard focus is not lost; with nothing unread it does nothing. */}
          {count.unread > 0 || feedback ? (
            <p className="utrecht-paragraph">
              <Button variant="secondary" pending={readAll.isPending} onClick={markAllRead}>
                {t('notifications.readAll')}
              </Button>
            </p>
          ) : null}
          <NotificationList slug={slug} items={data.items} />
        </>
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, props) => (
          <Link to="/w/$slug/meldingen" params={{ slug }} search={{ page: target }} {...props} />
        )}
      />
    </Page>
  );
}
