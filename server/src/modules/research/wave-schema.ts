import { z } from 'zod';
import { itemKinds, waveSources, waveStatuses } from '../../db/research-wave-types.ts';
import { isoDateTime, language, uuid } from '../../http/route-schema.ts';
import { dateOut, isoDate, text } from '../activities/schema.ts';
import { studyParams } from './schema.ts';

// Waves (meetgolven), their questionnaire items, invitations and the public questionnaire behind
// an emailed link. Shapes are checked here; item options, answer values and states by the
// services (item-rules.ts), so one 400 lists every such error.

export const waveParams = studyParams.extend({ waveId: uuid.describe('Wave id') });
export const itemParams = waveParams.extend({ itemId: uuid.describe('Item id') });

const description = z.string().trim().max(5000).nullable().optional();

export const waveCreateBody = z.strictObject({
  title: text(200),
  description,
  startsOn: isoDate.describe('First day of the wave, YYYY-MM-DD'),
  endsOn: isoDate.nullable().optional().describe('Last day of the wave, YYYY-MM-DD'),
  source: z
    .enum(waveSources)
    .optional()
    .describe(
      'platform (default): run here with emailed links; import: an earlier wave from a file',
    ),
});
export const waveUpdateBody = z.strictObject({
  title: text(200).optional(),
  description,
  startsOn: isoDate.optional(),
  endsOn: isoDate.nullable().optional(),
});

export const waveSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.enum(waveStatuses).describe('draft → open → closed'),
  source: z.enum(waveSources),
  startsOn: dateOut,
  endsOn: dateOut.nullable(),
  itemCount: z.number().int(),
  invitedCount: z.number().int(),
  startedCount: z.number().int(),
  submittedCount: z.number().int(),
  respondentCount: z.number().int().describe('Participants with at least one answer, any source'),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export const waveListSchema = z.object({ items: z.array(waveSchema) });

const label = z.string().trim().min(1).max(200);
const choice = z.strictObject({
  value: z.string().max(40).describe('What exports carry: ^[A-Za-z0-9_-]{1,40}$'),
  labelNl: label,
  labelEn: label.optional(),
});
export const itemOptionsSchema = z
  .strictObject({
    points: z.number().optional().describe('likert: 2–11'),
    anchorsNl: z.tuple([label, label]).optional().describe('likert: lowest and highest label'),
    anchorsEn: z.tuple([label, label]).optional(),
    choices: z.array(choice).max(30).optional().describe('single/multiple: 2–30 choices'),
    min: z.number().optional().describe('number'),
    max: z.number().optional().describe('number'),
    integer: z.boolean().optional().describe('number: whole numbers only'),
    maxLength: z.number().optional().describe('text: up to 10000, default 5000'),
    maxNames: z.number().optional().describe('network: 1–50, default 10'),
  })
  .describe('By kind; keys of other kinds are dropped');

const prompt = z.string().trim().min(1).max(2000);
const help = z.string().trim().max(2000).nullable().optional();
const itemFields = {
  code: z.string().describe('R/SPSS variable name ^[a-z][a-z0-9_]{0,39}$, unique in the wave'),
  kind: z.enum(itemKinds),
  promptNl: prompt,
  promptEn: prompt.nullable().optional(),
  helpNl: help,
  helpEn: help,
  required: z.boolean().optional().describe('false by default'),
  options: itemOptionsSchema.optional(),
};
export const itemCreateBody = z.strictObject(itemFields);
export const itemUpdateBody = z.strictObject({
  code: itemFields.code.optional(),
  kind: itemFields.kind.optional(),
  promptNl: prompt.optional(),
  promptEn: itemFields.promptEn,
  helpNl: help,
  helpEn: help,
  required: z.boolean().optional(),
  options: itemOptionsSchema.optional(),
});

