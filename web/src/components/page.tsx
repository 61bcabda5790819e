import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `document.title` to "<page> · Wijkdragers" in the active language. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);
}

interface PageProps {
  title: string;
  /** Optional lead paragraph under the heading. */
  lead?: ReactNode;
  children?: ReactNode;
}

/**
 * The page's one `h1` (focusable, so focus can move to it after client-side navigation) and
 * its document title.
 */
export function Page({ title, lead, children }: PageProps) {
  usePageTitle(title);
  return (
    <>
      <h1 className="utrecht-heading-1" tabIndex={-1}>
        {title}
      </h1>
      {lead ? <p className="utrecht-paragraph utrecht-paragraph--lead">{lead}</p> : null}
      {children}
    </>
  );
}
