import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { TextLink } from '../../components/links.tsx';
import { useFormat } from '../../lib/format.ts';
import { Fact, Facts } from '../actors/facts.tsx';
import { canCoordinate } from '../../lib/roles.ts';
import type { Role } from '../../api/types.ts';
import { usePerMonth, usePeriod } from './amount.ts';
import { commitmentQuery, durabilityQuery } from './data.ts';
import { DeliverySection } from './delivery-section.tsx';
import { EndForm, RenewForm } from './lifecycle-forms.tsx';
import { RecipientLink, useRecipientKind } from './recipient.tsx';

/** Days as "2 jaar en 40 dagen"-free plain text: whole days, with the years in brackets. */
function useDays() {
  const { t } = useTranslation();
  const format = useFormat();
  return (days: number) =>
    days >= 365
      ? t('support.durability.daysYears', {
          count: days,
          days: format.number(days),
          years: format.number(Math.round((days / 365) * 10) / 10),
        })
      : t('support.durability.days', { count: days, days: format.number(days) });
}

function DurabilityFacts({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const days = useDays();
  const { data } = useSuspenseQuery(durabilityQuery(slug, id));
  const share = data.continuity.share;
  return (
    <section aria-labelledby="durability-title">
      <h2 className="utrecht-heading-2" id="durability-title">
        {t('support.durability.title')}
      </h2>
      <p className="utrecht-paragraph">
        {t('support.durability.lead', { date: format.date(data.asOf) })}
      </p>
      <Facts>
        <Fact label={t('support.durability.commitments')}>{format.number(data.commitments)}</Fact>
        <Fact label={t('support.durability.supported')}>{days(data.totalSupportedDays)}</Fact>
        <Fact label={t('support.durability.longest')}>{days(data.longestContinuousDays)}</Fact>
        <Fact label={t('support.durability.renewals')}>{format.number(data.renewals)}</Fact>
        <Fact label={t('support.durability.continuity')}>
          {share === null
            ? t('support.durability.noEndedInitiatives')
            : t('support.durability.kept', {
                kept: data.continuity.kept,
                ended: data.continuity.ended,
                percent: format.number(Math.round(share * 100)),
              })}
        </Fact>
      </Facts>
    </section>
  );
}

/** Whole days from today (UTC) to an ISO date. */
const daysUntil = (iso: string) =>
  Math.round((Date.parse(iso) - Date.parse(new Date().toISOString().slice(0, 10))) / 86_400_000);

/** The in-app side of the 90- and 30-day reminders (the daily job mails both parties). */
function EndingNotice({ endDate, status }: { endDate: string | null; status: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!endDate || status !== 'active') return null;
  const days = daysUntil(endDate);
  if (days < 0 || days > 90) return null;
  return (
    <Alert type="warning">
      <p className="utrecht-paragraph">
        {t('support.commitment.endingSoon', { count: days, date: format.date(endDate) })}
      </p>
    </Alert>
  );
}

/** A commitment: who gives what to whom and until when, its durability, deliveries and next step. */
export function CommitmentView({ slug, id, role }: { slug: string; id: string; role: Role }) {
  const { t } = useTranslation();
  const format = useFormat();
  const perMonth = usePerMonth();
  const period = usePeriod();
  const recipientKind = useRecipientKind();
  const { data: c } = useSuspenseQuery(commitmentQuery(slug, id));
  return (
    <>
      <EndingNotice endDate={c.endDate} status={c.status} />
      <Facts>
        <Fact label={t('support.commitment.provider')}>{c.providerName}</Fact>
        <Fact label={t('support.commitment.recipient')}>
          <RecipientLink slug={slug} commitment={c} />
        </Fact>
        <Fact label={t('support.commitment.recipientKind')}>{recipientKind(c)}</Fact>
        <Fact label={t('support.columns.type')}>{t(`support.type.${c.type}`)}</Fact>
        <Fact label={t('support.columns.amount')}>{perMonth(c.amountPerMonth, c.unit)}</Fact>
        <Fact label={t('support.columns.period')}>{period(format, c.startDate, c.endDate)}</Fact>
        <Fact label={t('support.columns.status')}>{t(`support.commitmentStatus.${c.status}`)}</Fact>
        <Fact label={t('support.commitment.renewal')}>{t(`support.renewal.${c.renewal}`)}</Fact>
        <Fact label={t('support.commitment.renewalNote')}>{c.renewalNote}</Fact>
        <Fact label={t('support.commitment.endReason')}>{c.endReason}</Fact>
        <Fact label={t('support.commitment.offer')}>
          <TextLink to="/w/$slug/steun/aanbod/$offerId" params={{ slug, offerId: c.offerId }}>
            {t('support.commitment.toOffer')}
          </TextLink>
        </Fact>
        {c.needId ? (
          <Fact label={t('support.commitment.need')}>
            <TextLink to="/w/$slug/steun/hulpvragen/$needId" params={{ slug, needId: c.needId }}>
              {t('support.commitment.toNeed')}
            </TextLink>
          </Fact>
        ) : null}
        {c.renewedFromId ? (
          <Fact label={t('support.commitment.renewedFrom')}>
            <TextLink
              to="/w/$slug/steun/toezeggingen/$commitmentId"
              params={{ slug, commitmentId: c.renewedFromId }}
            >
              {t('support.commitment.previous')}
            </TextLink>
          </Fact>
        ) : null}
      </Facts>
      <DurabilityFacts slug={slug} id={id} />
      <DeliverySection slug={slug} commitment={c} />
      {canCoordinate(role) && c.status === 'active' ? (
        <section aria-labelledby="lifecycle-title">
          <h2 className="utrecht-heading-2" id="lifecycle-title">
            {t('support.lifecycle.title')}
          </h2>
          <RenewForm slug={slug} commitment={c} />
          <EndForm slug={slug} commitment={c} />
        </section>
      ) : null}
    </>
  );
}
