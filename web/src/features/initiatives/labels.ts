import type { TFunction } from 'i18next';
import {
  achievementTypes,
  initiativeStatuses,
  participantRoles,
  type AchievementType,
  type InitiativeStatus,
  type ParticipantRole,
} from './types.ts';

// Translated labels of the initiative vocabularies (glossary: initiatief, drager, resultaat,
// erkenning).

const statusKeys = {
  planned: 'activities.initiatives.status.planned',
  active: 'activities.initiatives.status.active',
  ended: 'activities.initiatives.status.ended',
} as const satisfies Record<InitiativeStatus, string>;

const roleKeys = {
  carrier: 'activities.initiatives.role.carrier',
  partner: 'activities.initiatives.role.partner',
} as const satisfies Record<ParticipantRole, string>;

const typeKeys = {
  result: 'activities.achievements.type.result',
  award: 'activities.achievements.type.award',
  press: 'activities.achievements.type.press',
  thanks: 'activities.achievements.type.thanks',
} as const satisfies Record<AchievementType, string>;

export const statusLabel = (s: InitiativeStatus, t: TFunction) => t(statusKeys[s]);
export const participantRoleLabel = (r: ParticipantRole, t: TFunction) => t(roleKeys[r]);
export const achievementTypeLabel = (a: AchievementType, t: TFunction) => t(typeKeys[a]);

export const statusOptions = (t: TFunction) =>
  initiativeStatuses.map((value) => ({ value, label: statusLabel(value, t) }));
export const participantRoleOptions = (t: TFunction) =>
  participantRoles.map((value) => ({ value, label: participantRoleLabel(value, t) }));
export const achievementTypeOptions = (t: TFunction) =>
  achievementTypes.map((value) => ({ value, label: achievementTypeLabel(value, t) }));

/** Status badges use the Utrecht status-badge modifiers (colours come from tokens). */
export const statusBadgeClass: Record<InitiativeStatus, string> = {
  planned: 'utrecht-status-badge utrecht-status-badge--warning',
  active: 'utrecht-status-badge utrecht-status-badge--success',
  ended: 'utrecht-status-badge utrecht-status-badge--inactive',
};
