import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { SelectField, TextField } from '../../components/form-fields.tsx';
import type { FieldSpec } from '../../lib/form.ts';
import { Fieldset } from './fields.tsx';
import { carrierRoleOptions } from './labels.ts';

export interface RoleRow {
  /** Stable React key; rows are added and removed in the middle. */
  key: number;
  role: string;
  startDate: string;
  endDate: string;
}

let nextKey = 1;
export const newRoleRow = (init?: Partial<Omit<RoleRow, 'key'>>): RoleRow => ({
  key: nextKey++,
  role: '',
  startDate: '',
  endDate: '',
  ...init,
});

/** Field specs of row `i`, named by the pointers the server uses. */
export function roleSpecs(form: string, i: number, t: TFunction) {
  const n = i + 1;
  return {
    [`/roles/${i}/role`]: { id: `${form}-role-${i}`, label: t('actors.fields.role', { n }) },
    [`/roles/${i}/startDate`]: {
      id: `${form}-role-${i}-start`,
      label: t('actors.fields.roleStart', { n }),
    },
    [`/roles/${i}/endDate`]: {
      id: `${form}-role-${i}-end`,
      label: t('actors.fields.roleEnd', { n }),
    },
  } satisfies Record<string, FieldSpec>;
}

interface RolesFieldsProps {
  form: string;
  rows: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  specs: Record<string, FieldSpec>;
  errors: Partial<Record<string, string>>;
}

/**
 * The roles a carrier plays, each with its own period: rows to add and remove. Focus moves to the
 * new row's role, or after removing to the add button, so keyboard users never land on <body>.
 */
export function RolesFields({ form, rows, onChange, specs, errors }: RolesFieldsProps) {
  const { t } = useTranslation();
  const addRef = useRef<HTMLButtonElement>(null);
  // Where focus goes once the rows have re-rendered (set by the add and remove buttons).
  const focusNext = useRef<number | 'add' | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    if (target === 'add') addRef.current?.focus();
    else {
      const i = rows.findIndex((r) => r.key === target);
      document.getElementById(`${form}-role-${i}`)?.focus();
    }
  }, [rows, form]);

  const update = (key: number, changes: Partial<RoleRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...changes } : r)));

  const roleOptions = [{ value: '', label: t('actors.chooseRole') }, ...carrierRoleOptions(t)];

  return (
    <Fieldset
      id={`${form}-roles`}
      legend={t('actors.fields.roles')}
      description={t('actors.fields.rolesHint')}
    >
      {rows.length === 0 ? <p className="utrecht-paragraph">{t('actors.noRoles')}</p> : null}
      <ol className="wd-role-rows">
        {rows.map((row, i) => {
          const role = specs[`/roles/${i}/role`];
          const start = specs[`/roles/${i}/startDate`];
          const end = specs[`/roles/${i}/endDate`];
          if (!role || !start || !end) return null;
          return (
            <li key={row.key} className="wd-role-row">
              <div className="wd-role-row__fields">
                <SelectField
                  spec={role}
                  options={roleOptions}
                  error={errors[`/roles/${i}/role`]}
                  value={row.role}
                  onChange={(e) => update(row.key, { role: e.target.value })}
                />
                <TextField
                  spec={start}
                  type="date"
                  error={errors[`/roles/${i}/startDate`]}
                  value={row.startDate}
                  onChange={(e) => update(row.key, { startDate: e.target.value })}
                />
                <TextField
                  spec={end}
                  type="date"
                  description={t('actors.fields.roleEndHint')}
                  error={errors[`/roles/${i}/endDate`]}
                  value={row.endDate}
                  onChange={(e) => update(row.key, { endDate: e.target.value })}
                />
              </div>
              <Button
                variant="secondary"
                onClick={() => {
                  onChange(rows.filter((r) => r.key !== row.key));
                  focusNext.current = 'add';
                }}
              >
                {t('actors.removeRole', { n: i + 1 })}
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        ref={addRef}
        id={`${form}-roles-add`}
        variant="secondary"
        onClick={() => {
          const row = newRoleRow();
          onChange([...rows, row]);
          focusNext.current = row.key;
        }}
      >
        {t('actors.addRole')}
      </Button>
    </Fieldset>
  );
}
