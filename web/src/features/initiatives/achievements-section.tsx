import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { TextLink } from '../../components/links.tsx';
import { useDates } from '../actors/dates.ts';
import { Fact, Facts, InlineList } from '../actors/facts.tsx';
import { AchievementForm } from './achievement-form.tsx';
import { useDeleteAchievement } from './data.ts';
import { achievementTypeLabel } from './labels.ts';
import type { Achievement, InitiativeDetail } from './types.ts';
import '../../styles/activities.css';

const LINK = /^https?:\/\/\S+$/i;

/** Evidence is free text; a bare web address becomes a link. */
function Evidence({ text }: { text: string }) {
  if (!LINK.test(text.trim())) return <>{text}</>;
  return (
    <a className="utrecht-link utrecht-link--html-a" href={text.trim()} rel="noopener noreferrer">
      {text.trim()}
    </a>
  );
}

function AchievementItem(props: {
  slug: string;
  item: Achievement;
  canEdit: boolean;
  onDelete: () => void;
}) {
  const { slug, item, canEdit, onDelete } = props;
  const { t } = useTranslation();
  const dates = useDates();
  const recognition = item.type !== 'result';
  return (
    <li className="wd-plain-list__item wd-achievement">
      {recognition ? (
        <p className="utrecht-paragraph wd-kind-line">
          <span className="wd-badge">{achievementTypeLabel(item.type, t)}</span>
        </p>
      ) : null}
      <h4 className="utrecht-heading-4">{item.title}</h4>
      <Facts>
        <Fact label={t('activities.achievements.fields.occurredOn')}>
          <time dateTime={item.occurredOn}>{dates.date(item.occurredOn)}</time>
        </Fact>
        <Fact label={t('activities.fields.description')} multiline>
          {item.description}
        </Fact>
        <Fact label={t('activities.achievements.fields.evidence')} multiline>
          {item.evidence ? <Evidence text={item.evidence} /> : null}
        </Fact>
        <Fact label={t('activities.achievements.fields.source')}>{item.source}</Fact>
        <Fact label={t('activities.achievements.creditedTo')}>
          <InlineList
            none={t('activities.none')}
            items={item.credited.map((c) => (
              <TextLink
                key={c.actorId}
                to="/w/$slug/actoren/$actorId"
                params={{ slug, actorId: c.actorId }}
              >
                {c.name}
              </TextLink>
            ))}
          />
        </Fact>
      </Facts>
      {canEdit ? (
        <Button variant="secondary" danger onClick={onDelete}>
          {t('activities.achievements.delete')}
          <span className="wd-visually-hidden"> {item.title}</span>
        </Button>
      ) : null}
    </li>
  );
}

function Group(props: {
  slug: string;
  id: string;
  title: string;
  lead: string;
  empty: string;
  items: Achievement[];
  canEdit: boolean;
  onDelete: (item: Achievement) => void;
}) {
  const { slug, id, title, lead, empty, items, canEdit, onDelete } = props;
  return (
    <>
      <h3 className="utrecht-heading-3" id={id}>
        {title}
      </h3>
      <p className="utrecht-paragraph">{lead}</p>
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{empty}</p>
      ) : (
        <ul className="wd-plain-list" aria-labelledby={id}>
          {items.map((item) => (
            <AchievementItem
              key={item.id}
              slug={slug}
              item={item}
              canEdit={canEdit}
              onDelete={() => onDelete(item)}
            />
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * Results (what was achieved, with evidence) and recognitions (awards, press, thanks), each with
 * the people who carried them, and a form to add one.
 */
export function AchievementsSection({
  slug,
  initiative,
}: {
  slug: string;
  initiative: InitiativeDetail;
}) {
  const { t } = useTranslation();
  const remove = useDeleteAchievement(slug);
  const feedback = useFeedback();
  const [deleting, setDeleting] = useState<Achievement | null>(null);
  const results = initiative.achievements.filter((a) => a.type === 'result');
  const recognitions = initiative.achievements.filter((a) => a.type !== 'result');
  const ask = (item: Achievement) => {
    feedback.clear();
    setDeleting(item);
  };
  return (
    <section className="wd-section" aria-labelledby="initiative-achievements-title">
      <h2 className="utrecht-heading-2" id="initiative-achievements-title">
        {t('activities.achievements.title')}
      </h2>
      <FeedbackMessage feedback={feedback.feedback} />
      <Group
        slug={slug}
        id="initiative-results-title"
        title={t('activities.achievements.results')}
        lead={t('activities.achievements.resultsLead')}
        empty={t('activities.achievements.resultsEmpty')}
        items={results}
        canEdit={initiative.canEdit}
        onDelete={ask}
      />
      <Group
        slug={slug}
        id="initiative-recognitions-title"
        title={t('activities.achievements.recognitions')}
        lead={t('activities.achievements.recognitionsLead')}
        empty={t('activities.achievements.recognitionsEmpty')}
        items={recognitions}
        canEdit={initiative.canEdit}
        onDelete={ask}
      />
      {initiative.canEdit ? (
        <AchievementForm
          slug={slug}
          initiative={initiative}
          onAdded={(title) => feedback.ok((tt) => tt('activities.achievements.added', { title }))}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('activities.achievements.deleteTitle')}
        confirmLabel={t('activities.achievements.deleteConfirm')}
        pending={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          const { id, title } = deleting;
          remove.mutate(id, {
            onSuccess: () => feedback.ok((tt) => tt('activities.achievements.deleted', { title })),
            onError: feedback.fail,
            onSettled: () => setDeleting(null),
          });
        }}
        onCancel={() => setDeleting(null)}
      >
        <p className="utrecht-paragraph">
          {deleting ? t('activities.achievements.deleteQuestion', { title: deleting.title }) : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}
