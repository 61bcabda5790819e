import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation, InvitationStatus } from '../../api/types.ts';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { useFormat } from '../../lib/format.ts';
import { roleLabel } from '../workspaces/roles.ts';
import { invitationsQuery, useRevokeInvitation } from './data.ts';
import { InviteForm } from './invite-form.tsx';
import { Table, TableHead } from '../../components/table.tsx';

const statusBadge: Record<InvitationStatus, string> = {
  open: 'neutral',
  accepted: 'success',
  expired: 'inactive',
  revoked: 'danger',
};

const statusLabel = (status: InvitationStatus, t: TFunction): string =>
  ({
    open: t('invitations.status.open'),
    accepted: t('invitations.status.accepted'),
    expired: t('invitations.status.expired'),
    revoked: t('invitations.status.revoked'),
  })[status];

export function InvitationsSection({ slug, page }: { slug: string; page: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(invitationsQuery(slug, page));
  const revoke = useRevokeInvitation(slug);
  const feedback = useFeedback();
  const [revoking, setRevoking] = useState<Invitation | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    const { id, email } = revoking;
    revoke.mutate(id, {
      onSuccess: () => feedback.ok((tt) => tt('invitations.revoked', { email })),
      onError: feedback.fail,
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <>
      <FeedbackMessage feedback={feedback.feedback} />
      <InviteForm
        slug={slug}
        onInvited={(email) => feedback.ok((tt) => tt('invitations.sent', { email }))}
      />
      <h2 className="utrecht-heading-2">{t('invitations.listTitle')}</h2>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('invitations.empty')}</p>
      ) : (
        <Table caption={t('invitations.caption', { count: data.total })} captionHidden>
          <TableHead
            columns={[
              t('fields.email'),
              t('fields.role'),
              t('invitations.statusColumn'),
              t('invitations.sentAt'),
              t('invitations.expiresAt'),
              t('common.actions'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((invitation) => (
              <tr key={invitation.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell wd-nowrap">
                  {invitation.email}
                </th>
                <td className="utrecht-table__cell">{roleLabel(invitation.role, t)}</td>
                <td className="utrecht-table__cell">
                  <span
                    className={`utrecht-status-badge utrecht-status-badge--${statusBadge[invitation.status]}`}
                  >
                    {statusLabel(invitation.status, t)}
                  </span>
                </td>
                <td className="utrecht-table__cell">
                  <time dateTime={invitation.createdAt}>{format.date(invitation.createdAt)}</time>
                </td>
                <td className="utrecht-table__cell">
                  <time dateTime={invitation.expiresAt}>{format.date(invitation.expiresAt)}</time>
                </td>
                <td className="utrecht-table__cell">
                  {invitation.status === 'open' ? (
                    <Button
                      variant="secondary"
                      danger
                      onClick={() => {
                        feedback.clear();
                        setRevoking(invitation);
                      }}
                    >
                      {t('invitations.revoke')}
                      <span className="wd-visually-hidden"> {invitation.email}</span>
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, props) => (
          <Link
            to="/w/$slug/beheer/uitnodigingen"
            params={{ slug }}
            search={{ page: target }}
            {...props}
          />
        )}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t('invitations.revokeTitle')}
        confirmLabel={t('invitations.revokeConfirm')}
        pending={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        <p className="utrecht-paragraph">
          {revoking ? t('invitations.revokeQuestion', { email: revoking.email }) : null}
        </p>
      </ConfirmDialog>
    </>
  );
}
