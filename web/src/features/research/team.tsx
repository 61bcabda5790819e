import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { problemMessage } from '../../lib/problems.ts';
import { Alert } from '../../components/alert.tsx';
import { teamQuery, useAddResearcher, useAppointSteward, useRemoveResearcher } from './api.ts';
import { EmailForm } from './email-form.tsx';
import type { Study, TeamMember } from './types.ts';

/**
 * The research team: the steward and researchers. Admins appoint the steward; the steward adds
 * and removes researchers (by the email address of a user with the researcher role).
 */
export function TeamSection({
  slug,
  study,
  isAdmin,
}: {
  slug: string;
  study: Study;
  isAdmin: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: team } = useSuspenseQuery(teamQuery(slug, study.id));
  const appoint = useAppointSteward(slug, study.id);
  const add = useAddResearcher(slug, study.id);
  const remove = useRemoveResearcher(slug, study.id);
  const [message, setMessage] = useState<string | null>(null);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const isSteward = study.myRole === 'steward';
  return (
    <section className="wd-section" aria-labelledby="study-team">
      <h2 className="utrecht-heading-2" id="study-team">
        {t('research.team.title')}
      </h2>
      <StatusMessage message={message} />
      {remove.error ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(remove.error, t)}</p>
        </Alert>
      ) : null}
      {team.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('research.team.empty')}</p>
      ) : (
        <Table caption={t('research.team.caption')} captionHidden>
          <TableHead
            columns={[
              t('research.team.name'),
              t('research.team.role'),
              t('research.team.since'),
              ...(isSteward ? [t('common.actions')] : []),
            ]}
          />
          <tbody className="utrecht-table__body">
            {team.items.map((m) => (
              <tr key={m.userId} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {m.displayName}
                </th>
                <td className="utrecht-table__cell">{t(`research.role.${m.role}`)}</td>
                <td className="utrecht-table__cell">{format.date(m.createdAt)}</td>
                {isSteward ? (
                  <td className="utrecht-table__cell">
                    {m.role === 'researcher' ? (
                      <Button variant="secondary" onClick={() => setRemoving(m)}>
                        {t('research.team.remove', { name: m.displayName })}
                      </Button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {isAdmin ? (
        <>
          <h3 className="utrecht-heading-3">{t('research.team.appointTitle')}</h3>
          <EmailForm
            id="steward-email"
            label={t('research.team.stewardEmail')}
            description={t('research.team.stewardHint')}
            submitLabel={t('research.team.appoint')}
            pending={appoint.isPending}
            error={appoint.error}
            onSubmit={(email, reset) =>
              appoint.mutate(email, {
                onSuccess: (s) => {
                  reset();
                  setMessage(
                    t('research.team.appointed', { name: s.steward?.displayName ?? email }),
                  );
                },
              })
            }
          />
        </>
      ) : null}
      {isSteward ? (
        <>
          <h3 className="utrecht-heading-3">{t('research.team.addTitle')}</h3>
          <EmailForm
            id="researcher-email"
            label={t('research.team.researcherEmail')}
            description={t('research.team.researcherHint')}
            submitLabel={t('research.team.add')}
            pending={add.isPending}
            error={add.error}
            onSubmit={(email, reset) =>
              add.mutate(email, {
                onSuccess: (m) => {
                  reset();
                  setMessage(t('research.team.added', { name: m.displayName }));
                },
              })
            }
          />
        </>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('research.team.removeTitle')}
        confirmLabel={t('research.team.removeConfirm')}
        pending={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.userId, {
            onSuccess: () => {
              setMessage(t('research.team.removed', { name: removing.displayName }));
              setRemoving(null);
            },
            onError: () => setRemoving(null),
          })
        }
        onCancel={() => setRemoving(null)}
      >
        <p className="utrecht-paragraph">
          {t('research.team.removeBody', { name: removing?.displayName ?? '' })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
