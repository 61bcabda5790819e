import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, StatusMessage } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { problemMessage } from '../../lib/problems.ts';
import {
  useCopyItems,
  useCreateItem,
  useDeleteItem,
  useReorderItems,
  useUpdateItem,
} from './api.ts';
import { CopyItemsForm } from './copy-items-form.tsx';
import { ItemEditor } from './item-editor.tsx';
import { move } from './item-draft.ts';
import { ItemSummary } from './item-summary.tsx';
import type { Item, Wave, WaveDetail } from './types.ts';

/**
 * The questionnaire builder: the wave's items in order; while the wave is a draft, add, edit,
 * delete and reorder them, or copy every item of another wave (same codes, so waves compare).
 */
export function ItemBuilder({
  slug,
  studyId,
  wave,
  otherWaves,
}: {
  slug: string;
  studyId: string;
  wave: WaveDetail;
  otherWaves: Wave[];
}) {
  const { t } = useTranslation();
  const waveId = wave.id;
  const create = useCreateItem(slug, studyId, waveId);
  const update = useUpdateItem(slug, studyId, waveId);
  const remove = useDeleteItem(slug, studyId, waveId);
  const reorder = useReorderItems(slug, studyId, waveId);
  const copy = useCopyItems(slug, studyId, waveId);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  // A fresh new-question form after each added question (a remount), at the moment it is saved:
  // keyed on the list's length it reset when the list refetched, losing what was typed meanwhile.
  const [added, setAdded] = useState(0);
  const [deleting, setDeleting] = useState<Item | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // After an action the element to focus (by id) once the list re-rendered.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current || deleting) return;
    const el = document.getElementById(focusNext.current);
    if (el) {
      el.focus();
      focusNext.current = null;
    }
  });
  const editable = wave.status === 'draft';
  const items = wave.items;
  const codes = (except?: string) => items.filter((i) => i.id !== except).map((i) => i.code);
  const actionError = remove.error ?? reorder.error;

  const shift = (index: number, by: -1 | 1) => {
    const ids = move(
      items.map((i) => i.id),
      index,
      by,
    );
    const item = items[index]!;
    reorder.mutate(ids, {
      onSuccess: () => {
        const to = index + by;
        const dir = (by === -1 && to > 0) || to === items.length - 1 ? 'up' : 'down';
        focusNext.current = `item-${item.id}-${dir}`;
        setMessage(t('research.builder.moved', { code: item.code, position: to + 1 }));
      },
    });
  };

  return (
    <section className="wd-section" aria-labelledby="builder-title">
      <h2 className="utrecht-heading-2" id="builder-title" tabIndex={-1}>
        {t('research.builder.title', { count: items.length })}
      </h2>
      <StatusMessage message={message} />
      {actionError ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(actionError, t)}</p>
        </Alert>
      ) : null}
      <p className="utrecht-paragraph">
        {editable ? t('research.builder.draftHint') : t('research.builder.lockedHint')}
      </p>
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{t('research.builder.empty')}</p>
      ) : (
        <ol className="utrecht-ordered-list">
          {items.map((item, index) => (
            <li key={item.id} className="utrecht-ordered-list__item wd-stack-item">
              {editing === item.id ? (
                <section aria-labelledby={`item-${item.id}-edit`}>
                  <h3 className="utrecht-heading-3" id={`item-${item.id}-edit`}>
                    {t('research.builder.editTitle', { code: item.code })}
                  </h3>
                  <ItemEditor
                    prefix={`item-${item.id}`}
                    item={item}
                    takenCodes={codes(item.id)}
                    pending={update.isPending}
                    error={update.error}
                    submitLabel={t('research.builder.save')}
                    onSubmit={(input) =>
                      update.mutate(
                        { id: item.id, ...input },
                        {
                          onSuccess: (saved) => {
                            focusNext.current = `item-${item.id}-edit-button`;
                            setEditing(null);
                            setMessage(t('research.builder.saved', { code: saved.code }));
                          },
                        },
                      )
                    }
                    onCancel={() => {
                      focusNext.current = `item-${item.id}-edit-button`;
                      setEditing(null);
                    }}
                  />
                </section>
              ) : (
                <ItemSummary item={item}>
                  {editable ? (
                    <div className="utrecht-button-group">
                      <Button
                        variant="secondary"
                        id={`item-${item.id}-edit-button`}
                        onClick={() => {
                          update.reset();
                          setAdding(false);
                          setEditing(item.id);
                          focusNext.current = `item-${item.id}-code`;
                        }}
                      >
                        {t('research.builder.edit', { code: item.code })}
                      </Button>
                      {index > 0 ? (
                        <Button
                          variant="secondary"
                          id={`item-${item.id}-up`}
                          pending={reorder.isPending}
                          onClick={() => shift(index, -1)}
                        >
                          {t('research.builder.up', { code: item.code })}
                        </Button>
                      ) : null}
                      {index < items.length - 1 ? (
                        <Button
                          variant="secondary"
                          id={`item-${item.id}-down`}
                          pending={reorder.isPending}
                          onClick={() => shift(index, 1)}
                        >
                          {t('research.builder.down', { code: item.code })}
                        </Button>
                      ) : null}
                      <Button variant="secondary" danger onClick={() => setDeleting(item)}>
                        {t('research.builder.delete', { code: item.code })}
                      </Button>
                    </div>
                  ) : null}
                </ItemSummary>
              )}
            </li>
          ))}
        </ol>
      )}
      {editable ? (
        adding ? (
          <section aria-labelledby="item-new-title">
            <h3 className="utrecht-heading-3" id="item-new-title">
              {t('research.builder.addTitle')}
            </h3>
            <ItemEditor
              key={added}
              prefix="item-new"
              takenCodes={codes()}
              pending={create.isPending}
              error={create.error}
              submitLabel={t('research.builder.add')}
              onSubmit={(input) =>
                create.mutate(input, {
                  onSuccess: (saved) => {
                    create.reset();
                    setAdded((n) => n + 1);
                    focusNext.current = 'item-new-code';
                    setMessage(t('research.builder.added', { code: saved.code }));
                  },
                })
              }
              onCancel={() => {
                focusNext.current = 'item-add-button';
                setAdding(false);
              }}
            />
          </section>
        ) : (
          <p className="utrecht-paragraph">
            <Button
              id="item-add-button"
              onClick={() => {
                setEditing(null);
                setAdding(true);
                focusNext.current = 'item-new-code';
              }}
            >
              {t('research.builder.addOpen')}
            </Button>
          </p>
        )
      ) : null}
      {editable && items.length === 0 ? (
        <CopyItemsForm
          waves={otherWaves.filter((w) => w.id !== waveId && w.itemCount > 0)}
          pending={copy.isPending}
          error={copy.error}
          onCopy={(fromWaveId, title) =>
            copy.mutate(fromWaveId, {
              onSuccess: (res) => {
                focusNext.current = 'builder-title';
                setMessage(t('research.builder.copied', { count: res.items.length, wave: title }));
              },
            })
          }
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('research.builder.deleteTitle', { code: deleting?.code ?? '' })}
        confirmLabel={t('research.builder.deleteConfirm')}
        pending={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              focusNext.current = 'builder-title';
              setMessage(t('research.builder.deleted', { code: deleting.code }));
              setDeleting(null);
            },
            onError: () => setDeleting(null),
          })
        }
        onCancel={() => setDeleting(null)}
      >
        <p className="utrecht-paragraph">{t('research.builder.deleteBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
