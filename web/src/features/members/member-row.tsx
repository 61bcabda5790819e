import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, Role } from '../../api/types.ts';
import { Button } from '../../components/button.tsx';
import { useFormat } from '../../lib/format.ts';
import { isRole, roleOptions } from '../workspaces/roles.ts';

interface MemberRowProps {
  member: Member;
  /** Changes after a failed save: the select then shows the stored role again. */
  generation: number;
  saving: boolean;
  onSave: (role: Role) => void;
  onRemove: () => void;
}

export function MemberRow({ member, generation, saving, onSave, onRemove }: MemberRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [role, setRole] = useState<Role>(member.role);
  // Reset during render (not in an effect), so focus stays on the row's button.
  const [seenGeneration, setSeenGeneration] = useState(generation);
  if (seenGeneration !== generation) {
    setSeenGeneration(generation);
    setRole(member.role);
  }
  const selectId = `member-role-${member.userId}`;
  const name = member.displayName;
  return (
    <tr className="utrecht-table__row">
      <th scope="row" className="utrecht-table__header-cell">
        {name}
      </th>
      <td className="utrecht-table__cell wd-nowrap">{member.email}</td>
      <td className="utrecht-table__cell">
        <form
          className="wd-row-form"
          onSubmit={(event) => {
            event.preventDefault();
            onSave(role);
          }}
        >
          <label className="utrecht-form-label wd-visually-hidden" htmlFor={selectId}>
            {t('members.roleOf', { name })}
          </label>
          <select
            id={selectId}
            className="utrecht-select utrecht-select--html-select"
            value={role}
            onChange={(event) => {
              if (isRole(event.target.value)) setRole(event.target.value);
            }}
          >
            {roleOptions(t).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" pending={saving}>
            {t('common.save')}
            <span className="wd-visually-hidden"> {t('members.saveSuffix', { name })}</span>
          </Button>
        </form>
      </td>
      <td className="utrecht-table__cell">
        <time dateTime={member.joinedAt}>{format.date(member.joinedAt)}</time>
      </td>
      <td className="utrecht-table__cell">
        <Button variant="secondary" danger onClick={onRemove}>
          {t('members.remove')}
          <span className="wd-visually-hidden"> {name}</span>
        </Button>
      </td>
    </tr>
  );
}
