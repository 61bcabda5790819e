import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import type { FieldSpec } from '../../lib/form.ts';
import { Fieldset } from '../actors/fields.tsx';
import { kindLabel } from '../actors/labels.ts';
import { includes } from '../actors/types.ts';
import { RecordPicker, type Picked } from '../activities/record-picker.tsx';
import {
  addParticipantId,
  newParticipantRow,
  participantIds,
  type ParticipantRow,
} from './initiative-values.ts';
import { participantRoleOptions } from './labels.ts';
import { participantRoles, type ParticipantRole } from './types.ts';

interface ParticipantsFieldsProps {
  slug: string;
  form: string;
  rows: ParticipantRow[];
  onChange: (rows: ParticipantRow[]) => void;
  specs: Record<string, FieldSpec>;
  errors: Partial<Record<string, string>>;
}

/**
 * Carriers (dragers) and partners: one row per participant with its role and period, and a picker
 * to add one. Focus moves to the new row's role, or after removing to the picker, so keyboard
 * users never land on <body>.
 */
export function ParticipantsFields(props: ParticipantsFieldsProps) {
  const { slug, form, rows, onChange, specs, errors } = props;
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [role, setRole] = useState<ParticipantRole>('carrier');
  const [pickError, setPickError] = useState<string | undefined>(undefined);
  // Where focus goes once the rows have re-rendered (set by the add and remove buttons).
  const focusNext = useRef<number | 'picker' | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const i = target === 'picker' ? -1 : rows.findIndex((r) => r.key === target);
    document.getElementById(i < 0 ? addParticipantId(form) : participantIds(form, i).role)?.focus();
  }, [rows, form]);

  const update = (key: number, changes: Partial<ParticipantRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...changes } : r)));

  const add = () => {
    if (!picked) {
      setPickError(t('activities.initiatives.pickFirst'));
      document.getElementById(addParticipantId(form))?.focus();
      return;
    }
    if (rows.some((r) => r.actorId === picked.id && r.role === role)) {
      setPickError(t('activities.initiatives.alreadyListed', { name: picked.label }));
      return;
    }
    const row = newParticipantRow({
      actorId: picked.id,
      name: picked.label,
      kind: picked.kind ?? null,
      role,
      startDate: '',
      endDate: '',
    });
    setPickError(undefined);
    setPicked(null);
    onChange([...rows, row]);
    focusNext.current = row.key;
  };

  return (
    <Fieldset
      id={`${form}-participants`}
      legend={t('activities.initiatives.fields.participants')}
      description={t('activities.initiatives.fields.participantsHint')}
    >
      {rows.length === 0 ? (
        <p className="utrecht-paragraph">{t('activities.initiatives.noParticipantsYet')}</p>
      ) : null}
      <ol className="wd-role-rows">
        {rows.map((row, i) => {
          const ids = participantIds(form, i);
          const roleSpec = specs[`/participants/${i}`];
          const start = specs[`/participants/${i}/startDate`];
          const end = specs[`/participants/${i}/endDate`];
          if (!roleSpec || !start || !end) return null;
          return (
            <li key={row.key} className="wd-role-row">
              <p className="utrecht-paragraph wd-participant-name">
                {row.name}
                {row.kind ? <span className="wd-badge">{kindLabel(row.kind, t)}</span> : null}
              </p>
              <div className="wd-role-row__fields">
                <SelectField
                  spec={{ ...roleSpec, id: ids.role }}
                  options={participantRoleOptions(t)}
                  error={errors[`/participants/${i}`]}
                  value={row.role}
                  onChange={(e) => {
                    if (includes(participantRoles, e.target.value))
                      update(row.key, { role: e.target.value });
                  }}
                />
                <TextField
                  spec={{ ...start, id: ids.start }}
                  type="date"
                  description={t('activities.initiatives.fields.participantStartHint')}
                  error={errors[`/participants/${i}/startDate`]}
                  value={row.startDate}
                  onChange={(e) => update(row.key, { startDate: e.target.value })}
                />
                <TextField
                  spec={{ ...end, id: ids.end }}
                  type="date"
                  description={t('activities.initiatives.fields.participantEndHint')}
                  error={errors[`/participants/${i}/endDate`]}
                  value={row.endDate}
                  onChange={(e) => update(row.key, { endDate: e.target.value })}
                />
              </div>
              <Button
                variant="secondary"
                onClick={() => {
                  onChange(rows.filter((r) => r.key !== row.key));
                  focusNext.current = 'picker';
                }}
              >
                {t('activities.initiatives.removeParticipant', { name: row.name })}
              </Button>
            </li>
          );
        })}
      </ol>
      <Fieldset id={`${form}-participant-add`} legend={t('activities.initiatives.addParticipant')}>
        <RecordPicker
          slug={slug}
          type="actor"
          spec={{ id: addParticipantId(form), label: t('activities.fields.actor') }}
          searchLabel={t('activities.fields.actorSearch')}
          emptyLabel={t('activities.fields.chooseActor')}
          value={picked}
          onChange={(next) => {
            setPicked(next);
            setPickError(undefined);
          }}
          error={pickError ?? errors['/participants']}
        />
        <SelectField
          spec={{ id: `${form}-participant-new-role`, label: t('activities.initiatives.newRole') }}
          options={participantRoleOptions(t)}
          value={role}
          onChange={(e) => {
            if (includes(participantRoles, e.target.value)) setRole(e.target.value);
          }}
        />
        <Button variant="secondary" onClick={add}>
          {t('activities.initiatives.addParticipantButton')}
        </Button>
      </Fieldset>
    </Fieldset>
  );
}
