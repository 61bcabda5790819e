import { useQuery } from '@tanstack/react-query';
import { createRoute } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/client.ts';
import { Alert } from '../components/alert.tsx';
import { Page } from '../components/page.tsx';
import { PendingPage } from '../components/status-pages.tsx';
import { lookupQuestionnaire } from '../features/surveys/data.ts';
import { Questionnaire } from '../features/surveys/questionnaire.tsx';
import { focusMainHeading } from '../lib/focus.ts';
import { useFormat } from '../lib/format.ts';
import { problemMessage } from '../lib/problems.ts';
import { rootRoute } from './root.tsx';

/** `/meting/<token>`: the questionnaire of a survey round, opened with the emailed link. */
export const surveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/meting/$token',
  component: SurveyPage,
  staticData: { crumb: ({ t }) => t('surveys.q.crumb') },
});

const refusal = {
  token_invalid: 'surveys.q.invalid',
  already_submitted: 'surveys.q.alreadySubmitted',
  round_closed: 'surveys.q.closed',
} as const;

function SurveyPage() {
  const { t } = useTranslation();
  const { token } = surveyRoute.useParams();
  const format = useFormat();
  const [submitted, setSubmitted] = useState(false);
  // A lookup marks the link as started: it runs once, never again in the background.
  const lookup = useQuery({
    queryKey: ['survey-questionnaire', token],
    queryFn: () => lookupQuestionnaire(token),
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  // The form (and the button that submitted it) is gone: focus goes to the thank-you heading.
  useEffect(() => {
    if (submitted) focusMainHeading();
  }, [submitted]);
  if (submitted)
    return (
      <Page title={t('surveys.q.thanksTitle')}>
        <Alert type="ok" role="status">
          <p className="utrecht-paragraph">{t('surveys.q.thanks')}</p>
        </Alert>
      </Page>
    );
  if (lookup.isPending) return <PendingPage />;
  if (lookup.isError) {
    const code = isApiProblem(lookup.error) ? lookup.error.code : '';
    const key = code in refusal ? refusal[code as keyof typeof refusal] : undefined;
    return (
      <Page title={t('surveys.q.title')}>
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{key ? t(key) : problemMessage(lookup.error, t)}</p>
        </Alert>
      </Page>
    );
  }
  const q = lookup.data;
  return (
    <Page
      title={q.round.title}
      lead={t('surveys.q.lead', { workspace: q.round.workspaceName, name: q.respondent.name })}
    >
      {q.round.intro ? <p className="utrecht-paragraph">{q.round.intro}</p> : null}
      <p className="utrecht-paragraph">
        {t('surveys.q.until', { day: format.date(q.round.closesOn) })}
      </p>
      <Questionnaire token={token} questionnaire={q} onSubmitted={() => setSubmitted(true)} />
    </Page>
  );
}
