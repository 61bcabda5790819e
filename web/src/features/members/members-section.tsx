import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { TextLink } from '../../components/links.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { roleLabel } from '../workspaces/roles.ts';
import { membersQuery, useChangeRole, useRemoveMember } from './data.ts';
import { MemberRow } from './member-row.tsx';
import { Table, TableHead } from '../../components/table.tsx';

export function MembersSection({ slug, page }: { slug: string; page: number }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(membersQuery(slug, page));
  const changeRole = useChangeRole(slug);
  const remove = useRemoveMember(slug);
  const feedback = useFeedback();
  const [removing, setRemoving] = useState<Member | null>(null);
  // Bumped after a failed change, so every row's select shows the stored role again.
  const [generation, setGeneration] = useState(0);

  const confirmRemove = () => {
    if (!removing) return;
    const { userId, displayName } = removing;
    remove.mutate(userId, {
      onSuccess: () => {
        feedback.ok((tt) => tt('members.removed', { name: displayName }));
        setRemoving(null);
      },
      onError: (error) => {
        feedback.fail(error);
        setRemoving(null);
      },
    });
  };

  return (
    <>
      <FeedbackMessage feedback={feedback.feedback} />
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">
          {page > 1 ? (
            <TextLink to="/w/$slug/beheer/leden" params={{ slug }} search={{ page: 1 }}>
              {t('pagination.first')}
            </TextLink>
          ) : (
            t('members.empty')
          )}
        </p>
      ) : (
        <Table caption={t('members.caption', { count: data.total })}>
          <TableHead
            columns={[
              t('fields.displayName'),
              t('fields.email'),
              t('fields.role'),
              t('members.since'),
              t('common.actions'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((member) => (
              <MemberRow
                key={`${member.userId}-${member.role}`}
                generation={generation}
                member={member}
                saving={changeRole.isPending && changeRole.variables.userId === member.userId}
                onSave={(role) => {
                  feedback.clear();
                  changeRole.mutate(
                    { userId: member.userId, role },
                    {
                      onSuccess: () =>
                        feedback.ok((tt) =>
                          tt('members.roleChanged', {
                            name: member.displayName,
                            role: roleLabel(role, tt),
                          }),
                        ),
                      onError: (error) => {
                        feedback.fail(error);
                        setGeneration((n) => n + 1);
                      },
                    },
                  );
                }}
                onRemove={() => {
                  feedback.clear();
                  setRemoving(member);
                }}
              />
            ))}
          </tbody>
        </Table>
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, props) => (
          <Link to="/w/$slug/beheer/leden" params={{ slug }} search={{ page: target }} {...props} />
        )}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('members.removeTitle')}
        confirmLabel={t('members.removeConfirm')}
        pending={remove.isPending}
        onConfirm={confirmRemove}
        onCancel={() => setRemoving(null)}
      >
        <p className="utrecht-paragraph">
          {removing
            ? t('members.removeQuestion', { name: removing.displayName, email: removing.email })
            : null}
        </p>
      </ConfirmDialog>
    </>
  );
}
