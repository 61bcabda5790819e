import { useSuspenseQuery } from '@tanstack/react-query';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { Page } from '../../components/page.tsx';
import type { FieldSpec } from '../../lib/form.ts';
import { studyHeadQuery } from './data.ts';
import './research-analysis.css';

type FileFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type'> & {
  spec: FieldSpec;
  description?: ReactNode;
  error?: string | undefined;
};

/** A labelled file input with a description and inline error, wired like the text fields. */
export function FileField({ spec, description, error, ...input }: FileFieldProps) {
  const { t } = useTranslation();
  const descriptionId = `${spec.id}-description`;
  const errorId = `${spec.id}-error`;
  const describedBy =
    [error ? errorId : null, description ? descriptionId : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={spec.id}>
          {spec.label}
        </label>
      </div>
      {description ? (
        <div
          className="utrecht-form-field__description utrecht-form-field-description"
          id={descriptionId}
        >
          {description}
        </div>
      ) : null}
      {error ? (
        <div
          className="utrecht-form-field__error-message utrecht-form-field-error-message"
          id={errorId}
        >
          <span className="wd-visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">
        <input
          {...input}
          id={spec.id}
          type="file"
          className="wd-file-input"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
        />
      </div>
    </div>
  );
}

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
