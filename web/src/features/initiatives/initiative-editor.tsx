import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { NoOwnCarrier } from '../activities/activity-editor.tsx';
import type { ActorDetail } from '../actors/types.ts';
import { initiativeQuery, useSaveInitiative } from './data.ts';
import { InitiativeForm } from './initiative-form.tsx';
import { initiativeInput } from './initiative-values.ts';
import type { InitiativeDetail } from './types.ts';

function useGoToInitiative(slug: string) {
  const navigate = useNavigate();
  return (saved: InitiativeDetail) =>
    void navigate({
      to: '/w/$slug/initiatieven/$initiativeId',
      params: { slug, initiativeId: saved.id },
    });
}

export function NewInitiativeSection(props: {
  slug: string;
  manager: boolean;
  ownCarrier: ActorDetail | null;
}) {
  const { slug, manager, ownCarrier } = props;
  const { t } = useTranslation();
  const save = useSaveInitiative(slug);
  const done = useGoToInitiative(slug);
  if (!manager && !ownCarrier) return <NoOwnCarrier slug={slug} />;
  return (
    <InitiativeForm
      slug={slug}
      manager={manager}
      ownCarrier={ownCarrier}
      pending={save.isPending}
      serverError={save.error}
      submitLabel={t('activities.create')}
      onSubmit={(values) => save.mutate(initiativeInput(values), { onSuccess: done })}
    />
  );
}

export function EditInitiativeSection(props: {
  slug: string;
  initiativeId: string;
  manager: boolean;
  ownCarrier: ActorDetail | null;
}) {
  const { slug, initiativeId, manager, ownCarrier } = props;
  const { t } = useTranslation();
  const { data: initiative } = useSuspenseQuery(initiativeQuery(slug, initiativeId));
  const save = useSaveInitiative(slug, initiativeId);
  const done = useGoToInitiative(slug);
  return (
    <>
      <p className="utrecht-paragraph">
        <TextLink
          to="/w/$slug/initiatieven/$initiativeId"
          params={{ slug, initiativeId: initiative.id }}
        >
          {t('activities.initiatives.backTo', { name: initiative.name })}
        </TextLink>
      </p>
      <InitiativeForm
        key={initiative.id}
        slug={slug}
        initiative={initiative}
        manager={manager}
        ownCarrier={ownCarrier}
        pending={save.isPending}
        serverError={save.error}
        submitLabel={t('common.save')}
        onSubmit={(values) => save.mutate(initiativeInput(values), { onSuccess: done })}
      />
    </>
  );
}
