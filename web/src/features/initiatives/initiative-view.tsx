import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useDates } from '../actors/dates.ts';
import { Fact, Facts, WhereFacts } from '../actors/facts.tsx';
import { kindLabel, visibilityLabel } from '../actors/labels.ts';
import { useHours } from '../activities/format.ts';
import { ButtonLink } from '../../components/links.tsx';
import { statusBadgeClass, statusLabel } from './labels.ts';
import type { InitiativeDetail, Participant, ParticipantRole } from './types.ts';
import '../../styles/activities.css';

/** Status, period, visibility and description. */
export function InitiativeFacts({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <Facts>
      <Fact label={t('activities.initiatives.fields.status')}>
        <span className={statusBadgeClass[initiative.status]}>
          {statusLabel(initiative.status, t)}
        </span>
      </Fact>
      <Fact label={t('activities.fields.period')}>
        {dates.period(initiative.startDate, initiative.endDate) ?? t('activities.notRecorded')}
      </Fact>
      <Fact label={t('actors.fields.visibility')}>{visibilityLabel(initiative.visibility, t)}</Fact>
      <Fact label={t('activities.fields.description')} multiline>
        {initiative.description}
      </Fact>
    </Facts>
  );
}

export function InitiativeWhere({
  slug,
  initiative,
}: {
  slug: string;
  initiative: InitiativeDetail;
}) {
  const { t } = useTranslation();
  return (
    <section className="wd-section" aria-labelledby="initiative-where-title">
      <h2 className="utrecht-heading-2" id="initiative-where-title">
        {t('actors.whereTitle')}
      </h2>
      <WhereFacts
        slug={slug}
        areaIds={initiative.areaIds}
        domainIds={initiative.domainIds}
        targetGroupIds={initiative.targetGroupIds}
      />
    </section>
  );
}

function ParticipantList(props: { slug: string; role: ParticipantRole; items: Participant[] }) {
  const { slug, role, items } = props;
  const { t } = useTranslation();
  const dates = useDates();
  const headingId = `initiative-${role}s-title`;
  return (
    <>
      <h3 className="utrecht-heading-3" id={headingId}>
        {role === 'carrier'
          ? t('activities.initiatives.carriers')
          : t('activities.initiatives.partners')}
      </h3>
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{t('activities.initiatives.noParticipants')}</p>
      ) : (
        <ul className="wd-plain-list" aria-labelledby={headingId}>
          {items.map((p) => {
            const period = dates.period(p.startDate, p.endDate);
            return (
              <li key={p.actorId} className="wd-plain-list__item">
                <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: p.actorId }}>
                  {p.name}
                </TextLink>
                {p.kind === 'organisation' ? (
                  <span className="wd-badge">{kindLabel(p.kind, t)}</span>
                ) : null}
                {period ? <span className="wd-cell-note">{period}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** Who carries it (dragers) and who helps (partners), each linked to their page. */
export function InitiativeParticipants(props: { slug: string; initiative: InitiativeDetail }) {
  const { slug, initiative } = props;
  const { t } = useTranslation();
  const of = (role: ParticipantRole) => initiative.participants.filter((p) => p.role === role);
  return (
    <section className="wd-section" aria-labelledby="initiative-participants-title">
      <h2 className="utrecht-heading-2" id="initiative-participants-title">
        {t('activities.initiatives.participantsTitle')}
      </h2>
      <ParticipantList slug={slug} role="carrier" items={of('carrier')} />
      <ParticipantList slug={slug} role="partner" items={of('partner')} />
    </section>
  );
}

/** The activities within the initiative: who does what, when, how much. */
export function InitiativeActivities(props: {
  slug: string;
  initiative: InitiativeDetail;
  canAdd: boolean;
}) {
  const { slug, initiative, canAdd } = props;
  const { t } = useTranslation();
  const dates = useDates();
  const hours = useHours();
  return (
    <section className="wd-section" aria-labelledby="initiative-activities-title">
      <h2 className="utrecht-heading-2" id="initiative-activities-title">
        {t('activities.listTitle')}
      </h2>
      {canAdd ? (
        <p className="utrecht-paragraph">
          <ButtonLink
            to="/w/$slug/activiteiten/nieuw"
            params={{ slug }}
            search={{ initiativeId: initiative.id }}
          >
            {t('activities.add')}
          </ButtonLink>
        </p>
      ) : null}
      {initiative.activities.length === 0 ? (
        <p className="utrecht-paragraph">{t('activities.listEmpty')}</p>
      ) : (
        <Table
          caption={t('activities.initiatives.activitiesCaption', { name: initiative.name })}
          captionHidden
        >
          <TableHead
            columns={[
              t('activities.fields.title'),
              t('activities.fields.actor'),
              t('activities.fields.period'),
              t('activities.fields.hoursPerWeek'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {initiative.activities.map((activity) => (
              <tr key={activity.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {activity.title}
                </th>
                <td className="utrecht-table__cell">
                  <TextLink
                    to="/w/$slug/actoren/$actorId"
                    params={{ slug, actorId: activity.actorId }}
                  >
                    {activity.actorName}
                  </TextLink>
                </td>
                <td className="utrecht-table__cell">
                  {dates.period(activity.startDate, activity.endDate)}
                </td>
                <td className="utrecht-table__cell">{hours(activity.hoursPerWeek)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
