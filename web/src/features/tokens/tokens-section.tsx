import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, CreatedApiToken } from '../../api/types.ts';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useFormat } from '../../lib/format.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { apiTokensQuery, useCreateApiToken, useRevokeApiToken } from './data.ts';
import { NewToken } from './new-token.tsx';
import { Table, TableHead } from '../../components/table.tsx';

type Field = 'name';

function CreateToken({
  slug,
  onCreated,
}: {
  slug: string;
  onCreated: (t: CreatedApiToken) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateApiToken(slug);
  const form = useForm<Field>({ name: '' });
  const specs: FieldSpecs<Field> = { name: { id: 'token-name', label: t('tokens.name') } };
  const errors = form.errors(specs, create.error, t);
  return (
    <section aria-labelledby="create-token-title">
      <h2 className="utrecht-heading-2" id="create-token-title">
        {t('tokens.createTitle')}
      </h2>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <form
        className="wd-form"
        noValidate
        onSubmit={form.onSubmit(
          (values) => requiredCodes(values, ['name']),
          (values) =>
            create.mutate(
              { name: values.name.trim() },
              {
                onSuccess: (created) => {
                  form.reset();
                  onCreated(created);
                },
              },
            ),
        )}
      >
        <TextField
          spec={specs.name}
          error={errors.fields.name}
          description={t('tokens.nameHint')}
          autoComplete="off"
          required
          {...form.field('name')}
        />
        <SubmitButton pending={create.isPending}>{t('tokens.create')}</SubmitButton>
      </form>
    </section>
  );
}

export function TokensSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(apiTokensQuery(slug));
  const revoke = useRevokeApiToken(slug);
  const feedback = useFeedback();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const confirmRevoke = () => {
    if (!revoking) return;
    const { id, name } = revoking;
    revoke.mutate(id, {
      onSuccess: () => feedback.ok((tt) => tt('tokens.revoked', { name })),
      onError: feedback.fail,
      onSettled: () => setRevoking(null),
    });
  };

  return (
    <>
      <FeedbackMessage feedback={feedback.feedback} />
      {created ? (
        <NewToken key={created.id} created={created} onDone={() => setCreated(null)} />
      ) : null}
      <CreateToken
        slug={slug}
        onCreated={(token) => {
          feedback.clear();
          setCreated(token);
        }}
      />
      <h2 className="utrecht-heading-2">{t('tokens.listTitle')}</h2>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('tokens.empty')}</p>
      ) : (
        <Table caption={t('tokens.caption')} captionHidden>
          <TableHead
            columns={[
              t('tokens.name'),
              t('tokens.prefix'),
              t('tokens.createdAt'),
              t('tokens.lastUsedAt'),
              t('tokens.statusColumn'),
              t('common.actions'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((token) => (
              <tr key={token.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {token.name}
                </th>
                <td className="utrecht-table__cell">
                  <code className="utrecht-code">{token.prefix}</code>
                </td>
                <td className="utrecht-table__cell">
                  <time dateTime={token.createdAt}>{format.dateTime(token.createdAt)}</time>
                </td>
                <td className="utrecht-table__cell">
                  {token.lastUsedAt ? (
                    <time dateTime={token.lastUsedAt}>{format.dateTime(token.lastUsedAt)}</time>
                  ) : (
                    t('tokens.neverUsed')
                  )}
                </td>
                <td className="utrecht-table__cell">
                  {token.revokedAt ? (
                    <span className="utrecht-status-badge utrecht-status-badge--inactive">
                      {t('tokens.revokedOn', { date: format.date(token.revokedAt) })}
                    </span>
                  ) : (
                    <span className="utrecht-status-badge utrecht-status-badge--success">
                      {t('tokens.active')}
                    </span>
                  )}
                </td>
                <td className="utrecht-table__cell">
                  {token.revokedAt ? null : (
                    <Button
                      variant="secondary"
                      danger
                      onClick={() => {
                        feedback.clear();
                        setRevoking(token);
                      }}
                    >
                      {t('tokens.revoke')}
                      <span className="wd-visually-hidden"> {token.name}</span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('tokens.revokeTitle')}
        confirmLabel={t('tokens.revokeConfirm')}
        pending={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(null)}
      >
        <p className="utrecht-paragraph">
          {revoking ? t('tokens.revokeQuestion', { name: revoking.name }) : null}
        </p>
      </ConfirmDialog>
    </>
  );
}
