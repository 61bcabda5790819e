import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { useDates } from '../actors/dates.ts';
import { kindLabel, orgKindLabel, sizeClassLabel } from '../actors/labels.ts';
import { searchQuery, type SearchResult } from './data.ts';
import type { DirectorySearch } from './search-params.ts';

function typeLabel(result: SearchResult, t: TFunction): string {
  if (result.type === 'initiative') return t('directory.types.initiative');
  if (result.type === 'activity') return t('directory.types.activity');
  return result.actorKind ? kindLabel(result.actorKind, t) : t('directory.types.actor');
}

function ResultTitle({ slug, result }: { slug: string; result: SearchResult }) {
  if (result.type === 'initiative') {
    return (
      <TextLink to="/w/$slug/initiatieven/$initiativeId" params={{ slug, initiativeId: result.id }}>
        {result.title}
      </TextLink>
    );
  }
  // An activity has no page of its own: it is shown on the page of the actor doing it.
  const actorId = result.type === 'actor' ? result.id : result.actorId;
  if (!actorId) return <>{result.title}</>;
  return (
    <TextLink to="/w/$slug/actoren/$actorId" params={{ slug, actorId }}>
      {result.title}
    </TextLink>
  );
}

function Result({ slug, result }: { slug: string; result: SearchResult }) {
  const { t } = useTranslation();
  const dates = useDates();
  const details = [
    result.type === 'activity' && result.actorKind
      ? t('directory.activityOf', { kind: kindLabel(result.actorKind, t).toLowerCase() })
      : null,
    result.orgKind ? orgKindLabel(result.orgKind, t) : null,
    result.sizeClass
      ? t('directory.sizeClassValue', { size: sizeClassLabel(result.sizeClass, t) })
      : null,
    dates.period(result.startDate, result.endDate),
  ].filter((d): d is string => Boolean(d));
  return (
    <li className="wd-result">
      <p className="utrecht-paragraph wd-result__type">
        <span className="wd-badge">{typeLabel(result, t)}</span>
      </p>
      <h3 className="utrecht-heading-3 wd-result__title">
        <ResultTitle slug={slug} result={result} />
      </h3>
      {result.summary ? <p className="utrecht-paragraph">{result.summary}</p> : null}
      {details.length ? (
        <p className="utrecht-paragraph wd-result__meta">{details.join(' · ')}</p>
      ) : null}
    </li>
  );
}

/** The results of the search in the URL, with a polite count and pagination. */
export function Results({ slug, search }: { slug: string; search: DirectorySearch }) {
  const { t } = useTranslation();
  const { data } = useSuspenseQuery(searchQuery(slug, search));
  const count = search.q
    ? t('directory.countFor', { count: data.total, q: search.q })
    : t('directory.count', { count: data.total });
  return (
    <section aria-labelledby="results-title" className="wd-section">
      <h2 className="utrecht-heading-2" id="results-title">
        {t('directory.resultsTitle')}
      </h2>
      {/* A live region that stays mounted, so each new count is announced. */}
      <p className="utrecht-paragraph" role="status" aria-live="polite" aria-atomic="true">
        {count}
      </p>
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">
          {data.page > 1 ? (
            <TextLink
              to="/w/$slug/zoeken"
              params={{ slug }}
              search={{ ...search, page: undefined }}
            >
              {t('pagination.first')}
            </TextLink>
          ) : (
            t('directory.empty')
          )}
        </p>
      ) : (
        <ol
          className="wd-results"
          aria-labelledby="results-title"
          start={(data.page - 1) * data.pageSize + 1}
        >
          {data.items.map((result) => (
            <Result key={`${result.type}-${result.id}`} slug={slug} result={result} />
          ))}
        </ol>
      )}
      <Pagination
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        link={(target, props) => (
          <Link
            to="/w/$slug/zoeken"
            params={{ slug }}
            search={{ ...search, page: target > 1 ? target : undefined }}
            {...props}
          />
        )}
      />
    </section>
  );
}
