import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.tsx';
import { useFormat } from '../../lib/format.ts';
import { Fact, Facts, InlineList, useNames, WhereFacts } from '../actors/facts.tsx';
import { areasQuery } from '../actors/reference.ts';
import { usePerMonth, usePeriod } from './amount.ts';
import { needQuery, offerQuery } from './data.ts';
import { MatchesSection } from './matches-section.tsx';
import { SuggestionList } from './suggestions.tsx';

/** An offer: its terms, the open needs that fit it (for its editors) and its matches. */
export function OfferView({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const perMonth = usePerMonth();
  const period = usePeriod();
  const { data: offer } = useSuspenseQuery(offerQuery(slug, id));
  return (
    <>
      {offer.canEdit ? (
        <p className="utrecht-paragraph">
          <ButtonLink to="/w/$slug/steun/aanbod/$offerId/bewerken" params={{ slug, offerId: id }}>
            {t('support.offer.edit')}
          </ButtonLink>
        </p>
      ) : null}
      <Facts>
        <Fact label={t('support.offer.provider')}>{offer.providerName}</Fact>
        <Fact label={t('support.columns.type')}>{t(`support.type.${offer.type}`)}</Fact>
        <Fact label={t('support.offer.capacity')}>
          {perMonth(offer.capacityPerMonth, offer.unit)}
        </Fact>
        <Fact label={t('support.columns.period')}>
          {period(format, offer.startDate, offer.endDate)}
        </Fact>
        <Fact label={t('support.offer.conditions')} multiline>
          {offer.conditions}
        </Fact>
        <Fact label={t('support.offer.personsEligible')}>
          {offer.personsEligible ? t('support.yes') : t('support.no')}
        </Fact>
        <Fact label={t('support.fields.visibility')}>
          {t(`support.visibility.${offer.visibility}`)}
        </Fact>
      </Facts>
      <WhereFacts
        slug={slug}
        areaIds={offer.areaIds}
        domainIds={offer.domainIds}
        targetGroupIds={offer.targetGroupIds}
      />
      {offer.canEdit ? <SuggestionList slug={slug} of={{ kind: 'offer', offer }} /> : null}
      <MatchesSection slug={slug} filter={{ offerId: id }} />
    </>
  );
}

/** A need: what is asked, the offers that fit (best first, with reasons) and its matches. */
export function NeedView({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const perMonth = usePerMonth();
  const period = usePeriod();
  const { data: need } = useSuspenseQuery(needQuery(slug, id));
  const { data: areas } = useSuspenseQuery(areasQuery(slug));
  const area = areas.find((a) => a.id === need.areaId);
  const names = useNames(slug);
  return (
    <>
      {need.canEdit ? (
        <p className="utrecht-paragraph">
          <ButtonLink to="/w/$slug/steun/hulpvragen/$needId/bewerken" params={{ slug, needId: id }}>
            {t('support.need.edit')}
          </ButtonLink>
        </p>
      ) : null}
      <Facts>
        <Fact label={t('support.need.requester')}>{need.requesterName}</Fact>
        <Fact label={t('support.columns.type')}>{t(`support.type.${need.type}`)}</Fact>
        <Fact label={t('support.need.description')} multiline>
          {need.description}
        </Fact>
        <Fact label={t('support.columns.amount')}>{perMonth(need.amountPerMonth, need.unit)}</Fact>
        <Fact label={t('support.columns.period')}>
          {period(format, need.startDate, need.endDate)}
        </Fact>
        <Fact label={t('support.need.urgency')}>{t(`support.urgency.${need.urgency}`)}</Fact>
        <Fact label={t('support.need.area')}>{area?.name}</Fact>
        <Fact label={t('support.fields.domains')}>
          <InlineList none={t('actors.none')} items={names.terms(need.domainIds)} />
        </Fact>
        <Fact label={t('support.fields.targetGroups')}>
          <InlineList none={t('actors.none')} items={names.terms(need.targetGroupIds)} />
        </Fact>
        <Fact label={t('support.columns.status')}>{t(`support.needStatus.${need.status}`)}</Fact>
      </Facts>
      {need.canEdit && need.status === 'open' ? (
        <SuggestionList slug={slug} of={{ kind: 'need', need }} />
      ) : null}
      <MatchesSection slug={slug} filter={{ needId: id }} />
    </>
  );
}
