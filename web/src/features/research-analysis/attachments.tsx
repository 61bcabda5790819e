import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { SubmitButton } from '../../components/form-fields.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useFormat } from '../../lib/format.ts';
import { problemMessage } from '../../lib/problems.ts';
import { attachmentUrl, useAddAttachment, useDeleteAttachment } from './data.ts';
import { ATTACHMENT_LIMIT, base64Of, isRecording, sizeLabel } from './files.ts';
import type { Attachment } from './types.ts';
import { FileField } from './ui.tsx';

/** Attachments of an interview: download, delete, upload (audio/video needs recording consent). */
export function Attachments(props: {
  slug: string;
  studyId: string;
  interviewId: string;
  attachments: readonly Attachment[];
}) {
  const { slug, studyId, interviewId, attachments } = props;
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const add = useAddAttachment(slug, studyId, interviewId);
  const remove = useDeleteAttachment(slug, studyId, interviewId);
  const feedback = useFeedback();
  const [file, setFile] = useState<File | null>(null);
  const [client, setClient] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [reading, setReading] = useState(false);
  const specs = { file: { id: 'attachment-file', label: t('researchAnalysis.attachments.file') } };
  const locale = i18n.resolvedLanguage === 'en' ? 'en-GB' : 'nl-NL';

  let fileError: string | null = client;
  if (!fileError && add.error) {
    fileError =
      isApiProblem(add.error) && add.error.status === 409
        ? t('researchAnalysis.attachments.noRecordingConsent')
        : problemMessage(add.error, t);
  }

  const submit = async () => {
    setAttempt((n) => n + 1);
    feedback.clear();
    if (!file) return setClient(t('researchAnalysis.errors.fileRequired'));
    if (file.size === 0) return setClient(t('researchAnalysis.errors.emptyFile'));
    if (file.size > ATTACHMENT_LIMIT) return setClient(t('researchAnalysis.errors.tooLarge'));
    setClient(null);
    setReading(true);
    try {
      await add.mutateAsync({
        filename: file.name,
        mediaType: file.type || 'application/octet-stream',
        contentBase64: await base64Of(file),
      });
      feedback.ok((tt) => tt('researchAnalysis.attachments.addedOk', { file: file.name }));
    } catch {
      // Shown as the field's error.
    } finally {
      setReading(false);
    }
  };

  return (
    <>
      <FeedbackMessage feedback={feedback.feedback} />
      {attachments.length === 0 ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.attachments.empty')}</p>
      ) : (
        <Table caption={t('researchAnalysis.attachments.caption')} captionHidden>
          <TableHead
            columns={[
              t('researchAnalysis.attachments.file'),
              t('researchAnalysis.attachments.type'),
              t('researchAnalysis.attachments.size'),
              t('researchAnalysis.attachments.addedOn'),
              t('researchAnalysis.actions'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {attachments.map((a) => (
              <tr key={a.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  <a
                    className="utrecht-link utrecht-link--html-a"
                    href={attachmentUrl(slug, studyId, interviewId, a.id)}
                    download={a.filename}
                  >
                    {a.filename}
                  </a>
                </th>
                <td className="utrecht-table__cell">
                  {a.mediaType}
                  {isRecording(a.mediaType)
                    ? ` (${t('researchAnalysis.attachments.recording')})`
                    : ''}
                </td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-data">
                  {sizeLabel(a.sizeBytes, locale)}
                </td>
                <td className="utrecht-table__cell">{format.dateTime(a.createdAt)}</td>
                <td className="utrecht-table__cell">
                  <Button
                    variant="secondary"
                    danger
                    pending={remove.isPending && remove.variables === a.id}
                    onClick={() =>
                      remove.mutate(a.id, {
                        onSuccess: () =>
                          feedback.ok((tt) =>
                            tt('researchAnalysis.attachments.deleted', { file: a.filename }),
                          ),
                        onError: feedback.fail,
                      })
                    }
                  >
                    {t('researchAnalysis.attachments.delete')}
                    <span className="wd-visually-hidden"> {a.filename}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ErrorSummary
        key={attempt}
        errors={{ fields: fileError ? { file: fileError } : {}, general: null }}
        specs={specs}
      />
      <form
        className="wd-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reading) void submit();
        }}
      >
        <FileField
          spec={specs.file}
          error={fileError ?? undefined}
          description={t('researchAnalysis.attachments.hint')}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <SubmitButton pending={reading} variant="secondary">
          {t('researchAnalysis.attachments.upload')}
        </SubmitButton>
      </form>
    </>
  );
}
