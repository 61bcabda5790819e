import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { exactActive, TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePerMonth, usePeriod } from './amount.ts';
import type { Need, Offer } from './types.ts';

const navLink = 'utrecht-link utrecht-link--html-a';

/** Links between the three support lists; the current one is marked with aria-current. */
export function SupportNav({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('support.nav')}>
      <ul className="wd-inline-list">
        <li>
          <Link
            to="/w/$slug/steun"
            params={{ slug }}
            className={navLink}
            activeOptions={exactActive}
          >
            {t('support.offers.title')}
          </Link>
        </li>
        <li>
          <Link
            to="/w/$slug/steun/hulpvragen"
            params={{ slug }}
            className={navLink}
            activeOptions={exactActive}
          >
            {t('support.needs.title')}
          </Link>
        </li>
        <li>
          <Link
            to="/w/$slug/steun/toezeggingen"
            params={{ slug }}
            className={navLink}
            activeOptions={exactActive}
          >
            {t('support.commitments.title')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

export function OffersTable({ slug, items }: { slug: string; items: Offer[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const perMonth = usePerMonth();
  const period = usePeriod();
  return (
    <Table caption={t('support.offers.caption')}>
      <TableHead
        columns={[
          t('support.columns.offer'),
          t('support.offer.provider'),
          t('support.columns.type'),
          t('support.offer.capacity'),
          t('support.columns.period'),
        ]}
      />
      <tbody className="utrecht-table__body">
        {items.map((o) => (
          <tr key={o.id} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">
              <TextLink to="/w/$slug/steun/aanbod/$offerId" params={{ slug, offerId: o.id }}>
                {o.title}
              </TextLink>
            </th>
            <td className="utrecht-table__cell">{o.providerName}</td>
            <td className="utrecht-table__cell">{t(`support.type.${o.type}`)}</td>
            <td className="utrecht-table__cell">{perMonth(o.capacityPerMonth, o.unit)}</td>
            <td className="utrecht-table__cell">{period(format, o.startDate, o.endDate)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function NeedsTable({ slug, items }: { slug: string; items: Need[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const perMonth = usePerMonth();
  const period = usePeriod();
  return (
    <Table caption={t('support.needs.caption')}>
      <TableHead
        columns={[
          t('support.need.requester'),
          t('support.columns.type'),
          t('support.columns.amount'),
          t('support.columns.period'),
          t('support.need.urgency'),
          t('support.columns.status'),
        ]}
      />
      <tbody className="utrecht-table__body">
        {items.map((n) => (
          <tr key={n.id} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">
              <TextLink to="/w/$slug/steun/hulpvragen/$needId" params={{ slug, needId: n.id }}>
                {t('support.needs.linkName', {
                  name: n.requesterName,
                  type: t(`support.type.${n.type}`),
                })}
              </TextLink>
            </th>
            <td className="utrecht-table__cell">{t(`support.type.${n.type}`)}</td>
            <td className="utrecht-table__cell">{perMonth(n.amountPerMonth, n.unit)}</td>
            <td className="utrecht-table__cell">{period(format, n.startDate, n.endDate)}</td>
            <td className="utrecht-table__cell">{t(`support.urgency.${n.urgency}`)}</td>
            <td className="utrecht-table__cell">{t(`support.needStatus.${n.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
