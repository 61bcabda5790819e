import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../components/page.tsx';
import { RouteError } from '../components/status-pages.tsx';
import { NewActivitySection } from '../features/activities/activity-editor.tsx';
import { myCarrierQuery } from '../features/activities/data.ts';
import { actorQuery } from '../features/actors/data.ts';
import { managesDirectory } from '../features/actors/permissions.ts';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { initiativeQuery } from '../features/initiatives/data.ts';
import { workspaceQuery } from '../features/workspaces/data.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

type NewActivitySearch = { actorId?: string; initiativeId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOrNothing = (value: unknown) =>
  typeof value === 'string' && UUID.test(value) ? value : undefined;

/**
 * Record an activity. Started from an actor's page (`?actorId=`) or an initiative's page
 * (`?initiativeId=`), the form starts with that actor or initiative chosen.
 */
export const activityNewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'activiteiten/nieuw',
  validateSearch: (search: Record<string, unknown>): NewActivitySearch => {
    const actorId = uuidOrNothing(search.actorId);
    const initiativeId = uuidOrNothing(search.initiativeId);
    return { ...(actorId ? { actorId } : {}), ...(initiativeId ? { initiativeId } : {}) };
  },
  loaderDeps: ({ search }) => ({ actorId: search.actorId, initiativeId: search.initiativeId }),
  loader: async ({ context, params, deps }) => {
    const { queryClient } = context;
    const { slug } = params;
    const workspace = await queryClient.ensureQueryData(workspaceQuery(slug));
    // A preset that cannot be read (deleted, not visible) simply leaves the choice open.
    const optional = (load: Promise<unknown>) => load.catch(() => null);
    await Promise.all([
      queryClient.ensureQueryData(areasQuery(slug)),
      queryClient.ensureQueryData(termsQuery(slug)),
      managesDirectory(workspace.role) ? null : queryClient.ensureQueryData(myCarrierQuery(slug)),
      deps.actorId && managesDirectory(workspace.role)
        ? optional(queryClient.ensureQueryData(actorQuery(slug, deps.actorId)))
        : null,
      deps.initiativeId
        ? optional(queryClient.ensureQueryData(initiativeQuery(slug, deps.initiativeId)))
        : null,
    ]);
  },
  component: ActivityNewPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('activities.newTitle') },
});

function ActivityNewPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const slug = workspace.slug;
  const { actorId, initiativeId } = activityNewRoute.useSearch();
  const manager = managesDirectory(workspace.role);
  // The loader filled these; a preset it could not read stays empty (no request is repeated).
  const cached = { enabled: false, retry: false } as const;
  const actor = useQuery({ ...actorQuery(slug, actorId ?? ''), ...cached }).data;
  const initiative = useQuery({ ...initiativeQuery(slug, initiativeId ?? ''), ...cached }).data;
  const ownCarrier = useQuery({ ...myCarrierQuery(slug), enabled: !manager }).data ?? null;
  const defaults = {
    actor: actorId && actor ? { id: actor.id, label: actor.name } : null,
    initiative: initiativeId && initiative ? { id: initiative.id, label: initiative.name } : null,
  };
  return (
    <Page title={t('activities.newTitle')} lead={t('activities.newLead')}>
      <NewActivitySection
        key={`${actorId ?? ''}-${initiativeId ?? ''}`}
        slug={slug}
        manager={manager}
        ownCarrier={ownCarrier}
        defaults={defaults}
      />
    </Page>
  );
}
