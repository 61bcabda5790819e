import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { TextLink } from '../../components/links.tsx';
import { useWorkspace } from '../../routes/workspace.tsx';
import { CodeTree } from './code-tree.tsx';
import { codesQuery, wavesQuery } from './data.ts';
import { Frequencies } from './frequencies.tsx';
import { Memos } from './memos.tsx';
import { OpenAnswers } from './open-answers.tsx';
import { Section, StudyPage } from './ui.tsx';

const route = getRouteApi('/protected/w/$slug/onderzoek/$studyId/codeboek');

/** The codebook: the code tree, frequencies per wave, open answers to code, and memos. */
export function CodebookPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { studyId } = route.useParams();
  const { data: codes } = useSuspenseQuery(codesQuery(slug, studyId));
  const { data: waves } = useSuspenseQuery(wavesQuery(slug, studyId));
  return (
    <StudyPage slug={slug} studyId={studyId} title={t('researchAnalysis.codebook.title')}>
      <p className="utrecht-paragraph">
        {t('researchAnalysis.codebook.lead')}{' '}
        <TextLink to="/w/$slug/onderzoek/$studyId/interviews" params={{ slug, studyId }}>
          {t('researchAnalysis.interviews.title')}
        </TextLink>
      </p>
      <Section id="codebook-codes" title={t('researchAnalysis.codebook.codesTitle')}>
        <CodeTree slug={slug} studyId={studyId} codes={codes.items} />
      </Section>
      <Section id="codebook-frequencies" title={t('researchAnalysis.frequencies.title')}>
        <Frequencies slug={slug} studyId={studyId} />
      </Section>
      <Section id="codebook-open-answers" title={t('researchAnalysis.openAnswers.title')}>
        <OpenAnswers slug={slug} studyId={studyId} waves={waves.items} codes={codes.items} />
      </Section>
      <Section id="codebook-memos" title={t('researchAnalysis.memos.title')}>
        <Memos
          slug={slug}
          studyId={studyId}
          idPrefix="codebook-memos"
          filter={{}}
          codes={codes.items}
        />
      </Section>
    </StudyPage>
  );
}
