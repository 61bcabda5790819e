import type { TFunction } from 'i18next';
import { roles, type Role } from '../../api/types.ts';

const roleKeys = {
  admin: 'roles.admin',
  coordinator: 'roles.coordinator',
  member: 'roles.member',
  policy_officer: 'roles.policy_officer',
  researcher: 'roles.researcher',
} as const satisfies Record<Role, string>;

export const roleLabel = (role: Role, t: TFunction): string => t(roleKeys[role]);

export const roleOptions = (t: TFunction) =>
  roles.map((role) => ({ value: role, label: roleLabel(role, t) }));

export const isRole = (value: string): value is Role =>
  (roles as readonly string[]).includes(value);
