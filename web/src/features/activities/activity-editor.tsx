import { useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { TextLink } from '../../components/links.tsx';
import type { ActorDetail } from '../actors/types.ts';
import { ActivityForm } from './activity-form.tsx';
import { activityInput } from './activity-values.ts';
import { activityQuery, useDeleteActivity, useSaveActivity } from './data.ts';
import type { Picked } from './record-picker.tsx';
import type { ActivityDetail } from './types.ts';

function useGoToActor(slug: string) {
  const navigate = useNavigate();
  return (actorId: string) =>
    void navigate({ to: '/w/$slug/actoren/$actorId', params: { slug, actorId } });
}

/** Members without a carrier of their own cannot record activities yet. */
export function NoOwnCarrier({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <Alert type="info">
      <p className="utrecht-paragraph">{t('activities.noOwnCarrier')}</p>
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug" params={{ slug }}>
          {t('activities.backToWorkspace')}
        </TextLink>
      </p>
    </Alert>
  );
}

export function NewActivitySection(props: {
  slug: string;
  manager: boolean;
  ownCarrier: ActorDetail | null;
  defaults: { actor: Picked | null; initiative: Picked | null };
}) {
  const { slug, manager, ownCarrier, defaults } = props;
  const { t } = useTranslation();
  const save = useSaveActivity(slug);
  const goToActor = useGoToActor(slug);
  if (!manager && !ownCarrier) return <NoOwnCarrier slug={slug} />;
  return (
    <ActivityForm
      slug={slug}
      manager={manager}
      ownCarrier={ownCarrier}
      defaults={
        manager || !ownCarrier
          ? defaults
          : { ...defaults, actor: { id: ownCarrier.id, label: ownCarrier.name } }
      }
      pending={save.isPending}
      serverError={save.error}
      submitLabel={t('activities.create')}
      onSubmit={(values) =>
        save.mutate(activityInput(values), { onSuccess: (saved) => goToActor(saved.actorId) })
      }
    />
  );
}

function DeleteActivity({ slug, activity }: { slug: string; activity: ActivityDetail }) {
  const { t } = useTranslation();
  const remove = useDeleteActivity(slug);
  const feedback = useFeedback();
  const goToActor = useGoToActor(slug);
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="wd-section" aria-labelledby="activity-delete-title">
      <h2 className="utrecht-heading-2" id="activity-delete-title">
        {t('activities.deleteTitle')}
      </h2>
      <FeedbackMessage feedback={feedback.feedback} />
      <p className="utrecht-paragraph">{t('activities.deleteLead')}</p>
      <Button
        variant="secondary"
        danger
        onClick={() => {
          feedback.clear();
          setConfirming(true);
        }}
      >
        {t('activities.delete')}
        <span className="wd-visually-hidden"> {activity.title}</span>
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('activities.deleteTitle')}
        confirmLabel={t('activities.deleteConfirm')}
        pending={remove.isPending}
        onConfirm={() =>
          remove.mutate(activity.id, {
            onSuccess: () => {
              setConfirming(false);
              goToActor(activity.actorId);
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
          {t('activities.deleteQuestion', { title: activity.title, actor: activity.actorName })}
        </p>
      </ConfirmDialog>
    </section>
  );
}

export function EditActivitySection(props: {
  slug: string;
  activityId: string;
  manager: boolean;
  ownCarrier: ActorDetail | null;
}) {
  const { slug, activityId, manager, ownCarrier } = props;
  const { t } = useTranslation();
  const { data: activity } = useSuspenseQuery(activityQuery(slug, activityId));
  const save = useSaveActivity(slug, activityId);
  const goToActor = useGoToActor(slug);
  return (
    <>
      <p className="utrecht-paragraph">
        <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: activity.actorId }}>
          {t('activities.backToActor', { name: activity.actorName })}
        </TextLink>
      </p>
      <ActivityForm
        key={activity.id}
        slug={slug}
        activity={activity}
        manager={manager}
        ownCarrier={ownCarrier}
        defaults={{ actor: null, initiative: null }}
        pending={save.isPending}
        serverError={save.error}
        submitLabel={t('common.save')}
        onSubmit={(values) =>
          save.mutate(activityInput(values), { onSuccess: (saved) => goToActor(saved.actorId) })
        }
      />
      <DeleteActivity slug={slug} activity={activity} />
    </>
  );
}
