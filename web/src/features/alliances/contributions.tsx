import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { parseEuros, useMoney } from '../../lib/money.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { contributionsQuery, useAddContribution, useDeleteContribution } from './data.ts';
import { currentQuarter, parseCount, PERIOD } from './labels.ts';
import {
  contributionKinds,
  type AllianceDetail,
  type Contribution,
  type ContributionKind,
} from './types.ts';

type Field = 'memberId' | 'period' | 'kind' | 'quantity' | 'value' | 'note';

function AddContribution({
  slug,
  alliance,
  onDone,
}: {
  slug: string;
  alliance: AllianceDetail;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddContribution(slug, alliance.id);
  const members = alliance.members.filter((m) => m.current);
  const form = useForm<Field>({
    memberId: '',
    period: currentQuarter(),
    kind: 'money',
    quantity: '',
    value: '',
    note: '',
  });
  const kind = form.values.kind as ContributionKind;
  const specs: FieldSpecs<Field> = {
    memberId: { id: 'contribution-member', label: t('alliances.contributions.member') },
    period: { id: 'contribution-period', label: t('alliances.contributions.period') },
    kind: { id: 'contribution-kind', label: t('alliances.contributions.kind') },
    quantity: {
      id: 'contribution-quantity',
      label: t(`alliances.contributions.quantityLabel.${kind === 'money' ? 'hours' : kind}`),
    },
    value: { id: 'contribution-value', label: t('alliances.contributions.value') },
    note: { id: 'contribution-note', label: t('alliances.contributions.note') },
  };
  const errors = form.errors(specs, add.error, t);
  const validate = (v: Record<Field, string>) => {
    const codes: Partial<Record<Field, string>> = requiredCodes(
      v,
      v.kind === 'money'
        ? ['memberId', 'period', 'value']
        : ['memberId', 'period', 'quantity', 'value'],
    );
    if (!codes.period && !PERIOD.test(v.period.trim())) codes.period = 'invalid_format';
    if (!codes.value && parseEuros(v.value) === null) codes.value = 'invalid_format';
    if (v.kind !== 'money' && !codes.quantity && parseCount(v.quantity) === null)
      codes.quantity = 'invalid_format';
    return codes;
  };
  return (
    <form
      className="wd-form"
      noValidate
      aria-labelledby="contribution-add"
      onSubmit={form.onSubmit(validate, (v) =>
        add.mutate(
          {
            memberId: v.memberId,
            period: v.period.trim(),
            kind: v.kind as ContributionKind,
            ...(v.kind === 'money' ? {} : { quantity: parseCount(v.quantity) ?? 0 }),
            valueCents: parseEuros(v.value) ?? 0,
            note: v.note.trim() || null,
          },
          {
            onSuccess: () => {
              form.setValues((x) => ({ ...x, memberId: '', quantity: '', value: '', note: '' }));
              onDone();
            },
          },
        ),
      )}
    >
      <h3 className="utrecht-heading-3" id="contribution-add">
        {t('alliances.contributions.add')}
      </h3>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <SelectField
        spec={specs.memberId}
        error={errors.fields.memberId}
        options={[
          { value: '', label: t('alliances.contributions.chooseMember') },
          ...members.map((m) => ({
            value: m.id,
            label: m.actorName ?? t('alliances.members.hidden'),
          })),
        ]}
        {...form.field('memberId')}
      />
      <TextField
        spec={specs.period}
        description={t('alliances.contributions.periodHint')}
        error={errors.fields.period}
        autoComplete="off"
        {...form.field('period')}
      />
      <SelectField
        spec={specs.kind}
        error={errors.fields.kind}
        options={contributionKinds.map((k) => ({
          value: k,
          label: t(`alliances.contributions.kinds.${k}`),
        }))}
        {...form.field('kind')}
      />
      {kind === 'money' ? null : (
        <TextField
          spec={specs.quantity}
          error={errors.fields.quantity}
          inputMode="numeric"
          {...form.field('quantity')}
        />
      )}
      <TextField
        spec={specs.value}
        description={t('alliances.contributions.valueHint')}
        error={errors.fields.value}
        inputMode="decimal"
        autoComplete="off"
        {...form.field('value')}
      />
      <TextAreaField
        spec={specs.note}
        error={errors.fields.note}
        rows={2}
        maxLength={2000}
        value={form.values.note}
        onChange={(e) => form.setValues((x) => ({ ...x, note: e.target.value }))}
      />
      <SubmitButton pending={add.isPending}>{t('alliances.contributions.submit')}</SubmitButton>
    </form>
  );
}

/**
 * Contributions per member per period (money, hours, space, in kind; all valued in euros). Removing
 * one asks first; afterwards focus goes to the section heading, as the row and its button are gone.
 */
export function ContributionsSection({
  slug,
  alliance,
}: {
  slug: string;
  alliance: AllianceDetail;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const feedback = useFeedback();
  const { data, isError } = useQuery(contributionsQuery(slug, alliance.id));
  const remove = useDeleteContribution(slug, alliance.id);
  const [deleting, setDeleting] = useState<Contribution | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  useEffect(() => {
    // After the dialog has closed (its own effect runs first), not while it is still open.
    if (!focusHeading.current || deleting) return;
    focusHeading.current = false;
    heading.current?.focus();
  });
  const name = new Map(alliance.members.map((m) => [m.id, m.actorName]));
  const who = (memberId: string) => name.get(memberId) ?? t('alliances.members.hidden');
  const items = data?.items ?? [];
  const canDelete = items.some((c) => c.canDelete);
  const quantity = (c: (typeof items)[number]) =>
    c.kind === 'money'
      ? money(c.quantity)
      : t(`alliances.contributions.unit.${c.unit as 'hours'}`, {
          count: c.quantity,
          n: format.number(c.quantity),
        });
  return (
    <section className="wd-section" aria-labelledby="alliance-contributions">
      <h2 className="utrecht-heading-2" id="alliance-contributions" tabIndex={-1} ref={heading}>
        {t('alliances.contributions.title')}
      </h2>
      <p className="utrecht-paragraph">
        {t('alliances.contributions.total', {
          total: money(alliance.contributionTotals.valueCents),
        })}
      </p>
      <FeedbackMessage feedback={feedback.feedback} />
      {isError ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{t('alliances.contributions.failed')}</p>
        </Alert>
      ) : !data ? (
        <p className="utrecht-paragraph">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="utrecht-paragraph">{t('alliances.contributions.empty')}</p>
      ) : (
        <Table caption={t('alliances.contributions.caption', { name: alliance.name })}>
          <TableHead
            columns={[
              t('alliances.contributions.member'),
              t('alliances.contributions.period'),
              t('alliances.contributions.kind'),
              t('alliances.contributions.quantity'),
              t('alliances.contributions.valueColumn'),
              t('alliances.contributions.note'),
              ...(canDelete ? [t('alliances.members.actions')] : []),
            ]}
          />
          <tbody className="utrecht-table__body">
            {items.map((c) => (
              <tr key={c.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {who(c.memberId)}
                </th>
                <td className="utrecht-table__cell">{c.period}</td>
                <td className="utrecht-table__cell">
                  {t(`alliances.contributions.kinds.${c.kind}`)}
                </td>
                <td className="utrecht-table__cell">{quantity(c)}</td>
                <td className="utrecht-table__cell">{money(c.valueCents)}</td>
                <td className="utrecht-table__cell">{c.note ?? ''}</td>
                {canDelete ? (
                  <td className="utrecht-table__cell">
                    {c.canDelete ? (
                      <Button
                        variant="secondary"
                        danger
                        pending={remove.isPending && remove.variables === c.id}
                        onClick={() => {
                          feedback.clear();
                          setDeleting(c);
                        }}
                      >
                        {t('alliances.contributions.delete', {
                          name: who(c.memberId),
                          period: c.period,
                        })}
                      </Button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {alliance.canContribute ? (
        <AddContribution
          slug={slug}
          alliance={alliance}
          onDone={() => feedback.ok((tt) => tt('alliances.contributions.added'))}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('alliances.contributions.deleteTitle')}
        confirmLabel={t('alliances.contributions.deleteConfirm')}
        pending={remove.isPending}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              feedback.ok((tt) => tt('alliances.contributions.deleted'));
              focusHeading.current = true;
            },
            onError: feedback.fail,
            onSettled: () => setDeleting(null),
          });
        }}
        onCancel={() => setDeleting(null)}
      >
        <p className="utrecht-paragraph">
          {deleting
            ? t('alliances.contributions.deleteQuestion', {
                name: who(deleting.memberId),
                period: deleting.period,
                value: money(deleting.valueCents),
              })
            : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}
