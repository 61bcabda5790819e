import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextLink } from '../../components/links.tsx';
import { useFormat } from '../../lib/format.ts';
import { problemMessage } from '../../lib/problems.ts';
import { usePerMonth, usePeriod } from './amount.ts';
import { suggestionsQuery, useProposeMatch } from './data.ts';
import type { Need, Offer, Suggestion } from './types.ts';

function Reasons({ suggestion }: { suggestion: Suggestion }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="utrecht-unordered-list">
      {suggestion.reasons.map((r) => (
        <li key={r.code} className="utrecht-unordered-list__item">
          {t('support.match.reason', {
            criterion: t(`support.match.criterion.${r.code}`),
            value: format.number(Math.round(r.value * 100)),
            points: format.number(r.points),
          })}
        </li>
      ))}
    </ul>
  );
}

interface SuggestionsProps {
  slug: string;
  /** The record the suggestions are for: a need gets offers, an offer gets open needs. */
  of: { kind: 'need'; need: Need } | { kind: 'offer'; offer: Offer };
}

/**
 * Ranked suggestions with the reasons of each score, as a numbered list (best first). Whoever may
 * act for the record proposes a suggestion as a match; both sides then accept it.
 */
export function SuggestionList({ slug, of }: SuggestionsProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const perMonth = usePerMonth();
  const period = usePeriod();
  const id = of.kind === 'need' ? of.need.id : of.offer.id;
  const { data } = useSuspenseQuery(suggestionsQuery(slug, of.kind, id));
  const propose = useProposeMatch(slug);
  const canPropose = of.kind === 'need' ? of.need.canEdit : of.offer.canEdit;
  const items = data.items;
  return (
    <section aria-labelledby="suggestions-title">
      <h2 className="utrecht-heading-2" id="suggestions-title">
        {of.kind === 'need' ? t('support.match.offersTitle') : t('support.match.needsTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('support.match.lead')}</p>
      {data.trustKnown ? null : <p className="utrecht-paragraph">{t('support.match.noTrust')}</p>}
      <StatusMessage message={propose.isSuccess ? t('support.match.proposed') : null} />
      {propose.isError ? (
        <p className="utrecht-paragraph" role="alert">
          {problemMessage(propose.error, t)}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{t('support.match.none')}</p>
      ) : (
        <ol className="utrecht-ordered-list wd-suggestions">
          {items.map((s) => {
            const offer = s.offer;
            const need = s.need;
            const title = offer
              ? `${offer.title} · ${offer.providerName}`
              : (need?.requesterName ?? '');
            const otherId = offer?.id ?? need?.id ?? '';
            return (
              <li key={otherId} className="utrecht-ordered-list__item wd-stack-item">
                <h3 className="utrecht-heading-3">
                  {offer ? (
                    <TextLink
                      to="/w/$slug/steun/aanbod/$offerId"
                      params={{ slug, offerId: offer.id }}
                    >
                      {title}
                    </TextLink>
                  ) : need ? (
                    <TextLink
                      to="/w/$slug/steun/hulpvragen/$needId"
                      params={{ slug, needId: need.id }}
                    >
                      {title}
                    </TextLink>
                  ) : null}
                </h3>
                <p className="utrecht-paragraph">
                  {t('support.match.score', { score: format.number(s.score) })}
                  {' · '}
                  {offer
                    ? `${perMonth(offer.capacityPerMonth, offer.unit)} · ${period(format, offer.startDate, offer.endDate)}`
                    : need
                      ? `${perMonth(need.amountPerMonth, need.unit)} · ${period(format, need.startDate, need.endDate)}`
                      : null}
                </p>
                {need ? <p className="utrecht-paragraph">{need.description}</p> : null}
                <p className="utrecht-paragraph">
                  {t('support.match.remaining', {
                    amount: perMonth(s.facts.remainingPerMonth, (offer ?? need)?.unit ?? 'units'),
                  })}
                </p>
                <Reasons suggestion={s} />
                {canPropose ? (
                  <Button
                    variant="secondary"
                    pending={propose.isPending}
                    onClick={() =>
                      propose.mutate({
                        offerId: offer?.id ?? id,
                        needId: need?.id ?? id,
                      })
                    }
                  >
                    {t('support.match.propose', { name: title })}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
