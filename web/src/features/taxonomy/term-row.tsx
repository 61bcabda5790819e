import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { Button } from '../../components/button.tsx';
import { problemMessage } from '../../lib/problems.ts';
import type { Term } from '../actors/reference.ts';
import type { TermChange } from './data.ts';

interface TermRowProps {
  term: Term;
  /** 1-based place in the list. */
  place: number;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (by: -1 | 1) => void;
  onArchive: (archived: boolean) => void;
  onRename: (change: TermChange) => Promise<unknown>;
}

/** Button ids, so focus can return to the right button after the list re-renders. */
export const termButtonId = (termId: string, action: 'up' | 'down' | 'edit' | 'archive') =>
  `term-${termId}-${action}`;

function RenameCells({
  term,
  onDone,
  onRename,
}: {
  term: Term;
  onDone: () => void;
  onRename: TermRowProps['onRename'];
}) {
  const { t } = useTranslation();
  const [labelNl, setLabelNl] = useState(term.labelNl);
  const [labelEn, setLabelEn] = useState(term.labelEn);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const errorId = `term-${term.id}-rename-error`;
  const save = async () => {
    if (!labelNl.trim() || !labelEn.trim()) {
      setError(t('areas.taxonomy.bothRequired'));
      return;
    }
    setSaving(true);
    try {
      await onRename({ labelNl: labelNl.trim(), labelEn: labelEn.trim() });
      onDone();
    } catch (err) {
      setError(
        isApiProblem(err) && err.code === 'term_exists'
          ? t('areas.taxonomy.duplicate')
          : problemMessage(err, t),
      );
    } finally {
      setSaving(false);
    }
  };
  const field = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    lang: 'nl' | 'en',
    ref?: Ref<HTMLInputElement>,
  ) => (
    <td className="utrecht-table__cell">
      <label className="utrecht-form-label wd-visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        lang={lang}
        className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
        value={value}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => set(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void save();
          }
          if (event.key === 'Escape') onDone();
        }}
      />
    </td>
  );
  return (
    <>
      {field(
        `term-${term.id}-nl`,
        t('areas.taxonomy.labelNlOf', { name: term.labelNl }),
        labelNl,
        setLabelNl,
        'nl',
        firstRef,
      )}
      {field(
        `term-${term.id}-en`,
        t('areas.taxonomy.labelEnOf', { name: term.labelNl }),
        labelEn,
        setLabelEn,
        'en',
      )}
      <td className="utrecht-table__cell">
        {error ? (
          <p className="utrecht-form-field-error-message" id={errorId} role="alert">
            <span className="wd-visually-hidden">{t('form.errorPrefix')} </span>
            {error}
          </p>
        ) : null}
        <div className="wd-term-actions">
          <Button pending={saving} onClick={() => void save()}>
            {t('common.save')}
            <span className="wd-visually-hidden"> {term.labelNl}</span>
          </Button>
          <Button variant="secondary" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </div>
      </td>
    </>
  );
}

export function TermRow(props: TermRowProps) {
  const { term, place, first, last, busy, onMove, onArchive, onRename } = props;
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const name = term.labelNl;
  const hidden = (text: string) => <span className="wd-visually-hidden"> {text}</span>;
  const stopEditing = () => {
    setEditing(false);
    // Back to the button that opened the fields (it is rendered again after this state change).
    requestAnimationFrame(() => document.getElementById(termButtonId(term.id, 'edit'))?.focus());
  };
  return (
    <tr className={`utrecht-table__row${term.archived ? ' wd-term-archived' : ''}`}>
      <td className="utrecht-table__cell utrecht-table__cell--numeric-data">{place}</td>
      {editing ? (
        <RenameCells term={term} onDone={stopEditing} onRename={onRename} />
      ) : (
        <>
          <th scope="row" className="utrecht-table__header-cell">
            <span lang="nl">{term.labelNl}</span>
            {term.archived ? (
              <>
                {' '}
                <span className="utrecht-status-badge utrecht-status-badge--inactive">
                  {t('areas.taxonomy.archived')}
                </span>
              </>
            ) : null}
          </th>
          <td className="utrecht-table__cell" lang="en">
            {term.labelEn}
          </td>
          <td className="utrecht-table__cell">
            <div className="wd-term-actions">
              {first ? null : (
                <Button
                  id={termButtonId(term.id, 'up')}
                  variant="secondary"
                  pending={busy}
                  onClick={() => onMove(-1)}
                >
                  {t('areas.taxonomy.up')}
                  {hidden(name)}
                </Button>
              )}
              {last ? null : (
                <Button
                  id={termButtonId(term.id, 'down')}
                  variant="secondary"
                  pending={busy}
                  onClick={() => onMove(1)}
                >
                  {t('areas.taxonomy.down')}
                  {hidden(name)}
                </Button>
              )}
              <Button
                id={termButtonId(term.id, 'edit')}
                variant="secondary"
                onClick={() => setEditing(true)}
              >
                {t('areas.taxonomy.rename')}
                {hidden(name)}
              </Button>
              <Button
                id={termButtonId(term.id, 'archive')}
                variant="secondary"
                danger={!term.archived}
                pending={busy}
                onClick={() => onArchive(!term.archived)}
              >
                {term.archived ? t('areas.taxonomy.restore') : t('areas.taxonomy.archive')}
                {hidden(name)}
              </Button>
            </div>
          </td>
        </>
      )}
    </tr>
  );
}
