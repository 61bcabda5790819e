import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { useDeleteSegment } from './data.ts';
import { excerpt } from './offsets.ts';
import type { Segment } from './types.ts';

interface SegmentListProps {
  slug: string;
  studyId: string;
  idPrefix: string;
  segments: readonly Segment[];
  active: string | null;
  onShow: (id: string | null) => void;
}

/** The coded segments of a text, in reading order: show one highlighted, or remove it. */
export function SegmentList(props: SegmentListProps) {
  const { slug, studyId, idPrefix, segments, active, onShow } = props;
  const { t } = useTranslation();
  const remove = useDeleteSegment(slug, studyId);
  const feedback = useFeedback();
  const captionRef = useRef<HTMLHeadingElement>(null);
  const sorted = [...segments].sort((a, b) => a.start - b.start || a.end - b.end);
  return (
    <div className="wd-stack-item">
      <h3 className="utrecht-heading-3" id={`${idPrefix}-segments`} ref={captionRef} tabIndex={-1}>
        {t('researchAnalysis.coding.segmentsTitle', { count: segments.length })}
      </h3>
      <FeedbackMessage feedback={feedback.feedback} />
      {sorted.length === 0 ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.coding.noSegments')}</p>
      ) : (
        <Table caption={t('researchAnalysis.coding.segmentsCaption')} captionHidden>
          <TableHead
            columns={[
              t('researchAnalysis.coding.code'),
              t('researchAnalysis.coding.fragment'),
              t('researchAnalysis.coding.position'),
              t('researchAnalysis.actions'),
            ]}
          />
          <tbody className="utrecht-table__body">
            {sorted.map((s) => (
              <tr key={s.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {s.codeName}
                </th>
                <td className="utrecht-table__cell">{excerpt(s.text, 100)}</td>
                <td className="utrecht-table__cell wd-nowrap">
                  {t('researchAnalysis.coding.range', { start: s.start, end: s.end })}
                </td>
                <td className="utrecht-table__cell">
                  <span className="wd-actions">
                    <Button
                      variant="secondary"
                      aria-pressed={active === s.id}
                      onClick={() => onShow(active === s.id ? null : s.id)}
                    >
                      {t('researchAnalysis.coding.show')}
                      <span className="wd-visually-hidden">
                        {' '}
                        {t('researchAnalysis.coding.segmentName', {
                          code: s.codeName,
                          start: s.start,
                        })}
                      </span>
                    </Button>
                    <Button
                      variant="secondary"
                      danger
                      pending={remove.isPending && remove.variables === s.id}
                      onClick={() =>
                        remove.mutate(s.id, {
                          onSuccess: () => {
                            if (active === s.id) onShow(null);
                            feedback.ok((tt) =>
                              tt('researchAnalysis.coding.removed', { code: s.codeName }),
                            );
                            captionRef.current?.focus();
                          },
                          onError: feedback.fail,
                        })
                      }
                    >
                      {t('researchAnalysis.coding.remove')}
                      <span className="wd-visually-hidden">
                        {' '}
                        {t('researchAnalysis.coding.segmentName', {
                          code: s.codeName,
                          start: s.start,
                        })}
                      </span>
                    </Button>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
