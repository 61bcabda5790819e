// Longitudinal research (issue 8): studies spanning one or more workspaces, their research team,
// pseudonymised participants and an append-only history of consent. Names and email addresses of
// external participants, consent notes and re-identification reasons are field-encrypted
// (crypto/field-encryption.ts): the columns ending in `_enc` hold `v1:…` ciphertexts only.

export const studyStatuses = ['draft', 'active', 'closed'] as const;
export type StudyStatus = (typeof studyStatuses)[number];
/** steward: manages consent, the team's researchers and re-identification. */
export const studyRoles = ['steward', 'researcher'] as const;
export type StudyRole = (typeof studyRoles)[number];
export const participantKinds = ['actor', 'external'] as const;
export type ParticipantKind = (typeof participantKinds)[number];
/** deelname, opname, hergebruik, contact voor latere golven. */
export const consentPurposes = ['participation', 'recording', 'reuse', 'recontact'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export const consentDecisions = ['given', 'withdrawn'] as const;
export type ConsentDecision = (typeof consentDecisions)[number];
export const consentMethods = ['written', 'verbal', 'online'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export interface ResearchStudiesTable {
  id: string;
  /** The workspace the study was created in (tenant key); study_workspaces lists all it spans. */
  workspace_id: string;
  title: string;
  description: string | null;
  status: StudyStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResearchStudyWorkspacesTable {
  study_id: string;
  workspace_id: string;
}

export interface ResearchStudyMembersTable {
  study_id: string;
  workspace_id: string;
  user_id: string;
  role: StudyRole;
  added_by: string | null;
  created_at: string;
}

export interface ResearchParticipantsTable {
  id: string;
  study_id: string;
  workspace_id: string;
  kind: ParticipantKind;
  /** A carrier of one of the study's workspaces (null for external participants, or erased). */
  actor_id: string | null;
  /** HMAC-SHA-256 of the identity under the study key, hex: finds a participant again. */
  identity_hash: string;
  /** `P-` + 10 (rarely more) base32 characters of identity_hash. */
  pseudonym: string;
  name_enc: string | null;
  email_enc: string | null;
  created_by: string | null;
  created_at: string;
}

/** Append-only: one row per decision; the latest per purpose is the current state. */
export interface ResearchConsentEventsTable {
  id: string;
  study_id: string;
  workspace_id: string;
  participant_id: string;
  /** Order of the participant's events (1, 2, …), unique per participant. */
  seq: number;
  purpose: ConsentPurpose;
  decision: ConsentDecision;
  letter_version: string | null;
  method: ConsentMethod;
  decided_on: string;
  note_enc: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface ResearchReidentificationsTable {
  id: string;
  study_id: string;
  workspace_id: string;
  participant_id: string;
  user_id: string | null;
  reason_enc: string;
  created_at: string;
}

export interface ResearchTables {
  research_studies: ResearchStudiesTable;
  research_study_workspaces: ResearchStudyWorkspacesTable;
  research_study_members: ResearchStudyMembersTable;
  research_participants: ResearchParticipantsTable;
  research_consent_events: ResearchConsentEventsTable;
  research_reidentifications: ResearchReidentificationsTable;
}
