import { useSuspenseQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { actorQuery, orNotFound } from '../features/actors/data.ts';
import { OrganisationForm } from '../features/actors/organisation-form.tsx';
import { useActorPermissions } from '../features/actors/permissions.ts';
import { PersonForm } from '../features/actors/person-form.tsx';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { useSaveActor } from '../features/actors/save.ts';
import type { ActorDetail } from '../features/actors/types.ts';
import { meQuery } from '../features/session/store.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

/** Edit a carrier or organisation (coordinators and admins; a carrier their own record). */
export const actorEditRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'actoren/$actorId/bewerken',
  loader: async ({ context, params }) => {
    await Promise.all([
      orNotFound(context.queryClient.ensureQueryData(actorQuery(params.slug, params.actorId))),
      context.queryClient.ensureQueryData(areasQuery(params.slug)),
      context.queryClient.ensureQueryData(termsQuery(params.slug)),
      context.queryClient.ensureQueryData(meQuery),
    ]);
  },
  component: ActorEditPage,
  errorComponent: RouteError,
  staticData: {
    crumb: ({ params, queryClient, t }) =>
      t('actors.editCrumb', {
        name:
          queryClient.getQueryData(actorQuery(params.slug ?? '', params.actorId ?? '').queryKey)
            ?.name ?? '',
      }),
  },
});

interface EditFormProps {
  slug: string;
  actor: ActorDetail;
  manager: boolean;
  own: boolean;
}

function EditForm({ slug, actor, manager, own }: EditFormProps) {
  const { t } = useTranslation();
  const save = useSaveActor(slug, actor);
  return actor.kind === 'person' ? (
    <PersonForm
      slug={slug}
      actor={actor}
      recordsConsent={manager}
      consentNeeded={!own}
      pending={save.pending}
      serverError={save.error}
      submitLabel={t('common.save')}
      onSubmit={(values) => save.savePerson(values, manager)}
    />
  ) : (
    <OrganisationForm
      slug={slug}
      actor={actor}
      pending={save.pending}
      serverError={save.error}
      submitLabel={t('common.save')}
      onSubmit={save.saveOrganisation}
    />
  );
}

function ActorEditPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { actorId } = actorEditRoute.useParams();
  const slug = workspace.slug;
  const { data: actor } = useSuspenseQuery(actorQuery(slug, actorId));
  const allowed = useActorPermissions(workspace.role, actor);
  if (!allowed.canEdit) return <ForbiddenPage />;
  return (
    <Page title={t('actors.editTitle', { name: actor.name })}>
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId }}>
          {t('actors.backToActor', { name: actor.name })}
        </TextLink>
      </p>
      <EditForm
        key={actor.updatedAt}
        slug={slug}
        actor={actor}
        manager={allowed.manager}
        own={allowed.own}
      />
    </Page>
  );
}
