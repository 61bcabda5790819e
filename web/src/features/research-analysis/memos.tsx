import { useSuspenseQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { useFormat } from '../../lib/format.ts';
import { problemErrors, type FieldSpecs, type FormErrors } from '../../lib/form.ts';
import { TextAreaField } from '../actors/fields.tsx';
import { codeOptions } from './codes.ts';
import { memosQuery, useDeleteMemo, useSaveMemo, type MemoFilter } from './data.ts';
import type { Code, Memo } from './types.ts';

type Field = 'title' | 'body';

function MemoForm(props: {
  slug: string;
  studyId: string;
  idPrefix: string;
  memo?: Memo;
  attach: MemoFilter;
  /** Offer a choice of code (study memos on the codebook page). */
  codes?: readonly Code[] | undefined;
  onDone: () => void;
}) {
  const { slug, studyId, idPrefix, memo, attach, codes, onDone } = props;
  const { t } = useTranslation();
  const save = useSaveMemo(slug, studyId);
  const [title, setTitle] = useState(memo?.title ?? '');
  const [body, setBody] = useState(memo?.body ?? '');
  const [codeId, setCodeId] = useState('');
  const [client, setClient] = useState<Partial<Record<Field, string>> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const specs: FieldSpecs<Field> = {
    title: { id: `${idPrefix}-title`, label: t('researchAnalysis.memos.memoTitle') },
    body: { id: `${idPrefix}-body`, label: t('researchAnalysis.memos.body') },
  };
  const errors: FormErrors<Field> = client
    ? { fields: client, general: null }
    : problemErrors(save.error, specs, t);
  return (
    <>
      <ErrorSummary key={attempt} errors={errors} specs={specs} />
      <form
        className="wd-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (save.isPending) return;
          setAttempt((n) => n + 1);
          const found: Partial<Record<Field, string>> = {};
          if (!title.trim()) found.title = t('researchAnalysis.errors.title');
          if (!body.trim()) found.body = t('researchAnalysis.errors.body');
          if (Object.keys(found).length) return setClient(found);
          setClient(null);
          save.mutate(
            {
              ...(memo ? { id: memo.id } : {}),
              input: {
                title: title.trim(),
                body,
                ...(attach.codeId || codeId ? { codeId: attach.codeId ?? codeId } : {}),
                ...(attach.interviewId ? { interviewId: attach.interviewId } : {}),
              },
            },
            {
              onSuccess: () => {
                setTitle('');
                setBody('');
                setCodeId('');
                onDone();
              },
            },
          );
        }}
      >
        <TextField
          spec={specs.title}
          error={errors.fields.title}
          maxLength={200}
          autoComplete="off"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <TextAreaField
          spec={specs.body}
          error={errors.fields.body}
          description={t('researchAnalysis.memos.bodyHint')}
          rows={5}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
        {codes && codes.length > 0 && !memo ? (
          <SelectField
            spec={{ id: `${idPrefix}-code`, label: t('researchAnalysis.memos.code') }}
            value={codeId}
            onChange={(e) => setCodeId(e.target.value)}
            options={[
              { value: '', label: t('researchAnalysis.memos.noCode') },
              ...codeOptions(codes),
            ]}
          />
        ) : null}
        <SubmitButton pending={save.isPending} variant="secondary">
          {memo ? t('researchAnalysis.memos.save') : t('researchAnalysis.memos.add')}
        </SubmitButton>
      </form>
    </>
  );
}

/**
 * Memos of an interview, of a code or of the whole study: read, add, edit, delete. The body is
 * stored encrypted; reading it back is audited.
 */
export function Memos(props: {
  slug: string;
  studyId: string;
  idPrefix: string;
  filter: MemoFilter;
  codes?: readonly Code[];
}) {
  const { slug, studyId, idPrefix, filter, codes = [] } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const { data } = useSuspenseQuery(memosQuery(slug, studyId, filter));
  const remove = useDeleteMemo(slug, studyId);
  const feedback = useFeedback();
  const [editing, setEditing] = useState<string | null>(null);
  const listRef = useRef<HTMLHeadingElement>(null);
  const codeName = new Map(codes.map((c) => [c.id, c.name]));
  return (
    <>
      <FeedbackMessage feedback={feedback.feedback} />
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.memos.empty')}</p>
      ) : (
        <ul className="wd-plain-list">
          {data.items.map((m) => (
            <li key={m.id} className="wd-plain-list__item">
              <article aria-labelledby={`${idPrefix}-memo-${m.id}`}>
                <h3 className="utrecht-heading-3" id={`${idPrefix}-memo-${m.id}`}>
                  {m.title}
                </h3>
                <p className="utrecht-paragraph wd-cell-note">
                  {t('researchAnalysis.memos.meta', {
                    author: m.authorName ?? t('researchAnalysis.memos.unknownAuthor'),
                    date: format.dateTime(m.updatedAt),
                  })}
                  {m.codeId && codeName.get(m.codeId)
                    ? ` · ${t('researchAnalysis.memos.aboutCode', { code: codeName.get(m.codeId) })}`
                    : ''}
                </p>
                {editing === m.id ? (
                  <MemoForm
                    slug={slug}
                    studyId={studyId}
                    idPrefix={`${idPrefix}-edit-${m.id}`}
                    memo={m}
                    attach={{}}
                    onDone={() => {
                      setEditing(null);
                      feedback.ok((tt) => tt('researchAnalysis.memos.saved'));
                    }}
                  />
                ) : (
                  <p className="utrecht-paragraph wd-memo-body">{m.body}</p>
                )}
                <span className="wd-actions">
                  <Button
                    variant="secondary"
                    aria-expanded={editing === m.id}
                    onClick={() => setEditing(editing === m.id ? null : m.id)}
                  >
                    {editing === m.id ? t('researchAnalysis.cancel') : t('researchAnalysis.edit')}
                    <span className="wd-visually-hidden"> {m.title}</span>
                  </Button>
                  <Button
                    variant="secondary"
                    danger
                    pending={remove.isPending && remove.variables === m.id}
                    onClick={() =>
                      remove.mutate(m.id, {
                        onSuccess: () => {
                          feedback.ok((tt) =>
                            tt('researchAnalysis.memos.deleted', { title: m.title }),
                          );
                          listRef.current?.focus();
                        },
                        onError: feedback.fail,
                      })
                    }
                  >
                    {t('researchAnalysis.delete')}
                    <span className="wd-visually-hidden"> {m.title}</span>
                  </Button>
                </span>
              </article>
            </li>
          ))}
        </ul>
      )}
      <h3 className="utrecht-heading-3" id={`${idPrefix}-new`} ref={listRef} tabIndex={-1}>
        {t('researchAnalysis.memos.newTitle')}
      </h3>
      <MemoForm
        slug={slug}
        studyId={studyId}
        idPrefix={`${idPrefix}-new-form`}
        attach={filter}
        codes={filter.codeId || filter.interviewId ? undefined : codes}
        onDone={() => feedback.ok((tt) => tt('researchAnalysis.memos.added'))}
      />
    </>
  );
}
