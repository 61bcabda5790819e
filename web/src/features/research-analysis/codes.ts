// Pure helpers for the code tree (codes come depth-first from the API, but nothing here relies
// on that order beyond keeping siblings in their given order).

export interface CodeLike {
  id: string;
  parentId: string | null;
  name: string;
  position: number;
}

export interface TreeNode<C extends CodeLike> {
  code: C;
  depth: number;
  children: Array<TreeNode<C>>;
}

/** The forest of codes; a code whose parent is missing becomes a root. Siblings by position. */
export function codeTree<C extends CodeLike>(codes: readonly C[]): Array<TreeNode<C>> {
  const ids = new Set(codes.map((c) => c.id));
  const byParent = new Map<string | null, C[]>();
  for (const code of codes) {
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), code]);
  }
  const seen = new Set<string>();
  const build = (parent: string | null, depth: number): Array<TreeNode<C>> =>
    [...(byParent.get(parent) ?? [])]
      .sort((a, b) => a.position - b.position)
      .filter((c) => !seen.has(c.id) && seen.add(c.id))
      .map((code) => ({ code, depth, children: build(code.id, depth + 1) }));
  return build(null, 0);
}

/** Depth-first list with depths: parents before children (for selects and tables). */
export function flattenTree<C extends CodeLike>(
  tree: ReadonlyArray<TreeNode<C>>,
): Array<{ code: C; depth: number }> {
  return tree.flatMap((node) => [
    { code: node.code, depth: node.depth },
    ...flattenTree(node.children),
  ]);
}

/** The code and all codes below it: none of them can become its new parent (a cycle). */
export function subtreeIds(codes: readonly CodeLike[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes) {
      if (c.parentId && out.has(c.parentId) && !out.has(c.id)) {
        out.add(c.id);
        grew = true;
      }
    }
  }
  return out;
}

/** "Ouder › Kind › Kleinkind". */
export function codePath(codes: readonly CodeLike[], id: string): string {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const names: string[] = [];
  const seen = new Set<string>();
  for (
    let c = byId.get(id);
    c && !seen.has(c.id);
    c = c.parentId ? byId.get(c.parentId) : undefined
  ) {
    seen.add(c.id);
    names.unshift(c.name);
  }
  return names.join(' › ');
}

/** Options for a code select: indented by depth with non-breaking spaces, in tree order. */
export function codeOptions(codes: readonly CodeLike[]): Array<{ value: string; label: string }> {
  return flattenTree(codeTree(codes)).map(({ code, depth }) => ({
    value: code.id,
    label: `${'\u00a0\u00a0'.repeat(depth)}${code.name}`,
  }));
}
