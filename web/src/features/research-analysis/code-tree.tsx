import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/client.ts';
import { Button } from '../../components/button.tsx';
import { FeedbackMessage, useFeedback } from '../../components/feedback.tsx';
import { CodeForm } from './code-form.tsx';
import { codeTree, type TreeNode } from './codes.ts';
import { useDeleteCode, useSaveCode } from './data.ts';
import type { Code } from './types.ts';

type Mode = { kind: 'edit'; id: string } | { kind: 'child'; id: string } | null;

/**
 * The codebook as a nested list: each code with its definition and how often it is used, and
 * buttons to edit (rename, define, move), add a subcode, move up or down among its siblings and
 * delete (refused while the code or a subcode has coded segments).
 */
export function CodeTree(props: { slug: string; studyId: string; codes: readonly Code[] }) {
  const { slug, studyId, codes } = props;
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(null);
  const feedback = useFeedback();
  const remove = useDeleteCode(slug, studyId);
  const move = useSaveCode(slug, studyId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const tree = codeTree(codes);

  const node = (n: TreeNode<Code>, siblings: ReadonlyArray<TreeNode<Code>>, index: number) => {
    const c = n.code;
    const nameId = `code-${c.id}-name`;
    const swap = (other: TreeNode<Code> | undefined) => {
      if (!other) return;
      move.mutate(
        { id: c.id, input: { position: other.code.position } },
        { onError: feedback.fail },
      );
    };
    return (
      <li key={c.id} className="wd-code-tree__item">
        <p className="utrecht-paragraph wd-code-tree__definition">
          <strong id={nameId}>{c.name}</strong>{' '}
          {t('researchAnalysis.codebook.uses', { count: c.segmentCount })}
        </p>
        {c.definition ? (
          <p className="utrecht-paragraph wd-code-tree__definition wd-memo-body">{c.definition}</p>
        ) : null}
        <span className="wd-actions">
          <Button
            variant="secondary"
            aria-expanded={mode?.kind === 'edit' && mode.id === c.id}
            onClick={() =>
              setMode(mode?.kind === 'edit' && mode.id === c.id ? null : { kind: 'edit', id: c.id })
            }
          >
            {t('researchAnalysis.edit')}
            <span className="wd-visually-hidden"> {c.name}</span>
          </Button>
          <Button
            variant="secondary"
            aria-expanded={mode?.kind === 'child' && mode.id === c.id}
            onClick={() =>
              setMode(
                mode?.kind === 'child' && mode.id === c.id ? null : { kind: 'child', id: c.id },
              )
            }
          >
            {t('researchAnalysis.codebook.addChild')}
            <span className="wd-visually-hidden"> {c.name}</span>
          </Button>
          {index > 0 ? (
            <Button variant="secondary" onClick={() => swap(siblings[index - 1])}>
              {t('researchAnalysis.codebook.up')}
              <span className="wd-visually-hidden"> {c.name}</span>
            </Button>
          ) : null}
          {index < siblings.length - 1 ? (
            <Button variant="secondary" onClick={() => swap(siblings[index + 1])}>
              {t('researchAnalysis.codebook.down')}
              <span className="wd-visually-hidden"> {c.name}</span>
            </Button>
          ) : null}
          <Button
            variant="secondary"
            danger
            pending={remove.isPending && remove.variables === c.id}
            onClick={() =>
              remove.mutate(c.id, {
                onSuccess: () => {
                  feedback.ok((tt) => tt('researchAnalysis.codebook.deleted', { name: c.name }));
                  headingRef.current?.focus();
                },
                onError: (error) =>
                  isApiProblem(error) && error.status === 409
                    ? feedback.ok((tt) => tt('researchAnalysis.codebook.inUse', { name: c.name }))
                    : feedback.fail(error),
              })
            }
          >
            {t('researchAnalysis.delete')}
            <span className="wd-visually-hidden"> {c.name}</span>
          </Button>
        </span>
        {mode && mode.id === c.id ? (
          <CodeForm
            slug={slug}
            studyId={studyId}
            idPrefix={`code-${c.id}-${mode.kind}`}
            codes={codes}
            {...(mode.kind === 'edit' ? { code: c } : { parentId: c.id })}
            onDone={(saved) => {
              setMode(null);
              feedback.ok((tt) => tt('researchAnalysis.codebook.saved', { name: saved.name }));
            }}
          />
        ) : null}
        {n.children.length ? (
          <ul>{n.children.map((child, i) => node(child, n.children, i))}</ul>
        ) : null}
      </li>
    );
  };

  return (
    <>
      <h3 className="utrecht-heading-3" ref={headingRef} tabIndex={-1}>
        {t('researchAnalysis.codebook.treeTitle', { count: codes.length })}
      </h3>
      <FeedbackMessage feedback={feedback.feedback} />
      {tree.length === 0 ? (
        <p className="utrecht-paragraph">{t('researchAnalysis.codebook.empty')}</p>
      ) : (
        <ul className="wd-code-tree">{tree.map((n, i) => node(n, tree, i))}</ul>
      )}
      <h3 className="utrecht-heading-3">{t('researchAnalysis.codebook.newTitle')}</h3>
      <CodeForm
        slug={slug}
        studyId={studyId}
        idPrefix="code-new"
        codes={codes}
        onDone={(saved) =>
          feedback.ok((tt) => tt('researchAnalysis.codebook.added', { name: saved.name }))
        }
      />
    </>
  );
}
