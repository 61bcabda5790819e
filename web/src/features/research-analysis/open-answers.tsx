import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { problemMessage } from '../../lib/problems.ts';
import { CodingPanel } from './coding-panel.tsx';
import { openAnswersQuery } from './data.ts';
import { excerpt } from './offsets.ts';
import type { Code, Wave } from './types.ts';

const route = getRouteApi('/protected/w/$slug/onderzoek/$studyId/codeboek');

/**
 * Open answers of the questionnaires, coded like transcripts. Reading them is audited, so they
 * load only when asked for (by wave and item code).
 */
export function OpenAnswers(props: {
  slug: string;
  studyId: string;
  waves: readonly Wave[];
  codes: readonly Code[];
}) {
  const { slug, studyId, waves, codes } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = route.useSearch();
  const [wave, setWave] = useState(search.golf ?? '');
  const [item, setItem] = useState(search.vraag ?? '');
  const [itemError, setItemError] = useState<string | undefined>();
  const shown = search.antwoorden === 1;
  const answers = useQuery({
    ...openAnswersQuery(slug, studyId, search.golf, search.vraag),
    enabled: shown,
  });
  return (
    <>
      <form
        className="wd-row-form wd-filter-form"
        role="search"
        aria-label={t('researchAnalysis.openAnswers.filter')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const code = item.trim();
          if (code && !/^[a-z][a-z0-9_]{0,39}$/.test(code)) {
            setItemError(t('researchAnalysis.errors.itemCode'));
            return;
          }
          setItemError(undefined);
          void navigate({
            to: '/w/$slug/onderzoek/$studyId/codeboek',
            params: { slug, studyId },
            search: {
              ...(wave ? { golf: wave } : {}),
              ...(code ? { vraag: code } : {}),
              antwoorden: 1,
            },
          });
        }}
      >
        <SelectField
          spec={{ id: 'open-answers-wave', label: t('researchAnalysis.fields.wave') }}
          value={wave}
          onChange={(e) => setWave(e.target.value)}
          options={[
            { value: '', label: t('researchAnalysis.interviews.allWaves') },
            ...waves.map((w) => ({ value: w.id, label: w.title })),
          ]}
        />
        <TextField
          spec={{ id: 'open-answers-item', label: t('researchAnalysis.openAnswers.itemCode') }}
          error={itemError}
          autoComplete="off"
          value={item}
          onChange={(e) => setItem(e.target.value)}
        />
        <SubmitButton pending={answers.isFetching} variant="secondary">
          {t('researchAnalysis.openAnswers.show')}
        </SubmitButton>
      </form>
      {!shown ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.openAnswers.onRequest')}</p>
      ) : answers.isError ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(answers.error, t)}</p>
        </Alert>
      ) : !answers.data ? (
        <p className="utrecht-paragraph" role="status">
          {t('researchAnalysis.loading')}
        </p>
      ) : answers.data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.openAnswers.empty')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph" role="status">
            {t('researchAnalysis.openAnswers.count', { count: answers.data.items.length })}
          </p>
          {answers.data.items.map((a) => (
            <details key={a.answerId} className="wd-stack-item">
              <summary>
                {t('researchAnalysis.openAnswers.summary', {
                  pseudonym: a.pseudonym,
                  wave: a.waveTitle,
                  item: a.itemCode,
                  count: a.segments.length,
                  text: excerpt(a.text, 60),
                })}
              </summary>
              <p className="utrecht-paragraph">
                <em>{a.promptNl}</em>
              </p>
              <CodingPanel
                slug={slug}
                studyId={studyId}
                idPrefix={`answer-${a.answerId}`}
                label={t('researchAnalysis.openAnswers.region', {
                  pseudonym: a.pseudonym,
                  item: a.itemCode,
                })}
                text={a.text}
                segments={a.segments}
                codes={codes}
                source={{ answerId: a.answerId }}
              />
            </details>
          ))}
        </>
      )}
    </>
  );
}
