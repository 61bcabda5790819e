/**
 * Shapes of the initiatives and achievements API as the web app reads them; they mirror
 * `server/src/modules/initiatives/schema.ts` and `achievements-schema.ts`.
 */
import type { Activity } from '../activities/types.ts';
import type { ActorKind, Visibility } from '../actors/types.ts';

export const initiativeStatuses = ['planned', 'active', 'ended'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

export const participantRoles = ['carrier', 'partner'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/** A result (what was achieved) or a recognition (award, press, thanks). */
export const achievementTypes = ['result', 'award', 'press', 'thanks'] as const;
export type AchievementType = (typeof achievementTypes)[number];
export const recognitionTypes = ['award', 'press', 'thanks'] as const;

/** Someone who carries an initiative, as a list item may name them. */
export interface CarrierRef {
  actorId: string;
  name: string;
}

export interface Initiative {
  id: string;
  name: string;
  description: string | null;
  status: InitiativeStatus;
  startDate: string | null;
  endDate: string | null;
  visibility: Visibility;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  /** List answers only: the carriers the viewer may see (the detail lists all participants). */
  carriers?: CarrierRef[];
  createdAt: string;
  updatedAt: string;
}

export interface Participant {
  actorId: string;
  name: string;
  kind: ActorKind;
  role: ParticipantRole;
  startDate: string | null;
  endDate: string | null;
}

export interface Credit {
  actorId: string;
  name: string;
  kind: ActorKind;
}

export interface Achievement {
  id: string;
  initiativeId: string | null;
  initiativeName: string | null;
  type: AchievementType;
  title: string;
  description: string | null;
  occurredOn: string;
  /** Results: what shows it (a link, a report, a count). */
  evidence: string | null;
  /** Recognitions: who gave it (jury, newspaper, residents). */
  source: string | null;
  credited: Credit[];
  createdAt: string;
  updatedAt: string;
}

export interface InitiativeDetail extends Initiative {
  /** Carriers first, then partners; only those the viewer may see. */
  participants: Participant[];
  activities: Activity[];
  achievements: Achievement[];
  canEdit: boolean;
}

export interface ParticipantInput {
  actorId: string;
  role: ParticipantRole;
  startDate: string | null;
  endDate: string | null;
}

export interface InitiativeInput {
  name: string;
  description: string | null;
  status: InitiativeStatus;
  startDate: string | null;
  endDate: string | null;
  visibility: Visibility;
  areaIds: string[];
  domainIds: string[];
  targetGroupIds: string[];
  participants: ParticipantInput[];
}

export interface AchievementInput {
  initiativeId: string | null;
  type: AchievementType;
  title: string;
  description: string | null;
  occurredOn: string;
  evidence: string | null;
  source: string | null;
  creditedActorIds: string[];
}
