// In-app notifications (meldingen): a small inbox per user and workspace. The server stores a
// kind and its structured parameters; the web app renders the text from them through i18n, so a
// notification follows the interface language rather than the language it was written in.

/**
 * commitment_ending: a support commitment (toezegging) ends within 90 or 30 days (issue 6); the
 * same reminder as the email of `support-reminders`.
 * overlap_signal_new: an overlap signal (issue 5) names one of the recipient's carriers or a pair
 * a coordinator follows; overlap_signal_changed: such a signal moved in its lifecycle;
 * overlap_signals_detected: one detection run found many new (or reopened) signals — coordinators
 * get this one summary instead of one notification per signal.
 */
export const notificationKinds = [
  'commitment_ending',
  'overlap_signal_new',
  'overlap_signal_changed',
  'overlap_signals_detected',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface NotificationsTable {
  id: string;
  workspace_id: string;
  /** The recipient; a user only ever sees their own. */
  user_id: string;
  kind: NotificationKind;
  /** A JSON object of the kind's parameters (names, dates, ids), rendered by the web app. */
  params: string;
  /** The page it is about, a path of the web app (`/w/<slug>/…`), never an absolute URL. */
  link: string;
  created_at: string;
  /** null: unread. */
  read_at: string | null;
}

export interface NotificationTables {
  notifications: NotificationsTable;
}
