import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { SelectField } from '../../components/form-fields.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { useWorkspace } from '../../routes/workspace.tsx';
import { ComparisonItem } from './comparison-item.tsx';
import { comparisonQuery } from './data-analysis.ts';
import { wavesQuery } from './data.ts';
import { Section, StudyPage } from './ui.tsx';

const route = getRouteApi('/protected/w/$slug/onderzoek/$studyId/vergelijking');
const numericCell = 'utrecht-table__cell utrecht-table__cell--numeric-data';

/** Waves compared: choose two, then per item the distributions, paired change and attrition. */
export function ComparisonPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { slug } = useWorkspace();
  const { studyId } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate();
  const { data: waves } = useSuspenseQuery(wavesQuery(slug, studyId));
  const { data } = useSuspenseQuery(comparisonQuery(slug, studyId, search.van, search.naar));
  // Without a choice the server compares every wave; the form then offers the two latest.
  const [from, setFrom] = useState(search.van ?? waves.items.at(-2)?.id ?? '');
  const [to, setTo] = useState(search.naar ?? waves.items.at(-1)?.id ?? '');
  const [error, setError] = useState<string | undefined>();
  const titleOf = (id: string) => data.waves.find((w) => w.id === id)?.title ?? '';
  const options = waves.items.map((w) => ({
    value: w.id,
    label: `${w.title} (${format.date(w.startsOn)})`,
  }));

  return (
    <StudyPage slug={slug} studyId={studyId} title={t('researchAnalysis.comparison.title')}>
      <p className="utrecht-paragraph">{t('researchAnalysis.comparison.lead')}</p>
      {search.van || search.naar ? null : (
        <p className="utrecht-paragraph">{t('researchAnalysis.comparison.allWaves')}</p>
      )}
      {waves.items.length < 2 ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.comparison.tooFewWaves')}</p>
      ) : (
        <form
          className="wd-row-form wd-filter-form"
          aria-label={t('researchAnalysis.comparison.choose')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (from && from === to) {
              setError(t('researchAnalysis.errors.sameWave'));
              return;
            }
            setError(undefined);
            void navigate({
              to: '/w/$slug/onderzoek/$studyId/vergelijking',
              params: { slug, studyId },
              search: { ...(from ? { van: from } : {}), ...(to ? { naar: to } : {}) },
            });
          }}
        >
          <SelectField
            spec={{ id: 'comparison-from', label: t('researchAnalysis.comparison.from') }}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            options={options}
          />
          <SelectField
            spec={{ id: 'comparison-to', label: t('researchAnalysis.comparison.to') }}
            error={error}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            options={options}
          />
          <Button type="submit" variant="secondary">
            {t('researchAnalysis.comparison.apply')}
          </Button>
        </form>
      )}

      <Section id="comparison-attrition" title={t('researchAnalysis.comparison.attritionTitle')}>
        <p className="utrecht-paragraph">{t('researchAnalysis.comparison.attritionLead')}</p>
        <Table caption={t('researchAnalysis.comparison.attritionCaption')} captionHidden>
          <TableHead
            columns={[
              t('researchAnalysis.fields.wave'),
              t('researchAnalysis.comparison.respondents'),
              t('researchAnalysis.comparison.retained'),
              t('researchAnalysis.comparison.lost'),
              t('researchAnalysis.comparison.new'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {data.attrition.map((a) => (
              <tr key={a.waveId} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {titleOf(a.waveId)}
                </th>
                <td className={numericCell}>{a.respondents}</td>
                <td className={numericCell}>{a.retained}</td>
                <td className={numericCell}>{a.lost}</td>
                <td className={numericCell}>{a.new}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>

      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.comparison.noItems')}</p>
      ) : (
        data.items.map((item) => <ComparisonItem key={item.code} item={item} waves={data.waves} />)
      )}
    </StudyPage>
  );
}
