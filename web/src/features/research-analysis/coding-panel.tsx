import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../../components/form-fields.tsx';
import { problemErrors, type FieldSpecs, type FormErrors } from '../../lib/form.ts';
import { codeOptions } from './codes.ts';
import { useAddSegment } from './data.ts';
import { excerpt, paragraphsOf, piecesOf, spanError } from './offsets.ts';
import { SegmentList } from './segment-list.tsx';
import { selectionSpan } from './selection.ts';
import type { Code, Segment, SegmentSource } from './types.ts';

type Field = 'codeId' | 'start' | 'end';

interface CodingPanelProps {
  slug: string;
  studyId: string;
  /** Unique on the page: prefixes every id. */
  idPrefix: string;
  /** Names the text region ("Transcript", "Antwoord van P-…"). */
  label: string;
  text: string;
  segments: readonly Segment[];
  codes: readonly Code[];
  source: SegmentSource;
}

/**
 * Coding a text: select a passage with the mouse (or caret browsing), or choose a paragraph, or
 * type its start and end; choose a code; "Codeer selectie". Coded passages are highlighted and
 * listed, each with a button to remove it.
 */
export function CodingPanel(props: CodingPanelProps) {
  const { slug, studyId, idPrefix, label, text, segments, codes, source } = props;
  const { t } = useTranslation();
  const textRef = useRef<HTMLDivElement>(null);
  const add = useAddSegment(slug, studyId);
  const feedback = useFeedback();
  const [codeId, setCodeId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [paragraph, setParagraph] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const [client, setClient] = useState<Partial<Record<Field, string>> | null>(null);
  const [attempt, setAttempt] = useState(0);

  const pieces = useMemo(() => piecesOf(text, segments), [text, segments]);
  const paragraphs = useMemo(() => paragraphsOf(text), [text]);

  // A selection inside the text fills start and end (UTF-16 offsets into the plain text).
  useEffect(() => {
    const onChange = () => {
      const el = textRef.current;
      if (!el) return;
      const span = selectionSpan(el, text);
      if (!span) return;
      setStart(String(span.start));
      setEnd(String(span.end));
      setParagraph('');
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [text]);

  // "Toon" on a listed segment: scroll its highlight into view.
  useEffect(() => {
    if (!active) return;
    textRef.current
      ?.querySelector('.wd-transcript__mark--active')
      ?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const specs: FieldSpecs<Field> = {
    codeId: { id: `${idPrefix}-code`, label: t('researchAnalysis.coding.code') },
    start: { id: `${idPrefix}-start`, label: t('researchAnalysis.coding.start') },
    end: { id: `${idPrefix}-end`, label: t('researchAnalysis.coding.end') },
  };
  const errors: FormErrors<Field> = client
    ? { fields: client, general: null }
    : problemErrors(add.error, specs, t);

  const span = { start: Number(start), end: Number(end) };
  const hasSpan = start !== '' && end !== '' && spanError(span, text.length) === null;

  const submit = () => {
    setAttempt((n) => n + 1);
    feedback.clear();
    const found: Partial<Record<Field, string>> = {};
    if (!codeId) found.codeId = t('researchAnalysis.errors.code');
    const problem = start === '' || end === '' ? 'range' : spanError(span, text.length);
    if (problem === 'range') {
      found.start = t('researchAnalysis.errors.spanRange', { length: text.length });
    } else if (problem === 'order') found.end = t('researchAnalysis.errors.spanOrder');
    if (Object.keys(found).length > 0) {
      setClient(found);
      return;
    }
    setClient(null);
    add.mutate(
      { ...source, codeId, start: span.start, end: span.end },
      {
        onSuccess: (segment) => {
          feedback.ok((tt) =>
            tt('researchAnalysis.coding.coded', {
              code: segment.codeName,
              text: excerpt(segment.text, 60),
            }),
          );
          setStart('');
          setEnd('');
          setParagraph('');
          document.getSelection()?.removeAllRanges();
        },
      },
    );
  };

  return (
    <div className="wd-stack-item">
      <div
        ref={textRef}
        className="wd-transcript"
        role="region"
        aria-label={label}
        tabIndex={0}
        id={`${idPrefix}-text`}
      >
        {pieces.map((p) =>
          p.segmentIds.length ? (
            <mark
              key={p.start}
              className={
                active && p.segmentIds.includes(active) ? 'wd-transcript__mark--active' : undefined
              }
              data-start={p.start}
            >
              {p.text}
            </mark>
          ) : (
            <span key={p.start} data-start={p.start}>
              {p.text}
            </span>
          ),
        )}
      </div>
      <p className="utrecht-paragraph" id={`${idPrefix}-selection`}>
        {hasSpan
          ? t('researchAnalysis.coding.selected', {
              start: span.start,
              end: span.end,
              text: excerpt(text.slice(span.start, span.end), 120),
            })
          : t('researchAnalysis.coding.howTo')}
      </p>
      <ErrorSummary key={attempt} errors={errors} specs={specs} />
      <FeedbackMessage feedback={feedback.feedback} />
      {codes.length === 0 ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.coding.noCodes')}</p>
      ) : (
        <form
          className="wd-form"
          noValidate
          aria-label={t('researchAnalysis.coding.formLabel', { label })}
          onSubmit={(e) => {
            e.preventDefault();
            if (!add.isPending) submit();
          }}
        >
          <SelectField
            spec={specs.codeId}
            error={errors.fields.codeId}
            value={codeId}
            onChange={(e) => setCodeId(e.target.value)}
            options={[{ value: '', label: t('researchAnalysis.choose') }, ...codeOptions(codes)]}
          />
          {paragraphs.length > 1 ? (
            <SelectField
              spec={{ id: `${idPrefix}-paragraph`, label: t('researchAnalysis.coding.paragraph') }}
              description={t('researchAnalysis.coding.paragraphHint')}
              value={paragraph}
              onChange={(e) => {
                setParagraph(e.target.value);
                const chosen = paragraphs[Number(e.target.value)];
                if (chosen) {
                  setStart(String(chosen.start));
                  setEnd(String(chosen.end));
                }
              }}
              options={[
                { value: '', label: t('researchAnalysis.coding.noParagraph') },
                ...paragraphs.map((s, i) => ({
                  value: String(i),
                  label: t('researchAnalysis.coding.paragraphOption', {
                    n: i + 1,
                    text: excerpt(text.slice(s.start, s.end), 60),
                  }),
                })),
              ]}
            />
          ) : null}
          <div className="wd-row-form">
            <TextField
              spec={specs.start}
              error={errors.fields.start}
              inputMode="numeric"
              autoComplete="off"
              value={start}
              onChange={(e) => {
                setStart(e.target.value.trim());
                setParagraph('');
              }}
            />
            <TextField
              spec={specs.end}
              error={errors.fields.end}
              description={t('researchAnalysis.coding.offsetHint', { length: text.length })}
              inputMode="numeric"
              autoComplete="off"
              value={end}
              onChange={(e) => {
                setEnd(e.target.value.trim());
                setParagraph('');
              }}
            />
          </div>
          <SubmitButton pending={add.isPending}>{t('researchAnalysis.coding.submit')}</SubmitButton>
        </form>
      )}
      <SegmentList
        slug={slug}
        studyId={studyId}
        idPrefix={idPrefix}
        segments={segments}
        active={active}
        onShow={setActive}
      />
    </div>
  );
}
