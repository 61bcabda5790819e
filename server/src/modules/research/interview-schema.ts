import { z } from 'zod';
import { isoDateTime, uuid } from '../../http/route-schema.ts';
import { dateOut, isoDate, text } from '../activities/schema.ts';
import { segmentSchema } from './coding-schema.ts';
import { studyParams } from './schema.ts';
import { MAX_TRANSCRIPT_CHARS } from './transcript-import.ts';

// Interviews (issue 8): date, interviewer, a transcript (typed, or imported from .txt/.md/.docx;
// stored encrypted) and attachments (stored encrypted). The participant appears as a pseudonym.

/** Decoded attachment bytes at most (base64 adds a third on the wire). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Request bodies of transcript and attachment uploads. */
export const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024;

export const interviewParams = studyParams.extend({ interviewId: uuid.describe('Interview id') });
export const attachmentParams = interviewParams.extend({
  attachmentId: uuid.describe('Attachment id'),
});

export const interviewListQuery = z.strictObject({
  waveId: uuid.optional(),
  participantId: uuid.optional(),
});

const base64 = z
  .string()
  .max(UPLOAD_BODY_LIMIT)
  .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), {
    error: 'Must be base64 (A–Z, a–z, 0–9, + and /, padded with =)',
  })
  .describe('The file’s bytes, base64');
const filename = text(255).refine(
  (s) => ![...s].some((ch) => ch < ' ' || ch === '/' || ch === '\\'),
  {
    error: 'A file name without path separators or control characters',
  },
);

export const interviewCreateBody = z.strictObject({
  participantId: uuid.describe('A participant with current participation consent'),
  waveId: uuid.nullable().optional().describe('A wave of this study'),
  heldOn: isoDate,
  title: text(200),
  transcript: z
    .string()
    .max(MAX_TRANSCRIPT_CHARS)
    .optional()
    .describe('Notes or transcript text (stored encrypted)'),
  transcriptFormat: z.enum(['txt', 'md']).optional().describe('txt by default'),
});
export const interviewUpdateBody = z.strictObject({
  title: text(200).optional(),
  heldOn: isoDate.optional(),
  waveId: uuid.nullable().optional(),
});
export const transcriptBody = z.strictObject({
  filename,
  format: z.enum(['txt', 'md', 'docx']),
  contentBase64: base64,
});
export const attachmentBody = z.strictObject({
  filename,
  mediaType: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$/, {
      error: 'A media type such as audio/mpeg or application/pdf',
    }),
  contentBase64: base64,
});

export const attachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: isoDateTime,
});

export const interviewSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: dateOut,
  waveId: z.string().nullable(),
  participantId: z.string(),
  pseudonym: z.string(),
  interviewerName: z.string().nullable(),
  transcriptFormat: z.enum(['txt', 'md', 'docx']).nullable(),
  hasTranscript: z.boolean(),
  attachmentCount: z.number().int(),
  segmentCount: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export const interviewListSchema = z.object({
  items: z.array(interviewSummarySchema).describe('Newest first (by heldOn)'),
});
export const interviewDetailSchema = interviewSummarySchema.extend({
  transcript: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  segments: z.array(segmentSchema),
});

/** The attachment's bytes: sent as they are, documented as binary. */
export const attachmentBytes = z
  .custom<Buffer>((v) => Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary' });

export type InterviewCreate = z.infer<typeof interviewCreateBody>;
export type InterviewUpdate = z.infer<typeof interviewUpdateBody>;
export type TranscriptUpload = z.infer<typeof transcriptBody>;
export type AttachmentUpload = z.infer<typeof attachmentBody>;
export type AttachmentOut = z.infer<typeof attachmentSchema>;
export type InterviewSummary = z.infer<typeof interviewSummarySchema>;
export type InterviewDetail = z.infer<typeof interviewDetailSchema>;
