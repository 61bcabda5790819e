import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { useWorkspace } from '../../routes/workspace.tsx';
import { exportLogQuery, exportUrl } from './data-analysis.ts';
import { exportParts, type ExportPart } from './types.ts';
import { Section, StudyPage } from './ui.tsx';

const route = getRouteApi('/protected/w/$slug/onderzoek/$studyId/export');
const numericCell = 'utrecht-table__cell utrecht-table__cell--numeric-data';

const partKeys = {
  'answers.csv': 'answers',
  'wide.csv': 'wide',
  'codebook.json': 'codebookJson',
  'codebook.md': 'codebookMd',
  'segments.csv': 'segments',
} as const satisfies Record<ExportPart, string>;

/** Pseudonymised downloads, what consent leaves out, the export log and the CLI equivalent. */
export function ExportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { slug } = useWorkspace();
  const { studyId } = route.useParams();
  const { data: log } = useSuspenseQuery(exportLogQuery(slug, studyId));
  const queryClient = useQueryClient();
  // A download is logged by the server; refresh the log once it has had time to start.
  const refreshLog = () =>
    window.setTimeout(
      () =>
        void queryClient.invalidateQueries({ queryKey: exportLogQuery(slug, studyId).queryKey }),
      1500,
    );
  const cli = `npx wijkdragers research export --study ${studyId} --out ./export`;
  return (
    <StudyPage slug={slug} studyId={studyId} title={t('researchAnalysis.export.title')}>
      <p className="utrecht-paragraph">{t('researchAnalysis.export.lead')}</p>
      <Section id="export-downloads" title={t('researchAnalysis.export.downloadsTitle')}>
        <ul className="utrecht-unordered-list">
          {exportParts.map((part) => (
            <li key={part} className="utrecht-unordered-list__item">
              <a
                className="utrecht-link utrecht-link--html-a"
                href={exportUrl(slug, studyId, part)}
                download={part}
                onClick={refreshLog}
              >
                {part}
              </a>
              {' – '}
              {t(`researchAnalysis.export.part.${partKeys[part]}`)}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="export-consent" title={t('researchAnalysis.export.consentTitle')}>
        <p className="utrecht-paragraph">{t('researchAnalysis.export.consentText')}</p>
      </Section>
      <Section id="export-log" title={t('researchAnalysis.export.logTitle')}>
        {log.items.length === 0 ? (
          <p className="utrecht-paragraph">{t('researchAnalysis.export.logEmpty')}</p>
        ) : (
          <Table caption={t('researchAnalysis.export.logCaption')} captionHidden>
            <TableHead
              columns={[
                t('researchAnalysis.export.when'),
                t('researchAnalysis.export.part.title'),
                t('researchAnalysis.export.channel'),
                t('researchAnalysis.export.by'),
                t('researchAnalysis.export.participants'),
                t('researchAnalysis.export.excluded'),
                t('researchAnalysis.export.rows'),
              ]}
            />
            <tbody className="utrecht-table__body">
              {log.items.map((e) => (
                <tr key={e.id} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell wd-nowrap">
                    {format.dateTime(e.createdAt)}
                  </th>
                  <td className="utrecht-table__cell">
                    <code className="utrecht-code">{e.part}</code>
                  </td>
                  <td className="utrecht-table__cell">
                    {t(`researchAnalysis.export.channels.${e.channel}`)}
                  </td>
                  <td className="utrecht-table__cell">{e.userName ?? '–'}</td>
                  <td className={numericCell}>{e.participantCount}</td>
                  <td className={numericCell}>{e.excludedCount}</td>
                  <td className={numericCell}>{e.rowCount}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
      <Section id="export-cli" title={t('researchAnalysis.export.cliTitle')}>
        <p className="utrecht-paragraph">{t('researchAnalysis.export.cliText')}</p>
        <pre className="utrecht-code-block wd-cli">
          <code>{cli}</code>
        </pre>
      </Section>
    </StudyPage>
  );
}
