import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PaginationLinkProps {
  className: string;
  rel?: 'prev' | 'next';
  'aria-label'?: string;
  children: ReactNode;
}

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  /** Renders a router link to `page` with the given props. */
  link: (page: number, props: PaginationLinkProps) => ReactNode;
}

/** Page numbers to show: first, last and a window around the current page. */
function pageWindow(page: number, last: number): Array<number | 'gap'> {
  const pages = new Set([1, last, page - 1, page, page + 1].filter((p) => p >= 1 && p <= last));
  const sorted = [...pages].sort((a, b) => a - b);
  const result: Array<number | 'gap'> = [];
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous > 1) result.push('gap');
    result.push(p);
  });
  return result;
}

export function Pagination({ page, pageSize, total, link }: PaginationProps) {
  const { t } = useTranslation();
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return null;
  return (
    <nav className="utrecht-pagination wd-pagination" aria-label={t('pagination.label')}>
      <p className="utrecht-paragraph">{t('pagination.position', { page, last })}</p>
      <ul className="wd-pagination__list">
        {page > 1 ? (
          <li>
            {link(page - 1, {
              className:
                'utrecht-pagination__relative-link utrecht-pagination__relative-link--prev',
              rel: 'prev',
              children: t('pagination.previous'),
            })}
          </li>
        ) : null}
        {pageWindow(page, last).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span
                  className="utrecht-pagination__page-link utrecht-pagination__page-link--current"
                  aria-current="page"
                >
                  <span className="wd-visually-hidden">{t('pagination.page')} </span>
                  {p}
                </span>
              ) : (
                link(p, {
                  className: 'utrecht-pagination__page-link',
                  'aria-label': t('pagination.goTo', { page: p }),
                  children: p,
                })
              )}
            </li>
          ),
        )}
        {page < last ? (
          <li>
            {link(page + 1, {
              className:
                'utrecht-pagination__relative-link utrecht-pagination__relative-link--next',
              rel: 'next',
              children: t('pagination.next'),
            })}
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
