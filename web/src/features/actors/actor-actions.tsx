import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { useDeleteActor } from './data.ts';
import type { ActorDetail } from './types.ts';

/** Edit and delete, for those allowed; deleting asks first. */
export function ActorActions({
  slug,
  actor,
  canEdit,
  canDelete,
}: {
  slug: string;
  actor: ActorDetail;
  canEdit: boolean;
  canDelete: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteActor(slug);
  const feedback = useFeedback();
  const [confirming, setConfirming] = useState(false);
  if (!canEdit && !canDelete) return null;
  const question =
    actor.kind === 'person'
      ? t('actors.deletePersonQuestion', { name: actor.name })
      : t('actors.deleteOrganisationQuestion', { name: actor.name });
  return (
    <>
      <FeedbackMessage feedback={feedback.feedback} />
      <div className="utrecht-button-group wd-stack-item">
        {canEdit ? (
          <ButtonLink to="/w/$slug/actoren/$actorId/bewerken" params={{ slug, actorId: actor.id }}>
            {t('actors.edit')}
            <span className="wd-visually-hidden"> {actor.name}</span>
          </ButtonLink>
        ) : null}
        {canDelete ? (
          <Button
            variant="secondary"
            danger
            onClick={() => {
              feedback.clear();
              setConfirming(true);
            }}
          >
            {t('actors.delete')}
            <span className="wd-visually-hidden"> {actor.name}</span>
          </Button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('actors.deleteTitle')}
        confirmLabel={t('actors.deleteConfirm')}
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(actor.id, {
            onSuccess: () => {
              setConfirming(false);
              void navigate({ to: '/w/$slug/zoeken', params: { slug } });
            },
            onError: (error) => {
              setConfirming(false);
              feedback.fail(error);
            },
          })
        }
        onCancel={() => setConfirming(false)}
      >
        <p className="utrecht-paragraph">{question}</p>
      </ConfirmDialog>
    </>
  );
}
