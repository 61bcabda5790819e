import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { Alert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { TextLink } from '../../components/links.tsx';
import { problemMessage } from '../../lib/problems.ts';
import { useWorkspace } from '../../routes/workspace.tsx';
import {
  columnsPayload,
  csvHeader,
  guessMapping,
  guessParticipantColumn,
  mappingProblems,
  rowProblems,
} from './columns.ts';
import { useWaveImport } from './data-analysis.ts';
import { studyHeadQuery, waveQuery } from './data.ts';
import { base64Of, importFormatOf, UPLOAD_LIMIT } from './files.ts';
import { ImportErrors } from './import-report.tsx';
import { ImportMapping } from './import-mapping.tsx';
import type { ImportFormat, ParticipantKey, WaveImportResult } from './types.ts';
import { FileField, Section, StudyPage } from './ui.tsx';
import { xlsxHeader } from './xlsx-header.ts';

const route = getRouteApi('/protected/w/$slug/onderzoek/$studyId/golven/$waveId/import');

interface Chosen {
  file: File;
  format: ImportFormat;
  headers: string[];
}

/** Import an earlier wave: file → participant column and key → column mapping → check → import. */
export function ImportPage() {
  const { t } = useTranslation();
  const { slug } = useWorkspace();
  const { studyId, waveId } = route.useParams();
  const { data: study } = useSuspenseQuery(studyHeadQuery(slug, studyId));
  const { data: wave } = useSuspenseQuery(waveQuery(slug, studyId, waveId));
  const run = useWaveImport(slug, studyId, waveId);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [participantColumn, setParticipantColumn] = useState('');
  const [participantKey, setParticipantKey] = useState<ParticipantKey>('pseudonym');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [mappingError, setMappingError] = useState<string | undefined>();
  const [checked, setChecked] = useState<WaveImportResult | null>(null);
  const [done, setDone] = useState<WaveImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const codes = wave.items.map((i) => i.code);

  const choose = async (file: File | null) => {
    setChosen(null);
    setChecked(null);
    setDone(null);
    run.reset();
    if (!file) return;
    const format = importFormatOf(file.name);
    if (!format) return setFileError(t('researchAnalysis.errors.importType'));
    if (file.size === 0) return setFileError(t('researchAnalysis.errors.emptyFile'));
    if (file.size > UPLOAD_LIMIT) return setFileError(t('researchAnalysis.errors.tooLarge'));
    try {
      const headers =
        format === 'csv'
          ? csvHeader(await file.text())
          : await xlsxHeader(new Uint8Array(await file.arrayBuffer()));
      if (headers.length === 0) return setFileError(t('researchAnalysis.errors.noHeader'));
      setFileError(undefined);
      const participant = guessParticipantColumn(headers);
      setChosen({ file, format, headers });
      setParticipantColumn(participant);
      setMapping(guessMapping(headers, codes, participant));
    } catch {
      setFileError(t('researchAnalysis.errors.unreadable'));
    }
  };

  const send = async (dryRun: boolean) => {
    if (!chosen || busy) return;
    const problems = mappingProblems(mapping, participantColumn);
    if (problems.length) {
      const p = problems[0]!;
      setMappingError(
        p.kind === 'nothingMapped'
          ? t('researchAnalysis.import.nothingMapped')
          : t('researchAnalysis.import.duplicate', { code: p.code, columns: p.columns.join(', ') }),
      );
      return;
    }
    setMappingError(undefined);
    setBusy(true);
    try {
      const result = await run.mutateAsync({
        filename: chosen.file.name,
        format: chosen.format,
        contentBase64: await base64Of(chosen.file),
        participantColumn,
        participantKey,
        columns: columnsPayload(mapping, participantColumn),
        dryRun,
      });
      if (dryRun) setChecked(result);
      else {
        setDone(result);
        setChecked(null);
      }
    } catch {
      if (dryRun) setChecked(null);
    } finally {
      setBusy(false);
    }
  };

  const importProblem = (error: unknown) => {
    if (!isApiProblem(error)) return problemMessage(error, t);
    if (error.code === 'wave_not_import') return t('researchAnalysis.import.notImportWave');
    if (error.code === 'wave_closed') return t('researchAnalysis.import.closedWave');
    if (error.status === 403) return t('researchAnalysis.import.emailSteward');
    if (error.status === 413) return t('researchAnalysis.errors.tooLarge');
    return problemMessage(error, t);
  };
  const listed =
    isApiProblem(run.error) && run.error.status === 400 ? rowProblems(run.error.errors) : [];
  const closed = wave.source !== 'import' || wave.status === 'closed';
  const changeMapping = (update: () => void) => {
    update();
    setChecked(null);
  };

  return (
    <StudyPage
      slug={slug}
      studyId={studyId}
      title={t('researchAnalysis.import.title', { wave: wave.title })}
    >
      <p className="utrecht-paragraph">{t('researchAnalysis.import.lead')}</p>
      <p className="utrecht-paragraph">
        <TextLink
          to="/w/$slug/onderzoek/$studyId/golven/$waveId"
          params={{ slug, studyId, waveId }}
        >
          {t('researchAnalysis.import.toWave', { wave: wave.title })}
        </TextLink>
      </p>
      {closed ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">
            {wave.source !== 'import'
              ? t('researchAnalysis.import.notImportWave')
              : t('researchAnalysis.import.closedWave')}
          </p>
        </Alert>
      ) : null}
      {wave.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.import.noItems')}</p>
      ) : null}
      <StatusMessage
        message={
          done
            ? t('researchAnalysis.import.done', {
                rows: done.rows,
                answers: done.answers,
                created: done.participantsCreated,
              })
            : null
        }
      />
      {listed.length > 0 ? <ImportErrors problems={listed} /> : null}
      {run.error && listed.length === 0 ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{importProblem(run.error)}</p>
        </Alert>
      ) : null}

      <Section id="import-file-title" title={t('researchAnalysis.import.fileTitle')}>
        <FileField
          spec={{ id: 'import-file', label: t('researchAnalysis.import.file') }}
          description={t('researchAnalysis.import.fileHint')}
          error={fileError}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => void choose(e.target.files?.[0] ?? null)}
        />
      </Section>

      {chosen ? (
        <Section id="import-mapping-section" title={t('researchAnalysis.import.mapTitle')}>
          <p className="utrecht-paragraph">
            {t('researchAnalysis.import.columnsFound', {
              count: chosen.headers.length,
              file: chosen.file.name,
            })}
          </p>
          <ImportMapping
            headers={chosen.headers}
            items={wave.items}
            participantColumn={participantColumn}
            participantKey={participantKey}
            mapping={mapping}
            steward={study.myRole === 'steward'}
            error={mappingError}
            onParticipantColumn={(c) =>
              changeMapping(() => {
                setParticipantColumn(c);
                setMapping((m) => ({ ...m, [c]: '' }));
              })
            }
            onParticipantKey={(k) => changeMapping(() => setParticipantKey(k))}
            onMap={(column, code) =>
              changeMapping(() => setMapping((m) => ({ ...m, [column]: code })))
            }
          />
          <div className="wd-actions wd-stack-item">
            <Button variant="secondary" pending={busy && !checked} onClick={() => void send(true)}>
              {t('researchAnalysis.import.check')}
            </Button>
          </div>
        </Section>
      ) : null}

      {checked ? (
        <Section id="import-check-title" title={t('researchAnalysis.import.checkTitle')}>
          <p className="utrecht-paragraph" role="status">
            {t('researchAnalysis.import.checked', {
              rows: checked.rows,
              answers: checked.answers,
              created: checked.participantsCreated,
            })}
          </p>
          <Button pending={busy} onClick={() => void send(false)}>
            {t('researchAnalysis.import.run')}
          </Button>
        </Section>
      ) : null}
    </StudyPage>
  );
}
