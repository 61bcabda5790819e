// Research part 2 (issue 8) as the analysis pages see it: interviews, coding, memos, frequencies,
// comparison, earlier-wave imports and exports. Field names follow the API contract
// (/api/v1/workspaces/:slug/research/studies/:studyId/…). Participants appear as pseudonyms only.

export type StudyRole = 'steward' | 'researcher';

/** The part of a study these pages need (GET S). */
export interface StudyHead {
  id: string;
  title: string;
  status: 'draft' | 'active' | 'closed';
  myRole: StudyRole | null;
}

export interface ParticipantRef {
  id: string;
  pseudonym: string;
  mayCollect: boolean;
  exportable: boolean;
}

export type WaveStatus = 'draft' | 'open' | 'closed';
export type WaveSource = 'platform' | 'import';
export type ItemKind = 'likert' | 'single' | 'multiple' | 'number' | 'text' | 'network';

export interface Wave {
  id: string;
  title: string;
  description: string | null;
  status: WaveStatus;
  source: WaveSource;
  startsOn: string;
  endsOn: string | null;
  itemCount: number;
  respondentCount: number;
}

export interface ItemChoice {
  value: string;
  labelNl: string;
  labelEn?: string;
}

export interface Item {
  id: string;
  position: number;
  code: string;
  kind: ItemKind;
  promptNl: string;
  promptEn: string | null;
  required: boolean;
  options: {
    points?: number;
    choices?: ItemChoice[];
    min?: number;
    max?: number;
    integer?: boolean;
  };
}

export type WaveDetail = Wave & { items: Item[] };

export type TranscriptFormat = 'txt' | 'md' | 'docx';

export interface InterviewSummary {
  id: string;
  title: string;
  heldOn: string;
  waveId: string | null;
  participantId: string;
  pseudonym: string;
  interviewerName: string | null;
  transcriptFormat: TranscriptFormat | null;
  hasTranscript: boolean;
  attachmentCount: number;
  segmentCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Attachment {
  id: string;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface Segment {
  id: string;
  codeId: string;
  codeName: string;
  interviewId: string | null;
  answerId: string | null;
  /** UTF-16 code units into the transcript or open answer. */
  start: number;
  end: number;
  text: string;
}

export type Interview = InterviewSummary & {
  transcript: string | null;
  attachments: Attachment[];
  segments: Segment[];
};

export interface InterviewInput {
  participantId: string;
  waveId?: string;
  heldOn: string;
  title: string;
  transcript?: string;
  transcriptFormat?: 'txt' | 'md';
}

export interface FileUpload {
  filename: string;
  contentBase64: string;
}

export interface Code {
  id: string;
  parentId: string | null;
  name: string;
  definition: string | null;
  position: number;
  segmentCount: number;
}

export interface CodeInput {
  name?: string;
  definition?: string | null;
  parentId?: string | null;
  position?: number;
}

/** What a segment is cut from: an interview transcript or an open answer. */
export type SegmentSource = { interviewId: string } | { answerId: string };

export interface OpenAnswer {
  answerId: string;
  pseudonym: string;
  waveId: string;
  waveTitle: string;
  itemCode: string;
  promptNl: string;
  text: string;
  segments: Segment[];
}

export interface Memo {
  id: string;
  title: string;
  body: string;
  codeId: string | null;
  interviewId: string | null;
  segmentId: string | null;
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MemoInput {
  title: string;
  body: string;
  codeId?: string;
  interviewId?: string;
  segmentId?: string;
}

export interface CodeFrequencies {
  waves: Array<{ id: string | null; title: string }>;
  rows: Array<{
    codeId: string;
    name: string;
    depth: number;
    counts: Array<{ waveId: string | null; segments: number; participants: number }>;
  }>;
}

export interface DistributionBin {
  value: string | number;
  label: string;
  count: number;
}

export interface ItemWaveStats {
  waveId: string;
  n: number;
  mean: number | null;
  median: number | null;
  sd: number | null;
  distribution: DistributionBin[];
}

export interface PairedChange {
  pseudonym: string;
  from: number | string | null;
  to: number | string | null;
  change: number | null;
}

export interface ComparedItem {
  code: string;
  kind: ItemKind;
  promptNl: string;
  promptEn: string | null;
  waves: ItemWaveStats[];
  paired: {
    fromWaveId: string;
    toWaveId: string;
    n: number;
    meanChange: number | null;
    changes: PairedChange[];
  } | null;
}

export interface Comparison {
  waves: Array<{ id: string; title: string; startsOn: string; respondents: number }>;
  items: ComparedItem[];
  attrition: Array<{
    waveId: string;
    respondents: number;
    retained: number;
    lost: number;
    new: number;
  }>;
}

export type ImportFormat = 'csv' | 'xlsx';
export type ParticipantKey = 'pseudonym' | 'email';

export interface WaveImportInput {
  filename: string;
  format: ImportFormat;
  contentBase64: string;
  participantColumn: string;
  participantKey: ParticipantKey;
  columns: Record<string, string>;
  dryRun?: boolean;
}

export interface WaveImportResult {
  rows: number;
  answers: number;
  participantsCreated: number;
  mapping: unknown;
}

export const exportParts = [
  'answers.csv',
  'wide.csv',
  'codebook.json',
  'codebook.md',
  'segments.csv',
] as const;
export type ExportPart = (typeof exportParts)[number];

export interface ExportLogEntry {
  id: string;
  part: string;
  channel: 'api' | 'cli';
  participantCount: number;
  excludedCount: number;
  rowCount: number;
  userName: string | null;
  createdAt: string;
}
