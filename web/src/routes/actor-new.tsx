import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../components/links.tsx';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, RouteError } from '../components/status-pages.tsx';
import { OrganisationForm } from '../features/actors/organisation-form.tsx';
import { managesDirectory } from '../features/actors/permissions.ts';
import { PersonForm } from '../features/actors/person-form.tsx';
import { areasQuery, termsQuery } from '../features/actors/reference.ts';
import { useSaveActor } from '../features/actors/save.ts';
import { workspaceQuery } from '../features/workspaces/data.ts';
import { useWorkspace, workspaceRoute } from './workspace.tsx';

type NewActorSearch = { kind?: 'person' | 'organisation' };

/** Record a new carrier (`?kind=person`, the default) or organisation (`?kind=organisation`). */
export const actorNewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'actoren/nieuw',
  validateSearch: (search: Record<string, unknown>): NewActorSearch =>
    search.kind === 'organisation' ? { kind: 'organisation' } : { kind: 'person' },
  loader: async ({ context, params }) => {
    const workspace = await context.queryClient.ensureQueryData(workspaceQuery(params.slug));
    if (!managesDirectory(workspace.role)) return;
    await Promise.all([
      context.queryClient.ensureQueryData(areasQuery(params.slug)),
      context.queryClient.ensureQueryData(termsQuery(params.slug)),
    ]);
  },
  component: ActorNewPage,
  errorComponent: RouteError,
  staticData: { crumb: ({ t }) => t('actors.newCrumb') },
});

function ActorNewPage() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const { kind = 'person' } = actorNewRoute.useSearch();
  const slug = workspace.slug;
  const save = useSaveActor(slug);
  if (!managesDirectory(workspace.role)) return <ForbiddenPage />;
  const person = kind === 'person';
  return (
    <Page
      title={person ? t('actors.newPerson') : t('actors.newOrganisation')}
      lead={person ? t('actors.newPersonLead') : t('actors.newOrganisationLead')}
    >
      <p className="utrecht-paragraph">
        <TextLink
          to="/w/$slug/actoren/nieuw"
          params={{ slug }}
          search={{ kind: person ? 'organisation' : 'person' }}
        >
          {person ? t('actors.switchToOrganisation') : t('actors.switchToPerson')}
        </TextLink>
      </p>
      {person ? (
        <PersonForm
          key="person"
          slug={slug}
          recordsConsent
          consentNeeded
          pending={save.pending}
          serverError={save.error}
          submitLabel={t('actors.create')}
          onSubmit={(values) => save.savePerson(values, true)}
        />
      ) : (
        <OrganisationForm
          key="organisation"
          slug={slug}
          pending={save.pending}
          serverError={save.error}
          submitLabel={t('actors.create')}
          onSubmit={save.saveOrganisation}
        />
      )}
    </Page>
  );
}
