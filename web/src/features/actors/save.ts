import { useNavigate } from '@tanstack/react-router';
import { useCreateActor, useUpdateActor } from './data.ts';
import { organisationChanges, type OrganisationValues } from './organisation-values.ts';
import { consentChange, consentOf, personChanges, type PersonValues } from './person-values.ts';
import type { ActorDetail } from './types.ts';

/** Create or update an actor from form values, then go to its page. */
export function useSaveActor(slug: string, actor?: ActorDetail) {
  const navigate = useNavigate();
  const create = useCreateActor(slug);
  const update = useUpdateActor(slug);
  const mutation = actor ? update : create;
  const done = (saved: ActorDetail) =>
    void navigate({ to: '/w/$slug/actoren/$actorId', params: { slug, actorId: saved.id } });

  const savePerson = (values: PersonValues, recordsConsent: boolean) => {
    const changes = personChanges(values);
    if (!actor) {
      const consent = recordsConsent ? consentOf(values) : null;
      create.mutate(
        { kind: 'person', ...changes, ...(consent ? { consent } : {}) },
        { onSuccess: done },
      );
    } else {
      update.mutate(
        {
          actorId: actor.id,
          changes,
          ...(recordsConsent ? { consent: consentChange(values, actor) } : {}),
        },
        { onSuccess: done },
      );
    }
  };

  const saveOrganisation = (values: OrganisationValues) => {
    const changes = organisationChanges(values);
    if (!actor) create.mutate({ kind: 'organisation', ...changes }, { onSuccess: done });
    else update.mutate({ actorId: actor.id, changes }, { onSuccess: done });
  };

  return { savePerson, saveOrganisation, pending: mutation.isPending, error: mutation.error };
}
