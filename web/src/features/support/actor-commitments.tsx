import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { CommitmentsTable } from './commitments-table.tsx';
import { commitmentsQuery } from './data.ts';

/** The support a carrier or organisation receives, on its page (only what the viewer may see). */
export function ActorCommitments({ slug, actorId }: { slug: string; actorId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(commitmentsQuery(slug, 1, actorId));
  if (!data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="actor-commitments">
      <h2 className="utrecht-heading-2" id="actor-commitments">
        {t('support.commitment.actorTitle')}
      </h2>
      <CommitmentsTable
        slug={slug}
        caption={t('support.commitment.actorCaption')}
        items={data.items}
      />
      {data.total > data.items.length ? (
        <p className="utrecht-paragraph">
          <TextLink to="/w/$slug/steun/toezeggingen" params={{ slug }}>
            {t('support.commitment.all')}
          </TextLink>
        </p>
      ) : null}
    </section>
  );
}
