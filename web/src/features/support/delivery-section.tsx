import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton, TextField } from '../../components/form-fields.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { amountLabel, parseAmount, useAmount } from './amount.ts';
import { deliveriesQuery, useRecordDelivery } from './data.ts';
import type { Commitment } from './types.ts';

type Field = 'deliveredOn' | 'amount' | 'note';

/** What was given or received against a commitment: the list and a form to add one. */
export function DeliverySection({ slug, commitment }: { slug: string; commitment: Commitment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = useAmount();
  const { data } = useSuspenseQuery(deliveriesQuery(slug, commitment.id));
  const record = useRecordDelivery(slug, commitment.id);
  const form = useForm<Field>({ deliveredOn: '', amount: '', note: '' });
  const specs: FieldSpecs<Field> = {
    deliveredOn: { id: 'delivery-date', label: t('support.delivery.date') },
    amount: { id: 'delivery-amount', label: amountLabel(t, commitment.unit, 'delivered') },
    note: { id: 'delivery-note', label: t('support.delivery.note') },
  };
  const errors = form.errors(specs, record.error, t);
  return (
    <section aria-labelledby="deliveries-title">
      <h2 className="utrecht-heading-2" id="deliveries-title">
        {t('support.delivery.title')}
      </h2>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('support.delivery.none')}</p>
      ) : (
        <Table caption={t('support.delivery.tableCaption')} captionHidden>
          <TableHead
            columns={[
              t('support.delivery.date'),
              t('support.columns.amount'),
              t('support.delivery.note'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((d) => (
              <tr key={d.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {format.date(d.deliveredOn)}
                </th>
                <td className="utrecht-table__cell">{amount(d.amount, commitment.unit)}</td>
                <td className="utrecht-table__cell">{d.note}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {commitment.status === 'cancelled' ? null : (
        <>
          <h3 className="utrecht-heading-3">{t('support.delivery.add')}</h3>
          <StatusMessage message={record.isSuccess ? t('support.delivery.recorded') : null} />
          <form
            className="wd-form"
            noValidate
            onSubmit={form.onSubmit(
              (v) => {
                const codes = requiredCodes(v, ['deliveredOn', 'amount']);
                if (!codes.amount && parseAmount(v.amount, commitment.unit) === null)
                  codes.amount = 'invalid_format';
                return codes;
              },
              (v) =>
                record.mutate(
                  {
                    deliveredOn: v.deliveredOn,
                    amount: parseAmount(v.amount, commitment.unit) ?? 0,
                    note: v.note.trim() || null,
                  },
                  { onSuccess: () => form.reset() },
                ),
            )}
          >
            <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
            <TextField
              spec={specs.deliveredOn}
              type="date"
              {...form.field('deliveredOn')}
              error={errors.fields.deliveredOn}
            />
            <TextField
              spec={specs.amount}
              {...form.field('amount')}
              error={errors.fields.amount}
              inputMode={commitment.unit === 'cents' ? 'decimal' : 'numeric'}
              description={t(`support.amount.hint.${commitment.unit}`)}
            />
            <TextAreaField
              spec={specs.note}
              error={errors.fields.note}
              rows={3}
              value={form.values.note}
              onChange={(e) => form.setValues((v) => ({ ...v, note: e.target.value }))}
            />
            <SubmitButton pending={record.isPending} variant="secondary">
              {t('support.delivery.submit')}
            </SubmitButton>
          </form>
        </>
      )}
    </section>
  );
}
