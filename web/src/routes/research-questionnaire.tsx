import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.ts';
import { Alert } from '../components/alert.tsx';
import { Page } from '../components/page.tsx';
import { PendingPage } from '../components/status-pages.tsx';
import { lookupResearchQuestionnaire } from '../features/research/api.ts';
import { ResearchQuestionnaireForm } from '../features/research/questionnaire.tsx';
import { focusMainHeading } from '../lib/focus.ts';
import { useFormat } from '../lib/format.ts';
import { problemMessage } from '../lib/problems.ts';
import { rootRoute } from './root.tsx';

/** `/onderzoek/vragenlijst/<token>`: a research questionnaire, opened with the emailed link. */
export const researchQuestionnaireRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/onderzoek/vragenlijst/$token',
  component: ResearchQuestionnairePage,
  staticData: { crumb: ({ t }) => t('research.q.crumb') },
});

const refusal = {
  token_invalid: 'research.q.refusal.invalid',
  already_submitted: 'research.q.refusal.submitted',
  wave_closed: 'research.q.refusal.closed',
  link_expired: 'research.q.refusal.expired',
  link_revoked: 'research.q.refusal.revoked',
  consent_withdrawn: 'research.q.refusal.withdrawn',
} as const;

function ResearchQuestionnairePage() {
  const { t, i18n } = useTranslation();
  const { token } = researchQuestionnaireRoute.useParams();
  const format = useFormat();
  const [submitted, setSubmitted] = useState(false);
  // A lookup marks the link as started: it runs once, never again in the background.
  const lookup = useQuery({
    queryKey: ['research-questionnaire', token],
    queryFn: () => lookupResearchQuestionnaire(token),
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  // The form (and the button that submitted it) is gone: focus goes to the thank-you heading.
  useEffect(() => {
    if (submitted) focusMainHeading();
  }, [submitted]);
  // The questionnaire speaks the invitation's language; before it is known, the site's.
  const lang = lookup.data?.language ?? (i18n.resolvedLanguage === 'en' ? 'en' : 'nl');
  const tq = i18n.getFixedT(lang);
  if (submitted)
    return (
      <div lang={lang}>
        <Page title={tq('research.q.thanksTitle')}>
          <Alert type="ok" role="status">
            <p className="utrecht-paragraph">{tq('research.q.thanks')}</p>
          </Alert>
        </Page>
      </div>
    );
  if (lookup.isPending) return <PendingPage />;
  if (lookup.isError) {
    const code = isApiProblem(lookup.error) ? lookup.error.code : '';
    const status = isApiProblem(lookup.error) ? lookup.error.status : 0;
    // A malformed token fails the request's schema (400) before the link is looked up.
    const key =
      code in refusal
        ? refusal[code as keyof typeof refusal]
        : status === 400
          ? refusal.token_invalid
          : undefined;
    return (
      <Page title={t('research.q.title')}>
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{key ? t(key) : problemMessage(lookup.error, t)}</p>
        </Alert>
      </Page>
    );
  }
  const q = lookup.data;
  return (
    <div lang={lang}>
      <Page title={q.wave.title} lead={tq('research.q.lead', { study: q.study.title })}>
        <p className="utrecht-paragraph">{tq('research.q.privacy')}</p>
        <p className="utrecht-paragraph">
          {tq('research.q.until', { day: format.dateTime(q.expiresAt) })}
        </p>
        {q.items.length === 0 ? (
          <p className="utrecht-paragraph">{tq('research.q.noItems')}</p>
        ) : (
          <ResearchQuestionnaireForm
            token={token}
            questionnaire={q}
            t={tq}
            lang={lang}
            onSubmitted={() => setSubmitted(true)}
          />
        )}
      </Page>
    </div>
  );
}