const optionsOut = z.object({
  points: z.number().optional(),
  anchorsNl: z.tuple([z.string(), z.string()]).optional(),
  anchorsEn: z.tuple([z.string(), z.string()]).optional(),
  choices: z
    .array(z.object({ value: z.string(), labelNl: z.string(), labelEn: z.string().optional() }))
    .optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  maxLength: z.number().optional(),
  maxNames: z.number().optional(),
});
export const itemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  code: z.string(),
  kind: z.enum(itemKinds),
  promptNl: z.string(),
  promptEn: z.string().nullable(),
  helpNl: z.string().nullable(),
  helpEn: z.string().nullable(),
  required: z.boolean(),
  options: optionsOut,
});
export const itemListSchema = z.object({ items: z.array(itemSchema) });
export const waveDetailSchema = waveSchema.extend({ items: z.array(itemSchema) });

export const itemOrderBody = z.strictObject({
  itemIds: z.array(uuid).max(500).describe('Every item of the wave, in the new order'),
});
export const copyItemsBody = z.strictObject({
  fromWaveId: uuid.describe('A wave of the same study whose items are copied (same codes)'),
});

// ---- Invitations ----

const invitationStatuses = ['pending', 'started', 'submitted', 'expired', 'revoked'] as const;
export const invitationSchema = z.object({
  id: z.string(),
  participantId: z.string(),
  pseudonym: z.string(),
  status: z.enum(invitationStatuses),
  sentAt: isoDateTime.nullable(),
  remindedAt: isoDateTime.nullable(),
  startedAt: isoDateTime.nullable(),
  submittedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime,
});
export const invitationListSchema = z.object({
  items: z.array(invitationSchema),
  summary: z.object({
    invited: z.number().int(),
    started: z.number().int(),
    submitted: z.number().int(),
    responseRate: z.number().describe('submitted / invited, 0–1 (0 without invitations)'),
  }),
});
export const inviteBody = z.strictObject({
  participantIds: z
    .array(uuid)
    .max(5000)
    .optional()
    .describe('Participants to invite (default: every participant of the study)'),
  expiresInDays: z.number().int().min(1).max(90).optional().describe('1–90, default 30'),
  language: language.optional().describe('Language the questionnaire opens in (default nl)'),
});
export const skipReasons = ['no_consent', 'no_recontact', 'no_email', 'already_invited'] as const;
export const inviteResultSchema = z.object({
  created: z.number().int(),
  skipped: z.array(
    z.object({ participantId: z.string(), pseudonym: z.string(), reason: z.enum(skipReasons) }),
  ),
});
export const remindResultSchema = z.object({ reminded: z.number().int() });

// ---- The public questionnaire (the token authenticates) ----

export const token = z.string().min(16).max(200).describe('The token from the emailed link');
export const tokenBody = z.strictObject({ token });
export const answerValue = z
  .union([z.number(), z.string().max(20000), z.array(z.string().max(100)).max(100), z.null()])
  .describe(
    'likert: 1..points; single: a choice value; multiple: choice values; number; text; network: actor ids; null clears',
  );
export const answerBody = z.strictObject({ token, value: answerValue });
export const answerParams = z.strictObject({ itemId: uuid.describe('Item id') });

export const questionnaireSchema = z.object({
  study: z.object({ title: z.string() }),
  wave: z.object({ title: z.string(), endsOn: dateOut.nullable() }),
  language,
  expiresAt: isoDateTime,
  items: z.array(
    itemSchema.extend({
      candidates: z
        .array(z.object({ id: z.string(), name: z.string() }))
        .optional()
        .describe('network items: the actors to choose from, by name'),
    }),
  ),
  answers: z.record(z.string(), answerValue),
  submittedAt: z.null(),
});
export const savedSchema = z.object({ itemId: z.string(), savedAt: isoDateTime });
export const submittedSchema = z.object({ submittedAt: isoDateTime });

export type WaveCreate = z.infer<typeof waveCreateBody>;
export type WaveUpdate = z.infer<typeof waveUpdateBody>;
export type WaveOut = z.infer<typeof waveSchema>;
export type WaveDetail = z.infer<typeof waveDetailSchema>;
export type ItemCreate = z.infer<typeof itemCreateBody>;
export type ItemUpdate = z.infer<typeof itemUpdateBody>;
export type ItemOut = z.infer<typeof itemSchema>;
export type InviteInput = z.infer<typeof inviteBody>;
export type InviteResult = z.infer<typeof inviteResultSchema>;
export type InvitationList = z.infer<typeof invitationListSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type SkipReason = (typeof skipReasons)[number];
