/** The kinds of notification this web app renders (others get a generic text). */
export const notificationKinds = [
  'commitment_ending',
  'overlap_signal_new',
  'overlap_signal_changed',
  'overlap_signals_detected',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** An in-app notification (melding): a kind and its parameters, rendered through i18n. */
export interface Notification {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  /** A path of this site, e.g. `/w/demo/steun/toezeggingen/<id>`. */
  link: string;
  createdAt: string;
  readAt: string | null;
}
