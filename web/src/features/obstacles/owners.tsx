import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { apiPath } from '../../api/paths.ts';
import type { Member, Page } from '../../api/types.ts';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useForm, requiredCodes, type FieldSpecs } from '../../lib/form.ts';
import { RecordPicker, type Picked } from '../activities/record-picker.tsx';
import { CheckboxGroup } from '../actors/fields.tsx';
import { workspaceKey } from '../workspaces/data.ts';
import { ownersQuery, useCreateOwner } from './data.ts';
import type { Owner } from './types.ts';

/** Members who may respond for an owner (`obstacles.respond` on the server). */
const RESPONDER_ROLES = ['policy_officer', 'coordinator', 'admin'] as const;

const respondersQuery = (slug: string) => ({
  queryKey: [...workspaceKey(slug), 'members', 'responders'],
  queryFn: () =>
    api.get<Page<Member>>(apiPath`/api/v1/workspaces/${slug}/members`, {
      role: RESPONDER_ROLES.join(','),
      pageSize: 100,
    }),
});

/** The owners obstacles are routed to, and (for coordinators) a form to add one. */
export function OwnersView({ slug, canManage }: { slug: string; canManage: boolean }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(ownersQuery(slug));
  return (
    <>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('obstacles.owners.empty')}</p>
      ) : (
        <Table caption={t('obstacles.owners.caption')}>
          <TableHead
            columns={[
              t('obstacles.owners.name'),
              t('obstacles.owners.kind'),
              t('obstacles.owners.members'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((o) => (
              <tr key={o.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {o.name}
                </th>
                <td className="utrecht-table__cell">{t(`obstacles.owners.kinds.${o.kind}`)}</td>
                <td className="utrecht-table__cell">{o.memberUserIds.length}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {canManage ? <OwnerForm slug={slug} /> : null}
    </>
  );
}

type Field = 'name' | 'kind';

function OwnerForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const create = useCreateOwner(slug);
  const feedback = useFeedback();
  const { data: members } = useQuery(respondersQuery(slug));
  const [picked, setPicked] = useState<string[]>([]);
  const [organisation, setOrganisation] = useState<Picked | null>(null);
  const form = useForm<Field>({ name: '', kind: 'department' });
  const specs: FieldSpecs<Field> = {
    name: { id: 'owner-name', label: t('obstacles.owners.name') },
    kind: { id: 'owner-kind', label: t('obstacles.owners.kind') },
  };
  const errors = form.errors(specs, create.error, t);
  const kinds: Owner['kind'][] = ['department', 'organisation'];
  return (
    <section aria-labelledby="owner-new">
      <h2 className="utrecht-heading-2" id="owner-new">
        {t('obstacles.owners.new')}
      </h2>
      <FeedbackMessage feedback={feedback.feedback} />
      <form
        className="wd-form wd-form--wide"
        noValidate
        onSubmit={form.onSubmit(
          (v) => requiredCodes(v, ['name']),
          (v) =>
            create.mutate(
              {
                name: v.name,
                kind: v.kind as Owner['kind'],
                actorId: v.kind === 'organisation' ? (organisation?.id ?? null) : null,
                memberUserIds: picked,
              },
              {
                onSuccess: (o) => {
                  form.setValues({ name: '', kind: 'department' });
                  setPicked([]);
                  setOrganisation(null);
                  feedback.ok((tt) => tt('obstacles.owners.created', { name: o.name }));
                },
              },
            ),
        )}
      >
        <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
        <TextField
          spec={specs.name}
          {...form.field('name')}
          error={errors.fields.name}
          maxLength={200}
        />
        <SelectField
          spec={specs.kind}
          {...form.field('kind')}
          options={kinds.map((k) => ({ value: k, label: t(`obstacles.owners.kinds.${k}`) }))}
        />
        {form.values.kind === 'organisation' ? (
          <RecordPicker
            slug={slug}
            type="actor"
            actorKind="organisation"
            spec={{ id: 'owner-actor', label: t('obstacles.owners.organisation') }}
            searchLabel={t('obstacles.owners.organisationSearch')}
            value={organisation}
            onChange={setOrganisation}
            emptyLabel={t('obstacles.owners.noOrganisation')}
          />
        ) : null}
        <CheckboxGroup
          idPrefix="owner-member"
          legend={t('obstacles.owners.responders')}
          description={t('obstacles.owners.respondersHint')}
          options={(members?.items ?? []).map((m) => ({
            value: m.userId,
            label: `${m.displayName} (${t(`roles.${m.role}`)})`,
          }))}
          selected={picked}
          onChange={setPicked}
          emptyText={t('obstacles.owners.noResponders')}
        />
        <SubmitButton pending={create.isPending}>{t('obstacles.owners.submit')}</SubmitButton>
      </form>
    </section>
  );
}
