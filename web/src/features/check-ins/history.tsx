import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { ScoreCharts } from './charts.tsx';
import { CheckInTable } from './check-in-table.tsx';
import { myCheckInsQuery, useDeleteCheckIn } from './data.ts';
import { useCheckInFormat } from './format.ts';
import { scoreKeys, type CheckIn, type ScoreKey } from './types.ts';
import type { ScorePoint } from './score-chart.tsx';

/** Per score, the points of check-ins given newest first, in time order for a chart. */
export function scorePoints(
  items: readonly CheckIn[],
  label: (iso: string) => string,
): Record<ScoreKey, ScorePoint[]> {
  const ordered = [...items].reverse();
  const series = (key: ScoreKey) =>
    ordered.map((c) => ({ key: c.id, label: label(c.date), value: c[key] }));
  return Object.fromEntries(scoreKeys.map((key) => [key, series(key)])) as Record<
    ScoreKey,
    ScorePoint[]
  >;
}

/** One's own check-ins: three small charts, the table with the same numbers, and deleting. */
export function CheckInHistory({ slug, page }: { slug: string; page: number }) {
  const { t } = useTranslation();
  const format = useCheckInFormat();
  const { data } = useSuspenseQuery(myCheckInsQuery(slug, page));
  const remove = useDeleteCheckIn(slug);
  const feedback = useFeedback();
  const [deleting, setDeleting] = useState<CheckIn | null>(null);
  // Stable between renders, so the charts are not redrawn on every status message.
  const points = useMemo(() => scorePoints(data.items, format.day), [data.items, format.day]);

  const confirmDelete = () => {
    if (!deleting) return;
    const date = format.date(deleting.date);
    remove.mutate(deleting.id, {
      onSuccess: () => feedback.ok((tt) => tt('checkIns.history.deleted', { date })),
      onError: feedback.fail,
      onSettled: () => setDeleting(null),
    });
  };

  return (
    <section aria-labelledby="check-in-history-title" className="wd-section">
      <h2 className="utrecht-heading-2" id="check-in-history-title">
        {t('checkIns.history.title')}
      </h2>
      <FeedbackMessage feedback={feedback.feedback} />
      {data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t('checkIns.history.empty')}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">{t('checkIns.history.lead')}</p>
          <ScoreCharts points={points} />
          <CheckInTable
            items={data.items}
            caption={t('checkIns.history.caption')}
            actions={(item) => (
              <Button
                variant="secondary"
                danger
                onClick={() => {
                  feedback.clear();
                  setDeleting(item);
                }}
              >
                {t('checkIns.history.delete')}
                <span className="wd-visually-hidden">
                  {' '}
                  {t('checkIns.history.deleteWhich', { date: format.date(item.date) })}
                </span>
              </Button>
            )}
          />
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            link={(target, props) => (
              <Link to="/w/$slug/check-in" params={{ slug }} search={{ page: target }} {...props} />
            )}
          />
        </>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('checkIns.history.deleteTitle')}
        confirmLabel={t('checkIns.history.deleteConfirm')}
        pending={remove.isPending}
        onConfirm={confirmDelete}
        onCancel={() => setDeleting(null)}
      >
        <p className="utrecht-paragraph">
          {deleting
            ? t('checkIns.history.deleteQuestion', { date: format.date(deleting.date) })
            : null}
        </p>
      </ConfirmDialog>
    </section>
  );
}
