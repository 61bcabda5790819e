// Research (issue 8), as the web app sees it: studies and their team, participants (pseudonyms)
// with consent, waves with questionnaire items, invitations, and the public questionnaire behind
// an emailed link. Shapes follow server/src/modules/research/schema.ts and the issue-8 contract.

export const studyStatuses = ['draft', 'active', 'closed'] as const;
export type StudyStatus = (typeof studyStatuses)[number];
export type StudyRole = 'steward' | 'researcher';

export interface TeamMember {
  userId: string;
  displayName: string;
  role: StudyRole;
  createdAt: string;
}

export interface Study {
  id: string;
  title: string;
  description: string | null;
  status: StudyStatus;
  workspaceIds: string[];
  steward: TeamMember | null;
  myRole: StudyRole | null;
  createdAt: string;
  updatedAt: string;
}

export const consentPurposes = ['participation', 'recording', 'reuse', 'recontact'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export type ConsentDecision = 'given' | 'withdrawn';
export const consentMethods = ['written', 'verbal', 'online'] as const;
export type ConsentMethod = (typeof consentMethods)[number];
export type ConsentState = ConsentDecision | 'none';
export type ConsentStates = Record<ConsentPurpose, ConsentState>;

export interface Participant {
  id: string;
  pseudonym: string;
  consent: ConsentStates;
  mayCollect: boolean;
  exportable: boolean;
  createdAt: string;
}

export type ParticipantInput =
  { kind: 'actor'; actorId: string } | { kind: 'external'; name: string; email: string };

export interface ConsentEvent {
  id: string;
  purpose: ConsentPurpose;
  decision: ConsentDecision;
  method: ConsentMethod;
  letterVersion: string | null;
  date: string;
  note?: string | null;
  recordedAt: string;
}

export interface ConsentHistory {
  participantId: string;
  pseudonym: string;
  consent: ConsentStates;
  mayCollect: boolean;
  exportable: boolean;
  history: ConsentEvent[];
}

export interface ConsentInput {
  purpose: ConsentPurpose;
  decision: ConsentDecision;
  method: ConsentMethod;
  letterVersion?: string;
  date?: string;
  note?: string;
}

export interface ReIdentification {
  participantId: string;
  pseudonym: string;
  kind: 'actor' | 'external';
  actorId: string | null;
  name: string | null;
  email: string | null;
  auditedAt: string;
}

// ---- Waves and items ----

export const waveStatuses = ['draft', 'open', 'closed'] as const;
export type WaveStatus = (typeof waveStatuses)[number];
export const waveSources = ['platform', 'import'] as const;
export type WaveSource = (typeof waveSources)[number];

export interface Wave {
  id: string;
  title: string;
  description: string | null;
  status: WaveStatus;
  source: WaveSource;
  startsOn: string;
  endsOn: string | null;
  itemCount: number;
  invitedCount: number;
  startedCount: number;
  submittedCount: number;
  respondentCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface WaveInput {
  title: string;
  description?: string | null;
  startsOn: string;
  endsOn?: string | null;
  source?: WaveSource;
}

export const itemKinds = ['likert', 'single', 'multiple', 'number', 'text', 'network'] as const;
export type ItemKind = (typeof itemKinds)[number];

export interface ItemChoice {
  value: string;
  labelNl: string;
  labelEn?: string;
}

export interface ItemOptions {
  points?: number;
  anchorsNl?: [string, string];
  anchorsEn?: [string, string];
  choices?: ItemChoice[];
  min?: number;
  max?: number;
  integer?: boolean;
  maxLength?: number;
  maxNames?: number;
}

export interface Item {
  id: string;
  position: number;
  code: string;
  kind: ItemKind;
  promptNl: string;
  promptEn: string | null;
  helpNl: string | null;
  helpEn: string | null;
  required: boolean;
  options: ItemOptions;
}

export type ItemInput = Omit<Item, 'id' | 'position'>;

export interface WaveDetail extends Wave {
  items: Item[];
}

// ---- Invitations ----

export const invitationStatuses = [
  'pending',
  'started',
  'submitted',
  'expired',
  'revoked',
] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

export interface Invitation {
  id: string;
  participantId: string;
  pseudonym: string;
  status: InvitationStatus;
  sentAt: string | null;
  remindedAt: string | null;
  startedAt: string | null;
  submittedAt: string | null;
  expiresAt: string;
}

export interface InvitationList {
  items: Invitation[];
  summary: { invited: number; started: number; submitted: number; responseRate: number };
}

export interface InviteInput {
  participantIds?: string[];
  expiresInDays?: number;
  language?: 'nl' | 'en';
}

export type SkipReason = 'no_consent' | 'no_recontact' | 'no_email' | 'already_invited';

export interface InviteResult {
  created: number;
  skipped: { participantId: string; pseudonym: string; reason: SkipReason }[];
}

// ---- The public questionnaire ----

/** likert → 1..points; single → choice value; multiple → values; number; text; network → actor ids. */
export type AnswerValue = number | string | string[] | null;

export interface QuestionnaireItem extends Item {
  /** Network items only: the actors the respondent may name, sorted by name. */
  candidates?: { id: string; name: string }[];
}

export interface ResearchQuestionnaire {
  study: { title: string };
  wave: { title: string; endsOn: string | null };
  language: 'nl' | 'en';
  expiresAt: string;
  items: QuestionnaireItem[];
  answers: Record<string, AnswerValue>;
  submittedAt: string | null;
}
