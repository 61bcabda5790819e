import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.tsx';
import { CommitmentsTable } from './commitments-table.tsx';
import { groupCommitmentsQuery } from './data.ts';

/**
 * The commitments (toezeggingen) to an initiative or an alliance, on its page: only those the
 * viewer may see (coordinators, the initiative's carriers, the alliance's members); nothing
 * otherwise. Coordinators (`canRecord`) get a link to record one for an initiative.
 */
export function GroupCommitments({
  slug,
  type,
  id,
  canRecord = false,
}: {
  slug: string;
  type: 'initiative' | 'alliance';
  id: string;
  canRecord?: boolean;
}) {
  const { t } = useTranslation();
  const { data } = useQuery(groupCommitmentsQuery(slug, type, id));
  const record = canRecord && type === 'initiative';
  if (!data || (data.items.length === 0 && !record)) return null;
  const headingId = `${type}-commitments`;
  return (
    <section aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {t(`support.commitment.groupTitle.${type}`)}
      </h2>
      {record ? (
        <p className="utrecht-paragraph">
          <ButtonLink
            to="/w/$slug/steun/toezeggingen/nieuw"
            params={{ slug }}
            search={{ initiativeId: id }}
          >
            {t('support.commitment.new')}
          </ButtonLink>
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('support.commitment.groupEmpty')}</p>
      ) : (
        <CommitmentsTable
          slug={slug}
          caption={t(`support.commitment.groupCaption.${type}`)}
          items={data.items}
        />
      )}
    </section>
  );
}
