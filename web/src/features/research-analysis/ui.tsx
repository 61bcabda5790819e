import { useSuspenseQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Page } from '../../components/page.tsx';
import { studyHeadQuery } from './data.ts';
import './research-analysis.css';

export { FileField } from '../../components/form-fields.tsx';

/** A page of a study: the page's h1, with a link to the study's overview as the lead. */
export function StudyPage({
  slug,
  studyId,
  title,
  children,
}: {
  slug: string;
  studyId: string;
  title: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { data: study } = useSuspenseQuery(studyHeadQuery(slug, studyId));
  return (
    <Page
      title={title}
      lead={
        <TextLink to="/w/$slug/onderzoek/$studyId" params={{ slug, studyId }}>
          {t('researchAnalysis.studyLead', { title: study.title })}
        </TextLink>
      }
    >
      {children}
    </Page>
  );
}

/** A section with an h2 (id-labelled). */
export function Section({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className="wd-section" aria-labelledby={id}>
      <h2 className="utrecht-heading-2" id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
