import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Pagination } from '../../components/pagination.tsx';
import { CheckInTable } from './check-in-table.tsx';
import { sharedCheckInsQuery } from './data.ts';
import type { SharedCheckIn } from './types.ts';

/** Groups check-ins (newest first) by the carrier who shared them, keeping that order. */
function byCarrier(items: readonly SharedCheckIn[]) {
  const groups = new Map<string, { name: string; items: SharedCheckIn[] }>();
  for (const item of items) {
    const group = groups.get(item.ownerUserId) ?? { name: item.carrierName, items: [] };
    group.items.push(item);
    groups.set(item.ownerUserId, group);
  }
  return [...groups.entries()];
}

/** What carriers share with the viewer: per carrier a table of their check-ins. */
export function SharedCheckIns({ slug, page }: { slug: string; page: number }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(sharedCheckInsQuery(slug, page));
  if (data.items.length === 0)
    return <p className="utrecht-paragraph">{t('checkIns.shared.empty')}</p>;
  return (
    <>
      {byCarrier(data.items).map(([owner, group]) => (
        <section key={owner} aria-labelledby={`shared-${owner}`} className="wd-section">
          <h2 className="utrecht-heading-2" id={`shared-${owner}`}>
            {group.name}
          </h2>
          <CheckInTable
            items={group.items}
            caption={t('checkIns.shared.caption', { name: group.name })}
            captionHidden
          />
        </section>
      ))}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, props) => (
          <Link
            to="/w/$slug/check-in/gedeeld"
            params={{ slug }}
            search={{ page: target }}
            {...props}
          />
        )}
      />
    </>
  );
}
