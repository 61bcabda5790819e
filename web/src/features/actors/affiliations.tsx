import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import {
  AffiliationAddForm,
  AffiliationEditForm,
  counterpartKind,
  editFormFirstField,
} from './affiliation-form.tsx';
import { useDeleteAffiliation } from './data.ts';
import { today, useDates } from './dates.ts';
import type { ActorDetail, Affiliation } from './types.ts';
import '../../styles/activities.css';

const TITLE_ID = 'affiliations-title';
const linkId = (a: Affiliation) => `affiliation-${a.id}`;
const editId = (a: Affiliation) => `affiliation-${a.id}-edit`;

/**
 * A person's organisations, or an organisation's people, with role and period. Coordinators and
 * admins add, edit (and so end) and delete them here. Focus follows the change: to the new row
 * after adding, into the edit form when it opens and back to its row after, and to the section
 * heading after a deletion, so keyboard users never land on <body>.
 */
export function Affiliations({
  slug,
  actor,
  canManage,
}: {
  slug: string;
  actor: ActorDetail;
  /** Coordinators and admins (directory.manage): the server refuses everyone else. */
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const feedback = useFeedback();
  const remove = useDeleteAffiliation(slug);
  const [editing, setEditing] = useState<Affiliation | null>(null);
  const [deleting, setDeleting] = useState<Affiliation | null>(null);
  // Where focus goes once the page has re-rendered with the change (an element id).
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    const target = document.getElementById(id);
    // The new row may arrive with the refetched actor a render later: keep asking until then.
    if (!target) return;
    focusNext.current = null;
    target.focus();
  });

  const items = actor.affiliations;
  // The table lists the other party: a person's organisations, an organisation's people.
  const listsOrganisations = counterpartKind(actor.kind) === 'organisation';
  const otherName = (a: Affiliation) => (listsOrganisations ? a.organisationName : a.personName);
  const otherId = (a: Affiliation) => (listsOrganisations ? a.organisationId : a.personId);
  const title = listsOrganisations
    ? t('actors.affiliations.title')
    : t('actors.affiliations.people');
  const ended = (a: Affiliation) => a.endDate !== null && a.endDate < today();

  return (
    <section className="wd-section">
      <h2 className="utrecht-heading-2" id={TITLE_ID} tabIndex={-1}>
        {title}
      </h2>
      <FeedbackMessage feedback={feedback.feedback} />
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{t('actors.affiliations.empty')}</p>
      ) : (
        <Table caption={t('actors.affiliations.caption', { name: actor.name })} captionHidden>
          <TableHead
            columns={[
              listsOrganisations ? t('actors.kind.organisation') : t('actors.kind.person'),
              t('actors.affiliations.role'),
              t('actors.affiliations.period'),
              ...(canManage ? [t('actors.affiliations.actions')] : []),
            ]}
          />
          <tbody className="utrecht-table__body">
            {items.map((a) => (
              <tr key={a.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <TextLink
                    id={linkId(a)}
                    to="/w/$slug/actoren/$actorId"
                    params={{ slug, actorId: otherId(a) }}
                  >
                    {otherName(a)}
                  </TextLink>
                </th>
                <td className="utrecht-table__cell">{a.role}</td>
                <td className="utrecht-table__cell">
                  {dates.period(a.startDate, a.endDate) ?? t('actors.none')}
                  {ended(a) ? (
                    <span className="wd-cell-note">{t('actors.affiliations.ended')}</span>
                  ) : null}
                </td>
                {canManage ? (
                  <td className="utrecht-table__cell">
                    <div className="utrecht-button-group">
                      <Button
                        id={editId(a)}
                        variant="secondary"
                        onClick={() => {
                          feedback.clear();
                          setEditing(a);
                          focusNext.current = editFormFirstField;
                        }}
                      >
                        {t('actors.affiliations.edit')}
                        <span className="wd-visually-hidden">
                          {' '}
                          {t('actors.affiliations.withName', { name: otherName(a) })}
                        </span>
                      </Button>
                      <Button
                        variant="secondary"
                        danger
                        onClick={() => {
                          feedback.clear();
                          setDeleting(a);
                        }}
                      >
                        {t('actors.affiliations.delete')}
                        <span className="wd-visually-hidden">
                          {' '}
                          {t('actors.affiliations.withName', { name: otherName(a) })}
                        </span>
                      </Button>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canManage && editing ? (
        <AffiliationEditForm
          key={editing.id}
          slug={slug}
          affiliation={editing}
          name={otherName(editing)}
          onSaved={() => {
            const name = otherName(editing);
            feedback.ok((tt) => tt('actors.affiliations.saved', { name }));
            focusNext.current = editId(editing);
            setEditing(null);
          }}
          onCancel={() => {
            focusNext.current = editId(editing);
            setEditing(null);
          }}
        />
      ) : null}
      {canManage && !editing ? (
        <AffiliationAddForm
          slug={slug}
          actor={actor}
          onAdded={(affiliation, counterpart) => {
            feedback.ok((tt) => tt('actors.affiliations.added', { name: counterpart.label }));
            focusNext.current = linkId(affiliation);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('actors.affiliations.deleteTitle')}
        confirmLabel={t('actors.affiliations.deleteConfirm')}
        pending={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          const { id } = deleting;
          const name = otherName(deleting);
          remove.mutate(id, {
            onSuccess: () => {
              feedback.ok((tt) => tt('actors.affiliations.deleted', { name }));
              if (editing?.id === id) setEditing(null);
              focusNext.current = TITLE_ID;
            },
            onError: feedback.fail,
            onSettled: () => setDeleting(null),
          });
        }}
        onCancel={() => setDeleting(null)}
      >
        <p className="utrecht-paragraph">
          {deleting
            ? t('actors.affiliations.deleteQuestion', {
                name: otherName(deleting),
                actor: actor.name,
              })
            : null}
        </p>
        <p className="utrecht-paragraph">{t('actors.affiliations.deleteOrEnd')}</p>
      </ConfirmDialog>
    </section>
  );
}
