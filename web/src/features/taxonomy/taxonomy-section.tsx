import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { Table, TableHead } from '../../components/table.tsx';
import { termsQuery, type Term } from '../actors/reference.ts';
import {
  inOrder,
  reorder,
  termKinds,
  useChangeTerm,
  useMoveTerm,
  type TermChange,
  type TermKind,
} from './data.ts';
import { kindPluralLabel } from './labels.ts';
import { TermForm } from './term-form.tsx';
import { termButtonId, TermRow } from './term-row.tsx';
import '../../styles/map.css';

/** After the list re-renders, focus the moved term's button (or its other arrow at an end). */
function refocus(termId: string, preferred: 'up' | 'down') {
  const other = preferred === 'up' ? 'down' : 'up';
  requestAnimationFrame(() => {
    const target =
      document.getElementById(termButtonId(termId, preferred)) ??
      document.getElementById(termButtonId(termId, other));
    target?.focus();
  });
}

export function TaxonomySection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { data: terms } = useSuspenseQuery(termsQuery(slug));
  const change = useChangeTerm(slug);
  const move = useMoveTerm(slug);
  const feedback = useFeedback();
  const busy = change.isPending || move.isPending;

  const onMove = (list: Term[], term: Term, by: -1 | 1) => {
    feedback.clear();
    const changes = reorder(list, term.id, by);
    if (changes.length === 0) return;
    const place = list.findIndex((x) => x.id === term.id) + 1 + by;
    move.mutate(changes, {
      onSuccess: () => {
        feedback.ok((tt) => tt('areas.taxonomy.moved', { name: term.labelNl, place }));
        refocus(term.id, by === -1 ? 'up' : 'down');
      },
      onError: feedback.fail,
    });
  };

  const onArchive = (term: Term, archived: boolean) => {
    feedback.clear();
    change.mutate(
      { id: term.id, change: { archived } },
      {
        onSuccess: () => {
          feedback.ok((tt) =>
            tt(archived ? 'areas.taxonomy.archivedDone' : 'areas.taxonomy.restored', {
              name: term.labelNl,
            }),
          );
          requestAnimationFrame(() =>
            document.getElementById(termButtonId(term.id, 'archive'))?.focus(),
          );
        },
        onError: feedback.fail,
      },
    );
  };

  const onRename = (term: Term, values: TermChange) =>
    change.mutateAsync({ id: term.id, change: values }).then((saved) => {
      feedback.ok((tt) => tt('areas.taxonomy.renamed', { name: saved.labelNl }));
    });

  const table = (kind: TermKind) => {
    const list = inOrder(terms, kind);
    const title = kindPluralLabel(kind, t);
    const id = `terms-${kind}-title`;
    return (
      <section key={kind} className="wd-section" aria-labelledby={id}>
        <h2 className="utrecht-heading-2" id={id}>
          {title}
        </h2>
        {list.length === 0 ? (
          <p className="utrecht-paragraph">{t('areas.taxonomy.empty')}</p>
        ) : (
          <Table caption={t('areas.taxonomy.caption', { kind: title, count: list.length })}>
            <TableHead
              columns={[
                t('areas.taxonomy.place'),
                t('areas.taxonomy.labelNl'),
                t('areas.taxonomy.labelEn'),
                t('common.actions'),
              ]}
            />
            <tbody className="utrecht-table__body">
              {list.map((term, index) => (
                <TermRow
                  key={term.id}
                  term={term}
                  place={index + 1}
                  first={index === 0}
                  last={index === list.length - 1}
                  busy={busy}
                  onMove={(by) => onMove(list, term, by)}
                  onArchive={(archived) => onArchive(term, archived)}
                  onRename={(values) => onRename(term, values)}
                />
              ))}
            </tbody>
          </Table>
        )}
      </section>
    );
  };

  return (
    <>
      <FeedbackMessage feedback={feedback.feedback} />
      {termKinds.map(table)}
      <TermForm
        slug={slug}
        onAdded={(name) => feedback.ok((tt) => tt('areas.taxonomy.added', { name }))}
      />
    </>
  );
}
