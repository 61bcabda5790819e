import { z } from 'zod';
import { exportChannels, itemKinds } from '../../db/research-wave-types.ts';
import { isoDateTime, uuid } from '../../http/route-schema.ts';
import { dateOut } from '../activities/schema.ts';
import { studyParams } from './schema.ts';

// Comparison of waves, the import of an earlier wave and the exports with their log. Pseudonyms
// only: no actor id, name or email of a participant appears in any of these shapes.

export const importWaveParams = studyParams.extend({ waveId: uuid.describe('Wave id') });

export const comparisonQuery = z.strictObject({
  fromWaveId: uuid.optional().describe('With toWaveId: the two waves of the paired change'),
  toWaveId: uuid.optional().describe('With fromWaveId; default: the two latest sharing the item'),
});

const nullableNumber = z.number().nullable();
const bin = z.object({
  value: z.union([z.string(), z.number()]),
  label: z.string(),
  count: z.number().int(),
});
export const comparisonSchema = z.object({
  waves: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      startsOn: dateOut,
      respondents: z.number().int(),
    }),
  ),
  items: z.array(
    z.object({
      code: z.string(),
      kind: z.enum(itemKinds),
      promptNl: z.string(),
      promptEn: z.string().nullable(),
      waves: z.array(
        z.object({
          waveId: z.string(),
          n: z.number().int(),
          mean: nullableNumber,
          median: nullableNumber,
          sd: nullableNumber.describe('Sample standard deviation (n − 1)'),
          distribution: z.array(bin),
        }),
      ),
      paired: z
        .object({
          fromWaveId: z.string(),
          toWaveId: z.string(),
          n: z.number().int(),
          meanChange: nullableNumber,
          changes: z.array(
            z.object({
              pseudonym: z.string(),
              from: nullableNumber,
              to: nullableNumber,
              change: nullableNumber,
            }),
          ),
        })
        .nullable(),
    }),
  ),
  attrition: z.array(
    z.object({
      waveId: z.string(),
      respondents: z.number().int(),
      retained: z.number().int(),
      lost: z.number().int(),
      new: z.number().int(),
    }),
  ),
});

const columnName = z.string().trim().min(1).max(200);
export const waveImportBody = z.strictObject({
  filename: z.string().trim().min(1).max(255),
  format: z.enum(['csv', 'xlsx']),
  contentBase64: z.string().min(1).describe('The file, base64 (CSV: UTF-8 text)'),
  participantColumn: columnName.describe('The header of the column naming the participant'),
  participantKey: z
    .enum(['pseudonym', 'email'])
    .describe(
      'pseudonym (the team), or email (the steward: unknown addresses become participants)',
    ),
  columns: z
    .record(columnName, z.string().trim().min(1).max(40))
    .describe('Column header → item code of the wave'),
  dryRun: z.boolean().optional().describe('Only check: write nothing (200)'),
});
export type WaveImportBody = z.infer<typeof waveImportBody>;

export const waveImportResultSchema = z.object({
  rows: z.number().int().describe('Participant rows read'),
  answers: z.number().int().describe('Answers written (or that would be)'),
  participantsCreated: z.number().int(),
  mapping: z.object({
    participantColumn: z.string(),
    participantKey: z.enum(['pseudonym', 'email']),
    columns: z.record(z.string(), z.string()),
  }),
});
export type WaveImportResult = z.infer<typeof waveImportResultSchema>;

export const exportQuery = z.strictObject({
  participantIds: z
    .string()
    .max(20000)
    .optional()
    .describe('Comma-separated participant ids; any of them not exportable → 409'),
});

export const exportLogSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      part: z.string().describe('answers, wide, codebook, segments or all (the CLI)'),
      channel: z.enum(exportChannels),
      participantCount: z.number().int(),
      excludedCount: z.number().int(),
      rowCount: z.number().int(),
      userName: z.string().nullable(),
      createdAt: isoDateTime,
    }),
  ),
});

export const fileResponse = (what: string, type: string) => ({
  description: what,
  content: { [type.split(';')[0]!]: { schema: z.string() } },
});
