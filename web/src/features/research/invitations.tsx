import { useSuspenseQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { problemMessage } from '../../lib/problems.ts';
import { useRate } from '../surveys/format.ts';
import { invitationsQuery, useInvite, useRemind } from './api.ts';
import { InviteForm } from './invite-form.tsx';
import type { InviteResult, WaveDetail } from './types.ts';

/**
 * A platform wave's invitations: response summary, every invitation's status by pseudonym,
 * inviting (with the skipped participants and why) and reminders, while the wave is open.
 */
export function InvitationsSection({
  slug,
  studyId,
  wave,
}: {
  slug: string;
  studyId: string;
  wave: WaveDetail;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const rate = useRate();
  const { data } = useSuspenseQuery(invitationsQuery(slug, studyId, wave.id));
  const invite = useInvite(slug, studyId, wave.id);
  const remind = useRemind(slug, studyId, wave.id);
  const [result, setResult] = useState<InviteResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);
  const open = wave.status === 'open';
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : '–');
  const s = data.summary;
  return (
    <section className="wd-section" aria-labelledby="invitations-title">
      <h2 className="utrecht-heading-2" id="invitations-title">
        {t('research.invitations.title')}
      </h2>
      <StatusMessage message={message} />
      {remind.error ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(remind.error, t)}</p>
        </Alert>
      ) : null}
      <p className="utrecht-paragraph">
        {t('research.invitations.summary', {
          invited: s.invited,
          started: s.started,
          submitted: s.submitted,
          rate: rate(s.invited ? s.responseRate : null),
        })}
      </p>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('research.invitations.empty')}</p>
      ) : (
        <Table caption={t('research.invitations.caption', { wave: wave.title })}>
          <TableHead
            columns={[
              t('research.participants.pseudonym'),
              t('research.invitations.status'),
              t('research.invitations.sentAt'),
              t('research.invitations.remindedAt'),
              t('research.invitations.submittedAt'),
              t('research.invitations.expiresAt'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((i) => (
              <tr key={i.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <code>{i.pseudonym}</code>
                </th>
                <td className="utrecht-table__cell">
                  {t(`research.invitationStatus.${i.status}`)}
                </td>
                <td className="utrecht-table__cell">{when(i.sentAt)}</td>
                <td className="utrecht-table__cell">{when(i.remindedAt)}</td>
                <td className="utrecht-table__cell">{when(i.submittedAt)}</td>
                <td className="utrecht-table__cell">{format.dateTime(i.expiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {open ? (
        <p className="utrecht-paragraph">
          <Button
            variant="secondary"
            pending={remind.isPending}
            onClick={() =>
              remind.mutate(undefined, {
                onSuccess: (r) =>
                  setMessage(t('research.invitations.reminded', { count: r.reminded })),
              })
            }
          >
            {t('research.invitations.remind')}
          </Button>
        </p>
      ) : (
        <p className="utrecht-paragraph">{t(`research.invitations.closedHint.${wave.status}`)}</p>
      )}
      {result ? (
        <div className="wd-stack-item">
          <h3 className="utrecht-heading-3" tabIndex={-1} ref={resultRef}>
            {t('research.invite.created', { count: result.created })}
          </h3>
          {result.skipped.length > 0 ? (
            <Table caption={t('research.invite.skippedCaption', { count: result.skipped.length })}>
              <TableHead
                columns={[t('research.participants.pseudonym'), t('research.invite.reason')]}
              />
              <tbody className="utrecht-table__body">
                {result.skipped.map((x) => (
                  <tr key={x.participantId} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      <code>{x.pseudonym}</code>
                    </th>
                    <td className="utrecht-table__cell">{t(`research.skipReason.${x.reason}`)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
        </div>
      ) : null}
      {open ? (
        <>
          <h3 className="utrecht-heading-3">{t('research.invite.title')}</h3>
          <InviteForm
            slug={slug}
            studyId={studyId}
            pending={invite.isPending}
            error={invite.error}
            onInvite={(input) => invite.mutate(input, { onSuccess: (r) => setResult(r) })}
          />
        </>
      ) : null}
    </section>
  );
}
