import { z } from 'zod';
import { surveyFrequencies, surveyResources, surveyStatuses } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { email, uuid, workspaceParams } from '../../http/route-schema.ts';
import { dateOut, isoDate, text } from '../activities/schema.ts';
import { tieIntensity } from '../ties/schema.ts';

// Network survey rounds (netwerkmetingen, issue 4, item 2). Shape and format are checked here;
// dates, members and the round's state by the service, so one 400 lists every such error.

export const roundParams = workspaceParams.extend({ roundId: uuid.describe('Survey round id') });

export const roundCreateBody = z.strictObject({
  title: text(200).describe('Title shown to respondents'),
  intro: z.string().trim().max(4000).default('').describe('Introduction shown above the questions'),
  opensOn: isoDate.describe('First day answers are taken, YYYY-MM-DD'),
  closesOn: isoDate.describe('Last day answers are taken, YYYY-MM-DD; links expire after it'),
  reminderDays: z
    .number()
    .int()
    .meta({ minimum: 1, maximum: 90 })
    .default(7)
    .describe('Days after opening when members who have not submitted get one reminder'),
  areaId: uuid.optional().describe('Add every actor working in this area or one of its sub-areas'),
  members: z
    .array(
      z.strictObject({
        actorId: uuid.describe('An actor of the workspace'),
        email: email.optional().describe('Where the link goes (default: the linked account’s)'),
      }),
    )
    .max(2000)
    .default([])
    .describe('Members chosen by hand (with an area, both are taken)'),
});

export const roundListQuery = pageQuery.extend({
  status: z.enum(surveyStatuses).optional().describe('Only rounds with this status'),
});

const counts = {
  invited: z.number().int().describe('Members (each gets a link when the round opens)'),
  started: z.number().int().describe('Members who opened their link at least once'),
  submitted: z.number().int().describe('Members who submitted'),
  responseRate: z.number().nullable().describe('submitted / invited, 0–1; null without members'),
};

export const roundSchema = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  opensOn: dateOut,
  closesOn: dateOut,
  reminderDays: z.number().int(),
  status: z.enum(surveyStatuses),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  snapshotOn: z.string().nullable().meta({ format: 'date' }).describe('Day of the frozen ties'),
  createdAt: z.string(),
  ...counts,
});

export const memberSchema = z.object({
  actorId: z.string(),
  name: z.string(),
  progress: z
    .enum(['not_invited', 'invited', 'started', 'submitted'])
    .describe('Where the member is; never what they answered'),
  remindedAt: z.string().nullable(),
});

export const roundDetailSchema = roundSchema.extend({ members: z.array(memberSchema) });

export const remindResultSchema = z.object({
  reminded: z.number().int().describe('Reminders queued now (members who have not submitted)'),
});

export type RoundCreate = z.infer<typeof roundCreateBody>;
export type RoundListQuery = z.infer<typeof roundListQuery>;
export type Round = z.infer<typeof roundSchema>;
export type RoundDetail = z.infer<typeof roundDetailSchema>;

// ---- The questionnaire (public; the token authenticates) ----

export const token = z
  .string()
  .min(10)
  .max(200)
  .describe('Token from the survey email (travels in the body, never in a URL)');

const rating = (what: string) =>
  z.number().int().meta({ minimum: 1, maximum: 4 }).nullable().optional().describe(`${what}, 1–4`);

export const ratingItems = [
  'reliability',
  'mission',
  'openness',
  'power',
  'involvement',
  'resources',
] as const;

export const answerFields = {
  chosen: z.boolean().describe('true: the respondent works with this member'),
  frequency: z.enum(surveyFrequencies).nullable().optional().describe('How often'),
  intensity: tieIntensity.nullable().optional(),
  reliability: rating('Trust: reliability'),
  mission: rating('Trust: support of the shared mission'),
  openness: rating('Trust: openness to discussion'),
  power: rating('Value: power/influence'),
  involvement: rating('Value: level of involvement'),
  resources: rating('Value: resources contributed'),
  brings: z
    .array(z.enum(surveyResources))
    .max(surveyResources.length)
    .default([])
    .describe('What the member brings: money, space, staff, expertise, network, data, other'),
};

export const tokenBody = z.strictObject({ token });
export const answerParams = z.strictObject({ alterId: uuid.describe('The other member') });
export const answerBody = z.strictObject({ token, ...answerFields });

export const answerSchema = z.object({
  alterId: z.string(),
  chosen: z.boolean(),
  frequency: z.enum(surveyFrequencies).nullable(),
  intensity: tieIntensity.nullable(),
  reliability: z.number().nullable(),
  mission: z.number().nullable(),
  openness: z.number().nullable(),
  power: z.number().nullable(),
  involvement: z.number().nullable(),
  resources: z.number().nullable(),
  brings: z.array(z.enum(surveyResources)),
  updatedAt: z.string(),
});

export const questionnaireSchema = z.object({
  round: z.object({
    title: z.string(),
    intro: z.string(),
    closesOn: dateOut,
    workspaceName: z.string(),
  }),
  respondent: z.object({ actorId: z.string(), name: z.string() }),
  alters: z.array(z.object({ actorId: z.string(), name: z.string() })),
  answers: z.array(answerSchema),
  submittedAt: z.string().nullable(),
});

export const submittedSchema = z.object({ submittedAt: z.string() });

export type AnswerInput = z.infer<typeof answerBody>;
export type Answer = z.infer<typeof answerSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
