import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, StatusMessage } from '../../components/alert.tsx';
import { SubmitButton } from '../../components/form-fields.tsx';
import { useFormat } from '../../lib/format.ts';
import { problemMessage } from '../../lib/problems.ts';
import { sessionsQuery, useEndOtherSessions } from './data.ts';
import { Table, TableHead } from '../../components/table.tsx';

export function SessionsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(sessionsQuery);
  const endOthers = useEndOtherSessions();
  const others = data.items.filter((session) => !session.current).length;

  return (
    <section aria-labelledby="sessions-title">
      <h2 className="utrecht-heading-2" id="sessions-title">
        {t('account.sessionsTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('account.sessionsLead')}</p>
      <StatusMessage
        message={
          endOthers.isSuccess ? t('account.sessionsEnded', { count: endOthers.data.ended }) : null
        }
      />
      {endOthers.isError ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(endOthers.error, t)}</p>
        </Alert>
      ) : null}
      <Table caption={t('account.sessionsCaption')} captionHidden>
        <TableHead
          columns={[
            t('account.sessionStarted'),
            t('account.sessionLastSeen'),
            t('account.sessionThis'),
          ]}
        />
        <tbody className="utrecht-table__body">
          {data.items.map((session) => (
            <tr key={session.id} className="utrecht-table__row">
              <td className="utrecht-table__cell">
                <time dateTime={session.createdAt}>{format.dateTime(session.createdAt)}</time>
              </td>
              <td className="utrecht-table__cell">
                <time dateTime={session.lastSeenAt}>{format.dateTime(session.lastSeenAt)}</time>
              </td>
              <td className="utrecht-table__cell">
                {session.current ? t('account.thisSession') : t('account.otherSession')}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <form
        className="wd-form"
        onSubmit={(event) => {
          event.preventDefault();
          endOthers.mutate();
        }}
      >
        <p className="utrecht-paragraph">
          {others > 0
            ? t('account.otherSessions', { count: others })
            : t('account.noOtherSessions')}
        </p>
        <SubmitButton variant="secondary" pending={endOthers.isPending}>
          {t('account.endOthers')}
        </SubmitButton>
      </form>
    </section>
  );
}
