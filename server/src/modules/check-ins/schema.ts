import { z } from 'zod';
import { checkInIntervals, languages } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { email, isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';
import { dateOut, isoDate, nullableDateOut } from '../activities/schema.ts';

// Check-ins of carriers ("behapbaar en betekenisvol"). Shape and format are checked here; score
// ranges, dates and who the caller is (a carrier, sharing with a member) by the service, so one
// 400 lists every such error at once.

/** How far back a check-in may be dated; aggregates publish only periods no check-in can reach. */
export const BACKDATE_DAYS = 30;

/** Whole numbers only; the service checks the range 1–5 so all errors come at once. */
const score = (what: string) =>
  z.number().int().meta({ minimum: 1, maximum: 5 }).describe(`${what}, a whole number 1–5`);
const freeText = (max: number) => z.string().trim().max(max);

export const checkInParams = workspaceParams.extend({ checkInId: uuid.describe('Check-in id') });
export const shareParams = workspaceParams.extend({
  userId: uuid.describe('The member the check-ins are shared with'),
});

export const checkInCreateBody = z.strictObject({
  date: isoDate.describe(
    `The day it is about, YYYY-MM-DD: today or up to ${BACKDATE_DAYS} days ago`,
  ),
  workload: score('Workload (1 light – 5 too heavy)'),
  energy: score('Energy (1 empty – 5 full of energy)'),
  supportFelt: score('Support felt (1 none – 5 well supported)'),
  developmentWishes: freeText(2000)
    .nullable()
    .optional()
    .describe('What the carrier would like to learn or develop'),
  note: freeText(4000)
    .nullable()
    .optional()
    .describe('Free text; seen only by the carrier and whom they share with'),
});

export const checkInSchema = z.object({
  id: z.string(),
  date: dateOut,
  workload: z.number().int(),
  energy: z.number().int(),
  supportFelt: z.number().int(),
  developmentWishes: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoDateTime,
});

export const sharedCheckInSchema = checkInSchema.extend({
  ownerUserId: z.string().describe('The carrier’s account, who shared it'),
  carrierName: z.string().describe('The carrier’s name'),
});

export const sharedListQuery = pageQuery.extend({
  ownerUserId: uuid.optional().describe('Only the check-ins of this carrier’s account'),
});

const interval = z
  .enum(checkInIntervals)
  .describe('none (no reminders), weekly, biweekly (every two weeks), monthly or quarterly');

export const settingsBody = z.strictObject({
  reminderInterval: interval,
  language: z.enum(languages).describe('Language of the reminder emails (nl or en)'),
});

export const settingsSchema = z.object({
  reminderInterval: interval,
  language: z.enum(languages),
  lastCheckInOn: nullableDateOut.describe('The date of the latest check-in; null when none'),
  nextReminderOn: nullableDateOut.describe('When the next reminder is due; null without reminders'),
});

export const shareBody = z.strictObject({
  email: email.describe('The email address of the member to share with'),
});

export const shareSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  sharedAt: isoDateTime,
});

export const sharesSchema = z.object({ items: z.array(shareSchema) });

export const periodKinds = ['month', 'quarter', 'year'] as const;

export const aggregatesQuery = z.strictObject({
  period: z
    .enum(periodKinds)
    .default('month')
    .describe('Calendar month (default), quarter or year of the check-in date'),
});

const measure = z.object({
  mean: z.number().nullable().describe('Mean score of the carriers; null when suppressed'),
  distribution: z
    .array(z.number().int())
    .nullable()
    .describe('Carriers per score 1–5; null unless every chosen score has at least 5 carriers'),
  distributionSuppressed: z.boolean(),
});

export const aggregatesSchema = z.object({
  threshold: z.number().int().describe('Periods with fewer carriers are suppressed whole'),
  period: z.enum(periodKinds),
  publishedThrough: dateOut.describe(
    'Only periods ending on or before this day are shown: no check-in can still be filed in them',
  ),
  periods: z.array(
    z.object({
      period: z.string().describe('2026-03, 2026-Q1 or 2026'),
      suppressed: z.boolean().describe('Fewer than 5 carriers checked in'),
      carriers: z.number().int().nullable().describe('Carriers who checked in (each counts once)'),
      measures: z.object({ workload: measure, energy: measure, supportFelt: measure }),
    }),
  ),
});

export type CheckInCreate = z.infer<typeof checkInCreateBody>;
export type CheckInOut = z.infer<typeof checkInSchema>;
export type SharedCheckInOut = z.infer<typeof sharedCheckInSchema>;
export type SettingsBody = z.infer<typeof settingsBody>;
export type SettingsOut = z.infer<typeof settingsSchema>;
export type ShareOut = z.infer<typeof shareSchema>;
export type Aggregates = z.infer<typeof aggregatesSchema>;
export type PeriodKindQuery = (typeof periodKinds)[number];
