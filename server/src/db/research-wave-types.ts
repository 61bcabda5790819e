// Longitudinal research, part 2 (issue 8, migration 0020): waves with a questionnaire, single-use
// invitations, answers, names from the network name generator, interviews and attachments, the
// codebook with coded segments and memos, import runs of earlier waves and the export log.
// Columns ending in `_enc` hold field-encrypted `v1:…` ciphertexts only (crypto/field-encryption.ts).

export const waveStatuses = ['draft', 'open', 'closed'] as const;
export type WaveStatus = (typeof waveStatuses)[number];
/** platform: run here with emailed links; import: an earlier wave loaded from CSV/XLSX. */
export const waveSources = ['platform', 'import'] as const;
export type WaveSource = (typeof waveSources)[number];
export const itemKinds = ['likert', 'single', 'multiple', 'number', 'text', 'network'] as const;
export type ItemKind = (typeof itemKinds)[number];
export const answerSources = ['link', 'entry', 'import'] as const;
export type AnswerSource = (typeof answerSources)[number];
export const transcriptFormats = ['txt', 'md', 'docx'] as const;
export type TranscriptFormat = (typeof transcriptFormats)[number];
export const exportChannels = ['api', 'cli'] as const;
export type ExportChannel = (typeof exportChannels)[number];

/** An option of a single or multiple choice item; `value` is what exports carry. */
export interface ItemChoice {
  value: string;
  labelNl: string;
  labelEn?: string | undefined;
}

/**
 * The JSON in research_items.options, by kind: likert { points (2–11), anchors? }, single and
 * multiple { choices }, number { min?, max?, integer? }, text { maxLength? }, network {
 * maxNames? }.
 */
export interface ItemOptions {
  points?: number | undefined;
  anchorsNl?: [string, string] | undefined;
  anchorsEn?: [string, string] | undefined;
  choices?: ItemChoice[] | undefined;
  min?: number | undefined;
  max?: number | undefined;
  integer?: boolean | undefined;
  maxLength?: number | undefined;
  maxNames?: number | undefined;
}

export interface ResearchWavesTable {
  id: string;
  study_id: string;
  title: string;
  description: string | null;
  status: WaveStatus;
  source: WaveSource;
  starts_on: string;
  ends_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResearchItemsTable {
  id: string;
  study_id: string;
  wave_id: string;
  position: number;
  /** R/SPSS-friendly variable name (`^[a-z][a-z0-9_]{0,39}$`); the same code across waves. */
  code: string;
  kind: ItemKind;
  prompt_nl: string;
  prompt_en: string | null;
  help_nl: string | null;
  help_en: string | null;
  /** JSON ItemOptions. */
  options: string;
  /** 0 or 1. */
  required: number;
  created_at: string;
  updated_at: string;
}

export interface ResearchInvitationsTable {
  id: string;
  study_id: string;
  wave_id: string;
  participant_id: string;
  /** SHA-256 hex of the link token. */
  token_hash: string;
  /** Random; the token is HMAC(server secret, wave, participant, nonce) (see surveys/mail.ts). */
  nonce: string;
  language: 'nl' | 'en';
  expires_at: string;
  sent_at: string | null;
  reminded_at: string | null;
  started_at: string | null;
  submitted_at: string | null;
  revoked_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ResearchAnswersTable {
  id: string;
  study_id: string;
  wave_id: string;
  participant_id: string;
  item_id: string;
  value_number: number | null;
  value_json: string | null;
  value_text_enc: string | null;
  source: AnswerSource;
  created_at: string;
  updated_at: string;
}

export interface ResearchNamedActorsTable {
  answer_id: string;
  study_id: string;
  actor_id: string;
}

export interface ResearchInterviewsTable {
  id: string;
  study_id: string;
  wave_id: string | null;
  participant_id: string;
  held_on: string;
  interviewer_id: string | null;
  title: string;
  transcript_enc: string | null;
  transcript_format: TranscriptFormat | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResearchAttachmentsTable {
  id: string;
  study_id: string;
  interview_id: string;
  filename_enc: string;
  media_type: string;
  size_bytes: number;
  content_enc: string;
  created_by: string | null;
  created_at: string;
}

export interface ResearchCodesTable {
  id: string;
  study_id: string;
  parent_id: string | null;
  name: string;
  definition: string | null;
  position: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Exactly one of interview_id and answer_id is set; offsets are in UTF-16 code units. */
export interface ResearchSegmentsTable {
  id: string;
  study_id: string;
  code_id: string;
  interview_id: string | null;
  answer_id: string | null;
  start_offset: number;
  end_offset: number;
  created_by: string | null;
  created_at: string;
}

export interface ResearchMemosTable {
  id: string;
  study_id: string;
  code_id: string | null;
  interview_id: string | null;
  segment_id: string | null;
  title: string;
  body_enc: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ResearchImportRunsTable {
  id: string;
  study_id: string;
  wave_id: string;
  format: 'csv' | 'xlsx';
  row_count: number;
  answer_count: number;
  mapping: string;
  created_by: string | null;
  created_at: string;
}

export interface ResearchExportsTable {
  id: string;
  study_id: string;
  channel: ExportChannel;
  /** answers, codebook, segments, or all (the CLI's directory). */
  part: string;
  participant_count: number;
  excluded_count: number;
  row_count: number;
  user_id: string | null;
  created_at: string;
}

export interface ResearchWaveTables {
  research_waves: ResearchWavesTable;
  research_items: ResearchItemsTable;
  research_invitations: ResearchInvitationsTable;
  research_answers: ResearchAnswersTable;
  research_named_actors: ResearchNamedActorsTable;
  research_interviews: ResearchInterviewsTable;
  research_attachments: ResearchAttachmentsTable;
  research_codes: ResearchCodesTable;
  research_segments: ResearchSegmentsTable;
  research_memos: ResearchMemosTable;
  research_import_runs: ResearchImportRunsTable;
  research_exports: ResearchExportsTable;
}
