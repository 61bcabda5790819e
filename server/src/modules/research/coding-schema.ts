import { z } from 'zod';
import { isoDateTime, uuid } from '../../http/route-schema.ts';
import { text } from '../activities/schema.ts';
import { studyParams } from './schema.ts';

// Qualitative coding (issue 8): the codebook (a tree of codes with definitions), coded segments
// of interview transcripts and open answers, memos, and code frequencies per wave. Participants
// appear as pseudonyms only.

export const codeParams = studyParams.extend({ codeId: uuid.describe('Code id') });
export const segmentParams = studyParams.extend({ segmentId: uuid.describe('Segment id') });
export const memoParams = studyParams.extend({ memoId: uuid.describe('Memo id') });

const definition = z.string().trim().max(5000).nullable().optional();

export const codeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  definition: z.string().nullable(),
  position: z.number().int().describe('0-based place among its siblings'),
  segmentCount: z.number().int().describe('Segments coded with this code itself'),
});
export const codeListSchema = z.object({
  items: z.array(codeSchema).describe('Depth-first: parents before children, by position'),
});

export const codeCreateBody = z.strictObject({
  name: text(120).describe('Unique among its siblings'),
  definition,
  parentId: uuid.nullable().optional().describe('A code of this study; a root code when absent'),
});
export const codeUpdateBody = z.strictObject({
  name: text(120).optional(),
  definition,
  parentId: uuid.nullable().optional().describe('null makes it a root code'),
  position: z.number().int().min(0).max(10000).optional(),
});

export const segmentSchema = z.object({
  id: z.string(),
  codeId: z.string(),
  codeName: z.string(),
  interviewId: z.string().nullable(),
  answerId: z.string().nullable(),
  start: z.number().int().describe('UTF-16 code units into the source text, inclusive'),
  end: z.number().int().describe('Exclusive'),
  text: z.string().describe('The slice of the source text'),
});

export const segmentCreateBody = z.strictObject({
  codeId: uuid,
  interviewId: uuid.optional().describe('Exactly one of interviewId and answerId'),
  answerId: uuid.optional().describe('An open (text) answer'),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});

export const openAnswersQuery = z.strictObject({
  waveId: uuid.optional(),
  code: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .optional()
    .describe('Item code'),
});
export const openAnswerSchema = z.object({
  answerId: z.string(),
  pseudonym: z.string(),
  waveId: z.string(),
  waveTitle: z.string(),
  itemCode: z.string(),
  promptNl: z.string(),
  text: z.string(),
  segments: z.array(segmentSchema),
});
export const openAnswerListSchema = z.object({ items: z.array(openAnswerSchema) });

export const memoQuery = z.strictObject({
  codeId: uuid.optional(),
  interviewId: uuid.optional(),
});
export const memoSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  codeId: z.string().nullable(),
  interviewId: z.string().nullable(),
  segmentId: z.string().nullable(),
  authorName: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export const memoListSchema = z.object({ items: z.array(memoSchema) });
const memoBody = z.string().trim().min(1).max(20000).describe('Stored encrypted');
export const memoCreateBody = z.strictObject({
  title: text(200),
  body: memoBody,
  codeId: uuid.optional(),
  interviewId: uuid.optional(),
  segmentId: uuid.optional(),
});
export const memoUpdateBody = z.strictObject({
  title: text(200).optional(),
  body: memoBody.optional(),
});

export const frequencySchema = z.object({
  waves: z
    .array(z.object({ id: z.string().nullable(), title: z.string() }))
    .describe('The study’s waves by start date; id null: interviews tied to no wave'),
  rows: z.array(
    z.object({
      codeId: z.string(),
      name: z.string(),
      depth: z.number().int(),
      counts: z.array(
        z.object({
          waveId: z.string().nullable(),
          segments: z.number().int(),
          participants: z.number().int().describe('Distinct participants'),
        }),
      ),
    }),
  ),
});

export type CodeOut = z.infer<typeof codeSchema>;
export type CodeCreate = z.infer<typeof codeCreateBody>;
export type CodeUpdate = z.infer<typeof codeUpdateBody>;
export type SegmentOut = z.infer<typeof segmentSchema>;
export type SegmentCreate = z.infer<typeof segmentCreateBody>;
export type OpenAnswerOut = z.infer<typeof openAnswerSchema>;
export type MemoOut = z.infer<typeof memoSchema>;
export type MemoCreate = z.infer<typeof memoCreateBody>;
export type MemoUpdate = z.infer<typeof memoUpdateBody>;
export type Frequencies = z.infer<typeof frequencySchema>;
