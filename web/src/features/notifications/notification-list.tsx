import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { useFormat } from '../../lib/format.ts';
import { safeRedirect } from '../../lib/redirect.ts';
import '../../styles/notifications.css';
import { useDates } from '../actors/dates.ts';
import { useReadNotification } from './data.ts';
import type { Notification } from './types.ts';

const str = (value: string | number | undefined) => (value === undefined ? '' : String(value));

const signalStates = [
  'open',
  'seen',
  'in_dialogue',
  'alliance_formed',
  'resolved',
  'dismissed',
] as const;

/** A signal state's label; an unknown value (a newer server) is shown as sent. */
function stateLabel(t: TFunction, value: string | number | undefined): string {
  const state = signalStates.find((s) => s === value);
  return state ? t(`signals.state.${state}`) : str(value);
}

/** The title and text of a notification in the active language, from its kind and params. */
function render(
  n: Notification,
  t: TFunction,
  date: (iso: string) => string,
): { title: string; text: string } {
  switch (n.kind) {
    case 'commitment_ending':
      return {
        title: t('notifications.kinds.commitment_ending.title', { title: str(n.params.title) }),
        text: t('notifications.kinds.commitment_ending.text', {
          recipient: str(n.params.recipientName),
          date: date(str(n.params.endDate)),
          days: str(n.params.days),
        }),
      };
    case 'overlap_signal_new':
      return {
        title: t('notifications.kinds.overlap_signal_new.title'),
        text: t('notifications.kinds.overlap_signal_new.text', { score: str(n.params.score) }),
      };
    case 'overlap_signal_changed':
      return {
        title: t('notifications.kinds.overlap_signal_changed.title', {
          state: stateLabel(t, n.params.state),
        }),
        text: t('notifications.kinds.overlap_signal_changed.text', {
          from: stateLabel(t, n.params.fromState),
          state: stateLabel(t, n.params.state),
        }),
      };
    case 'overlap_signals_detected':
      return {
        title: t('notifications.kinds.overlap_signals_detected.title', {
          count: Number(n.params.count ?? 0),
        }),
        text: t('notifications.kinds.overlap_signals_detected.text', {
          count: Number(n.params.count ?? 0),
        }),
      };
    default:
      return {
        title: t('notifications.kinds.other.title'),
        text: t('notifications.kinds.other.text'),
      };
  }
}

/** The inbox: each notification links to its page and is marked read when opened. */
export function NotificationList({ slug, items }: { slug: string; items: Notification[] }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { date } = useDates();
  const read = useReadNotification(slug);
  return (
    <ul className="wd-notifications">
      {items.map((n) => {
        const { title, text } = render(n, t, date);
        const unread = n.readAt === null;
        // Links come from the server; only a path of this site is followed.
        const target = safeRedirect(n.link) ?? `/w/${slug}/meldingen`;
        return (
          <li key={n.id} className={`wd-notification${unread ? ' wd-notification--unread' : ''}`}>
            <p className="utrecht-paragraph wd-notification__title">
              <TextLink to={target} onClick={unread ? () => read.mutate(n.id) : undefined}>
                {title}
              </TextLink>
              {unread ? (
                <span className="wd-notification__status">{t('notifications.unread')}</span>
              ) : null}
            </p>
            <p className="utrecht-paragraph wd-notification__text">{text}</p>
            <p className="utrecht-paragraph wd-notification__meta">
              {t('notifications.received', { date: dateTime(n.createdAt) })}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
