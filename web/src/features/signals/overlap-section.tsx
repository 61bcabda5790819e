import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { useNames } from '../actors/facts.tsx';
import { allySuggestionsQuery, sectionSignalsQuery } from './data.ts';
import { Party, useScore } from './labels.tsx';
import { SignalsTable } from './signals-table.tsx';
import { activeStates } from './types.ts';

/**
 * "Overlap" on an area's or an actor's page: its signals that still ask for attention (open, seen,
 * in dialogue), and a link to all of them. Loads on its own: a failure leaves the page standing.
 */
export function OverlapSection({
  slug,
  areaId,
  actorId,
}: {
  slug: string;
  areaId?: string;
  actorId?: string;
}) {
  const { t } = useTranslation();
  const filter = areaId ? { areaId } : actorId ? { actorId } : {};
  const { data, isError } = useQuery(sectionSignalsQuery(slug, filter));
  const items = (data?.items ?? []).filter((s) => activeStates.includes(s.state));
  return (
    <section className="wd-section" aria-labelledby="overlap-section">
      <h2 className="utrecht-heading-2" id="overlap-section">
        {t('signals.section.title')}
      </h2>
      <p className="utrecht-paragraph">{t('signals.section.lead')}</p>
      {isError ? (
        <p className="utrecht-paragraph">{t('signals.section.failed')}</p>
      ) : !data ? (
        <p className="utrecht-paragraph">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="utrecht-paragraph">{t('signals.section.empty')}</p>
      ) : (
        <SignalsTable slug={slug} items={items} caption={t('signals.section.caption')} />
      )}
      <p className="utrecht-paragraph">
        <TextLink
          to="/w/$slug/overlapsignalen"
          params={{ slug }}
          search={areaId ? { gebied: areaId } : actorId ? { actor: actorId } : {}}
        >
          {t('signals.section.all')}
        </TextLink>
      </p>
    </section>
  );
}

/** Possible allies of an actor, ranked, each with its reasons; and who is left out, and why. */
export function AllySuggestions({ slug, actorId }: { slug: string; actorId: string }) {
  const { t } = useTranslation();
  const score = useScore();
  const names = useNames(slug);
  const { data, isError } = useQuery(allySuggestionsQuery(slug, actorId));
  return (
    <section className="wd-section" aria-labelledby="ally-section">
      <h2 className="utrecht-heading-2" id="ally-section">
        {t('signals.allies.title')}
      </h2>
      <p className="utrecht-paragraph">{t('signals.allies.lead')}</p>
      {isError ? (
        <p className="utrecht-paragraph">{t('signals.section.failed')}</p>
      ) : !data ? (
        <p className="utrecht-paragraph">{t('common.loading')}</p>
      ) : data.suggestions.length === 0 ? (
        <p className="utrecht-paragraph">{t('signals.allies.empty')}</p>
      ) : (
        <ol className="utrecht-ordered-list">
          {data.suggestions.map((s) => (
            <li key={s.actor.id} className="utrecht-ordered-list__item">
              {s.actor.name ? (
                <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId: s.actor.id }}>
                  <Party actor={s.actor} />
                </TextLink>
              ) : (
                <Party actor={s.actor} />
              )}{' '}
              — {t('signals.allies.score', { score: score(s.score) })}
              <ul className="utrecht-unordered-list">
                {s.reasons
                  .filter((r) => r.component > 0)
                  .map((r) => (
                    <li key={r.code} className="utrecht-unordered-list__item">
                      {t(`signals.allies.reason.${r.code as 'trust'}`, {
                        count: r.value,
                        areas: names
                          .areas(s.sharedAreaIds)
                          .map((a) => a.name)
                          .join(', '),
                        domains: names.terms(s.complementaryDomainIds).join(', '),
                      })}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {data && data.excluded.length ? (
        <>
          <h3 className="utrecht-heading-3">{t('signals.allies.excludedTitle')}</h3>
          <ul className="utrecht-unordered-list">
            {data.excluded.map((x) => (
              <li key={x.actor.id} className="utrecht-unordered-list__item">
                <Party actor={x.actor} />: {t('signals.allies.excluded', { count: x.sharedCells })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
