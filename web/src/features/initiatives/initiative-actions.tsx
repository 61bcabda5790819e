import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { useDeleteInitiative } from './data.ts';
import type { InitiativeDetail } from './types.ts';

/** Edit and delete, for coordinators and the initiative's carriers; deleting asks first. */
export function InitiativeActions({
  slug,
  initiative,
}: {
  slug: string;
  initiative: InitiativeDetail;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteInitiative(slug);
  const feedback = useFeedback();
  const [confirming, setConfirming] = useState(false);
  if (!initiative.canEdit) return null;
  return (
    <>
      <FeedbackMessage feedback={feedback.feedback} />
      <div className="utrecht-button-group wd-stack-item">
        <ButtonLink
          to="/w/$slug/initiatieven/$initiativeId/bewerken"
          params={{ slug, initiativeId: initiative.id }}
        >
          {t('activities.edit')}
          <span className="wd-visually-hidden"> {initiative.name}</span>
        </ButtonLink>
        <Button
          variant="secondary"
          danger
          onClick={() => {
            feedback.clear();
            setConfirming(true);
          }}
        >
          {t('activities.initiatives.delete')}
          <span className="wd-visually-hidden"> {initiative.name}</span>
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('activities.initiatives.deleteTitle')}
        confirmLabel={t('activities.initiatives.deleteConfirm')}
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(initiative.id, {
            onSuccess: () => {
              setConfirming(false);
              void navigate({ to: '/w/$slug/initiatieven', params: { slug } });
            },
            onError: (error) => {
              setConfirming(false);
              feedback.fail(error);
            },
          })
        }
        onCancel={() => setConfirming(false)}
      >
        <p className="utrecht-paragraph">
          {t('activities.initiatives.deleteQuestion', { name: initiative.name })}
        </p>
      </ConfirmDialog>
    </>
  );
}
