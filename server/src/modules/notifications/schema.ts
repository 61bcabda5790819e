import { z } from 'zod';
import { notificationKinds } from '../../db/types.ts';
import { pageQuery } from '../../http/pagination.ts';
import { isoDateTime, uuid, workspaceParams } from '../../http/route-schema.ts';

// In-app notifications (meldingen) of the caller. The text is not stored: `kind` and `params`
// are, and clients render them in their own language.

export const notificationParams = workspaceParams.extend({
  notificationId: uuid.describe('Notification id'),
});

export const notificationListQuery = pageQuery.extend({
  unread: z.enum(['true', 'false']).optional().describe('true: only notifications not yet read'),
});

export const notificationSchema = z.object({
  id: z.string(),
  kind: z
    .enum(notificationKinds)
    .describe(
      'commitment_ending: a support commitment ends soon (params commitmentId, title of the offer, recipientName, endDate YYYY-MM-DD, days: the reminder’s threshold, 90 or 30); overlap_signal_new: a new overlap signal (params signalId, state, score in percent); overlap_signal_changed: an overlap signal changed state (params signalId, fromState, state, score in percent); overlap_signals_detected: one detection run found many new or reopened signals, a summary for coordinators (params count)',
    ),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .describe('What the text of the kind is made of (names, dates, ids)'),
  link: z
    .string()
    .describe('Path of the web page it is about, relative to the site (`/w/{slug}/…`)'),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable().describe('When the caller read it; null: unread'),
});

export const unreadCountSchema = z.object({
  unread: z.number().int().describe('How many of the caller’s notifications are unread'),
});

export const readAllSchema = z.object({
  read: z.number().int().describe('How many notifications this call marked read'),
});

export type NotificationListQuery = z.infer<typeof notificationListQuery>;
export type NotificationOut = z.infer<typeof notificationSchema>;
