import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/form-fields.tsx';
import { TextLink } from '../../components/links.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useDates } from '../actors/dates.ts';
import { InlineList } from '../actors/facts.tsx';
import { initiativesQuery } from './data.ts';
import { statusBadgeClass, statusLabel, statusOptions } from './labels.ts';
import { includes } from '../actors/types.ts';
import { initiativeStatuses, type Initiative, type InitiativeStatus } from './types.ts';
import '../../styles/activities.css';

/** The carriers of a list row, as the list answer names them (those the viewer may see). */
function Carriers({ slug, initiative }: { slug: string; initiative: Initiative }) {
  const { t } = useTranslation();
  return (
    <InlineList
      none={t('activities.none')}
      items={(initiative.carriers ?? []).map((c) => (
        <TextLink
          key={c.actorId}
          to="/w/$slug/actoren/$actorId"
          params={{ slug, actorId: c.actorId }}
        >
          {c.name}
        </TextLink>
      ))}
    />
  );
}

function StatusFilter({ slug, status }: { slug: string; status: InitiativeStatus | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [choice, setChoice] = useState<string>(status ?? '');
  return (
    <form
      className="wd-row-form wd-filter-form"
      aria-label={t('activities.initiatives.filterLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        void navigate({
          to: '/w/$slug/initiatieven',
          params: { slug },
          search: includes(initiativeStatuses, choice) ? { status: choice } : {},
        });
      }}
    >
      <SelectField
        spec={{ id: 'initiatives-status', label: t('activities.initiatives.fields.status') }}
        options={[
          { value: '', label: t('activities.initiatives.allStatuses') },
          ...statusOptions(t),
        ]}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
      />
      <Button type="submit" variant="secondary">
        {t('activities.initiatives.filter')}
      </Button>
    </form>
  );
}

export function InitiativesList(props: {
  slug: string;
  page: number;
  status: InitiativeStatus | undefined;
}) {
  const { slug, page, status } = props;
  const { t } = useTranslation();
  const dates = useDates();
  const { data } = useSuspenseQuery(initiativesQuery(slug, page, status));
  const caption = status
    ? t('activities.initiatives.captionStatus', {
        count: data.total,
        status: statusLabel(status, t),
      })
    : t('activities.initiatives.caption', { count: data.total });
  return (
    <>
      <StatusFilter key={status ?? ''} slug={slug} status={status} />
      <p className="utrecht-paragraph" role="status">
        {caption}
      </p>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">
          {page > 1 ? (
            <TextLink to="/w/$slug/initiatieven" params={{ slug }} search={{ status }}>
              {t('pagination.first')}
            </TextLink>
          ) : (
            t('activities.initiatives.empty')
          )}
        </p>
      ) : (
        <Table caption={caption} captionHidden>
          <TableHead
            columns={[
              t('activities.initiatives.fields.name'),
              t('activities.initiatives.fields.status'),
              t('activities.fields.period'),
              t('activities.initiatives.carriers'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.items.map((initiative) => (
              <tr key={initiative.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <TextLink
                    to="/w/$slug/initiatieven/$initiativeId"
                    params={{ slug, initiativeId: initiative.id }}
                  >
                    {initiative.name}
                  </TextLink>
                </th>
                <td className="utrecht-table__cell">
                  <span className={statusBadgeClass[initiative.status]}>
                    {statusLabel(initiative.status, t)}
                  </span>
                </td>
                <td className="utrecht-table__cell">
                  {dates.period(initiative.startDate, initiative.endDate) ??
                    t('activities.notRecorded')}
                </td>
                <td className="utrecht-table__cell">
                  <Carriers slug={slug} initiative={initiative} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, linkProps) => (
          <Link
            to="/w/$slug/initiatieven"
            params={{ slug }}
            search={{ status, page: target }}
            {...linkProps}
          />
        )}
      />
    </>
  );
}
