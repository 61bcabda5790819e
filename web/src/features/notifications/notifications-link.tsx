import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import '../../styles/notifications.css';
import { unreadCountQuery } from './data.ts';

/**
 * "Meldingen" in the header, with the unread count. The count is part of the link's name
 * ("Meldingen, 2 ongelezen"), read when someone reaches the link; it is deliberately no live
 * region, so a changing count never interrupts a screen reader.
 */
export function NotificationsLink({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(unreadCountQuery(slug));
  const unread = data?.unread ?? 0;
  return (
    <TextLink to="/w/$slug/meldingen" params={{ slug }}>
      {unread > 0 ? (
        <>
          <span aria-hidden="true">
            {t('notifications.nav')}
            <span className="wd-count">{unread}</span>
          </span>
          <span className="wd-visually-hidden">
            {t('notifications.navUnread', { count: unread })}
          </span>
        </>
      ) : (
        t('notifications.nav')
      )}
    </TextLink>
  );
}
