import type { TieIntensity } from './tie-types.ts';

// Network survey rounds (netwerkmetingen, issue 4): PARTNER-style questionnaires sent to the
// members of a round by emailed single-use links. English API and column values.

/** draft → open (links mailed) → closed (snapshot frozen, read-only). */
export const surveyStatuses = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

/** How often the respondent works with the other, rarest first. */
export const surveyFrequencies = ['yearly', 'quarterly', 'monthly', 'weekly', 'daily'] as const;
export type SurveyFrequency = (typeof surveyFrequencies)[number];

/** What the respondent's organisation brings to the network. */
export const surveyResources = [
  'money',
  'space',
  'staff',
  'expertise',
  'network',
  'data',
  'other',
] as const;
export type SurveyResource = (typeof surveyResources)[number];

export interface SurveyRoundsTable {
  id: string;
  workspace_id: string;
  title: string;
  intro: string;
  opens_on: string;
  /** The last day answers are taken; links expire after it. */
  closes_on: string;
  status: SurveyStatus;
  /** Days after opening when non-respondents get one reminder. */
  reminder_days: number;
  opened_at: string | null;
  closed_at: string | null;
  /** The snapshot day: the day the round was closed (its ties start and end on it). */
  snapshot_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SurveyMembersTable {
  round_id: string;
  workspace_id: string;
  actor_id: string;
  /** Where the link goes: an address entered for the round, or the linked account's. */
  email: string;
  /** Random per member: the token is HMAC(secret, round, actor, nonce), so reminders can mail
   * the same link again although only its hash is stored. null until the round opens. */
  token_nonce: string | null;
  /** sha256 of the link's token; null until the round opens. */
  token_hash: string | null;
  invited_at: string | null;
  started_at: string | null;
  submitted_at: string | null;
  reminded_at: string | null;
}

/** One respondent's answer about one other member (the alter). */
export interface SurveyAnswersTable {
  round_id: string;
  workspace_id: string;
  rater_id: string;
  alter_id: string;
  /** 1: the respondent works with the alter; 0: not (the other fields are then null). */
  chosen: number;
  frequency: SurveyFrequency | null;
  intensity: TieIntensity | null;
  reliability: number | null;
  mission: number | null;
  openness: number | null;
  power: number | null;
  involvement: number | null;
  resources: number | null;
  /** JSON array of SurveyResource: what the alter brings, in the respondent's view. */
  brings: string;
  updated_at: string;
}

export interface SurveyTables {
  survey_rounds: SurveyRoundsTable;
  survey_members: SurveyMembersTable;
  survey_answers: SurveyAnswersTable;
}
