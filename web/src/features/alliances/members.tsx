import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { requiredCodes, useForm, type FieldSpecs } from '../../lib/form.ts';
import { RecordPicker, type Picked } from '../activities/record-picker.tsx';
import { useAddMember, useEndMember } from './data.ts';
import { parseCount, partyKindLabel, todayIso } from './labels.ts';
import { memberRoles, type AllianceDetail, type Member, type MemberRole } from './types.ts';

type Field = 'actorId' | 'role' | 'seats' | 'votes' | 'startDate' | 'endDate';

function AddMember({ slug, id, onDone }: { slug: string; id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddMember(slug, id);
  const [actor, setActor] = useState<Picked | null>(null);
  const form = useForm<Field>({
    actorId: '',
    role: 'member',
    seats: '1',
    votes: '1',
    startDate: todayIso(),
    endDate: '',
  });
  const specs: FieldSpecs<Field> = {
    actorId: { id: 'member-actor', label: t('alliances.members.actor') },
    role: { id: 'member-role', label: t('alliances.members.role') },
    seats: { id: 'member-seats', label: t('alliances.members.seats') },
    votes: { id: 'member-votes', label: t('alliances.members.votes') },
    startDate: { id: 'member-start', label: t('alliances.members.startDate') },
    endDate: { id: 'member-end', label: t('alliances.members.endDate') },
  };
  const errors = form.errors(specs, add.error, t);
  const validate = (v: Record<Field, string>) => {
    const codes: Partial<Record<Field, string>> = requiredCodes(v, [
      'actorId',
      'seats',
      'votes',
      'startDate',
    ]);
    if (!codes.seats && parseCount(v.seats) === null) codes.seats = 'invalid_format';
    if (!codes.votes && parseCount(v.votes) === null) codes.votes = 'invalid_format';
    if (v.endDate && v.startDate && v.endDate < v.startDate) codes.endDate = 'end_before_start';
    return codes;
  };
  return (
    <form
      className="wd-form"
      noValidate
      aria-labelledby="member-add"
      onSubmit={form.onSubmit(validate, (v) =>
        add.mutate(
          {
            actorId: v.actorId,
            role: v.role as MemberRole,
            seats: parseCount(v.seats) ?? 0,
            votes: parseCount(v.votes) ?? 0,
            startDate: v.startDate,
            endDate: v.endDate || null,
          },
          {
            onSuccess: () => {
              setActor(null);
              form.reset();
              onDone();
            },
          },
        ),
      )}
    >
      <h3 className="utrecht-heading-3" id="member-add">
        {t('alliances.members.add')}
      </h3>
      <ErrorSummary key={form.attempt} errors={errors} specs={specs} />
      <RecordPicker
        slug={slug}
        type="actor"
        spec={specs.actorId}
        searchLabel={t('alliances.members.actorSearch')}
        value={actor}
        error={errors.fields.actorId}
        onChange={(picked) => {
          setActor(picked);
          form.setValues((v) => ({ ...v, actorId: picked?.id ?? '' }));
        }}
        emptyLabel={t('alliances.members.chooseActor')}
      />
      <SelectField
        spec={specs.role}
        error={errors.fields.role}
        options={memberRoles.map((r) => ({ value: r, label: t(`alliances.role.${r}`) }))}
        {...form.field('role')}
      />
      <TextField
        spec={specs.seats}
        error={errors.fields.seats}
        inputMode="numeric"
        {...form.field('seats')}
      />
      <TextField
        spec={specs.votes}
        error={errors.fields.votes}
        inputMode="numeric"
        {...form.field('votes')}
      />
      <TextField
        spec={specs.startDate}
        error={errors.fields.startDate}
        type="date"
        {...form.field('startDate')}
      />
      <TextField
        spec={specs.endDate}
        error={errors.fields.endDate}
        description={t('alliances.members.endHint')}
        type="date"
        {...form.field('endDate')}
      />
      <SubmitButton pending={add.isPending}>{t('alliances.members.addSubmit')}</SubmitButton>
    </form>
  );
}

/**
 * The members: who, what kind of party, role, seats, votes and period; add one, end one. Ending asks
 * first; afterwards focus goes to the section heading, as the row's button is gone.
 */
export function MembersSection({ slug, alliance }: { slug: string; alliance: AllianceDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const feedback = useFeedback();
  const end = useEndMember(slug, alliance.id);
  const day = (d: string) => format.date(`${d}T12:00:00Z`);
  const [ending, setEnding] = useState<Member | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeading = useRef(false);
  useEffect(() => {
    // After the dialog has closed (its own effect runs first), not while it is still open.
    if (!focusHeading.current || ending) return;
    focusHeading.current = false;
    heading.current?.focus();
  });
  const nameOf = (m: Member) => m.actorName ?? t('alliances.members.hidden');
  return (
    <section className="wd-section" aria-labelledby="alliance-members">
      <h2 className="utrecht-heading-2" id="alliance-members" tabIndex={-1} ref={heading}>
        {t('alliances.members.title')}
      </h2>
      <FeedbackMessage feedback={feedback.feedback} />
      {alliance.members.length === 0 ? (
        <p className="utrecht-paragraph">{t('alliances.members.empty')}</p>
      ) : (
        <Table caption={t('alliances.members.caption', { name: alliance.name })}>
          <TableHead
            columns={[
              t('alliances.members.actor'),
              t('alliances.members.kind'),
              t('alliances.members.role'),
              t('alliances.members.seats'),
              t('alliances.members.votes'),
              t('alliances.members.period'),
              ...(alliance.canEdit ? [t('alliances.members.actions')] : []),
            ]}
          />
          <tbody className="utrecht-table__body">
            {alliance.members.map((m) => (
              <tr key={m.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {m.actorName ? (
                    <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: m.actorId }}>
                      {m.actorName}
                    </TextLink>
                  ) : (
                    t('alliances.members.hidden')
                  )}
                </th>
                <td className="utrecht-table__cell">{partyKindLabel(m.actorKind, t)}</td>
                <td className="utrecht-table__cell">{t(`alliances.role.${m.role}`)}</td>
                <td className="utrecht-table__cell">{format.number(m.seats)}</td>
                <td className="utrecht-table__cell">{format.number(m.votes)}</td>
                <td className="utrecht-table__cell">
                  {m.endDate
                    ? t('alliances.members.range', { from: day(m.startDate), to: day(m.endDate) })
                    : t('alliances.members.since', { from: day(m.startDate) })}
                  {m.current ? '' : ` · ${t('alliances.members.ended')}`}
                </td>
                {alliance.canEdit ? (
                  <td className="utrecht-table__cell">
                    {m.current && !m.endDate ? (
                      <Button
                        variant="secondary"
                        danger
                        pending={end.isPending && end.variables === m.id}
                        onClick={() => {
                          feedback.clear();
                          setEnding(m);
                        }}
                      >
                        {t('alliances.members.end', { name: nameOf(m) })}
                      </Button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {alliance.canEdit ? (
        <AddMember
          slug={slug}
          id={alliance.id}
          onDone={() => feedback.ok((tt) => tt('alliances.members.added'))}
        />
      ) : null}
      <ConfirmDialog
        open={ending !== null}
        title={t('alliances.members.endTitle')}
        confirmLabel={t('alliances.members.endConfirm')}
        pending={end.isPending}
        onConfirm={() => {
          if (!ending) return;
          const { id, actorName } = ending;
          end.mutate(id, {
            onSuccess: () => {
              feedback.ok((tt) =>
                tt('alliances.members.endedMessage', {
                  name: actorName ?? tt('alliances.members.hidden'),
                }),
              );
              focusHeading.current = true;
            },
            onError: feedback.fail,
            onSettled: () => setEnding(null),
          });
        }}
        onCancel={() => setEnding(null)}
      >
        <p className="utrecht-paragraph">
          {ending
            ? t('alliances.members.endQuestion', { name: nameOf(ending), alliance: alliance.name })
            : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}
