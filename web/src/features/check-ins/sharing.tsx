import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { useForm, type FieldSpecs } from '../../lib/form.ts';
import { checkInSharesQuery, useRevokeShare, useShareCheckIns } from './data.ts';
import { checkInErrors } from './errors.ts';
import type { CheckInShare } from './types.ts';

type Field = 'email';

/**
 * Sharing one's check-ins with a member, named by email address (members cannot list each other),
 * the members shared with, and stopping a share.
 */
export function SharingSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(checkInSharesQuery(slug));
  const share = useShareCheckIns(slug);
  const revoke = useRevokeShare(slug);
  const feedback = useFeedback();
  const [revoking, setRevoking] = useState<CheckInShare | null>(null);
  const [codes, setCodes] = useState<Partial<Record<Field, string>> | null>(null);
  const form = useForm<Field>({ email: '' });
  const specs: FieldSpecs<Field> = {
    email: { id: 'check-in-share-email', label: t('checkIns.sharing.email') },
  };
  const errors = checkInErrors(codes, share.error, specs, t);

  const confirmRevoke = () => {
    if (!revoking) return;
    const { userId, displayName: name } = revoking;
    revoke.mutate(userId, {
      onSuccess: () => feedback.ok((tt) => tt('checkIns.sharing.revoked', { name })),
      onError: feedback.fail,
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <section aria-labelledby="check-in-sharing-title" className="wd-section">
      <h2 className="utrecht-heading-2" id="check-in-sharing-title">
        {t('checkIns.sharing.title')}
      </h2>
      <p className="utrecht-paragraph">{t('checkIns.sharing.lead')}</p>
      <FeedbackMessage feedback={feedback.feedback} />
      <form
        className="wd-form"
        noValidate
        onSubmit={form.onSubmit(
          (v) => {
            const found: Partial<Record<Field, string>> = v.email.trim()
              ? {}
              : { email: 'required' };
            setCodes(Object.keys(found).length ? found : null);
            return found;
          },
          (v) => {
            feedback.clear();
            const before = new Set(data.items.map((s) => s.userId));
            share.mutate(v.email.trim(), {
              onSuccess: (s) => {
                form.reset();
                const key = before.has(s.userId) ? 'already' : 'shared';
                feedback.ok((tt) => tt(`checkIns.sharing.${key}`, { name: s.displayName }));
              },
            });
          },
        )}
      >
        <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
        <TextField
          spec={specs.email}
          type="email"
          autoComplete="off"
          {...form.field('email')}
          error={errors.fields.email}
          description={t('checkIns.sharing.emailHint')}
        />
        <SubmitButton pending={share.isPending} variant="secondary">
          {t('checkIns.sharing.submit')}
        </SubmitButton>
      </form>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('checkIns.sharing.none')}</p>
      ) : (
        <Table caption={t('checkIns.sharing.caption')}>
          <TableHead
            columns={[t('checkIns.sharing.name'), t('checkIns.sharing.since'), t('common.actions')]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((s) => (
              <tr key={s.userId} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {s.displayName}
                </th>
                <td className="utrecht-table__cell">
                  <time dateTime={s.sharedAt}>{format.date(s.sharedAt)}</time>
                </td>
                <td className="utrecht-table__cell">
                  <Button
                    variant="secondary"
                    danger
                    onClick={() => {
                      feedback.clear();
                      setRevoking(s);
                    }}
                  >
                    {t('checkIns.sharing.revoke')}
                    <span className="wd-visually-hidden">
                      {' '}
                      {t('checkIns.sharing.revokeWho', { name: s.displayName })}
                    </span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('checkIns.sharing.revokeTitle')}
        confirmLabel={t('checkIns.sharing.revokeConfirm')}
        pending={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        <p className="utrecht-paragraph">
          {revoking ? t('checkIns.sharing.revokeQuestion', { name: revoking.displayName }) : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}
