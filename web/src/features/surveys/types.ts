// Survey rounds (netwerkmetingen), as the API sends them.

export const surveyFrequencies = ['yearly', 'quarterly', 'monthly', 'weekly', 'daily'] as const;
export type SurveyFrequency = (typeof surveyFrequencies)[number];

export const surveyIntensities = ['awareness', 'cooperative', 'coordinated', 'integrated'] as const;
export type SurveyIntensity = (typeof surveyIntensities)[number];

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

/** Trust items first, then value items; each 1–4. */
export const ratingItems = [
  'reliability',
  'mission',
  'openness',
  'power',
  'involvement',
  'resources',
] as const;
export type RatingItem = (typeof ratingItems)[number];

export type SurveyStatus = 'draft' | 'open' | 'closed';

export interface SurveyRound {
  id: string;
  title: string;
  intro: string;
  opensOn: string;
  closesOn: string;
  reminderDays: number;
  status: SurveyStatus;
  openedAt: string | null;
  closedAt: string | null;
  snapshotOn: string | null;
  createdAt: string;
  invited: number;
  started: number;
  submitted: number;
  responseRate: number | null;
}

export interface SurveyRoundDetail extends SurveyRound {
  members: {
    actorId: string;
    name: string;
    progress: 'not_invited' | 'invited' | 'started' | 'submitted';
    remindedAt: string | null;
  }[];
}

export interface SurveyAnswer {
  alterId: string;
  chosen: boolean;
  frequency: SurveyFrequency | null;
  intensity: SurveyIntensity | null;
  reliability: number | null;
  mission: number | null;
  openness: number | null;
  power: number | null;
  involvement: number | null;
  resources: number | null;
  brings: SurveyResource[];
  updatedAt?: string;
}

export interface Questionnaire {
  round: { title: string; intro: string; closesOn: string; workspaceName: string };
  respondent: { actorId: string; name: string };
  alters: { actorId: string; name: string }[];
  answers: SurveyAnswer[];
  submittedAt: string | null;
}

export const emptyAnswer = (alterId: string): SurveyAnswer => ({
  alterId,
  chosen: false,
  frequency: null,
  intensity: null,
  reliability: null,
  mission: null,
  openness: null,
  power: null,
  involvement: null,
  resources: null,
  brings: [],
});
